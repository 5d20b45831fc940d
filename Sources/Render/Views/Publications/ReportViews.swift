import Diagnostics
import Document
import Foundation
import Model
import Mustache
import Plan

/// The list of annual reports.
struct ReportsPage: PageView {
    struct Card: MustacheParent {
        var title: String
        var year: Int
        var href: String?
        var summary: String?

        func child(named name: String) -> Any? {
            switch name {
            case "title": title
            case "year": year
            case "href": maybe(href)
            case "summary": maybe(summary)
            default: nil
            }
        }
    }

    var chrome: Chrome
    var intro: String
    var reports: [Card]

    func own(named name: String) -> Any? {
        switch name {
        case "intro": intro
        case "reports": reports
        default: nil
        }
    }
}

/// A year's annual report.
struct ReportPage: PageView {
    struct Section: MustacheParent {
        var id: String
        var title: String
        var downloads: [Download]

        func child(named name: String) -> Any? {
            switch name {
            case "id": id
            case "title": title
            case "downloads": downloads
            default: nil
            }
        }
    }

    struct Download: MustacheParent {
        var href: String?
        var label: String
        var format: String

        func child(named name: String) -> Any? {
            switch name {
            case "href": maybe(href)
            case "label": label
            case "format": format
            default: nil
            }
        }
    }

    var chrome: Chrome
    var introduction: String
    var introductionID: String
    var introductionTitle: String
    var sectionsHTML: String
    var sections: [Section]
    var downloads: [Download]
    var downloadNote: String

    func own(named name: String) -> Any? {
        switch name {
        case "introduction": introduction
        case "introductionID": introductionID
        case "introductionTitle": introductionTitle
        case "sectionsHTML": sectionsHTML
        case "sections": sections
        case "downloads": downloads
        case "downloadNote": downloadNote
        default: nil
        }
    }
}

/// The annual reports: a page per year with its generated sections and downloads.
struct ReportViews {
    let context: RenderContext
    var strings: Strings { context.strings }

    private func href(_ url: String, _ target: String?) -> String? { StatusViews(context: context).link(from: url, to: target) }

    private func chrome(_ url: String, title: String, summary: String?) -> Chrome {
        var crumbs = [TitledLink(title: strings["start"], href: href(url, "index.html"))]
        if let index = context.plan.generatedURLs["annual_reports"], index != url {
            crumbs.append(TitledLink(title: strings["titles.annual_report"], href: href(url, index)))
        }
        return PageChrome(context: context).view(
            url: url, title: title, summary: summary, openFolders: ["@reports"], bodyClass: "report-page",
            breadcrumbs: crumbs)
    }

    func index(url: String) -> ReportsPage {
        ReportsPage(
            chrome: chrome(url, title: strings["titles.annual_report"], summary: nil), intro: strings["report.index_intro"],
            reports: context.site.annualReports.map { report in
                ReportsPage.Card(
                    title: context.hyphenated(report.title), year: report.year, href: href(url, context.plan.reportURLs[report.year]), summary: report.summary)
            })
    }

    func page(year: Int, url: String) -> ReportPage? {
        guard let report = context.site.annualReports.first(where: { $0.year == year }) else { return nil }
        let builder = ReportBuilder(context: context, links: .relative(from: url))
        let document = builder.document(for: report)
        let chrome = chrome(url, title: report.title, summary: report.summary)
        // The introduction keeps everything Markdown can say on the web; the generated sections follow.
        let rendered = PageMarkdown(context: context).render(
            report.body, of: report.sourcePath, firstLine: report.bodyFirstLine, at: url, linkHeadings: true)
        var generated = document
        generated.sections.removeFirst()
        let sectionsHTML = HTMLWriter.fragment(generated)
        context.anchors.record(ids: rendered.headings.map(\.id) + document.sections.map(\.id), for: url)
        return ReportPage(
            chrome: chrome, introduction: rendered.html,
            introductionID: document.sections.first?.id ?? "intro",
            introductionTitle: document.sections.first?.title ?? "",
            sectionsHTML: sectionsHTML,
            sections: document.sections.map { section in
                ReportPage.Section(id: section.id, title: section.title, downloads: downloads(year: year, section: section.id, url: url))
            },
            downloads: downloads(year: year, section: nil, url: url),
            downloadNote: strings["report.download_note"])
    }

    private func downloads(year: Int, section: String?, url: String) -> [ReportPage.Download] {
        ExportFormat.allCases.compactMap { format in
            guard let target = context.plan.downloadURLs[SitePlan.downloadKey(year: year, section: section, format: format.rawValue)] else { return nil }
            return ReportPage.Download(href: href(url, target), label: strings["report.formats.\(format.rawValue)"], format: format.rawValue)
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
            let document = section.map({ whole.only($0) }) ?? whole
        else { return nil }
        do {
            return try ReportExporter(context: context, theme: theme, pictures: pictures).export(document, as: format)
        } catch {
            context.log.error("cannot write the \(format.rawValue) export: \(error)", at: SourceLocation(path: report.sourcePath))
            return nil
        }
    }
}
