import Diagnostics
import Foundation
import Model
import Mustache
import Plan

/// A finished file of the site.
public struct OutputFile: Sendable {
    /// Path inside the output folder.
    public var path: String
    public var data: Data

    public init(path: String, data: Data) {
        self.path = path
        self.data = data
    }
}

/// Renders every planned page through the theme, in parallel, and hands each file to `emit` as it is done.
public struct SiteRenderer: Sendable {
    let context: RenderContext
    let theme: Theme

    public init(site: Site, plan: SitePlan, theme: Theme, options: RenderOptions, log: DiagnosticLog) {
        let strings = theme.strings[site.config.language] ?? theme.strings["sv"] ?? Strings()
        self.context = RenderContext(site: site, plan: plan, strings: strings, options: options, log: log)
        self.theme = theme
    }

    public func render(emit: @Sendable (OutputFile) -> Void) {
        let pages = context.plan.pages
        DispatchQueue.concurrentPerform(iterations: pages.count) { index in
            let planned = pages[index]
            switch planned.kind {
            case .unitData(let id):
                emit(OutputFile(path: planned.url, data: ProgressData(context: context).unit(id)))
            case .overviewData:
                emit(OutputFile(path: planned.url, data: ProgressData(context: context).overview()))
            default:
                guard let html = renderPage(planned) else { return }
                emit(OutputFile(path: planned.url, data: Data(html.utf8)))
            }
        }
        context.anchors.report(to: context.log)
        for file in theme.staticFiles { emit(OutputFile(path: file.path, data: file.data)) }
        if let sitemap = Sitemap.xml(site: context.site, plan: context.plan) {
            emit(OutputFile(path: "sitemap.xml", data: Data(sitemap.utf8)))
        }
    }

    func renderPage(_ planned: PlannedPage) -> String? {
        let (template, view): (String, [String: Any]) = switch planned.kind {
        case .start: ("start", SectionPageView(context: context).view(folder: "", url: planned.url))
        case .section(let folder): ("section", SectionPageView(context: context).view(folder: folder, url: planned.url))
        case .content(let index): ("page", ContentPageView(context: context).view(pageIndex: index, url: planned.url))
        case .print: ("print", PrintView(context: context).view(url: planned.url))
        case .assessmentForm: ("assessment-form", AssessmentFormView(context: context).view(url: planned.url))
        case .accessibility: ("accessibility", AccessibilityView(context: context).view(url: planned.url))
        case .notFound: ("404", PageChrome(context: context).view(url: planned.url, title: context.strings["titles.not_found"], summary: nil, openFolders: []))
        case .unitsOverview: ("units", OverviewView(context: context).view(url: planned.url))
        case .department(let name): ("units", OverviewView(context: context).view(url: planned.url, department: name))
        case .unit(let id, let year): ("unit", UnitPageView(context: context).view(unitID: id, year: year, url: planned.url))
        case .keyFiguresIndex: ("key-figures", KeyFigureViews(context: context).index(url: planned.url))
        case .keyFigure(let id): ("key-figure", KeyFigureViews(context: context).page(id: id, url: planned.url))
        case .unitData, .overviewData: ("", [:])
        }
        guard let html = theme.templates.render(view, withTemplate: template) else {
            if !theme.brokenTemplates.contains(template) {
                context.log.error("the theme has no template templates/\(template).mustache", at: SourceLocation(path: "themes/\(theme.name)"))
            }
            return nil
        }
        return html
    }
}
