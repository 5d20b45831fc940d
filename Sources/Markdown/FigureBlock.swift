import Diagnostics

/// A figure declared in a page's text as a fenced block whose info string is its kind:
///
/// ````markdown
/// ```cycle
/// title: Förbättringscykeln
/// - Välj ett förbättringsområde
/// - Samla fakta
/// - Analysera orsakerna
/// ```
/// ````
///
/// Every line is blank, an item (`- text`) or a setting (`key: text`); a `flow` has columns
/// (`column: Resurser` and its items), optionally a band above and below them (`above:`, `below:`)
/// and an arrow back from the last column to the first (`backwards: text`). The same reading
/// serves the page (drawn by the caller), the search text and the exports (`MarkdownBlock`).
public struct FigureBlock: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case cycle
        case flow
    }

    /// A titled group of items: a column of a flow, or a band above or below it.
    public struct Group: Sendable, Equatable {
        public var title: String
        public var items: [String]
    }

    public var kind: Kind
    public var title: String?
    /// A cycle's items, in order.
    public var items: [String] = []
    /// A flow's columns, from left to right; each leads to the next.
    public var columns: [Group] = []
    public var above: Group?
    public var below: Group?
    /// A flow's arrow from its last column back to its first, with this text.
    public var backwards: String?

    /// Limits that keep a figure readable as a picture.
    public static let cycleItems = 3...12
    public static let flowColumns = 2...6
    public static let itemsPerGroup = 8
    public static let bandItems = 1...4
    public static let longestText = 100

    /// The kind named by a fenced block's info string (its first word), if it is a figure.
    public static func kind(ofInfo info: String) -> Kind? {
        let word = info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init) ?? ""
        return Kind(rawValue: word)
    }

    /// The settings each kind has.
    static func keys(of kind: Kind) -> [String] {
        switch kind {
        case .cycle: ["title"]
        case .flow: ["title", "column", "above", "below", "backwards"]
        }
    }

    /// Every text of the figure in reading order: the title, the band above, each column's title
    /// and items, the band below, the arrow back (for search and summaries).
    public var texts: [String] {
        var result: [String] = title.map { [$0] } ?? []
        for group in [above].compactMap({ $0 }) + columns + [below].compactMap({ $0 }) {
            result.append(group.title)
            result += group.items
        }
        result += items
        if let backwards { result.append(backwards) }
        return result
    }

    /// Reads the block's text. `lines` are its lines with the file line and column of each
    /// line's first character; problems are reported at the line and column they concern.
    /// Returns nil (with problems) when the figure cannot be drawn.
    static func parse(kind: Kind, lines: [(text: Substring, line: Int, column: Int)], fenceLine: Int, fenceColumn: Int)
        -> (FigureBlock?, [MarkdownProblem])
    {
        var figure = FigureBlock(kind: kind)
        var problems: [MarkdownProblem] = []
        func problem(_ line: Int, _ column: Int, _ message: Message) {
            problems.append(MarkdownProblem(line: line, column: column, message: message))
        }
        let keys = keys(of: kind)
        // Which group the next item goes to: a flow's last column or band.
        enum Place { case none, column, above, below }
        var place = Place.none
        var seen: [String: Int] = [:]
        for (raw, lineNumber, column) in lines {
            let indent = raw.prefix { $0 == " " || $0 == "\t" }.count
            let text = raw.dropFirst(indent)
            let at = column + indent
            if text.allSatisfy(\.isWhitespace) { continue }
            let content = String(text.reversed().drop(while: \.isWhitespace).reversed())
            if content.hasPrefix("- ") || content == "-" {
                let item = String(content.dropFirst().drop(while: \.isWhitespace))
                guard !item.isEmpty else {
                    problem(lineNumber, at, "this item is empty: write its text after '- '")
                    continue
                }
                if item.count > longestText {
                    problem(
                        lineNumber, at + 2,
                        "this item has \(item.count) characters, and a figure's item at most \(longestText); shorten it and say the rest in the text")
                }
                switch (kind, place) {
                case (.cycle, _): figure.items.append(item)
                case (.flow, .none):
                    problem(lineNumber, at, "an item must follow a 'column:', 'above:' or 'below:' line that names its group")
                case (.flow, .column): figure.columns[figure.columns.count - 1].items.append(item)
                case (.flow, .above): figure.above?.items.append(item)
                case (.flow, .below): figure.below?.items.append(item)
                }
                continue
            }
            guard let colon = content.firstIndex(of: ":"),
                content[..<colon].allSatisfy({ $0.isLetter && $0.isASCII }), !content[..<colon].isEmpty
            else {
                problem(lineNumber, at, "write each item on a line of its own starting with '- ', or a setting as `key: text` (\(describeKeys(keys)))")
                continue
            }
            let key = String(content[..<colon])
            let value = String(content[content.index(after: colon)...].drop(while: \.isWhitespace))
            guard keys.contains(key) else {
                problem(
                    lineNumber, at,
                    "unknown setting '\(key)' in a \(kind.rawValue) figure\(Suggestion.hint(for: key, in: keys)); it has \(describeKeys(keys))")
                continue
            }
            let valueColumn = at + key.count + 1 + (content.distance(from: content.index(after: colon), to: content.endIndex) - value.count)
            guard !value.isEmpty else {
                problem(lineNumber, valueColumn, "'\(key)' has no text: write it after the colon")
                continue
            }
            if value.count > longestText {
                problem(lineNumber, valueColumn, "'\(key)' has \(value.count) characters, and a figure's text at most \(longestText); shorten it")
            }
            if key != "column" {
                if let first = seen[key] {
                    problem(lineNumber, at, "'\(key)' is written twice in this figure (first on line \(first))")
                    continue
                }
                seen[key] = lineNumber
            }
            switch key {
            case "title": figure.title = value
            case "backwards": figure.backwards = value
            case "column":
                figure.columns.append(Group(title: value, items: []))
                place = .column
            case "above":
                figure.above = Group(title: value, items: [])
                place = .above
            default:
                figure.below = Group(title: value, items: [])
                place = .below
            }
        }
        switch kind {
        case .cycle:
            if !cycleItems.contains(figure.items.count) {
                problem(
                    fenceLine, fenceColumn,
                    "a cycle has \(cycleItems.lowerBound) to \(cycleItems.upperBound) items, one on each line starting with '- '; this one has \(figure.items.count)"
                )
            }
        case .flow:
            if !flowColumns.contains(figure.columns.count) {
                problem(
                    fenceLine, fenceColumn,
                    "a flow has \(flowColumns.lowerBound) to \(flowColumns.upperBound) columns, each started by a line `column: title`; this one has \(figure.columns.count)"
                )
            }
            for band in [figure.above, figure.below].compactMap({ $0 }) where !bandItems.contains(band.items.count) {
                problem(
                    fenceLine, fenceColumn,
                    "the band '\(band.title)' has \(band.items.count) items, and a band \(bandItems.lowerBound) to \(bandItems.upperBound)")
            }
        }
        for group in figure.columns where group.items.count > itemsPerGroup {
            problem(fenceLine, fenceColumn, "the column '\(group.title)' has \(group.items.count) items, and a column at most \(itemsPerGroup)")
        }
        return (problems.isEmpty ? figure : nil, problems)
    }

    private static func describeKeys(_ keys: [String]) -> Message {
        let quoted = keys.map { Message.verbatim("'\($0)'") }
        return quoted.count == 1 ? Message("the setting \(quoted[0])") : Message("the settings \(Message.list(quoted))")
    }
}
