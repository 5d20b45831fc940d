import Diagnostics
import Foundation
import Markup
import Model
import Mustache
import Plan
import Search
import Synchronization
import Write

/// A finished file of the site.
public struct OutputFile: Sendable {
    /// Path inside the output folder.
    public var path: String
    public var contents: FileContents

    public init(path: String, data: Data) {
        self.init(path: path, contents: .bytes(data))
    }

    public init(path: String, contents: FileContents) {
        self.path = path
        self.contents = contents
    }
}

/// Renders every planned page through the theme, in parallel, and hands each file to `emit` as it is done.
public struct SiteRenderer: Sendable {
    private(set) var context: RenderContext
    let theme: Theme
    let pictures = PictureCache()
    let searchEntries = SearchEntries()

    public init(site: Site, plan: SitePlan, theme: Theme, options: RenderOptions, log: DiagnosticLog) {
        let language = theme.strings[site.config.language] != nil ? site.config.language : "sv"
        var context = RenderContext(site: site, plan: plan, strings: theme.strings[language] ?? Strings(), options: options, log: log)
        context.templates = theme.templates(for: language)
        self.context = context
        self.theme = theme
    }

    /// The site it renders.
    public var site: Site { context.site }

    /// Puts a new version of a handbook page in the site, its front matter as it was (the live
    /// preview's page edit): what was worked out from the site's structure stays true.
    public mutating func replacePage(at index: Int, with page: Page) {
        context.site.pages[index] = page
    }

    /// A renderer of the same site for one more edit: its findings go to `log`; the lookups,
    /// sidebars and the registry of every page's anchors are kept (`render(only:)` renews the
    /// anchors of the pages it renders).
    public func forEdit(log: DiagnosticLog) -> SiteRenderer {
        var context = self.context
        context.log = log
        return SiteRenderer(context: context, theme: theme)
    }

    private init(context: RenderContext, theme: Theme) {
        self.context = context
        self.theme = theme
    }

    /// Renders every page, or with `previous` records only the pages whose fingerprint changed:
    /// for the others `keep` is called with their path, and their ids, links and search entry
    /// come from the record. Returns a record of every page, in address order. The search index
    /// is the caller's to write (`SearchIndex.write` with the records' entries): a build writes it
    /// beside the manifest, the live preview after the pages.
    @discardableResult
    public func render(
        fingerprints: [String: UInt64] = [:], previous: [String: PageRecord] = [:],
        emit: @Sendable (OutputFile) -> Void, keep: @Sendable (String) -> Void = { _ in }
    ) -> [PageRecord] {
        let pages = context.plan.pages
        func unchanged(_ planned: PlannedPage) -> PageRecord? {
            guard let record = previous[planned.url], let fingerprint = fingerprints[planned.url],
                record.fingerprint == fingerprint
            else { return nil }
            return record
        }
        let reused = pages.map(unchanged)
        if zip(pages, reused).contains(where: { page, record in
            if record == nil, case .reportDownload(_, _, "docx") = page.kind { return true } else { return false }
        }) {
            // Charts do not depend on how links are written, so any one document per year gives them all.
            let documents = context.site.annualReports.compactMap { report in
                pictures.document("\(report.year) charts") { ReportBuilder(context: context).document(for: report) }
            }
            let css = ReportExporter(context: context, theme: theme, pictures: pictures).css
            Timings.shared.measure("report pictures") { pictures.prepare(documents, css: css) }
        }
        concurrentForEach(pages.count) { index in
            let planned = pages[index]
            if let record = reused[index] {
                keep(planned.url)
                context.anchors.restore(record)
                if let entry = record.search { searchEntries.add(entry) }
                return
            }
            renderFresh(planned, emit: emit)
        }
        let entries = searchEntries.sorted
        context.anchors.report(to: context.log)
        for file in theme.staticFiles { emit(OutputFile(path: file.path, contents: file.contents)) }
        if let sitemap = Sitemap.xml(site: context.site, plan: context.plan) {
            emit(OutputFile(path: "sitemap.xml", data: Data(sitemap.utf8)))
        }
        let recorded = context.anchors.recorded()
        let searchByURL = Dictionary(entries.map { ($0.url, $0) }, uniquingKeysWith: { first, _ in first })
        return pages.map { planned in
            PageRecord(
                url: planned.url, fingerprint: fingerprints[planned.url] ?? 0,
                ids: recorded.ids[planned.url].map { $0.sorted() } ?? [],
                links: recorded.links[planned.url] ?? [], search: searchByURL[planned.url])
        }.sorted { $0.url < $1.url }
    }

