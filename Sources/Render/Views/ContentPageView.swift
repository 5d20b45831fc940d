import Diagnostics
import Markdown
import Model
import Plan

/// A hand-written Markdown page of the handbook.
struct ContentPageView {
    let context: RenderContext

    func view(pageIndex: Int, url: String) -> [String: Any] {
        let page = context.site.pages[pageIndex]
        let chrome = PageChrome(context: context)
        let folders = context.folderChain(page.folder)
        let rendered = Timings.shared.measure("content: markdown") {
            PageMarkdown(context: context).render(page.body, of: page.sourcePath, firstLine: page.bodyFirstLine, at: url)
        }
        context.anchors.record(ids: rendered.headings.map(\.id), for: url)

        var view = Timings.shared.measure("content: chrome") { chrome.view(url: url, title: page.title, summary: page.summary, openFolders: folders,
                               bodyClass: page.step != nil ? "step-page" : (page.question != nil ? "question-page" : "content-page")) }
        view.merge(chrome.breadcrumbs(url: url, folders: folders)) { $1 }
        view["content"] = rendered.html
        let toc = Self.tableOfContents(rendered.headings)
        view["toc"] = toc
        view["hasToc"] = toc.count >= 2
        let process = ProcessViews(context: context)
        view["position"] = maybe(process.position(of: page))
        if let step = page.step {
            view["cycle"] = maybe(process.cycle(at: url, current: step.id))
        }
        if page.question != nil, let form = context.plan.generatedURLs["assessment_form"] {
            view["assessmentForm"] = chrome.href(from: url, to: form)
        }
        let pager = self.pager(for: pageIndex, url: url)
        view["pager"] = pager
        view["hasPager"] = !pager.isEmpty
        return view
    }

    static func tableOfContents(_ headings: [Heading]) -> [[String: Any]] {
        headings.filter { $0.isTopLevel && ($0.level == 2 || $0.level == 3) }.map {
            ["text": $0.text, "id": $0.id, "level": $0.level]
        }
    }

    /// Previous and next among the pages of the same folder.
    private func pager(for pageIndex: Int, url: String) -> [String: Any] {
        let page = context.site.pages[pageIndex]
        guard let section = context.plan.sections[page.folder],
              let position = section.pages.firstIndex(of: pageIndex) else { return [:] }
        let chrome = PageChrome(context: context)
        func link(_ index: Int) -> [String: Any]? {
            let target = context.site.pages[index]
            guard let targetURL = context.url(ofContent: target.contentPath) else { return nil }
            return ["title": target.title, "href": chrome.href(from: url, to: targetURL)]
        }
        var pager: [String: Any] = [:]
        if position > 0 { pager["previous"] = link(section.pages[position - 1]) }
        else if section.indexPage != nil || !section.path.isEmpty {
            pager["previous"] = ["title": section.title, "href": chrome.href(from: url, to: section.url)]
        }
        if position + 1 < section.pages.count { pager["next"] = link(section.pages[position + 1]) }
        return pager
    }
}
