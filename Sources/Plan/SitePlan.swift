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
    /// The blank form a page declares in its front matter (`worksheet:`): an index into `Site.pages`.
    case worksheet(Int)
    case accessibility
    case notFound
    /// The search page (the results of the header's search box).
    case search
    /// All units and where they stand in a year: the matrix of units by steps. The year is nil only
    /// when no unit has one.
    case unitsOverview(year: Int?)
    /// One unit's page for one year.
    case unit(id: String, year: Int?)
    case department(String, year: Int?)
    /// The key figures, and each one, as they stood in a year; nil (no unit has a year) shows every year.
    case keyFiguresIndex(year: Int?)
    case keyFigure(String, year: Int?)
    /// Machine-readable copies of the progress pages.
    case unitData(String)
    case overviewData(year: Int?)
    case examplesIndex
    case example(String)
    case tag(String)
    case examplesFeed
    case annualReportsIndex
    case annualReport(Int)
    /// A downloadable export of a year's report, or of one section (by its id).
    case reportDownload(year: Int, section: String?, format: String)
}

/// A progress page that can be seen for each year with data (`SitePlan.yearly`): what it shows.
public enum YearlyPage: Hashable, Sendable {
    case overview
    /// The overview's machine-readable copy.
    case overviewData
    case department(String)
    case unit(String)
    case keyFiguresIndex
    case keyFigure(String)
}

/// The addresses of a page that can be seen for each year: its main address shows `mainYear` (a
/// unit's latest year; for the others the site's current year, `ProgressRules.latestYear`), every
/// other year has the year in its name (`<name>-<year>.html`).
public struct YearPages: Sendable {
    public var main: String
    public var mainYear: Int?
    /// Every year's address, the main year's included.
    public var byYear: [Int: String] = [:]

    /// The years it can be seen for, newest first.
    public var years: [Int] { byYear.keys.sorted(by: >) }
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
    /// The address of the blank form a page declares (`worksheet:`), by the page's index in `Site.pages`.
    public var worksheetURLs: [Int: String] = [:]

    /// The addresses of the overview, the departments, the units and the key figures, per year.
    public var yearly: [YearlyPage: YearPages] = [:]
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

    /// A page's address for a year, or its main address when that year has none (or none is asked for).
    public func url(of page: YearlyPage, year: Int? = nil) -> String? {
        guard let pages = yearly[page] else { return nil }
        if let year, let url = pages.byYear[year] { return url }
        return pages.main
    }

    /// Whether `page` is the overview, a department or key figures in another year than the site's
    /// current one (a page with the year in its address).
    public func isOtherYear(_ page: PlannedPage) -> Bool {
        let yearly: YearlyPage? =
            switch page.kind {
            case .unitsOverview: .overview
            case .department(let name, _): .department(name)
            case .keyFiguresIndex: .keyFiguresIndex
            case .keyFigure(let id, _): .keyFigure(id)
            default: nil
            }
        return yearly.map { url(of: $0) != page.url } ?? false
    }
}
