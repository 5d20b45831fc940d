import Diagnostics
import Model

/// Decides every page of the site and its address, before anything is rendered.
public struct Planner {
    /// URL names of generated pages, e.g. `print: skriv-ut` (the theme's defaults merged with site.yaml's `paths`).
    public var pathNames: [String: String]
    /// Titles of generated pages, from the theme's strings.
    public var titles: [String: String]
    /// The ids of the annual report's sections (each can be downloaded alone), and the formats a
    /// year's report (section nil) or one section is offered in.
    public var reportSections: [String]
    public var exportFormats: (_ site: Site, _ year: Int, _ section: String?) -> [String]
    /// "Today": its year, when units have data for it, is the one the progress pages show at their main addresses.
    public var asOf: Day

    public init(
        pathNames: [String: String], titles: [String: String], asOf: Day, reportSections: [String] = [],
        exportFormats: @escaping (_ site: Site, _ year: Int, _ section: String?) -> [String] = { _, _, _ in [] }
    ) {
        self.pathNames = pathNames
        self.titles = titles
        self.asOf = asOf
        self.reportSections = reportSections
        self.exportFormats = exportFormats
    }

    public func plan(_ site: Site, assets: [String], log: DiagnosticLog) -> SitePlan {
        let sections = SectionBuilder(site: site).build()
        var pages: [PlannedPage] = []
        var urlOfContent: [String: String] = [:]
        var owner: [String: SourceLocation?] = [:]

        func claim(_ url: String, for location: SourceLocation?, what: Message) -> Bool {
            if let problem = PortableName.problem(inAddress: url) {
                // A page can be given a `slug`; a copied file is renamed.
                let remedy = location?.path.lowercased().hasSuffix(".md") == true ? Message("rename it or give it a `slug`") : Message("rename it")
                log.error(
                    "\(what) would get the address \(url), but \(problem); \(remedy)",
                    at: location ?? SourceLocation(path: "content/site.yaml"))
                return false
            }
            if let previous = owner[url] {
                let by = previous.map { .verbatim($0.path) } ?? Message("a generated page")
                // Names that differ only in letters outside ASCII (`fika-för.md`, `fika-for.md`) meet here too.
                let remedy = location?.path.lowercased().hasSuffix(".md") == true ? Message("give one of them another `slug`") : Message("rename one of them")
                log.error(
                    "\(what) would get the address \(url), which \(by) already has; \(remedy)",
                    at: location ?? SourceLocation(path: "content/site.yaml"))
                return false
            }
            owner[url] = location
            return true
        }

        // Generated pages first, so a hand-written page that takes one of their addresses is the one reported.
        var generatedURLs: [String: String] = [:]
        func generated(_ name: String, _ kind: PageKind, folder: String = "") {
            let url = (folder.isEmpty ? "" : folder + "/") + (pathNames[name] ?? name) + ".html"
            generatedURLs[name] = url
            _ = claim(url, for: nil, what: "the page '\(titles[name] ?? name)'")
            pages.append(PlannedPage(url: url, kind: kind, title: titles[name] ?? name))
        }
        _ = claim("404.html", for: nil, what: "the page not found")
        pages.append(PlannedPage(url: "404.html", kind: .notFound, title: titles["not_found"] ?? "404"))
        generated("accessibility", .accessibility)
        generated("search", .search)

        let readingOrder = sections.readingOrder()
        let printPages = printSelection(site, sections: sections, readingOrder: readingOrder, log: log)
        if !printPages.isEmpty { generated("print", .print) }
        var navigation = sections.navigation()
        if let firstQuestion = site.questions.first,
            let page = site.pages.firstIndex(where: { $0.contentPath == firstQuestion.pagePath })
        {
            let folder = site.pages[page].folder
            generated("assessment_form", .assessmentForm, folder: sections.folderURL(folder))
            let item = NavItem(title: titles["assessment_form"] ?? "assessment_form", url: generatedURLs["assessment_form"]!)
            navigation = Self.appending(item, toFolder: folder, in: navigation)
        }

        for (path, section) in sections.sections.sorted(by: { $0.key < $1.key }) {
            let location = section.indexPage.map { site.pages[$0].location }
            if path.isEmpty {
                _ = claim(section.url, for: location, what: "the start page")
                pages.append(PlannedPage(url: section.url, kind: .start, title: site.config.title))
            } else if claim(section.url, for: location, what: "the folder \(path)/") {
                pages.append(PlannedPage(url: section.url, kind: .section(path), title: section.title))
            }
            if let index = section.indexPage { urlOfContent[site.pages[index].contentPath] = section.url }
        }
        for (index, page) in site.pages.enumerated() where !page.isFolderIndex {
            let url = sections.url(ofPage: page)
            if claim(url, for: page.location, what: "this page") {
                pages.append(PlannedPage(url: url, kind: .content(index), title: page.title))
                urlOfContent[page.contentPath] = url
            }
        }
        // A page's worksheet lives beside it: `programlogik.html` → `programlogik-arbetsunderlag.html`.
        var worksheetURLs: [Int: String] = [:]
        for (index, page) in site.pages.enumerated() {
            guard let worksheet = page.worksheet, let pageURL = urlOfContent[page.contentPath] else { continue }
            let url = String(pageURL.dropLast(".html".count)) + "-" + (pathNames["worksheet"] ?? "worksheet") + ".html"
            guard claim(url, for: page.location, what: "the worksheet '\(worksheet.title)' of this page") else { continue }
            pages.append(PlannedPage(url: url, kind: .worksheet(index), title: worksheet.title))
            worksheetURLs[index] = url
            navigation = Self.appending(NavItem(title: worksheet.title, url: url), toFolder: page.folder, in: navigation)
        }
        var progress = ProgressPlan(pathNames: pathNames, titles: titles, currentYear: ProgressRules.latestYear(of: site.units, asOf: asOf))
        progress.plan(site, claim: claim)
        pages += progress.pages
        navigation += progress.navigation
        var publications = PublicationPlan(pathNames: pathNames, titles: titles, reportSections: reportSections, exportFormats: exportFormats)
        publications.plan(site, claim: claim)
        pages += publications.pages
        navigation += publications.navigation

        var copied: [(String, String)] = []
        for asset in assets {
            // A name a file share cannot hold is the author's to change (issue 14: an error at its path,
            // as a page's slug is); only names a share can hold are made plain ASCII for the address.
            if let problem = asset.split(separator: "/").lazy.compactMap({ PortableName.problem(inName: $0) }).first {
                log.error(
                    "this file cannot be published: \(problem), so the site could not be copied to a Windows file share; rename it",
                    at: SourceLocation(path: "content/" + asset))
                continue
            }
            let folder = asset.split(separator: "/").dropLast().joined(separator: "/")
            let name = URLSegment.fileName(String(asset.split(separator: "/").last ?? ""))
            let folderURL = sections.folderURL(folder)
            let url = (folderURL.isEmpty ? "" : folderURL + "/") + name
            if claim(url, for: SourceLocation(path: "content/" + asset), what: "this file") {
                copied.append((asset, url))
                urlOfContent[asset] = url
            }
        }
        var plan = SitePlan(
            pages: pages, sections: sections.sections, navigation: navigation,
            urlOfContent: urlOfContent, readingOrder: readingOrder, printPages: printPages,
            assets: copied,
            generatedURLs: generatedURLs.merging(progress.generatedURLs) { a, _ in a }
                .merging(publications.generatedURLs) { a, _ in a })
        plan.yearly = progress.yearly
        plan.worksheetURLs = worksheetURLs
        plan.exampleURLs = publications.exampleURLs
        plan.tagURLs = publications.tagURLs
        plan.reportURLs = publications.reportURLs
        plan.downloadURLs = publications.downloadURLs
        return plan
    }

