/// A page split into its YAML front matter and its Markdown body.
public struct FrontMatterSplit: Sendable, Equatable {
    /// The YAML between the `---` lines, or nil when the page has none.
    public var yaml: Substring?
    /// Line (from 1) of the first YAML line in the file.
    public var yamlFirstLine: Int
    public var body: Substring
    /// Line (from 1) of the first body line in the file.
    public var bodyFirstLine: Int
}

public enum FrontMatterError: Error, Equatable, Sendable {
    /// An opening `---` without a closing one.
    case unclosed
}

public enum FrontMatter {
    /// Splits `---\n yaml \n---\n body`. A closing line may also be `...` as in YAML.
    public static func split(_ text: String) throws(FrontMatterError) -> FrontMatterSplit {
        var rest = Substring(text)
        if rest.hasPrefix("\u{FEFF}") { rest = rest.dropFirst() }
        guard let firstLineEnd = lineEnd(in: rest, from: rest.startIndex),
            isFence(rest[rest.startIndex..<firstLineEnd.content])
        else {
            return FrontMatterSplit(yaml: nil, yamlFirstLine: 1, body: rest, bodyFirstLine: 1)
        }
        var index = firstLineEnd.next
        var line = 2
        while index < rest.endIndex {
            guard let end = lineEnd(in: rest, from: index) else { break }
            let content = rest[index..<end.content]
            if isFence(content) || content.trimmingTrailingSpaces() == "..." {
                return FrontMatterSplit(
                    yaml: rest[firstLineEnd.next..<index], yamlFirstLine: 2,
                    body: rest[end.next...], bodyFirstLine: line + 1)
            }
            index = end.next
            line += 1
        }
        throw .unclosed
    }

    private static func isFence(_ line: Substring) -> Bool {
        line.trimmingTrailingSpaces() == "---"
    }

    /// End of the line starting at `start`: where its content ends and where the next line begins.
    private static func lineEnd(in text: Substring, from start: Substring.Index)
        -> (content: Substring.Index, next: Substring.Index)?
    {
        guard start < text.endIndex else { return nil }
        let utf8 = text.utf8
        var i = start
        while i < utf8.endIndex {
            let byte = utf8[i]
            if byte == UInt8(ascii: "\n") {
                var contentEnd = i
                if contentEnd > start, utf8[utf8.index(before: contentEnd)] == UInt8(ascii: "\r") {
                    contentEnd = utf8.index(before: contentEnd)
                }
                return (contentEnd, utf8.index(after: i))
            }
            i = utf8.index(after: i)
        }
        return (text.endIndex, text.endIndex)
    }
}

extension Substring {
    func trimmingTrailingSpaces() -> Substring {
        var end = endIndex
        while end > startIndex, let c = self[index(before: end)].unicodeScalars.first,
            c == " " || c == "\t" || c == "\r"
        {
            end = index(before: end)
        }
        return self[startIndex..<end]
    }
}
