/// Every table of a report as CSV the way Swedish Excel opens it: UTF-8 with a byte-order mark,
/// semicolons between cells, decimal commas, CRLF line ends. Tables follow each other, each with
/// its title on a line of its own and an empty line after it.
public enum CSVWriter {
    public static func write(_ document: ReportDocument, decimalSeparator: String = ",", separator: String = ";") -> String {
        var out = "\u{FEFF}"
        var first = true
        for section in document.sections {
            for case .table(let table) in section.blocks {
                if !first { out += "\r\n" }
                first = false
                out += field(table.csv.title, separator: separator) + "\r\n"
                out += table.csv.header.map { field($0, separator: separator) }.joined(separator: separator) + "\r\n"
                for row in table.csv.rows {
                    out +=
                        row.map { value($0, decimalSeparator: decimalSeparator, separator: separator) }
                        .joined(separator: separator) + "\r\n"
                }
            }
        }
        return out
    }

    static func value(_ cell: Cell, decimalSeparator: String, separator: String) -> String {
        switch cell {
        case .number(let number, _):
            // Plain digits with a decimal comma: no unit, no thousands separator, so it stays a number.
            var text = number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
            if text.hasSuffix(".0") { text = String(text.dropLast(2)) }
            return text.replacingOccurrences(of: ".", with: decimalSeparator)
        case .text(let text):
            return field(text, separator: separator)
        case .empty:
            // No number: an empty cell, so the column stays numbers only in a spreadsheet (the
            // page's `–` or `..` would be text there and break sums and charts).
            return ""
        }
    }

    /// Quotes when needed, and defuses text that a spreadsheet would run as a formula.
    static func field(_ text: String, separator: String) -> String {
        var text = text
        if let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
            text = "'" + text
        }
        if text.contains(separator) || text.contains("\"") || text.contains("\n") || text.contains("\r") {
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return text
    }
}
