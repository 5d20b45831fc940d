/// Generated figures in hand-written Markdown: `{% units %}`, `{% steps_done.uppstart 2025 %}`.
///
/// `{%` … `%}` means nothing to CommonMark and is not a Mustache tag (those start with `{{`), and
/// content is never run through Mustache. Written `\{%`, it stays text (CommonMark drops the
/// backslash); in code spans and fenced or indented code it is left as written.
public enum FigurePlaceholders {
    public struct Occurrence: Sendable, Equatable {
        /// The figure's name, e.g. `units` or `steps_done.uppstart`.
        public var name: String
        /// The year written after the name, if any.
        public var year: Int?
        /// What stands after the name when it is not a year (reported as a mistake).
        public var extra: String?
        /// Position in the text, 1-based; `line` counts from the text's first line.
        public var line: Int
        public var column: Int
        /// Byte range of the whole `{% … %}` in the text's UTF-8.
        var bytes: Range<Int>
    }

    /// Whether the text may hold a placeholder (cheap; for skipping texts without one).
    public static func mayOccur(in text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { find(open, in: $0, from: 0) != nil } ?? text.contains("{%")
    }

    private static let open: [UInt8] = Array("{%".utf8)
    private static let close: [UInt8] = Array("%}".utf8)

    private static func find(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int, before end: Int? = nil) -> Int? {
        let end = end ?? bytes.count
        var index = start
        while index + needle.count <= end {
            if bytes[index] == needle[0] && bytes[index + 1] == needle[1] { return index }
            index += 1
        }
        return nil
    }

    /// Every placeholder outside code, in order.
    public static func scan(_ text: String) -> [Occurrence] {
        let bytes = Array(text.utf8)
        var result: [Occurrence] = []
        var lineStart = 0
        var lineNumber = 1
        var fence: (byte: UInt8, count: Int)?
        var previousBlank = true
        bytes.withUnsafeBufferPointer { buffer in
            while lineStart <= buffer.count {
                var lineEnd = lineStart
                while lineEnd < buffer.count && buffer[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
                defer { lineStart = lineEnd + 1; lineNumber += 1 }
                var indent = lineStart
                while indent < lineEnd && buffer[indent] == UInt8(ascii: " ") { indent += 1 }
                let blank = indent == lineEnd
                // Fenced code: ``` or ~~~ (three or more) opens and a like run closes.
                if indent - lineStart < 4, indent < lineEnd, buffer[indent] == UInt8(ascii: "`") || buffer[indent] == UInt8(ascii: "~") {
                    var run = indent
                    while run < lineEnd && buffer[run] == buffer[indent] { run += 1 }
                    if run - indent >= 3 {
                        if let current = fence {
                            if current.byte == buffer[indent] && run - indent >= current.count { fence = nil }
                        } else {
                            fence = (buffer[indent], run - indent)
                        }
                        previousBlank = false
                        continue
                    }
                }
                if fence != nil { continue }
                // Indented code: four spaces after a blank line.
                if !blank && indent - lineStart >= 4 && previousBlank { continue }
                previousBlank = blank
                scanLine(buffer, from: lineStart, to: lineEnd, line: lineNumber, into: &result)
            }
        }
        return result
    }

    private static func scanLine(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, line: Int, into result: inout [Occurrence]) {
        var index = start
        while index < end {
            let byte = buffer[index]
            if byte == UInt8(ascii: "\\") { index += 2; continue }
            if byte == UInt8(ascii: "`") {
                // A code span: skip to a run of as many backticks on the line.
                var run = index
                while run < end && buffer[run] == byte { run += 1 }
                let length = run - index
                var search = run
                var closed: Int?
                while search < end {
                    if buffer[search] == byte {
                        var other = search
                        while other < end && buffer[other] == byte { other += 1 }
                        if other - search == length { closed = other; break }
                        search = other
                    } else {
                        search += 1
                    }
                }
                index = closed ?? run
                continue
            }
            guard byte == UInt8(ascii: "{"), index + 1 < end, buffer[index + 1] == UInt8(ascii: "%"),
                let closing = find(close, in: buffer, from: index + 2, before: end)
            else {
                index += 1
                continue
            }
            let inner = String(decoding: UnsafeBufferPointer(rebasing: buffer[(index + 2)..<closing]), as: UTF8.self)
            let words = inner.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            var column = 1
            for position in start..<index where buffer[position] & 0xC0 != 0x80 { column += 1 }
            var occurrence = Occurrence(name: words.first ?? "", year: nil, extra: nil, line: line, column: column, bytes: index..<(closing + 2))
            if words.count > 1 {
                if words.count == 2, words[1].count == 4, let year = Int(words[1]) {
                    occurrence.year = year
                } else {
                    occurrence.extra = words.dropFirst().joined(separator: " ")
                }
            }
            result.append(occurrence)
            index = closing + 2
        }
    }

    /// The text with each placeholder replaced by `value(occurrence)`; nil leaves it as written
    /// (the caller reports why).
    public static func substitute(_ text: String, value: (Occurrence) -> String?) -> (text: String, occurrences: [Occurrence]) {
        let occurrences = scan(text)
        guard !occurrences.isEmpty else { return (text, []) }
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var copied = 0
        for occurrence in occurrences {
            guard let replacement = value(occurrence) else { continue }
            output += bytes[copied..<occurrence.bytes.lowerBound]
            output += Array(replacement.utf8)
            copied = occurrence.bytes.upperBound
        }
        output += bytes[copied...]
        return (String(decoding: output, as: UTF8.self), occurrences)
    }
}