    /// Adds a generated page at the end of a folder's entries in the sidebar.
    static func appending(_ item: NavItem, toFolder folder: String, in items: [NavItem]) -> [NavItem] {
        if folder.isEmpty { return items + [item] }
        return items.map { entry in
            var entry = entry
            if entry.folder == folder {
                entry.children.append(item)
            } else if let path = entry.folder, folder.hasPrefix(path + "/") {
                entry.children = appending(item, toFolder: folder, in: entry.children)
            }
            return entry
        }
    }

    /// site.yaml's `print` paths, or else every folder that holds steps or questions.
    private func printSelection(_ site: Site, sections: SectionBuilder, readingOrder: [Int], log: DiagnosticLog) -> [Int] {
        var roots = site.config.printPaths
        if roots.isEmpty {
            var folders: [String] = []
            for page in site.pages where page.step != nil || page.question != nil {
                if !folders.contains(page.folder) { folders.append(page.folder) }
            }
            roots = folders
        } else {
            for root in roots where sections.sections[root] == nil && !site.pages.contains(where: { $0.contentPath == root }) {
                log.error("'print' lists '\(root)', which is neither a folder nor a page in content/", at: SourceLocation(path: "content/site.yaml"))
            }
        }
        return readingOrder.filter { index in
            let path = site.pages[index].contentPath
            return roots.contains { root in path == root || path.hasPrefix(root + "/") }
        }
    }
}
