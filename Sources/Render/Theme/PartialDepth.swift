import Diagnostics
import Markup

/// A partial that includes itself, directly or through others, makes swift-mustache recurse until
/// the stack runs out: the process dies with a segmentation fault and no message. So the partial
/// tags of a theme's templates are read from their text before anything is rendered:
///
/// - a partial that includes itself outside any section (`{{#…}}`, `{{^…}}`) recurses for ever
///   whatever the data: an error naming the chain (`a > b > a`);
/// - a chain of partials nested deeper than `limit`: an error naming it;
/// - a partial name taken from the data (`{{>*name}}`) cannot be followed: an error.
///
/// Inside a section a partial may include itself (a list of entries nested in entries), but
/// only as deep as the data goes, and data found again further up the context stack never ends.
/// So every template is registered once per depth at which it can be rendered, its partial tags
/// renamed to the copies one level down (`partials/walk??3`); a tag at the limit names a
/// template that writes a marker instead, which the renderer reports (`marker(in:)`). Recursion
/// then stops at `limit` levels whatever the theme and the data.
struct PartialDepth {
    static let limit = 32

    /// One `{{> name}}` or `{{< name}}` tag: the name's bytes in the template and where it is.
    struct Include {
        var partial: String
        var name: Range<Int>
        var line: Int
        var column: Int
        /// Inside a section, so whether it is rendered depends on the data.
        var conditional: Bool
        /// The name in the closing tag of `{{<name}}…{{/name}}`, renamed with it.
        var closingName: Range<Int>? = nil
    }

    struct Template {
        var text: String
        var displayPath: String
    }

    /// What a tag at the limit writes: this, its number in `expand().atLimit`, and U+0001.
    static let marker = "\u{1}valgrund-partial-depth:"

    private let templates: [String: Template]
    private let includes: [String: [Include]]
    /// Templates refused (a dynamic partial name): not registered, so pages that need them are not rendered.
    private(set) var refused: Set<String> = []
    /// Whether a cycle or a deep chain was reported already: pages that then reach the limit say nothing new.
    private var reportedBeforeRendering = false

    init(templates: [String: Template], log: DiagnosticLog) {
        self.templates = templates
        var includes: [String: [Include]] = [:]
        for (name, template) in templates {
            let (found, dynamic) = Self.scan(template.text)
            includes[name] = found.filter { templates[$0.partial] != nil }
            if let dynamic {
                refused.insert(name)
                log.error(
                    "template error: a partial whose name comes from the data ({{>*…}}) cannot be checked for recursion; name the partial",
                    at: SourceLocation(path: template.displayPath, line: dynamic.line, column: dynamic.column))
            }
        }
        self.includes = includes
        reportCycles(log: log)
        reportDeepChains(log: log)
    }

    /// Every template to register, each at every depth it can be rendered at with its partial tags
    /// renamed, and the tags at the limit, numbered as the markers their templates write.
    func expand() -> (copies: [(name: String, text: String)], atLimit: [Located<Message>]) {
        var depths: [String: Set<Int>] = [:]
        for name in templates.keys where !refused.contains(name) { depths[name] = [0] }
        for depth in 0..<Self.limit {
            for (name, found) in includes where depths[name]?.contains(depth) == true {
                for include in found where !refused.contains(include.partial) { depths[include.partial, default: []].insert(depth + 1) }
            }
        }
        var copies: [(String, String)] = []
        var atLimit: [Located<Message>] = []
        for (name, levels) in depths.sorted(by: { $0.key < $1.key }) {
            let found = includes[name] ?? []
            var numbers: [Int] = []
            if levels.contains(Self.limit) {
                numbers = found.indices.map { atLimit.count + $0 }
                atLimit += found.map { tooDeep(name, $0) }
            }
            for depth in levels.sorted() {
                var bytes = Array(templates[name]!.text.utf8)
                // From the end, so the ranges still to rename stay where they were.
                let renames = found.enumerated().flatMap { index, include -> [(Range<Int>, String)] in
                    let renamed = depth < Self.limit ? Self.name(include.partial, depth: depth + 1) : "valgrund-too-deep??\(numbers[index])"
                    return [(include.name, renamed)] + (include.closingName.map { [($0, renamed)] } ?? [])
                }
                for (range, renamed) in renames.sorted(by: { $0.0.lowerBound > $1.0.lowerBound }) {
                    bytes.replaceSubrange(range, with: Array(renamed.utf8))
                }
                copies.append((Self.name(name, depth: depth), String(decoding: bytes, as: UTF8.self)))
            }
        }
        if reportedBeforeRendering { atLimit = [] }
        for index in atLimit.indices {
            copies.append(("valgrund-too-deep??\(index)", Self.marker + String(index) + "\u{1}"))
        }
        return (copies, atLimit)
    }

