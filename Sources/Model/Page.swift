import Diagnostics

/// A Markdown page of the handbook (or any other hand-written page).
public struct Page: Sendable, Equatable {
    /// Path relative to SOURCE, e.g. `content/handbook/uppstart.md`.
    public var sourcePath: String
    /// Path relative to content/, e.g. `handbook/uppstart.md`.
    public var contentPath: String
    public var title: String
    public var order: Int?
    public var summary: String?
    public var draft: Bool
    /// The last part of the page's URL (for an index page: its folder's).
    public var slug: String?
    public var step: StepInfo?
    public var question: QuestionInfo?
    /// The front matter's `updated`: when the page's text was last revised, as its writer says.
    public var updated: Day?
    /// The date of the last commit of the page's file, when SOURCE is a git repository.
    public var committed: Day?
    /// The front matter's `contact`; nil: the site's.
    public var contact: Contact?
    /// The front matter's `worksheet`: a blank form to print, generated beside the page.
    public var worksheet: Worksheet?
    public var body: String
    /// The file line on which the body begins.
    public var bodyFirstLine: Int
    /// The opening `---`, or 1:1 when the page has no front matter.
    public var location: SourceLocation
    /// Whether its text quotes generated figures (`{% units %}`), so that it changes with the units' data.
    public var usesGeneratedFigures = false

    public init(
        sourcePath: String, contentPath: String, title: String, order: Int? = nil, summary: String? = nil,
        draft: Bool = false, slug: String? = nil, step: StepInfo? = nil, question: QuestionInfo? = nil,
        body: String, bodyFirstLine: Int = 1, location: SourceLocation? = nil
    ) {
        self.sourcePath = sourcePath
        self.contentPath = contentPath
        self.title = title
        self.order = order
        self.summary = summary
        self.draft = draft
        self.slug = slug
        self.step = step
        self.question = question
        self.body = body
        self.bodyFirstLine = bodyFirstLine
        self.location = location ?? SourceLocation(path: sourcePath)
    }

    /// The folder it lives in, relative to content/ ("" for the top).
    public var folder: String {
        guard let slash = contentPath.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(contentPath[..<slash])
    }

    public var fileStem: String {
        let utf8 = contentPath.utf8
        let name = utf8.lastIndex(of: UInt8(ascii: "/")).map { contentPath[utf8.index(after: $0)...] } ?? contentPath[...]
        // `Sida.MD` is read as a page too (Load reads any case of `.md`).
        return String(name.hasSuffix(".md") || name.suffix(3).lowercased() == ".md" ? name.dropLast(3) : name)
    }

    /// "Senast uppdaterad": the date the writer gave, else the file's last commit.
    public var lastUpdated: Day? { updated ?? committed }

    /// `index.md` is its folder's own page.
    public var isFolderIndex: Bool { fileStem == "index" }

    /// Whether `other` is this page with another text: everything the rest of the site shows of a
    /// page (title, order, address, step, question, summary) and where it is written are the same.
    public func differsOnlyInBody(from other: Page) -> Bool {
        var probe = other
        probe.body = body
        return probe == self
    }
}

public struct StepInfo: Sendable, Equatable {
    public var id: String
    /// Where `step:` is written, for errors about the id.
    public var location: SourceLocation
    public init(id: String, location: SourceLocation) {
        self.id = id
        self.location = location
    }
}

public struct QuestionInfo: Sendable, Equatable {
    public var id: String
    public var part: String?
    public var assessment: String
    public var location: SourceLocation
    public init(id: String, part: String?, assessment: String, location: SourceLocation) {
        self.id = id
        self.location = location
        self.part = part
        self.assessment = assessment
    }
}

/// A blank form to print and fill in by hand (the question guide's appendix 1, the program-logic
/// worksheet): columns with their titles and prompts, empty rows to write in, and a line at the
/// foot of each column. Every word comes from the page's front matter.
public struct Worksheet: Sendable, Equatable {
    public struct Column: Sendable, Equatable {
        public var title: String
        public var prompt: String?
        public init(title: String, prompt: String? = nil) {
            self.title = title
            self.prompt = prompt
        }
    }

    public var title: String
    public var intro: String?
    public var columns: [Column]
    public var rows: Int
    /// Written at the foot of every column, e.g. "Bedömning:".
    public var footer: String?

    public static let columnCount = 1...6
    public static let rowCount = 1...20
    public static let defaultRows = 8

    public init(title: String, intro: String? = nil, columns: [Column], rows: Int = Worksheet.defaultRows, footer: String? = nil) {
        self.title = title
        self.intro = intro
        self.columns = columns
        self.rows = rows
        self.footer = footer
    }
}
