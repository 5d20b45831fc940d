import Diagnostics
import Foundation
import Load
import Model
import Yams

/// Reads one YAML mapping by its description (`MappingShape`), reporting unknown keys (with the
/// likely intended one), missing keys at the mapping's start and mistyped values at the value.
/// Every key the validators read is described there: reading a key the shape lacks is a
/// programming error, so the schema `valgrund schema` writes holds every key the validator knows.
struct MappingReader {
    let document: YAMLDocument
    let log: DiagnosticLog
    let shape: MappingShape
    /// Where missing keys are reported; the mapping itself unless the caller knows better (front matter: its `---`).
    let start: SourceLocation
    private(set) var pairs: [(key: String, keyNode: Node, value: Node)] = []
    /// Allowed keys that an unknown key was probably meant to be: their absence is not reported again.
    private var misspelt: Set<String> = []

    /// nil (after an error at the node) when the node is not a mapping.
    /// - Parameter what: how messages name the mapping; the shape's `what` when nil.
    init?(
        _ node: Node?, in document: YAMLDocument, log: DiagnosticLog, shape: MappingShape,
        start: SourceLocation? = nil, what: Message? = nil
    ) {
        self.document = document
        self.log = log
        self.shape = shape
        let what = what ?? shape.what ?? "the mapping"
        let allowed = shape.names
        guard let node else {
            self.start = start ?? document.start
            return
        }
        self.start = start ?? document.location(of: node)
        guard case .mapping(let mapping) = node else {
            log.error(
                "\(what) must be a mapping of keys and values (like `key: value`), not \(describe(node))",
                at: document.location(of: node))
            return nil
        }
        for (keyNode, value) in mapping {
            guard case .scalar(let scalar) = keyNode else {
                log.error("a key must be a plain word, not \(describe(keyNode))", at: document.location(of: keyNode))
                continue
            }
            let key = scalar.string
            if !allowed.contains(key) {
                let meant = Suggestion.closest(to: key, in: allowed)
                if let meant { misspelt.insert(meant) }
                log.error(
                    "unknown key '\(key)' in \(what)\(Suggestion.hint(meant))",
                    at: document.location(of: keyNode))
                continue
            }
            pairs.append((key, keyNode, value))
        }
    }

    /// The description of `key`; reading a key the shape does not describe is a programming error.
    func rule(_ key: String) -> Key {
        guard let rule = shape.key(key) else { preconditionFailure("the key '\(key)' is not described in its MappingShape") }
        return rule
    }

    /// The value of `key`; nil when it is absent or written without a value (`key:`), which counts as not given.
    func node(_ key: String) -> Node? {
        _ = rule(key)
        guard let value = pairs.first(where: { $0.key == key })?.value else { return nil }
        if case .scalar(let scalar) = value, isNull(scalar) { return nil }
        return value
    }

    /// The value of a key of any shape, reported missing by its description when it is required and absent.
    func requiredNode(_ key: String) -> Node? {
        if let node = node(key) { return node }
        if let required = rule(key).required { missing(key, required) }
        return nil
    }

    /// Whether the key is written, even without a value.
    func has(_ key: String) -> Bool { pairs.contains { $0.key == key } }

    func location(_ key: String) -> SourceLocation? {
        node(key).map { document.location(of: $0) }
    }

    func location(ofKey key: String) -> SourceLocation? {
        pairs.first { $0.key == key }.map { document.location(of: $0.keyNode) }
    }

    func missing(_ key: String, _ what: Message) {
        if misspelt.contains(key) { return }
        if let written = pairs.first(where: { $0.key == key }) {
            log.error("'\(key)' has no value: \(what)", at: document.location(of: written.value))
        } else {
            log.error("'\(key)' is missing: \(what)", at: start)
        }
    }

    // MARK: Typed values

    /// Text; an empty text counts as not given, so a template's `manager: ""` is simply unfilled.
    /// - Parameter required: the hint when the key is required here though its description does
    ///   not require it everywhere (a question page's `assessment`); the description's otherwise.
    func string(_ key: String, required: Message? = nil) -> Located<String>? {
        let required = required ?? rule(key).required
        guard let node = node(key), let value = ValueReader(document: document, log: log).string(node, key: key) else {
            if let required, node(key) == nil { missing(key, required) }
            return nil
        }
        // Only white space: the characters of Foundation's `whitespacesAndNewlines`, asked scalar by
        // scalar so that a written value is told at its first letter (trimming copied every value).
        if value.value.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
            if let required { log.error("'\(key)' is empty: \(required)", at: value.location) }
            return nil
        }
        return value
    }

    /// A whole number in the range the key's description gives, or in `range` when the caller
    /// knows the site's own (`SiteRange`).
    func int(_ key: String, in range: ClosedRange<Int>? = nil) -> Located<Int>? {
        let rule = rule(key)
        guard let node = node(key) else {
            if let required = rule.required { missing(key, required) }
            return nil
        }
        guard let range = range ?? rule.shape.wholeRange else { preconditionFailure("'\(key)' is not described as a whole number") }
        return ValueReader(document: document, log: log).int(node, key: key, in: range)
    }

    func bool(_ key: String) -> Located<Bool>? {
        node(key).flatMap { ValueReader(document: document, log: log).bool($0, key: key) }
    }

    func day(_ key: String) -> Located<Day>? {
        guard let node = node(key) else {
            if let required = rule(key).required { missing(key, required) }
            return nil
        }
        return ValueReader(document: document, log: log).day(node, key: key)
    }

    func number(_ key: String) -> Located<Double>? {
        node(key).flatMap { ValueReader(document: document, log: log).number($0, key: key) }
    }

    func stringList(_ key: String) -> [Located<String>]? {
        guard let node = node(key) else {
            if let required = rule(key).required { missing(key, required) }
            return nil
        }
        return ValueReader(document: document, log: log).stringList(node, key: key)
    }

    /// The key's value read by its own description.
    func mapping(_ key: String) -> MappingReader? {
        guard let node = node(key) else { return nil }
        guard let shape = rule(key).shape.mapping else { preconditionFailure("'\(key)' is not described as a mapping") }
        return MappingReader(node, in: document, log: log, shape: shape, what: shape.what ?? .verbatim("'\(key)'"))
    }
}