    static func name(_ template: String, depth: Int) -> String {
        // `??` is not in any file name a theme author writes, and swift-mustache reads it in the
        // closing tag of `{{<name}}…{{/name}}` too (brackets there would be a transform).
        depth == 0 ? template : "\(template)??\(depth)"
    }

    /// The number in the first marker of a rendered page, if it has one.
    static func marked(in html: String) -> Int? {
        var html = html
        return html.withUTF8 { bytes in
            guard let start = ByteSearch.find("\u{1}valgrund-partial-depth:", in: bytes) else { return nil }
            let digits = bytes[(start + marker.utf8.count)...].prefix { $0 >= 48 && $0 <= 57 }
            return Int(String(decoding: digits, as: UTF8.self))
        }
    }

    /// What to report when a page reaches the tag at the limit (once, whichever pages do).
    private func tooDeep(_ template: String, _ include: Include) -> Located<Message> {
        let location = SourceLocation(path: templates[template]!.displayPath, line: include.line, column: include.column)
        guard let chain = cycle(through: template, include.partial) else {
            return Located(Message("the partials are nested more than \(Self.limit) deep at '\(include.partial)'"), at: location)
        }
        return Located(
            Message(
                "the partial '\(include.partial)' includes itself (\(chain.joined(separator: " > "))) inside a section whose data does not end: partials nested more than \(Self.limit) deep"
            ),
            at: location)
    }

    // MARK: The include graph

    /// A cycle from `template` through its include of `partial` back to it: `[template, partial, …, template]`.
    private func cycle(through template: String, _ partial: String, unconditionalOnly: Bool = false) -> [String]? {
        var previous: [String: String] = [:]
        var queue = [partial]
        var seen: Set<String> = [partial]
        var index = 0
        while index < queue.count {
            let name = queue[index]
            index += 1
            if name == template {
                var path = [name]
                while path.last != partial { path.append(previous[path.last!]!) }
                return [template] + path.reversed()
            }
            for include in includes[name] ?? [] where (!unconditionalOnly || !include.conditional) && seen.insert(include.partial).inserted {
                previous[include.partial] = name
                queue.append(include.partial)
            }
        }
        return nil
    }

    /// A partial reached from itself through tags outside sections recurses whatever the data.
    private mutating func reportCycles(log: DiagnosticLog) {
        var reported: Set<String> = []
        for name in templates.keys.sorted() where !reported.contains(name) {
            for include in includes[name] ?? [] where !include.conditional {
                guard let chain = cycle(through: name, include.partial, unconditionalOnly: true) else { continue }
                reported.formUnion(chain)
                reportedBeforeRendering = true
                log.error(
                    "the partial '\(name)' includes itself (\(chain.joined(separator: " > "))), which never ends",
                    at: SourceLocation(path: templates[name]!.displayPath, line: include.line, column: include.column))
                break
            }
        }
    }