    /// One page rendered afresh: its file goes to `emit`, its search entry to `searchEntries`.
    private func renderFresh(_ planned: PlannedPage, emit: (OutputFile) -> Void) {
        switch planned.kind {
        case .unitData(let id):
            emit(OutputFile(path: planned.url, data: ProgressData(context: context).unit(id)))
        case .overviewData(let year):
            emit(OutputFile(path: planned.url, data: ProgressData(context: context).overview(year: year)))
        case .examplesFeed:
            emit(OutputFile(path: planned.url, data: Data(ExampleViews(context: context).feed(url: planned.url).utf8)))
        case .reportDownload(let year, let section, let format):
            if let data = Timings.shared.measure(
                "report download",
                {
                    ReportViews(context: context).download(
                        year: year, section: section, format: format, theme: theme,
                        pictures: pictures, url: planned.url)
                })
            {
                emit(OutputFile(path: planned.url, data: data))
            }
        default:
            guard let html = renderPage(planned) else { return }
            emit(OutputFile(path: planned.url, data: Data(html.utf8)))
            if let kind = searchKind(planned), let group = searchGroup(planned) {
                let entry = Timings.shared.measure("search text") { () -> IndexedPage in
                    let extracted = Timings.shared.measure("search extract") { SearchText.extract(fromHTML: html) }
                    return IndexedPage(
                        SearchDocument(
                            url: planned.url, title: searchTitle(planned), kind: kind, group: group.rawValue,
                            headings: extracted.headings, lead: extracted.lead, text: extracted.text,
                            prose: extracted.prose, weight: searchWeight(planned, group: group)))
                }
                searchEntries.add(entry)
            }
        }
    }

    /// The live preview's page edit: renders only `pages`, and checks every link to a
    /// heading against the anchors this renderer's registry holds of every page (from the last
    /// build, and the edits since). Returns the new records of those pages.
    public func render(only pages: [PlannedPage], fingerprints: [String: UInt64], emit: @Sendable (OutputFile) -> Void) -> [PageRecord] {
        context.anchors.forget(Set(pages.map(\.url)))
        concurrentForEach(pages.count) { index in
            renderFresh(pages[index], emit: emit)
        }
        context.anchors.report(to: context.log)
        let entries = Dictionary(searchEntries.sorted.map { ($0.url, $0) }, uniquingKeysWith: { first, _ in first })
        return pages.map { planned in
            let recorded = context.anchors.recorded(for: planned.url)
            return PageRecord(
                url: planned.url, fingerprint: fingerprints[planned.url] ?? 0, ids: recorded.ids,
                links: recorded.links, search: entries[planned.url])
        }
    }

    /// What a page is called in search results; nil for pages that are not searched (lists, print view,
    /// 404, and the other years of the overview, the departments and the key figures: they hold the
    /// current year's names with other numbers, so only the current year's page is found; a unit's
    /// earlier years have texts of their own and are weighted down instead).
    func searchKind(_ planned: PlannedPage) -> String? {
        let strings = context.strings
        if context.plan.isOtherYear(planned) { return nil }
        switch planned.kind {
        case .start: return strings["search.kinds.start"]
        case .accessibility: return strings["search.kinds.about"]
        case .section: return strings["search.kinds.section"]
        case .content(let index):
            let page = context.site.pages[index]
            if page.step != nil { return strings["search.kinds.step"] }
            if page.question != nil { return strings["search.kinds.question"] }
            let top = String(page.contentPath.split(separator: "/").first ?? "")
            if page.contentPath.contains("/"), let section = context.plan.sections[top] { return section.title }
            return strings["search.kinds.page"]
        case .assessmentForm, .worksheet: return strings["search.kinds.form"]
        case .unit: return strings["search.kinds.unit"]
        case .department: return strings["search.kinds.department"]
        case .unitsOverview: return strings["search.kinds.overview"]
        case .keyFigure, .keyFiguresIndex: return strings["search.kinds.key_figure"]
        case .example: return strings["search.kinds.example"]
        case .annualReport: return strings["search.kinds.report"]
        default: return nil
        }
    }

