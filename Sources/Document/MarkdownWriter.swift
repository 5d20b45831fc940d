/// A report as Markdown: headings, paragraphs, pipe tables; a chart becomes its text alternative.
public enum MarkdownWriter {
    public static func write(_ document: ReportDocument, labels: ExportLabels) -> String {
        var out = "# \(escape(document.title))\n\n"
        for section in document.sections {
            out += "## \(escape(section.title))\n\n"
            for block in section.blocks { out += render(block, labels: labels) }
        }
        return out
    }

    static func render(_ block: Block, labels: ExportLabels) -> String {
        switch block {
        case .heading(let level, let text):
            return String(repeating: "#", count: min(6, level + 1)) + " " + escape(text) + "\n\n"
        case .paragraph(let inlines):
            return inline(inlines) + "\n\n"
        case .quote(let inlines):
            return "> " + inline(inlines) + "\n\n"
        case .list(let ordered, let items):
            return items.enumerated().map { index, item in (ordered ? "\(index + 1). " : "- ") + inline(item) }
                .joined(separator: "\n") + "\n\n"
        case .table(let table):
            var out = "**\(escape(table.caption))**\n\n"
            out += "| " + table.header.map(cell).joined(separator: " | ") + " |\n"
            out += "|" + table.columns.map { $0.alignedRight ? " ---: |" : " --- |" }.joined() + "\n"
            for row in table.rows { out += "| " + row.map { cell($0.display) }.joined(separator: " | ") + " |\n" }
            return out + "\n"
        case .chart(let chart):
            return "*\(escape(labels.chart)): \(escape(chart.alt))*\n\n"
        }
    }

    static func inline(_ inlines: [Inline]) -> String {
        inlines.map { item in
            switch item {
            case .text(let text): return escape(text)
            case .strong(let text): return "**\(escape(text))**"
            case .emphasis(let text): return "*\(escape(text))*"
            case .code(let text): return "`\(text.replacingOccurrences(of: "`", with: "'"))`"
            case .link(let text, let url): return "[\(escape(text))](\(url.replacingOccurrences(of: " ", with: "%20").replacingOccurrences(of: ")", with: "%29")))"
            }
        }.joined()
    }

    /// Backslashes the characters that would otherwise start Markdown syntax.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\`*_[]<>#|".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }

    private static func cell(_ text: String) -> String {
        escape(text).replacingOccurrences(of: "\n", with: " ")
    }
}

/// Words the writers need in the report's language.
public struct ExportLabels: Sendable {
    public var chart: String
    public var generator: String

    public init(chart: String, generator: String = "Valgrund") {
        self.chart = chart
        self.generator = generator
    }
}
