import Diagnostics
import Model

/// The good examples (list, pages, tags, feed) and the annual reports with their downloads.
struct PublicationPlan {
    let pathNames: [String: String]
    let titles: [String: String]
    let reportSections: [String]
    let exportFormats: (_ site: Site, _ year: Int, _ section: String?) -> [String]
    private(set) var pages: [PlannedPage] = []
    private(set) var navigation: [NavItem] = []
    private(set) var exampleURLs: [String: String] = [:]
    private(set) var tagURLs: [String: String] = [:]
    private(set) var reportURLs: [Int: String] = [:]
    private(set) var downloadURLs: [String: String] = [:]
    private(set) var generatedURLs: [String: String] = [:]

    init(
        pathNames: [String: String], titles: [String: String], reportSections: [String],
        exportFormats: @escaping (_ site: Site, _ year: Int, _ section: String?) -> [String]
    ) {
        self.pathNames = pathNames
        self.titles = titles
        self.reportSections = reportSections
        self.exportFormats = exportFormats
    }

    private func name(_ key: String) -> String { pathNames[key] ?? key }
    private func title(_ key: String) -> String { titles[key] ?? key }

    private mutating func add(
        _ url: String, _ kind: PageKind, _ title: String, location: SourceLocation?,
        claim: (String, SourceLocation?, Message) -> Bool
    ) -> Bool {
        guard claim(url, location, Message("the page '\(title)'")) else { return false }
        pages.append(PlannedPage(url: url, kind: kind, title: title))
        return true
    }

    mutating func plan(_ site: Site, claim: (String, SourceLocation?, Message) -> Bool) {
        if !site.examples.isEmpty { planExamples(site, claim: claim) }
        if !site.annualReports.isEmpty { planReports(site, claim: claim) }
    }

    private mutating func planExamples(_ site: Site, claim: (String, SourceLocation?, Message) -> Bool) {
        let folder = name("examples")
        let index = folder + "/index.html"
        _ = add(index, .examplesIndex, title("examples"), location: nil, claim: claim)
        generatedURLs["examples"] = index
        for example in site.examples {
            let url = folder + "/" + example.slug + ".html"
            if add(url, .example(example.slug), example.title, location: example.location, claim: claim) {
                exampleURLs[example.slug] = url
            }
        }
        var used = Set<String>()
        for tag in site.tags {
            let slug = URLSegment.unique(tag, in: &used)
            let url = folder + "/" + name("tags") + "/" + slug + ".html"
            if add(url, .tag(tag), tag, location: nil, claim: claim) { tagURLs[tag] = url }
        }
        let feed = folder + "/atom.xml"
        _ = add(feed, .examplesFeed, title("examples"), location: nil, claim: claim)
        generatedURLs["examples_feed"] = feed
        navigation.append(NavItem(title: title("examples"), url: index, folder: "@examples", children: []))
    }

    private mutating func planReports(_ site: Site, claim: (String, SourceLocation?, Message) -> Bool) {
        let folder = name("annual_report")
        let index = folder + "/index.html"
        _ = add(index, .annualReportsIndex, title("annual_report"), location: nil, claim: claim)
        generatedURLs["annual_reports"] = index
        var items: [NavItem] = []
        for report in site.annualReports {
            let url = folder + "/" + String(report.year) + ".html"
            let location = SourceLocation(path: report.sourcePath)
            guard add(url, .annualReport(report.year), report.title, location: location, claim: claim) else { continue }
            reportURLs[report.year] = url
            items.append(NavItem(title: report.title, url: url))
            for section in [nil] + reportSections.map(Optional.some) {
                for format in exportFormats(site, report.year, section) {
                    let base = name("annual_report") + "-" + String(report.year) + (section.map { "-" + $0 } ?? "")
                    let download = folder + "/" + String(report.year) + "/" + base + "." + format
                    if add(
                        download, .reportDownload(year: report.year, section: section, format: format), base,
                        location: location, claim: claim)
                    {
                        downloadURLs[SitePlan.downloadKey(year: report.year, section: section, format: format)] = download
                    }
                }
            }
        }
        navigation.append(NavItem(title: title("annual_report"), url: index, folder: "@reports", children: items))
    }
}
