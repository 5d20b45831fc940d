import Diagnostics

/// site.yaml: the settings a municipality gives its site.
public struct SiteConfig: Sendable {
    public var title: String
    public var organisation: String
    /// Picks the theme's strings and date and number formats.
    public var language: String
    /// The published address, used only where absolute addresses are required (sitemap, feed).
    public var url: String?
    public var theme: String
    /// The municipality's styrperspektiv, in the order it lists them.
    public var perspectives: [String]
    public var ratingScale: ClosedRange<Int>
    public var selfAssessmentMax: Int
    public var minGroupSize: Int
    /// Raw HTML in Markdown and in Mustache output is refused unless the site opts in.
    public var allowRawHTML: Bool
    /// Content paths (folders or pages) that make up the printable handbook; empty means
    /// "every folder that holds step or question pages".
    public var printPaths: [String]
    public var folders: ContentFolders
    /// Overrides of the URL names of generated pages (keys as in the theme's `paths`).
    public var paths: [String: String]
    public var accessibility: AccessibilityStatement
    /// A note shown on every page, e.g. that the figures are sample data.
    public var notice: String?
    /// Who answers questions about the handbook's pages, unless a page names its own.
    public var contact: Contact?
    /// Where the handbook's pages ask readers to send their views ("Synpunkter på sidan?").
    public var feedback: Feedback?
    /// `search: weights:`: how much each part of the site counts in search results.
    public var searchWeights: [SearchGroup: Double]
    /// `kolada:`: where the key figures' values from Kolada come from and what they are compared with.
    public var kolada: KoladaConfig?

    public init(
        title: String, organisation: String, language: String = "sv", url: String? = nil,
        theme: String = "default", perspectives: [String] = [], ratingScale: ClosedRange<Int> = 1...10,
        selfAssessmentMax: Int = 60, minGroupSize: Int = 5, allowRawHTML: Bool = false,
        printPaths: [String] = [], folders: ContentFolders = ContentFolders(), paths: [String: String] = [:],
        accessibility: AccessibilityStatement = AccessibilityStatement(), notice: String? = nil,
        contact: Contact? = nil, feedback: Feedback? = nil, searchWeights: [SearchGroup: Double] = [:],
        kolada: KoladaConfig? = nil
    ) {
        self.title = title
        self.organisation = organisation
        self.language = language
        self.url = url
        self.theme = theme
        self.perspectives = perspectives
        self.ratingScale = ratingScale
        self.selfAssessmentMax = selfAssessmentMax
        self.minGroupSize = minGroupSize
        self.allowRawHTML = allowRawHTML
        self.printPaths = printPaths
        self.folders = folders
        self.paths = paths
        self.accessibility = accessibility
        self.notice = notice
        self.contact = contact
        self.feedback = feedback
        self.searchWeights = searchWeights
        self.kolada = kolada
    }

    /// The weight of a part of the site in search results: site.yaml's, or the default.
    public func searchWeight(_ group: SearchGroup) -> Double { searchWeights[group] ?? group.defaultWeight }
}

/// The folders under content/ that hold data rather than handbook pages; site.yaml may rename them.
public struct ContentFolders: Sendable, Equatable {
    public var units: String
    public var examples: String
    public var annualReport: String

    public init(units: String = "units", examples: String = "examples", annualReport: String = "annual-report") {
        self.units = units
        self.examples = examples
        self.annualReport = annualReport
    }
}

/// What the accessibility statement (tillgänglighetsredogörelse) says about the site.
public struct AccessibilityStatement: Sendable {
    /// How to reach the people responsible, e.g. an e-mail address or a phone number.
    public var contact: String?
    /// The date of the last review of the site's accessibility.
    public var reviewed: Day?
    /// Markdown: known shortcomings, if any.
    public var knownIssues: String?

    public init(contact: String? = nil, reviewed: Day? = nil, knownIssues: String? = nil) {
        self.contact = contact
        self.reviewed = reviewed
        self.knownIssues = knownIssues
    }
}

/// The parts of the site a search can be narrowed to, in the order the search page offers them.
/// Each has a weight (`site.yaml`'s `search: weights:` overrides it) that scales its pages' scores.
public enum SearchGroup: String, Sendable, CaseIterable {
    case handbook
    case questionGuide = "question_guide"
    case examples
    case keyFigures = "key_figures"
    case units
    case annualReport = "annual_report"

    /// Guidance before data: the handbook and the question guide, then good examples, key figures,
    /// the annual report (a year's figures told), and last the units' pages (overview and
    /// departments included). docs/content-format.md lists them.
    public var defaultWeight: Double {
        switch self {
        case .handbook, .questionGuide: 4
        case .examples: 2
        case .keyFigures: 1
        case .annualReport: 0.6
        case .units: 0.5
        }
    }

    /// The range site.yaml's weights must lie in: a page's word scores are kept below 256, which
    /// the highest weight times a step page's 1.5 and the highest word score (32) stays under.
    public static let weights: ClosedRange<Double> = 0...5
}
