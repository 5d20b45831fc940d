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
