import Model
import Mustache
import Plan

/// The whole handbook on one page.
struct PrintPage: PageView {
    struct Article: MustacheParent {
        var cycle: String?
        var id: String
        var title: String
        var summary: String?
        var content: String
        var depth: Int
        var breakBefore: Bool

        func child(named name: String) -> Any? {
            switch name {
            case "cycle": maybe(cycle)
            case "id": id
            case "title": title
            case "summary": maybe(summary)
            case "content": content
            case "depth": depth
            case "breakBefore": breakBefore
            default: nil
            }
        }
    }

    var chrome: Chrome
    var articles: [Article]
    var intro: String

    func own(named name: String) -> Any? {
        switch name {
        case "articles": articles
        case "intro": intro
        default: nil
        }
    }
}

/// The whole handbook on one page, in reading order, each page starting a new printed page.
struct PrintView {
    let context: RenderContext

    func view(url: String) -> PrintPage {
        let chrome = PageChrome(context: context)
        let pages = context.plan.printPages
        // Every page gets an id in this document; links between printed pages stay inside it.
        var localTargets: [String: String] = [:]
        for index in pages {
            let page = context.site.pages[index]
            localTargets[page.contentPath] =
                "p-"
                + (context.url(ofContent: page.contentPath) ?? page.contentPath)
                .replacingOccurrences(of: ".html", with: "").replacingOccurrences(of: "/", with: "-")
        }
        let shallowest = pages.map { context.site.pages[$0].contentPath.split(separator: "/").count }.min() ?? 1
        var articles: [PrintPage.Article] = []
        var ids: [String] = []
        for (position, index) in pages.enumerated() {
            let page = context.site.pages[index]
            let id = localTargets[page.contentPath]!
            let rendered = PageMarkdown(context: context).render(
                page.body, of: page.sourcePath, firstLine: page.bodyFirstLine, at: url,
                idPrefix: id + "-", localTargets: localTargets)
            ids.append(id)
            ids.append(contentsOf: rendered.headings.map(\.id))
            let depth = page.contentPath.split(separator: "/").count - shallowest - (page.isFolderIndex ? 1 : 0)
            // A folder that holds the steps shows the cycle in print too.
            let holdsSteps = page.isFolderIndex && context.site.steps.contains { $0.pagePath.hasPrefix(page.folder + "/") }
            articles.append(
                PrintPage.Article(
                    cycle: holdsSteps ? ProcessViews(context: context).cycleSVG(at: url, current: nil) : nil,
                    id: id, title: context.hyphenated(page.title), summary: page.summary, content: rendered.html,
                    depth: max(0, depth), breakBefore: position > 0))
        }
        context.anchors.record(ids: ids, for: url)
        let view = chrome.view(url: url, title: context.strings["titles.print"], summary: nil, openFolders: [], bodyClass: "print-view")
        return PrintPage(chrome: view, articles: articles, intro: context.strings["print.intro"])
    }
}