    /// Chains of different partials nested deeper than the limit (a cycle counts once).
    private mutating func reportDeepChains(log: DiagnosticLog) {
        var longest: [String: [String]] = [:]
        var visiting: Set<String> = []
        func chain(from name: String) -> [String] {
            if let known = longest[name] { return known }
            visiting.insert(name)
            var best: [String] = []
            for include in includes[name] ?? [] where !visiting.contains(include.partial) {
                let next = chain(from: include.partial)
                if next.count > best.count { best = next }
                if best.count > Self.limit { break }
            }
            visiting.remove(name)
            let result = [name] + best
            longest[name] = result
            return result
        }
        for name in templates.keys.sorted() {
            let found = chain(from: name)
            guard found.count > Self.limit + 1, let include = includes[name]?.first(where: { $0.partial == found[1] }) else { continue }
            reportedBeforeRendering = true
            log.error(
                "the partials are nested \(found.count - 1) deep (\(found.prefix(4).joined(separator: " > ")) > …); at most \(Self.limit) levels",
                at: SourceLocation(path: templates[name]!.displayPath, line: include.line, column: include.column))
            return
        }
    }

    // MARK: Reading tags

    /// The partial tags of a template's text, following `{{=<% %>=}}` as swift-mustache does;
    /// and where the first partial with a name from the data stands, if any.
    static func scan(_ text: String) -> (includes: [Include], dynamic: (line: Int, column: Int)?) {
        let bytes = Array(text.utf8)
        var open = Array("{{".utf8), close = Array("}}".utf8)
        // Open sections: whether they depend on the data, and the include a `{{<name}}` section is.
        var sections: [(conditional: Bool, parent: Int?)] = []
        var result: [Include] = []
        var dynamic: (line: Int, column: Int)?
        var position = 0
        var line = 1, lineStart = 0, counted = 0
        func place(_ offset: Int) -> (Int, Int) {
            while counted < offset {
                if bytes[counted] == 10 { line += 1; lineStart = counted + 1 }
                counted += 1
            }
            return (line, String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1)
        }
        while let start = find(open, in: bytes, from: position) {
            let sigilAt = start + open.count
            guard sigilAt < bytes.count else { break }
            let sigil = bytes[sigilAt]
            let ending = sigil == UInt8(ascii: "{") ? [UInt8(ascii: "}")] + close : sigil == UInt8(ascii: "=") ? [UInt8(ascii: "=")] + close : close
            guard let end = find(ending, in: bytes, from: sigilAt + 1) else { break }
            position = end + ending.count
            switch sigil {
            case UInt8(ascii: "#"), UInt8(ascii: "^"): sections.append((true, nil))
            case UInt8(ascii: "$"): sections.append((false, nil))
            case UInt8(ascii: "/"):
                if let parent = sections.popLast()?.parent {
                    var nameStart = sigilAt + 1
                    while nameStart < end, isSpace(bytes[nameStart]) { nameStart += 1 }
                    var nameEnd = nameStart
                    while nameEnd < end, partialNameBytes.contains(bytes[nameEnd]) { nameEnd += 1 }
                    result[parent].closingName = nameStart..<nameEnd
                }
            case UInt8(ascii: "="):
                let parts = bytes[(sigilAt + 1)..<end].split(whereSeparator: isSpace)
                if parts.count == 2 { open = Array(parts[0]); close = Array(parts[1]) }
            case UInt8(ascii: ">"), UInt8(ascii: "<"):
                var nameStart = sigilAt + 1
                while nameStart < end, isSpace(bytes[nameStart]) { nameStart += 1 }
                if nameStart < end, bytes[nameStart] == UInt8(ascii: "*") {
                    if dynamic == nil { dynamic = place(start) }
                } else {
                    var nameEnd = nameStart
                    while nameEnd < end, partialNameBytes.contains(bytes[nameEnd]) { nameEnd += 1 }
                    let (line, column) = place(start)
                    result.append(
                        Include(
                            partial: String(decoding: bytes[nameStart..<nameEnd], as: UTF8.self), name: nameStart..<nameEnd,
                            line: line, column: column, conditional: sections.contains { $0.conditional }))
                }
                if sigil == UInt8(ascii: "<") { sections.append((false, dynamic == nil ? result.count - 1 : nil)) }
            default: break
            }
        }
        return (result, dynamic)
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 || byte == 10 || byte == 13 }

    /// The characters swift-mustache reads as a partial's name.
    private static let partialNameBytes = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/".utf8)

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, from + needle.count <= bytes.count else { return nil }
        var i = from
        while i + needle.count <= bytes.count {
            if bytes[i] == needle[0], bytes[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
