import Diagnostics
import Foundation
import Yams

/// A parsed YAML text that remembers where it sits in its file, so every node has a file position.
///
/// Why `@unchecked Sendable` is sound: Yams' `Node` is not Sendable because its scalars and
/// collections hold references (a `Tag`, whose name is a `var`, and a weak `Anchor`). A document is
/// parsed on one thread and only read afterwards: nothing in Valgrund writes to a node, a tag or
/// an anchor after `parse` returns (the fields are read through Yams' getters), so the references
/// are shared between threads read-only. Parsed files are handed from the parallel reads to
/// validation, and kept in the preview's `LoadCache`, which needs the document to be Sendable.
public struct YAMLDocument: @unchecked Sendable {
    /// Path relative to SOURCE.
    public var path: String
    /// nil when the text is empty or only comments.
    public var root: Node?
    /// Lines before the YAML text in its file (the opening `---` of front matter).
    public var lineOffset: Int

    public init(path: String, root: Node?, lineOffset: Int = 0) {
        self.path = path
        self.root = root
        self.lineOffset = lineOffset
    }

    public func location(of node: Node) -> SourceLocation {
        location(of: node.mark)
    }

    public func location(of mark: Mark?) -> SourceLocation {
        guard let mark else { return SourceLocation(path: path, line: 1 + lineOffset, column: 1) }
        return SourceLocation(path: path, line: mark.line + lineOffset, column: mark.column)
    }

    /// The start of the document: where a missing top-level key is reported.
    public var start: SourceLocation {
        root.map { location(of: $0) } ?? SourceLocation(path: path, line: 1 + lineOffset, column: 1)
    }

    /// Parses YAML, turning a syntax error into a diagnostic at its position.
    public static func parse(_ text: some StringProtocol, path: String, lineOffset: Int = 0)
        -> Result<YAMLDocument, Diagnostic>
    {
        do {
            // The basic resolver leaves every scalar a string: the validators decide what a value is,
            // and Yams's regular expressions for ints, floats and dates cost more than the parsing.
            // The encoding is given so that Yams does not read the process environment for every file.
            let root = try Yams.compose(yaml: String(text), Resolver.basic, Constructor.default, .utf8)
            if let root, text.utf8.contains(UInt8(ascii: "*")), text.utf8.contains(UInt8(ascii: "&")) {
                let limit = max(100_000, 10 * text.utf8.count)
                if expandedSize(of: root, limit: limit) > limit {
                    let at =
                        firstAlias(in: text).map { SourceLocation(path: path, line: $0.line + lineOffset, column: $0.column) }
                        ?? SourceLocation(path: path, line: 1 + lineOffset, column: 1)
                    return .failure(
                        .error(
                            "the aliases (`*name`) in this file repeat their anchors' values into more than \(limit) values; write the values out instead",
                            at: at))
                }
            }
            return .success(YAMLDocument(path: path, root: root, lineOffset: lineOffset))
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, path: path, lineOffset: lineOffset, text: String(text)))
        } catch {
            return .failure(.error("cannot read YAML: \(error)", at: SourceLocation(path: path, line: 1 + lineOffset)))
        }
    }

    /// How many nodes the tree holds once every alias is repeated in place, counted up to just past `limit`:
    /// a few lines of nested aliases ("billion laughs") stand for billions of values.
    static func expandedSize(of root: Node, limit: Int) -> Int {
        var count = 0
        var stack = [root]
        while let node = stack.popLast(), count <= limit {
            count += 1
            switch node {
            case .scalar, .alias: break
            case .sequence(let sequence): stack.append(contentsOf: sequence)
            case .mapping(let mapping):
                for (key, value) in mapping { stack.append(key); stack.append(value) }
            }
        }
        return count
    }

    /// The first `*name` that stands where a value starts.
    static func firstAlias(in text: some StringProtocol) -> (line: Int, column: Int)? {
        var line = 1, column = 0
        var previous: Character = "\n"
        for character in text {
            column += 1
            if character == "*", previous == " " || previous == "[" || previous == "," || previous == "\n" || previous == "{" {
                return (line, column)
            }
            if character == "\n" { line += 1; column = 0 }
            previous = character
        }
        return nil
    }

    private static func diagnostic(for error: YamlError, path: String, lineOffset: Int, text: String) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(path: path, line: mark.line + lineOffset, column: mark.column)
        }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
            let .composer(context, problem, mark, _):
            // libyaml's own words are looked up in the catalogue like ours (and stay English where it lacks them).
            let detail = context.map { Message(" (\(Message(template: $0.text)) at line \($0.mark.line + lineOffset))") } ?? ""
            return .error("YAML syntax error: \(Message(template: problem))\(detail)", at: at(mark))
        case let .duplicatedKeysInMapping(duplicates, context):
            let key = duplicates.first ?? ""
            // Yams points at the first occurrence; the mistake is the second one.
            if let second = secondOccurrence(of: key, after: context.mark, in: text) {
                return .error(
                    "'\(key)' is written twice here; it was already given at line \(context.mark.line + lineOffset)",
                    at: SourceLocation(path: path, line: second.line + lineOffset, column: second.column))
            }
            return .error("'\(key)' is written twice in this mapping", at: at(context.mark))
        case let .reader(problem, offset, _, _):
            return .error("cannot read the file: \(problem)", at: location(ofByte: offset ?? 0, in: text, path: path, lineOffset: lineOffset))
        default:
            return .error("YAML error: \(error)", at: SourceLocation(path: path, line: 1 + lineOffset))
        }
    }

    /// Where a duplicated key stands again: further along the same line (flow style) or on a later line at the same indentation.
    /// The key may be written plain or quoted either time (`2026:` and `"2026":` are one key).
    static func secondOccurrence(of key: String, after first: Mark, in text: String) -> (line: Int, column: Int)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard first.line >= 1, first.line <= lines.count else { return nil }
        let spellings = [key, "\"\(key)\"", "'\(key)'"].map { Array($0.unicodeScalars) }
        /// Whether a key written one of those ways, then a colon, starts at `index`.
        func isKey(_ line: [Unicode.Scalar], at index: Int) -> Bool {
            spellings.contains { spelling in
                index + spelling.count <= line.count && Array(line[index..<index + spelling.count]) == spelling
                    && line[(index + spelling.count)...].drop { $0 == " " }.first == ":"
            }
        }
        let sameLine = Array(lines[first.line - 1].unicodeScalars)
        var index = first.column - 1 + key.unicodeScalars.count
        while index < sameLine.count {
            if index > 0, [" ", "{", ","].contains(sameLine[index - 1]), isKey(sameLine, at: index) { return (first.line, index + 1) }
            index += 1
        }
        for number in first.line..<lines.count {
            let line = Array(lines[number].unicodeScalars)
            let indent = line.prefix { $0 == " " }.count
            // A line less indented ends the mapping, unless it is blank or a comment.
            if indent < first.column - 1, indent < line.count, line[indent] != "#" { return nil }
            if indent == first.column - 1, isKey(line, at: indent) { return (number + 1, indent + 1) }
        }
        return nil
    }

    static func location(ofByte offset: Int, in text: String, path: String, lineOffset: Int) -> SourceLocation {
        var line = 1
        var column = 1
        for (index, scalar) in text.unicodeScalars.enumerated() {
            if index >= offset { break }
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return SourceLocation(path: path, line: line + lineOffset, column: column)
    }
}
