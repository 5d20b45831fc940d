import Diagnostics

/// A good example (gott exempel) the strategist publishes: a Markdown page about a unit's work.
public struct Example: Sendable {
    public var sourcePath: String
    /// The last part of its address (its file name without `.md`, or `slug`).
    public var slug: String
    public var title: String
    public var date: Day
    public var summary: String?
    /// The unit it tells about.
    public var unit: String?
    public var keyFigures: [String]
    public var tags: [String]
    /// The year whose annual report may use it.
    public var annualReport: Int?
    public var body: String
    public var bodyFirstLine: Int
    /// Whether its text quotes generated figures (`{% units %}`), so that it changes with the units' data.
    public var usesGeneratedFigures = false
    public var location: SourceLocation

    public init(
        sourcePath: String, slug: String, title: String, date: Day, summary: String? = nil, unit: String? = nil,
        keyFigures: [String] = [], tags: [String] = [], annualReport: Int? = nil, body: String = "",
        bodyFirstLine: Int = 1, location: SourceLocation? = nil
    ) {
        self.sourcePath = sourcePath
        self.slug = slug
        self.title = title
        self.date = date
        self.summary = summary
        self.unit = unit
        self.keyFigures = keyFigures
        self.tags = tags
        self.annualReport = annualReport
        self.body = body
        self.bodyFirstLine = bodyFirstLine
        self.location = location ?? SourceLocation(path: sourcePath)
    }
}

/// The annual report's hand-written text for one year; the build adds the generated sections after it.
public struct AnnualReport: Sendable {
    public var year: Int
    public var title: String
    public var summary: String?
    public var body: String
    public var bodyFirstLine: Int
    public var sourcePath: String

    public init(year: Int, title: String, summary: String? = nil, body: String, bodyFirstLine: Int = 1, sourcePath: String) {
        self.year = year
        self.title = title
        self.summary = summary
        self.body = body
        self.bodyFirstLine = bodyFirstLine
        self.sourcePath = sourcePath
    }
}
