import Foundation

/// The language Valgrund speaks to the person running it: Swedish when the environment's
/// language is Swedish, English otherwise (content-format.md, "Messages").
public enum Language: String, Sendable, CaseIterable {
    case english = "en"
    case swedish = "sv"

    /// The language of this process's environment, read once.
    public static let current = Language(environment: ProcessInfo.processInfo.environment)

    /// POSIX precedence for messages: the first of `LC_ALL`, `LC_MESSAGES` and `LANG` that is set
    /// and not empty decides; `sv`, `sv_SE`, `sv_SE.UTF-8`, `sv_FI`, `sv_SE@euro` are Swedish,
    /// anything else (`C`, `POSIX`, `en_GB.UTF-8`, a locale of another language) is English.
    public init(environment: [String: String]) {
        let decisive = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
        let code = decisive.map { $0.prefix { $0 != "_" && $0 != "." && $0 != "@" } }
        self = code?.lowercased() == "sv" ? .swedish : .english
    }
}

/// The text of an error or a warning, kept as its English template (the literal parts, with
/// `{1}`, `{2}` … where values were interpolated) and the values, so that it can be written in
/// either language. Written like a string at the call site:
/// `log.error("unknown key '\(key)' in \(what)\(hint)", at: …)`; values that are themselves
/// `Message`s (`what`, a "did you mean" hint, `describe(node)`) are translated too, other values
/// (keys, ids, numbers, file names, system errors) are written as they are.
///
/// A message built away from an `error(…)`/`warning(…)` call is written `Message("…")` (or passed
/// to a parameter named `what:` or `required:`), so that the catalogue test finds its template
/// in the sources (MessageCatalogueTests).
public struct Message: Hashable, Sendable, Comparable, CustomStringConvertible, ExpressibleByStringInterpolation {
    public enum Argument: Hashable, Sendable {
        case text(String)
        case message(Message)
    }

    /// The English text with `{n}` for the n-th argument (counting from 1).
    public let template: String
    public let arguments: [Argument]

    public init(template: String, arguments: [Argument] = []) {
        self.template = template
        self.arguments = arguments
    }

    public init(stringLiteral value: String) {
        self.init(template: value)
    }

    public init(stringInterpolation: StringInterpolation) {
        self.init(template: stringInterpolation.template, arguments: stringInterpolation.arguments)
    }

    /// Text from elsewhere (a system's error, a library's message) that is written as it is, in any language.
    public static func verbatim(_ text: String) -> Message {
        Message(template: "{1}", arguments: [.text(text)])
    }

    public struct StringInterpolation: StringInterpolationProtocol {
        var template = ""
        var arguments: [Argument] = []

        public init(literalCapacity: Int, interpolationCount: Int) {
            template.reserveCapacity(literalCapacity + 3 * interpolationCount)
        }

        public mutating func appendLiteral(_ literal: String) {
            template += literal
        }

        public mutating func appendInterpolation(_ message: Message) {
            add(.message(message))
        }

        public mutating func appendInterpolation(_ value: some Any) {
            add(.text(String(describing: value)))
        }

        private mutating func add(_ argument: Argument) {
            arguments.append(argument)
            template += "{\(arguments.count)}"
        }
    }

    /// The message in `language`; a template the catalogue lacks stays English (a test sees that none does).
    public func text(in language: Language) -> String {
        switch language {
        case .english: return Self.fill(template, with: arguments, in: language)
        case .swedish: return Self.fill(SwedishMessages.catalogue[template] ?? template, with: arguments, in: language)
        }
    }

    public var description: String { text(in: .english) }

    /// "a, b and c", with the last joint translated ("a, b och c").
    public static func list(_ items: [Message]) -> Message {
        guard let last = items.last else { return "" }
        guard items.count > 1 else { return last }
        let rest = items.dropLast().dropFirst().reduce(items[0]) { joined, item in Message(template: "{1}, {2}", arguments: [.message(joined), .message(item)])
        }
        return Message("\(rest) and \(last)")
    }

    public var isEmpty: Bool { template.isEmpty }

    /// Every template in this message and the messages inside it.
    public var templates: [String] {
        [template]
            + arguments.flatMap { argument -> [String] in
                if case .message(let inner) = argument { return inner.templates }
                return []
            }
    }

    /// Two messages are the same when they say the same in English, as when messages were plain
    /// text: `diagnostic.message == "no b.png"` holds for a message built as `"no \(name)"`.
    public static func == (a: Message, b: Message) -> Bool { a.description == b.description }

    public func hash(into hasher: inout Hasher) { hasher.combine(description) }

    public static func < (a: Message, b: Message) -> Bool { a.description < b.description }

    /// Replaces each `{n}` (n within the arguments) with the n-th argument; other braces stay as written.
    static func fill(_ pattern: String, with arguments: [Argument], in language: Language) -> String {
        if arguments.isEmpty { return pattern }
        var result = ""
        var rest = pattern[...]
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let afterOpen = rest.index(after: open)
            let digits = rest[afterOpen...].prefix { $0.isASCII && $0.isNumber }
            let close = digits.endIndex
            if !digits.isEmpty, close < rest.endIndex, rest[close] == "}", let number = Int(digits), (1...arguments.count).contains(number) {
                switch arguments[number - 1] {
                case .text(let text): result += text
                case .message(let message): result += message.text(in: language)
                }
                rest = rest[rest.index(after: close)...]
            } else {
                result += "{"
                rest = rest[afterOpen...]
            }
        }
        return result + rest
    }

    /// The placeholders `{n}` a pattern uses, for checking translations.
    public static func placeholders(in pattern: String) -> [String] {
        var found: [String] = []
        var rest = pattern[...]
        while let open = rest.firstIndex(of: "{") {
            let afterOpen = rest.index(after: open)
            let digits = rest[afterOpen...].prefix { $0.isASCII && $0.isNumber }
            if !digits.isEmpty, digits.endIndex < rest.endIndex, rest[digits.endIndex] == "}" { found.append("{\(digits)}") }
            rest = rest[afterOpen...]
        }
        return found.sorted()
    }
}
