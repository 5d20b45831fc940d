import Diagnostics
import Markdown
import Model
import Plan

/// What every page's view is computed from: the site, its plan and the strings of its language.
struct RenderContext: @unchecked Sendable {
    let site: Site
    let plan: SitePlan
    let strings: Strings
    let log: DiagnosticLog
    /// Page index by content path.
    let pageIndex: [String: Int]
    let stepOfPage: [String: Step]
    let questionOfPage: [String: Question]
    /// Headings' ids per address, filled while rendering, for checking `#fragment` links afterwards.
    let anchors: AnchorRegistry

    /// Ids the templates use; headings never take them.
    static let reservedIDs: Set<String> = [
        "vg-main", "vg-menu", "vg-toc-title", "vg-children-title", "vg-cycle-title", "vg-print-contents",
        "vg-unit", "vg-date", "vg-cycle-svg-title", "vg-cycle-svg-desc",
    ]

    init(site: Site, plan: SitePlan, strings: Strings, log: DiagnosticLog) {
        self.site = site
        self.plan = plan
        self.strings = strings
        self.log = log
        var pageIndex: [String: Int] = [:]
        for (index, page) in site.pages.enumerated() { pageIndex[page.contentPath] = index }
        self.pageIndex = pageIndex
        self.stepOfPage = Dictionary(site.steps.map { ($0.pagePath, $0) }, uniquingKeysWith: { a, _ in a })
        self.questionOfPage = Dictionary(site.questions.map { ($0.pagePath, $0) }, uniquingKeysWith: { a, _ in a })
        self.anchors = AnchorRegistry()
    }

    func url(ofContent path: String) -> String? { plan.urlOfContent[path] }

    /// The folders a page sits in, from the top: these are open in the sidebar.
    func folderChain(_ folder: String) -> [String] {
        guard !folder.isEmpty else { return [] }
        var chain: [String] = []
        var current = ""
        for part in folder.split(separator: "/") {
            current = current.isEmpty ? String(part) : current + "/" + part
            chain.append(current)
        }
        return chain
    }
}
