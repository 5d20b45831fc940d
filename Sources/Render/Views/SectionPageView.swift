import Model
import Plan

/// A folder's page (and the start page, the top folder's): its index.md, then what it holds.
struct SectionPageView {
    let context: RenderContext

    func view(folder: String, url: String) -> [String: Any] {
        guard let section = context.plan.sections[folder] else { return [:] }
        let chrome = PageChrome(context: context)
        let folders = context.folderChain(folder)
        let indexPage = section.indexPage.map { context.site.pages[$0] }
        let title = folder.isEmpty ? (indexPage?.title ?? context.site.config.title) : section.title
        var view = chrome.view(url: url, title: title, summary: section.summary, openFolders: folders,
                               bodyClass: folder.isEmpty ? "start-page" : "section-page")
        if !folder.isEmpty { view.merge(chrome.breadcrumbs(url: url, folders: folders)) { $1 } }
        if let page = indexPage {
            let rendered = PageMarkdown(context: context).render(page.body, of: page.sourcePath, firstLine: page.bodyFirstLine, at: url)
            context.anchors.record(ids: rendered.headings.map(\.id), for: url)
            if !rendered.html.isEmpty { view["content"] = rendered.html }
        }
        let process = ProcessViews(context: context)
        let holdsSteps = folder.isEmpty || section.pages.contains { context.site.pages[$0].step != nil }
        if holdsSteps, let cycle = process.cycle(at: url) { view["cycle"] = cycle }
        if section.pages.contains(where: { context.site.pages[$0].question != nil }),
           let form = context.plan.generatedURLs["assessment_form"] {
            view["assessmentForm"] = chrome.href(from: url, to: form)
        }
        let groups = childGroups(of: section, url: url)
        view["childGroups"] = groups
        view["hasChildren"] = !groups.isEmpty
        return view
    }

    /// Cards for the folder's pages and sub-folders; question pages are grouped by their part.
    private func childGroups(of section: Section, url: String) -> [[String: Any]] {
        let chrome = PageChrome(context: context)
        var groups: [(title: String?, items: [[String: Any]])] = []
        func add(_ item: [String: Any], group: String?) {
            if let last = groups.last, last.title == group {
                groups[groups.count - 1].items.append(item)
            } else {
                groups.append((group, [item]))
            }
        }
        var entries: [(order: Int?, path: String, item: [String: Any], group: String?)] = []
        for index in section.pages {
            let page = context.site.pages[index]
            guard let target = context.url(ofContent: page.contentPath) else { continue }
            let step = context.stepOfPage[page.contentPath]
            let question = context.questionOfPage[page.contentPath]
            entries.append((page.order, page.contentPath, [
                "title": page.title, "href": chrome.href(from: url, to: target), "summary": maybe(page.summary),
                "number": maybe((step?.number ?? question?.number).map(String.init)),
            ], question?.part))
        }
        for sub in section.subsections {
            guard let subsection = context.plan.sections[sub] else { continue }
            entries.append((subsection.order, sub + "/", [
                "title": subsection.title, "href": chrome.href(from: url, to: subsection.url),
                "summary": maybe(subsection.summary), "number": Nothing(),
            ], nil))
        }
        entries.sort { precedes(order: $0.order, path: $0.path, before: $1.order, path: $1.path) }
        for entry in entries { add(entry.item, group: entry.group) }
        return groups.map { ["title": maybe($0.title), "items": $0.items] }
    }
}
