import Markup

/// A report as Markdown: headings, paragraphs, pipe tables; a chart becomes its text alternative.
public enum MarkdownWriter {
    public static func write(_ document: ReportDocument, labels: ExportLabels) -> String {
        var out = "# \(MarkdownText.escape(document.title))\n\n"
        for section in document.sections {
            out += "## \(MarkdownText.escape(section.title))\n\n"
            for block in section.blocks { out += render(block, labels: labels) }
        }
        return out
    }

    static func render(_ block: Block, labels: ExportLabels) -> String {
        switch block {
        case .heading(let level, let text):
            return String(repeating: "#", count: min(6, level + 1)) + " " + MarkdownText.escape(text) + "\n\n"
        case .paragraph(let inlines):
            return inline(inlines) + "\n\n"
        case .quote(let inlines):
            return "> " + inline(inlines) + "\n\n"
        case .list(let ordered, let items):
            return items.enumerated().map { index, item in (ordered ? "\(index + 1). " : "- ") + inline(item) }
                .joined(separator: "\n") + "\n\n"
        case .table(let table):
            var out = "**\(MarkdownText.escape(table.caption))**\n\n"
            out += "| " + table.header.map(cell).joined(separator: " | ") + " |\n"
            out += "|" + table.columns.map { $0.alignedRight ? " ---: |" : " --- |" }.joined() + "\n"
            for row in table.rows { out += "| " + row.map { cell($0.display) }.joined(separator: " | ") + " |\n" }
            return out + "\n"
        case .chart(let chart):
            return "*\(MarkdownText.escape(labels.chart)): \(MarkdownText.escape(chart.alt))*\n\n"
        }
    }

    static func inline(_ inlines: [Inline]) -> String {
        inlines.map { item in
            switch item {
            case .text(let text): return MarkdownText.escape(text)
            case .strong(let text): return "**\(MarkdownText.escape(text))**"
            case .emphasis(let text): return "*\(MarkdownText.escape(text))*"
            case .code(let text): return "`\(text.replacingOccurrences(of: "`", with: "'"))`"
            case .link(let text, let url):
                return "[\(MarkdownText.escape(text))](\(url.replacingOccurrences(of: " ", with: "%20").replacingOccurrences(of: ")", with: "%29")))"
            }
        }.joined()
    }

    private static func cell(_ text: String) -> String {
        MarkdownText.escape(text).replacingOccurrences(of: "\n", with: " ")
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
