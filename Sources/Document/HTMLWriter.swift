import Markup

/// A report as HTML: a fragment for the site's page, or a standalone document with its CSS inside
/// (for pasting into a layout tool).
public enum HTMLWriter {
    /// The sections, each a `<section id=…>` with an `<h2>`.
    public static func fragment(_ document: ReportDocument, headingOffset: Int = 0, sectionTitles: Bool = true) -> String {
        var out = ""
        for section in document.sections {
            out += "<section class=\"report-section\" id=\"\(HTML.escape(section.id))\" aria-labelledby=\"\(HTML.escape(section.id))-title\">\n"
            if sectionTitles {
                out += "<h\(2 + headingOffset) id=\"\(HTML.escape(section.id))-title\">\(HTML.escape(section.title))</h\(2 + headingOffset)>\n"
            }
            for (index, block) in section.blocks.enumerated() {
                out += render(block, idPrefix: "\(section.id)-\(index)", headingOffset: headingOffset)
            }
            out += "</section>\n"
        }
        return out
    }

    public static func standalone(_ document: ReportDocument, css: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(HTML.escape(document.language))">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTML.escape(document.title))</title>
        <style>
        \(css)
        </style>
        </head>
        <body>
        <main>
        <p class="organisation">\(HTML.escape(document.organisation))</p>
        <h1>\(HTML.escape(document.title))</h1>
        \(fragment(document))</main>
        </body>
        </html>

        """
    }

    static func render(_ block: Block, idPrefix: String, headingOffset: Int) -> String {
        switch block {
        case .heading(let level, let text):
            let tag = "h\(min(6, level + 1 + headingOffset))"
            return "<\(tag)>\(HTML.escape(text))</\(tag)>\n"
        case .paragraph(let inlines):
            return "<p>\(inline(inlines))</p>\n"
        case .quote(let inlines):
            return "<blockquote><p>\(inline(inlines))</p></blockquote>\n"
        case .list(let ordered, let items):
            let tag = ordered ? "ol" : "ul"
            return "<\(tag)>\n" + items.map { "<li>\(inline($0))</li>\n" }.joined() + "</\(tag)>\n"
        case .table(let table):
            var out = "<div class=\"table-scroll\" role=\"region\" aria-labelledby=\"\(HTML.escape(idPrefix))-caption\" tabindex=\"0\">\n<table>\n"
            out += "<caption id=\"\(HTML.escape(idPrefix))-caption\">\(HTML.escape(table.caption))</caption>\n<thead><tr>"
            let columns = table.columns
            for (index, name) in table.header.enumerated() {
                out += "<th scope=\"col\"\(classAttribute(columns[index]))>\(HTML.escape(name))</th>"
            }
            out += "</tr></thead>\n<tbody>\n"
            for row in table.rows {
                out += "<tr>"
                for (index, cell) in row.enumerated() {
                    let kind = index < columns.count ? columns[index] : .text
                    let empty = if case .empty = cell { true } else { false }
                    if index < table.rowHeaderColumns {
                        out += "<th scope=\"row\"\(classAttribute(kind))>\(HTML.escape(cell.display))</th>"
                    } else {
                        out += "<td\(classAttribute(kind, empty: empty))>\(HTML.escape(cell.display))</td>"
                    }
                }
                out += "</tr>\n"
            }
            return out + "</tbody>\n</table>\n</div>\n"
        case .chart(let chart):
            return "<figure class=\"chart-figure\">\n\(chart.svg)\n</figure>\n"
        }
    }

    /// The class a column's header and cells share: `num` (right-aligned), `date` (never wraps).
    static func classAttribute(_ kind: ColumnKind, empty: Bool = false) -> String {
        switch kind {
        case .number: return empty ? " class=\"num empty\"" : " class=\"num\""
        case .date: return " class=\"date\""
        case .text: return ""
        }
    }

    static func inline(_ inlines: [Inline]) -> String {
        inlines.map { item in
            switch item {
            case .text(let text): return HTML.escape(text)
            case .strong(let text): return "<strong>\(HTML.escape(text))</strong>"
            case .emphasis(let text): return "<em>\(HTML.escape(text))</em>"
            case .code(let text): return "<code>\(HTML.escape(text))</code>"
            case .link(let text, let url): return "<a href=\"\(HTML.escape(url))\">\(HTML.escape(text))</a>"
            }
        }.joined()
    }
}
