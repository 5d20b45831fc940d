import Diagnostics
import Document
import Foundation
import Model
import Plan

/// The annual reports: a page per year with its generated sections and downloads.
struct ReportViews {
    let context: RenderContext
    var strings: Strings { context.strings }

    private func href(_ url: String, _ target: String?) -> Any { StatusViews(context: context).link(from: url, to: target) }

    private func base(_ url: String, title: String, summary: String?) -> [String: Any] {
        var view = PageChrome(context: context).view(url: url, title: title, summary: summary, openFolders: ["@reports"], bodyClass: "report-page")
        var crumbs: [[String: Any]] = [["title": strings["start"], "href": href(url, "index.html")]]
        if let index = context.plan.generatedURLs["annual_reports"], index != url {
            crumbs.append(["title": strings["titles.annual_report"], "href": href(url, index)])
        }
        view["breadcrumbs"] = crumbs
        view["hasBreadcrumbs"] = true
        return view
    }

    func index(url: String) -> [String: Any] {
        var view = base(url, title: strings["titles.annual_report"], summary: nil)
        view["intro"] = strings["report.index_intro"]
        view["reports"] = context.site.annualReports.map { report in
            ["title": report.title, "year": report.year, "href": href(url, context.plan.reportURLs[report.year]), "summary": maybe(report.summary)]
        }
        return view
    }

    func page(year: Int, url: String) -> [String: Any] {
        guard let report = context.site.annualReports.first(where: { $0.year == year }) else { return [:] }
        let builder = ReportBuilder(context: context, links: .relative(from: url))
        let document = builder.document(for: report)
        var view = base(url, title: report.title, summary: report.summary)
        // The introduction keeps everything Markdown can say on the web; the generated sections follow.
        let rendered = PageMarkdown(context: context).render(report.body, of: report.sourcePath, firstLine: report.bodyFirstLine, at: url)
        var generated = document
        generated.sections.removeFirst()
        let sectionsHTML = HTMLWriter.fragment(generated)
        context.anchors.record(ids: rendered.headings.map(\.id) + document.sections.map(\.id), for: url)
        view["introduction"] = rendered.html
        view["introductionID"] = document.sections.first?.id ?? "intro"
        view["introductionTitle"] = document.sections.first?.title ?? ""
        view["sectionsHTML"] = sectionsHTML
        view["sections"] = document.sections.map { section in
            ["id": section.id, "title": section.title, "downloads": downloads(year: year, section: section.id, url: url)]
        }
        view["downloads"] = downloads(year: year, section: nil, url: url)
        view["downloadNote"] = strings["report.download_note"]
        return view
    }

    private func downloads(year: Int, section: String?, url: String) -> [[String: Any]] {
        ExportFormat.allCases.compactMap { format in
            guard let target = context.plan.downloadURLs[SitePlan.downloadKey(year: year, section: section, format: format.rawValue)] else { return nil }
            return ["href": href(url, target), "label": strings["report.formats.\(format.rawValue)"], "format": format.rawValue]
        }
    }

    /// The bytes of one download. In the site (`url` given) links lead to the site's pages relative to
    /// the file; a file exported on its own links with absolute addresses when site.yaml has `url`.
    func download(year: Int, section: String?, format: String, theme: Theme, pictures: PictureCache, url: String? = nil) -> Data? {
        let links: ReportBuilder.LinkStyle = url.map { .relative(from: $0) } ?? .absolute
        let key = "\(year) " + (url.map { URLPath.folder(of: $0) } ?? "absolute")
        guard let report = context.site.annualReports.first(where: { $0.year == year }),
              let format = ExportFormat(rawValue: format),
              let whole = pictures.document(key, make: { ReportBuilder(context: context, links: links).document(for: report) }),
              let document = section.map({ whole.only($0) }) ?? whole else { return nil }
        do {
            return try ReportExporter(context: context, theme: theme, pictures: pictures).export(document, as: format)
        } catch {
            context.log.error("cannot write the \(format.rawValue) export: \(error)", at: SourceLocation(path: report.sourcePath))
            return nil
        }
    }
}
