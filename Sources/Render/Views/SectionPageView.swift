import Model
import Mustache
import Plan

/// A folder's page (and the start page, the top folder's): its index.md, then what it holds.
struct SectionPage: PageView {
    /// Cards for the folder's pages and sub-folders under a title (`partials/children`).
    struct Group: MustacheParent {
        var title: String?
        var items: [Card]

        func child(named name: String) -> Any? {
            switch name {
            case "title": maybe(title)
            case "items": items
            default: nil
            }
        }
    }

    struct Card: MustacheParent {
        var title: String
        var href: String
        var summary: String?
        var number: String?

        func child(named name: String) -> Any? {
            switch name {
            case "title": title
            case "href": href
            case "summary": maybe(summary)
            case "number": maybe(number)
            default: nil
            }
        }
    }

    var chrome: Chrome
    var content: String?
    var cycle: CycleView?
    var assessmentForm: String?
    /// The link to the index page's blank form (`worksheet:`).
    var worksheet: TitledLink?
    var childGroups: [Group]
    /// Only for a folder (or the start page) written as an index.md: a generated list has no writer to name.
    var footer: PageFooter?
    /// Whether the index.md is long enough for the page to end with a link back to its top.
    var backToTop = false

    func own(named name: String) -> Any? {
        switch name {
        case "content": maybe(content)
        case "cycle": maybe(cycle)
        case "assessmentForm": maybe(assessmentForm)
        case "worksheet": maybe(worksheet)
        case "childGroups": childGroups
        case "hasChildren": !childGroups.isEmpty
        case "pageFooter": maybe(footer)
        case "backToTop": backToTop
        default: nil
        }
    }
}

struct SectionPageView {
    let context: RenderContext

    func view(folder: String, url: String) -> SectionPage? {
        guard let section = context.plan.sections[folder] else { return nil }
        let chrome = PageChrome(context: context)
        let folders = context.folderChain(folder)
        let indexPage = section.indexPage.map { context.site.pages[$0] }
        let title = folder.isEmpty ? (indexPage?.title ?? context.site.config.title) : section.title
        let view = chrome.view(
            url: url, title: title, summary: section.summary, openFolders: folders,
            bodyClass: folder.isEmpty ? "start-page" : "section-page",
            breadcrumbs: folder.isEmpty ? nil : chrome.breadcrumbs(url: url, folders: folders))
        var content: String?
        var backToTop = false
        if let page = indexPage {
            let rendered = PageMarkdown(context: context).render(
                page.body, of: page.sourcePath, firstLine: page.bodyFirstLine, at: url, linkHeadings: true)
            context.anchors.record(ids: rendered.headings.map(\.id), for: url)
            if !rendered.html.isEmpty { content = rendered.html }
            backToTop = PageMarkdown.isLong(rendered)
        }
        let holdsSteps = folder.isEmpty || section.pages.contains { context.site.pages[$0].step != nil }
        var assessmentForm: String?
        if section.pages.contains(where: { context.site.pages[$0].question != nil }),
            let form = context.plan.generatedURLs["assessment_form"]
        {
            assessmentForm = chrome.href(from: url, to: form)
        }
        return SectionPage(
            chrome: view, content: content,
            cycle: holdsSteps ? ProcessViews(context: context).cycle(at: url) : nil,
            assessmentForm: assessmentForm,
            worksheet: section.indexPage.flatMap { WorksheetView(context: context).link(pageIndex: $0, from: url) },
            childGroups: childGroups(of: section, url: url),
            footer: indexPage.flatMap { PageFooter.of($0, context: context) }, backToTop: backToTop)
    }

    /// Cards for the folder's pages and sub-folders; question pages are grouped by their part.
    private func childGroups(of section: Section, url: String) -> [SectionPage.Group] {
        let chrome = PageChrome(context: context)
        var entries: [(order: Int?, path: String, card: SectionPage.Card, group: String?)] = []
        for index in section.pages {
            let page = context.site.pages[index]
            guard let target = context.url(ofContent: page.contentPath) else { continue }
            let step = context.stepOfPage[page.contentPath]
            let question = context.questionOfPage[page.contentPath]
            entries.append(
                (
                    page.order, page.contentPath,
                    SectionPage.Card(
                        title: context.hyphenated(page.title), href: chrome.href(from: url, to: target), summary: page.summary,
                        number: (step?.number ?? question?.number).map(String.init)),
                    question?.part
                ))
        }
        for sub in section.subsections {
            guard let subsection = context.plan.sections[sub] else { continue }
            entries.append(
                (
                    subsection.order, sub + "/",
                    SectionPage.Card(
                        title: context.hyphenated(subsection.title), href: chrome.href(from: url, to: subsection.url),
                        summary: subsection.summary, number: nil),
                    nil
                ))
        }
        entries.sort { precedes(order: $0.order, path: $0.path, before: $1.order, path: $1.path) }
        // The start page leads to every part of the site, the generated ones too.
        if section.path.isEmpty {
            for (name, title) in [("units", "units"), ("key_figures", "key_figures"), ("examples", "examples"), ("annual_reports", "annual_report")] {
                guard let target = context.plan.generatedURLs[name] else { continue }
                let card = SectionPage.Card(
                    title: context.strings["titles.\(title)"], href: chrome.href(from: url, to: target),
                    summary: context.strings["start_cards.\(title)"], number: nil)
                entries.append((nil, "", card, nil))
            }
        }
        var groups: [SectionPage.Group] = []
        for entry in entries {
            if let last = groups.last, last.title == entry.group {
                groups[groups.count - 1].items.append(entry.card)
            } else {
                groups.append(SectionPage.Group(title: entry.group, items: [entry.card]))
            }
        }
        return groups
    }
}
