import Diagnostics
import Markdown
import Model
import Mustache
import Plan

/// A hand-written Markdown page of the handbook.
struct ContentPage: PageView {
    /// An entry of the table of contents (`partials/toc`).
    struct TocEntry: MustacheParent {
        var text: String
        var id: String
        var level: Int

        func child(named name: String) -> Any? {
            switch name {
            case "text": text
            case "id": id
            case "level": level
            default: nil
            }
        }
    }

    /// Previous and next page (`partials/pager`); a missing one has no key.
    struct Pager: MustacheParent {
        var previous: TitledLink?
        var next: TitledLink?

        func child(named name: String) -> Any? {
            switch name {
            case "previous": previous
            case "next": next
            default: nil
            }
        }
    }

    var chrome: Chrome
    var content: String
    var toc: [TocEntry]
    var position: String?
    var cycle: CycleView?
    var assessmentForm: String?
    /// The link to the page's blank form (`worksheet:`).
    var worksheet: TitledLink?
    var pager: Pager
    var footer: PageFooter?
    /// Whether the page is long enough to end with a link back to its top.
    var backToTop = false

    func own(named name: String) -> Any? {
        switch name {
        case "content": content
        case "toc": toc
        case "hasToc": toc.count >= 2
        case "tocHTML": toc.count >= 2 ? PageParts.toc(toc, strings: chrome.strings) : Nothing()
        case "position": maybe(position)
        case "cycle": maybe(cycle)
        case "assessmentForm": maybe(assessmentForm)
        case "worksheet": maybe(worksheet)
        case "pager": pager
        case "hasPager": pager.previous != nil || pager.next != nil
        case "pageFooter": maybe(footer)
        case "backToTop": backToTop
        default: nil
        }
    }
}

struct ContentPageView {
    let context: RenderContext

    func view(pageIndex: Int, url: String) -> ContentPage {
        let page = context.site.pages[pageIndex]
        let chrome = PageChrome(context: context)
        let folders = context.folderChain(page.folder)
        let rendered = Timings.shared.measure("content: markdown") {
            PageMarkdown(context: context).render(page.body, of: page.sourcePath, firstLine: page.bodyFirstLine, at: url, linkHeadings: true)
        }
        context.anchors.record(ids: rendered.headings.map(\.id), for: url)

        let view = Timings.shared.measure("content: chrome") {
            chrome.view(
                url: url, title: page.title, summary: page.summary, openFolders: folders,
                bodyClass: page.step != nil ? "step-page" : (page.question != nil ? "question-page" : "content-page"),
                breadcrumbs: chrome.breadcrumbs(url: url, folders: folders))
        }
        let process = ProcessViews(context: context)
        var assessmentForm: String?
        if page.question != nil, let form = context.plan.generatedURLs["assessment_form"] {
            assessmentForm = chrome.href(from: url, to: form)
        }
        return ContentPage(
            chrome: view, content: rendered.html, toc: tableOfContents(rendered.headings),
            position: process.position(of: page),
            cycle: page.step.flatMap { process.cycle(at: url, current: $0.id) },
            assessmentForm: assessmentForm, worksheet: WorksheetView(context: context).link(pageIndex: pageIndex, from: url),
            pager: pager(for: pageIndex, url: url),
            footer: PageFooter.of(page, context: context), backToTop: PageMarkdown.isLong(rendered))
    }

    private func tableOfContents(_ headings: [Heading]) -> [ContentPage.TocEntry] {
        headings.filter { $0.isTopLevel && ($0.level == 2 || $0.level == 3) }.map {
            ContentPage.TocEntry(text: context.hyphenated($0.text), id: $0.id, level: $0.level)
        }
    }

    /// Previous and next among the pages of the same folder.
    private func pager(for pageIndex: Int, url: String) -> ContentPage.Pager {
        let page = context.site.pages[pageIndex]
        guard let section = context.plan.sections[page.folder],
            let position = section.pages.firstIndex(of: pageIndex)
        else { return ContentPage.Pager() }
        let chrome = PageChrome(context: context)
        func link(_ index: Int) -> TitledLink? {
            let target = context.site.pages[index]
            guard let targetURL = context.url(ofContent: target.contentPath) else { return nil }
            return TitledLink(title: context.hyphenated(target.title), href: chrome.href(from: url, to: targetURL))
        }
        var pager = ContentPage.Pager()
        if position > 0 {
            pager.previous = link(section.pages[position - 1])
        } else if section.indexPage != nil || !section.path.isEmpty {
            pager.previous = TitledLink(title: context.hyphenated(section.title), href: chrome.href(from: url, to: section.url))
        }
        if position + 1 < section.pages.count { pager.next = link(section.pages[position + 1]) }
        return pager
    }
}
