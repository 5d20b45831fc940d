/// What a generated page is; the renderer picks its view and template from this.
public enum PageKind: Sendable, Equatable {
    /// The start page (`index.html`).
    case start
    /// A Markdown page: an index into `Site.pages`.
    case content(Int)
    /// A folder's own page, listing what it holds: its path relative to content/.
    case section(String)
    /// The whole handbook on one page, for printing.
    case print
    /// The personal assessment form of the learning follow-up.
    case assessmentForm
    case accessibility
    case notFound
    /// The search page (the results of the header's search box).
    case search
    /// All units and where they stand: the matrix of units by steps.
    case unitsOverview
    /// One unit's page for one year.
    case unit(id: String, year: Int?)
    case department(String)
    case keyFiguresIndex
    case keyFigure(String)
    /// Machine-readable copies of the progress pages.
    case unitData(String)
    case overviewData
    case examplesIndex
    case example(String)
    case tag(String)
    case examplesFeed
    case annualReportsIndex
    case annualReport(Int)
    /// A downloadable export of a year's report, or of one section (by its id).
    case reportDownload(year: Int, section: String?, format: String)
}

public struct PlannedPage: Sendable {
    /// Site-relative address, e.g. `handbok/uppstart.html`.
    public var url: String
    public var kind: PageKind
    public var title: String
}

/// Every page to write, with its address, and the site's structure for navigation.
public struct SitePlan: Sendable {
    public var pages: [PlannedPage]
    /// Folders by path relative to content/.
    public var sections: [String: Section]
    /// The sidebar, from the top.
    public var navigation: [NavItem]
    /// Address of each Markdown page and asset, by path relative to content/.
    public var urlOfContent: [String: String]
    /// Markdown pages in reading order (indices into `Site.pages`): the order of the print view.
    public var readingOrder: [Int]
    /// Pages in the print view, in reading order (indices into `Site.pages`).
    public var printPages: [Int]
    /// Assets to copy: content path → address.
    public var assets: [(contentPath: String, url: String)]
    /// Where each generated page lives, by its name (`print`, `assessment_form`, …).
    public var generatedURLs: [String: String]

    /// Addresses of units' pages by unit id and year (the latest year's page has no year in its name).
    public var unitURLs: [String: [Int: String]] = [:]
    /// The address of each unit's page for its latest year (or its only page).
    public var unitPageURLs: [String: String] = [:]
    public var departmentURLs: [String: String] = [:]
    public var keyFigureURLs: [String: String] = [:]
    public var exampleURLs: [String: String] = [:]
    public var tagURLs: [String: String] = [:]
    public var reportURLs: [Int: String] = [:]
    /// Downloads by `year/section/format` (section empty for the whole report).
    public var downloadURLs: [String: String] = [:]

    public static func downloadKey(year: Int, section: String?, format: String) -> String {
        "\(year)/\(section ?? "")/\(format)"
    }

    public func url(ofPage index: Int) -> String? {
        pages.first { $0.kind == .content(index) }?.url
    }

    /// A unit's page for a year, or its main page when that year has none.
    public func unitURL(_ id: String, year: Int? = nil) -> String? {
        if let year, let url = unitURLs[id]?[year] { return url }
        return unitPageURLs[id]
    }
}
