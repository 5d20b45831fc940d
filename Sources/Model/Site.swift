/// Everything the content says, checked and typed: what the later stages build from.
public struct Site: Sendable {
    public var config: SiteConfig
    /// Every Markdown page that is published (drafts removed unless asked for).
    public var pages: [Page]
    /// The process: step pages in `order`.
    public var steps: [Step]
    /// The learning follow-up guide: question pages in `order`.
    public var questions: [Question]
    /// Pages that exist but are not published, by path relative to content/: drafts, and pages whose
    /// front matter has errors (so links to them are not reported a second time).
    public var unpublished: [String: UnpublishedReason]
    /// The municipality's key-figure catalogue, in the order of key-figures.yaml.
    public var keyFigures: [KeyFigure]
    /// Every unit, sorted by name.
    public var units: [Unit] {
        didSet { unitPositions = Self.positions(of: units) }
    }
    /// Where each unit stands in `units`, by id: every unit page looks its unit up several times,
    /// and a search through thousands of units each time grew faster than the site.
    private var unitPositions: [String: Int] = [:]
    /// Published good examples, newest first.
    public var examples: [Example] = []
    /// Annual reports, by year.
    public var annualReports: [AnnualReport] = []
    /// The values from Kolada that the content asks for: the municipality's and its comparisons',
    /// and the units' (already merged into the key figures and units too).
    public var kolada = KoladaData()

    public init(
        config: SiteConfig, pages: [Page], steps: [Step] = [], questions: [Question] = [],
        unpublished: [String: UnpublishedReason] = [:], keyFigures: [KeyFigure] = [], units: [Unit] = []
    ) {
        self.config = config
        self.pages = pages
        self.steps = steps
        self.questions = questions
        self.unpublished = unpublished
        self.keyFigures = keyFigures
        self.units = units
        unitPositions = Self.positions(of: units)
    }

    /// The first unit with each id (ids are unique once validated).
    private static func positions(of units: [Unit]) -> [String: Int] {
        Dictionary(units.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
    }

    public func keyFigure(_ id: String) -> KeyFigure? { keyFigures.first { $0.id == id } }
    public func unit(_ id: String) -> Unit? { unitPositions[id].map { units[$0] } }

    /// Good examples about a unit, newest first.
    public func examples(ofUnit id: String) -> [Example] { examples.filter { $0.unit == id } }

    /// Good examples about a key figure, newest first.
    public func examples(ofKeyFigure id: String) -> [Example] { examples.filter { $0.keyFigures.contains(id) } }

    /// Every tag used by an example, in alphabetical order.
    public var tags: [String] { Array(Set(examples.flatMap(\.tags))).sorted(by: Collation.less) }

    /// Departments (förvaltningar) in alphabetical order.
    public var departments: [String] { Array(Set(units.map(\.department))).sorted(by: Collation.less) }
}

public enum UnpublishedReason: Sendable, Equatable {
    case draft
    case invalid
}

/// A step of the yearly process, e.g. "Uppstart", and the page that describes it.
public struct Step: Sendable, Equatable {
    public var id: String
    public var title: String
    /// Its place in the process, from 1.
    public var number: Int
    public var pagePath: String
    public var summary: String?

    public init(id: String, title: String, number: Int, pagePath: String, summary: String? = nil) {
        self.id = id
        self.title = title
        self.number = number
        self.pagePath = pagePath
        self.summary = summary
    }
}

/// A question of the learning follow-up guide, rated on the site's scale.
public struct Question: Sendable, Equatable {
    public var id: String
    public var title: String
    public var number: Int
    public var part: String?
    public var assessment: String
    public var pagePath: String

    public init(id: String, title: String, number: Int, part: String?, assessment: String, pagePath: String) {
        self.id = id
        self.title = title
        self.number = number
        self.part = part
        self.assessment = assessment
        self.pagePath = pagePath
    }
}
