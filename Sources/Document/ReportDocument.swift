/// A report as structure (headings, paragraphs, tables, charts), independent of any format:
/// the web page, Word, standalone HTML, Markdown and CSV are all written from it.
public struct ReportDocument: Sendable {
    public var title: String
    /// The language of the text, e.g. `sv`.
    public var language: String
    public var organisation: String
    public var sections: [ReportSection]

    public init(title: String, language: String, organisation: String, sections: [ReportSection]) {
        self.title = title
        self.language = language
        self.organisation = organisation
        self.sections = sections
    }

    /// The document with only one section (for exporting one part of a report).
    public func only(_ id: String) -> ReportDocument? {
        guard let section = sections.first(where: { $0.id == id }) else { return nil }
        var copy = self
        copy.sections = [section]
        return copy
    }
}

public struct ReportSection: Sendable {
    /// Its anchor on the web page and its name for `--section`.
    public var id: String
    public var title: String
    public var blocks: [Block]

    public init(id: String, title: String, blocks: [Block]) {
        self.id = id
        self.title = title
        self.blocks = blocks
    }
}

public enum Block: Sendable {
    /// Levels 2 and 3 below the section's own heading (level 1 is the document, the section is 2).
    case heading(level: Int, text: String)
    case paragraph([Inline])
    case list(ordered: Bool, items: [[Inline]])
    case quote([Inline])
    case table(DataTable)
    case chart(Chart)
}

public enum Inline: Sendable, Equatable {
    case text(String)
    case strong(String)
    case emphasis(String)
    case code(String)
    case link(text: String, url: String)

    public var plainText: String {
        switch self {
        case .text(let text), .strong(let text), .emphasis(let text), .code(let text): return text
        case .link(let text, _): return text
        }
    }
}

extension Array where Element == Inline {
    public var plainText: String { map(\.plainText).joined() }
}

/// A table with its caption; `csv` holds the same data as one row per observation (the group and
/// the year in columns), which is how spreadsheets want it.
public struct DataTable: Sendable {
    public var caption: String
    public var header: [String]
    public var rows: [[Cell]]
    /// How many leading columns are row headers.
    public var rowHeaderColumns: Int
    public var csv: CSVTable

    public init(caption: String, header: [String], rows: [[Cell]], rowHeaderColumns: Int = 1, csv: CSVTable? = nil) {
        self.caption = caption
        self.header = header
        self.rows = rows
        self.rowHeaderColumns = rowHeaderColumns
        self.csv = csv ?? CSVTable(title: caption, header: header, rows: rows)
    }

    /// Each column's kind, decided here once so that every writer (the page, the HTML export,
    /// Word, Markdown) aligns a column and its header alike.
    public var columns: [ColumnKind] { ColumnKind.of(header: header, rows: rows, rowHeaderColumns: rowHeaderColumns) }
}

/// How a column reads: numbers to the right (digits under digits), text and dates to the left,
/// its header the same way as its cells.
public enum ColumnKind: Sendable, Equatable {
    case text
    case number
    /// Text that must stay on one line: `2026-11-18` broken at its hyphen reads as two numbers.
    case date

    public var alignedRight: Bool { self == .number }

    /// A column of numbers holds only numbers and cells that say why a number is absent (a year
    /// with every value missing is still a column of numbers); a date column only dates
    /// (`2026-11-18`); anything else, and row headers, is text.
    public static func of(header: [String], rows: [[Cell]], rowHeaderColumns: Int) -> [ColumnKind] {
        header.indices.map { index in
            let cells = rows.compactMap { index < $0.count ? $0[index] : nil }
            if index >= rowHeaderColumns, !cells.isEmpty, cells.allSatisfy({ if case .text = $0 { false } else { true } }) {
                return .number
            }
            let texts = cells.map(\.display).filter { !$0.isEmpty }
            if !texts.isEmpty, texts.allSatisfy(isDate) { return .date }
            return .text
        }
    }

    /// `YYYY-MM-DD`, the way the content writes dates.
    static func isDate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10 else { return false }
        return bytes.enumerated().allSatisfy { index, byte in
            index == 4 || index == 7 ? byte == UInt8(ascii: "-") : (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }
    }
}

public struct CSVTable: Sendable {
    public var title: String
    public var header: [String]
    public var rows: [[Cell]]

    public init(title: String, header: [String], rows: [[Cell]]) {
        self.title = title
        self.header = header
        self.rows = rows
    }
}

public enum Cell: Sendable, Equatable {
    case text(String)
    /// A number, with the text people read (`71 %`, `2 150,5 kr`).
    case number(Double, display: String)
    /// No number may be shown: the text says why (`..` for suppressed, `–` for missing).
    case empty(String)

    public var display: String {
        switch self {
        case .text(let text): return text
        case .number(_, let display): return display
        case .empty(let text): return text
        }
    }
}

/// A chart: an SVG that stands on its own (styles inside), and the text that replaces it.
public struct Chart: Sendable {
    public var svg: String
    public var alt: String
    /// The SVG's size in CSS pixels, for placing the picture.
    public var width: Double
    public var height: Double

    public init(svg: String, alt: String, width: Double, height: Double) {
        self.svg = svg
        self.alt = alt
        self.width = width
        self.height = height
    }
}