    /// The part of the site a searched page belongs to: a hand-written page in a folder that holds
    /// question pages (and the assessment form made from them) is the question guide's, any other
    /// hand-written page the handbook's.
    func searchGroup(_ planned: PlannedPage) -> SearchGroup? {
        func group(ofFolder folder: String) -> SearchGroup {
            let top = folder.split(separator: "/").first.map(String.init) ?? ""
            return context.questionGuideFolders.contains(top) ? .questionGuide : .handbook
        }
        switch planned.kind {
        case .start, .accessibility: return .handbook
        case .section(let folder): return group(ofFolder: folder)
        case .content(let index), .worksheet(let index): return group(ofFolder: context.site.pages[index].folder)
        case .assessmentForm: return .questionGuide
        case .unit, .department, .unitsOverview: return .units
        case .keyFigure, .keyFiguresIndex: return .keyFigures
        case .example: return .examples
        case .annualReport: return .annualReport
        default: return nil
        }
    }

    /// The groups the site has searched pages in, in `SearchGroup`'s order, with their names.
    func searchGroups() -> [SearchPage.Group] {
        let present = Set(context.plan.pages.compactMap(searchGroup))
        return SearchGroup.allCases.filter(present.contains).map { SearchPage.Group(id: $0.rawValue, label: context.strings["search.groups.\($0.rawValue)"]) }
    }

    /// The start page's title in results is its own (content/index.md's), not the site's.
    func searchTitle(_ planned: PlannedPage) -> String {
        guard case .start = planned.kind, let index = context.plan.sections[""]?.indexPage else { return planned.title }
        return context.site.pages[index].title
    }

    /// The group's weight (site.yaml's `search: weights:`), times 1.5 for a step or question page
    /// and the assessment form (each explains its subject), times 0.5 for the start and a folder's
    /// own page (they sum up other pages) and for a unit's earlier years (its latest year comes first).
    func searchWeight(_ planned: PlannedPage, group: SearchGroup) -> Double {
        let weight = context.site.config.searchWeight(group)
        switch planned.kind {
        case .content(let index):
            let page = context.site.pages[index]
            return page.step != nil || page.question != nil ? weight * 1.5 : weight
        case .assessmentForm: return weight * 1.5
        case .start, .section: return weight * 0.5
        case .unit(let id, let year): return year == context.site.unit(id)?.yearsLatestFirst.first ? weight : weight * 0.5
        default: return weight
        }
    }

    /// One year's annual report (or a section of it, by id) in a format; nil after reporting why not.
    public func exportReport(year: Int, section: String?, format: ExportFormat) -> Data? {
        ReportViews(context: context).download(year: year, section: section, format: format.rawValue, theme: theme, pictures: pictures)
    }

    /// The formats a year's report (or one section) is offered in: CSV only where there is a table.
    public func reportFormats(year: Int, section: String?) -> [String] {
        ReportSections.formats(context.site, strings: context.strings, year: year, section: section)
    }

    /// The ids `--section` accepts.
    public var reportSectionIDs: [String] { ReportSections.ids(context.strings) }

