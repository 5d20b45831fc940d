import Diagnostics
import Foundation
import Hyphenation
import Markdown
import Markup
import Model
import Mustache
import Plan
import Synchronization

/// What every page's view is computed from: the site, its plan and the strings of its language.
/// The build's choices the pages depend on.
public struct RenderOptions: Sendable {
    /// "Today": decides which plans are overdue and which year the overview shows.
    public var asOf: Day
    public var audience: Audience
    /// Soft hyphens in the long words of the text and navigation readers see; nil for none.
    public var hyphenator: Hyphenator?

    public init(asOf: Day, audience: Audience = .intranet, hyphenator: Hyphenator? = nil) {
        self.asOf = asOf
        self.audience = audience
        self.hyphenator = hyphenator
    }
}

struct RenderContext: Sendable {
    var site: Site
    let plan: SitePlan
    let strings: Strings
    let options: RenderOptions
    var log: DiagnosticLog
    /// Page index by content path.
    let pageIndex: [String: Int]
    let stepOfPage: [String: Step]
    let questionOfPage: [String: Question]
    /// Headings' ids per address, filled while rendering, for checking `#fragment` links afterwards.
    let anchors: AnchorRegistry
    /// Sidebars' entries, worked out once per folder and open folders (see PageChrome.sidebar).
    let sidebars = RenderCache<Sidebar>()
    /// The layout's shared parts, rendered once per folder (see PageChrome.fragment).
    let sharedParts = RenderCache<String>()
    /// The theme's templates, for the layout's shared parts rendered on their own.
    var templates: MustacheLibrary?
    /// The search box's messages, as JSON for search.js.
    let searchStrings: String
    /// Callout boxes' titles by kind, from the theme's `callouts` strings (docs/content-format.md).
    let calloutTitles: [String: String]
    /// The top folders under content/ that hold question pages: the question guide's, in search.
    let questionGuideFolders: Set<String>

    /// Ids the templates use; headings never take them.
    static let reservedIDs: Set<String> = [
        "vg-main", "vg-menu", "vg-toc-title", "vg-children-title", "vg-cycle-title", "vg-print-contents",
        "vg-unit", "vg-date", "vg-cycle-svg-title", "vg-cycle-svg-desc", "vg-page-footer-title",
    ]

    init(site: Site, plan: SitePlan, strings: Strings, options: RenderOptions, log: DiagnosticLog) {
        self.site = site
        self.plan = plan
        self.strings = strings
        self.options = options
        self.log = log
        var pageIndex: [String: Int] = [:]
        for (index, page) in site.pages.enumerated() { pageIndex[page.contentPath] = index }
        self.pageIndex = pageIndex
        self.stepOfPage = Dictionary(site.steps.map { ($0.pagePath, $0) }, uniquingKeysWith: { a, _ in a })
        self.questionOfPage = Dictionary(site.questions.map { ($0.pagePath, $0) }, uniquingKeysWith: { a, _ in a })
        self.anchors = AnchorRegistry()
        self.questionGuideFolders = Set(site.pages.filter { $0.question != nil }.map { String($0.folder.split(separator: "/").first ?? "") })
        let messages = [
            "tooShort": strings["search.too_short"], "none": strings["search.none"],
            "one": strings["search.one"], "many": strings["search.many"], "shown": strings["search.shown"],
        ]
        var values = messages.mapValues(JSON.string)
        // The endings a word takes in the site's language: "stämpel" finds "stämpeln" as if it were the same word.
        values["inflections"] = JSON.array((strings.text(at: "search.inflections") ?? "").split(separator: " ").map { JSON.string(String($0)) })
        self.searchStrings = JSON.object(values).compact
        self.calloutTitles = Dictionary(uniqueKeysWithValues: ["note", "tip", "important", "warning", "caution"].map { ($0, strings["callouts.\($0)"]) })
    }

    func url(ofContent path: String) -> String? { plan.urlOfContent[path] }

    /// Visible text of the navigation and headings (page titles, sidebar, cards, table rows) with
    /// soft hyphens in its long words; never for `<title>`, meta or attributes.
    func hyphenated(_ text: String) -> String { options.hyphenator?.hyphenate(text) ?? text }

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

/// Values computed once and shared by the pages rendered in parallel.
final class RenderCache<Value: Sendable>: Sendable {
    private let values = Mutex<[String: Value]>([:])

    /// `make` runs outside the lock, so pages that need different values never wait for each
    /// other (two that need the same new one may both make it; the values are the same).
    func value(for key: String, make: () -> Value) -> Value {
        if let value = values.withLock({ $0[key] }) { return value }
        let value = make()
        values.withLock { $0[key] = value }
        return value
    }
}