extension Shape {
    /// The range of a whole number, as the description gives it without a site.
    var wholeRange: ClosedRange<Int>? {
        if case .whole(let range, _) = self { return range }
        return nil
    }
}

/// Reads single YAML values as the types the content format asks for.
struct ValueReader {
    let document: YAMLDocument
    let log: DiagnosticLog

    func at(_ node: Node) -> SourceLocation { document.location(of: node) }

    func string(_ node: Node, key: String) -> Located<String>? {
        guard case .scalar(let scalar) = node else {
            log.error("'\(key)' must be text, not \(describe(node))", at: at(node))
            return nil
        }
        if isNull(scalar) {
            log.error("'\(key)' has no value", at: at(node))
            return nil
        }
        return Located(scalar.string, at: at(node))
    }

    /// Every whole number is read against a range, so that no sum, difference or loop over it
    /// downstream can overflow; `range` defaults to `ContentLimits.wholeNumbers`.
    func int(_ node: Node, key: String, in range: ClosedRange<Int> = NumberLimits.wholeNumbers) -> Located<Int>? {
        guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any else {
            log.error("'\(key)' must be a whole number, not \(describe(node))", at: at(node))
            return nil
        }
        let text = scalar.string.hasPrefix("+") ? String(scalar.string.dropFirst()) : scalar.string
        guard let value = Int(text) else {
            // Digits too many for any machine number are a number out of range, not a word.
            let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
            if !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) {
                log.error("'\(key)' must be between \(range.lowerBound) and \(range.upperBound), not \(describe(node))", at: at(node))
            } else {
                log.error("'\(key)' must be a whole number, not \(describe(node))", at: at(node))
            }
            return nil
        }
        if !range.contains(value) {
            log.error("'\(key)' must be between \(range.lowerBound) and \(range.upperBound), not \(value)", at: at(node))
            return nil
        }
        return Located(value, at: at(node))
    }

    func number(_ node: Node, key: String) -> Located<Double>? {
        guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any else {
            log.error("'\(key)' must be a number, not \(describe(node))", at: at(node))
            return nil
        }
        let text = scalar.string
        if let value = Double(text), value.isFinite, text.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" }) {
            return Located(value, at: at(node))
        }
        if let value = Double(text), !value.isNaN, text.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" }) {
            log.error("'\(key)' is too large a number: \(describe(node))", at: at(node))
        } else if text.contains(","), Double(text.replacingOccurrences(of: ",", with: ".")) != nil {
            log.error("'\(key)' must be a number written with a decimal point: \(text.replacingOccurrences(of: ",", with: "."))", at: at(node))
        } else {
            log.error("'\(key)' must be a number, not \(describe(node))", at: at(node))
        }
        return nil
    }

    func bool(_ node: Node, key: String) -> Located<Bool>? {
        if case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any {
            switch scalar.string {
            case "true", "True", "TRUE": return Located(true, at: at(node))
            case "false", "False", "FALSE": return Located(false, at: at(node))
            default: break
            }
        }
        log.error("'\(key)' must be true or false, not \(describe(node))", at: at(node))
        return nil
    }

    func day(_ node: Node, key: String) -> Located<Day>? {
        guard case .scalar(let scalar) = node, let day = Day(iso: scalar.string) else {
            log.error("'\(key)' must be a date written YYYY-MM-DD, not \(describe(node))", at: at(node))
            return nil
        }
        return Located(day, at: at(node))
    }

    func stringList(_ node: Node, key: String) -> [Located<String>]? {
        guard case .sequence(let sequence) = node else {
            if case .scalar(let scalar) = node, !isNull(scalar) {
                log.error("'\(key)' must be a list, like [\(scalar.string)]", at: at(node))
            } else {
                log.error("'\(key)' must be a list, not \(describe(node))", at: at(node))
            }
            return nil
        }
        return sequence.compactMap { string($0, key: key) }
    }
}

func isNull(_ scalar: Node.Scalar) -> Bool {
    guard scalar.style == .plain || scalar.style == .any else { return false }
    return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
}

/// How a value looks, for messages: "'abc'", "a list", "a mapping", "nothing".
func describe(_ node: Node) -> Message {
    switch node {
    case .scalar(let scalar):
        if isNull(scalar) { return Message("nothing") }
        let text = scalar.string
        return .verbatim(text.count > 40 ? "'\(text.prefix(40))…'" : "'\(text)'")
    case .mapping: return Message("a mapping")
    case .sequence: return Message("a list")
    case .alias: return Message("an alias")
    }
}