    func renderPage(_ planned: PlannedPage) -> String? {
        var kindName: Substring { String(describing: planned.kind).prefix { $0 != "(" } }
        let (template, view) = Timings.shared.measure("view \(kindName)") { self.view(for: planned) }
        let templates = context.templates ?? theme.templates
        guard let html = Timings.shared.measure("template \(kindName)", { templates.render(view, withTemplate: template) }) else {
            if !theme.brokenTemplates.contains(template) {
                context.log.error("the theme has no template templates/\(template).mustache", at: SourceLocation(path: "themes/\(theme.name)"))
            }
            return nil
        }
        // A partial that includes itself inside a section stops at the depth limit with a marker (PartialDepth).
        if !theme.partialsAtDepthLimit.isEmpty, let number = PartialDepth.marked(in: html), number < theme.partialsAtDepthLimit.count {
            let found = theme.partialsAtDepthLimit[number]
            context.log.error(found.value, at: found.location)
            return nil
        }
        return html
    }

    /// The page's template and its view; a page whose subject is gone from the site gets a view with
    /// no values.
    private func view(for planned: PlannedPage) -> (String, any MustacheParent) {
        let chrome = PageChrome(context: context)
        return switch planned.kind {
        case .start: ("start", orNoView(SectionPageView(context: context).view(folder: "", url: planned.url)))
        case .section(let folder): ("section", orNoView(SectionPageView(context: context).view(folder: folder, url: planned.url)))
        case .content(let index): ("page", ContentPageView(context: context).view(pageIndex: index, url: planned.url))
        case .print: ("print", PrintView(context: context).view(url: planned.url))
        case .assessmentForm: ("assessment-form", AssessmentFormView(context: context).view(url: planned.url))
        case .worksheet(let index): ("worksheet", orNoView(WorksheetView(context: context).view(pageIndex: index, url: planned.url)))
        case .accessibility: ("accessibility", AccessibilityView(context: context).view(url: planned.url))
        case .notFound: ("404", PlainPage(chrome: chrome.view(url: planned.url, title: context.strings["titles.not_found"], summary: nil, openFolders: [])))
        case .unitsOverview(let year): ("units", OverviewView(context: context).view(url: planned.url, year: year))
        case .department(let name, let year): ("units", OverviewView(context: context).view(url: planned.url, department: name, year: year))
        case .unit(let id, let year): ("unit", orNoView(UnitPageView(context: context).view(unitID: id, year: year, url: planned.url)))
        case .keyFiguresIndex(let year): ("key-figures", KeyFigureViews(context: context).index(url: planned.url, year: year))
        case .keyFigure(let id, let year): ("key-figure", orNoView(KeyFigureViews(context: context).page(id: id, url: planned.url, year: year)))
        case .examplesIndex: ("examples", ExampleViews(context: context).index(url: planned.url))
        case .tag(let tag): ("examples", ExampleViews(context: context).tag(tag, url: planned.url))
        case .example(let slug): ("example", orNoView(ExampleViews(context: context).page(slug, url: planned.url)))
        case .annualReportsIndex: ("reports", ReportViews(context: context).index(url: planned.url))
        case .annualReport(let year): ("report", orNoView(ReportViews(context: context).page(year: year, url: planned.url)))
        case .search:
            (
                "search",
                SearchPage(
                    chrome: chrome.view(url: planned.url, title: context.strings["titles.search"], summary: nil, openFolders: []),
                    searchAction: Href.escape(URLPath.relative(from: planned.url, to: planned.url)),
                    groups: searchGroups())
            )
        case .unitData, .overviewData, .examplesFeed, .reportDownload: ("", NoView())
        }
    }
}

/// The view of a page whose subject is gone from the site: it has no values.
struct NoView: MustacheParent {
    func child(named name: String) -> Any? { nil }
}

private func orNoView(_ view: (some MustacheParent)?) -> any MustacheParent {
    view ?? NoView()
}

/// Search documents gathered while pages render in parallel.
final class SearchEntries: Sendable {
    private let entries = Mutex<[IndexedPage]>([])

    func add(_ entry: IndexedPage) {
        entries.withLock { $0.append(entry) }
    }

    /// In address order, so the index is the same whatever order the pages finished in.
    var sorted: [IndexedPage] {
        entries.withLock { $0 }.sorted { $0.url < $1.url }
    }
}
