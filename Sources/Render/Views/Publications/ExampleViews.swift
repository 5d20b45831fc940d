import Foundation
import Markdown
import Markup
import Model
import Mustache
import Plan

/// A card of an example for lists (`partials/example-list`), and the example's own facts.
struct ExampleCard: MustacheParent {
    var title: String
    var href: String?
    var date: DateView?
    var summary: String?
    var unit: NamedLink?
    var tags: [NamedLink]

    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "href": maybe(href)
        case "date": maybe(date)
        case "summary": maybe(summary)
        case "unit": maybe(unit)
        case "tags": tags
        case "hasTags": !tags.isEmpty
        default: nil
        }
    }
}

/// The list of examples, all of them or one tag's.
struct ExamplesPage: PageView {
    struct Tag: MustacheParent {
        var name: String
        var href: String?
        var count: Int

        func child(named name: String) -> Any? {
            switch name {
            case "name": self.name
            case "href": maybe(href)
            case "count": count
            default: nil
            }
        }
    }

    var chrome: Chrome
    var feed: String?
    var intro: String
    var examples: [ExampleCard]
    /// Nil on a tag's page, which lists no tags.
    var tags: [Tag]?

    func own(named name: String) -> Any? {
        switch name {
        case "feed": feed
        case "intro": intro
        case "examples": examples
        case "tags": tags
        case "hasTags": !(tags ?? []).isEmpty
        default: nil
        }
    }
}

/// An example's page.
struct ExamplePage: PageView {
    /// The annual report that tells of the example.
    struct Report: MustacheParent {
        var href: String?
        var text: String

        func child(named name: String) -> Any? {
            switch name {
            case "href": maybe(href)
            case "text": text
            default: nil
            }
        }
    }

    var chrome: Chrome
    var feed: String?
    var content: String
    var example: ExampleCard
    var keyFigures: [NamedLink]
    var hasKeyFigures: Bool
    var report: Report?
    /// The examples before and after this one in the list's order (`partials/pager`).
    var pager: ContentPage.Pager
    /// Whether the text is long enough for the page to end with a link back to its top.
    var backToTop: Bool

    func own(named name: String) -> Any? {
        switch name {
        case "pager": pager
        case "hasPager": pager.previous != nil || pager.next != nil
        case "backToTop": backToTop
        case "feed": feed
        case "content": content
        case "example": example
        case "keyFigures": keyFigures
        case "hasKeyFigures": hasKeyFigures
        case "report": report
        default: nil
        }
    }
}

/// The good examples: the list (newest first), a page each, a page per tag, and the feed.
struct ExampleViews {
    let context: RenderContext
    var strings: Strings { context.strings }

    private func href(_ url: String, _ target: String?) -> String? { StatusViews(context: context).link(from: url, to: target) }

    /// A card of an example for lists.
    func card(_ example: Example, from url: String) -> ExampleCard {
        let status = StatusViews(context: context)
        return ExampleCard(
            title: context.hyphenated(example.title), href: href(url, context.plan.exampleURLs[example.slug]),
            date: status.date(example.date), summary: example.summary,
            unit: example.unit.flatMap(context.site.unit).map { unit in NamedLink(name: unit.name, href: status.unitLink(unit, from: url)) },
            tags: example.tags.map { NamedLink(name: $0, href: href(url, context.plan.tagURLs[$0])) })
    }

    private func crumbs(_ url: String) -> [TitledLink] {
        var crumbs = [TitledLink(title: strings["start"], href: href(url, "index.html"))]
        if let index = context.plan.generatedURLs["examples"], index != url {
            crumbs.append(TitledLink(title: strings["titles.examples"], href: href(url, index)))
        }
        return crumbs
    }

    private func chrome(_ url: String, title: String, summary: String?) -> Chrome {
        PageChrome(context: context).view(
            url: url, title: title, summary: summary, openFolders: ["@examples"], bodyClass: "examples-page",
            breadcrumbs: crumbs(url))
    }

    private func feed(_ url: String) -> String? {
        context.plan.generatedURLs["examples_feed"].flatMap { href(url, $0) }
    }

    func index(url: String) -> ExamplesPage {
        ExamplesPage(
            chrome: chrome(url, title: strings["titles.examples"], summary: nil), feed: feed(url),
            intro: strings["examples.intro"],
            examples: context.site.examples.map { card($0, from: url) },
            tags: context.site.tags.map { tag in
                ExamplesPage.Tag(
                    name: tag, href: href(url, context.plan.tagURLs[tag]),
                    count: context.site.examples.filter { $0.tags.contains(tag) }.count)
            })
    }

    func tag(_ tag: String, url: String) -> ExamplesPage {
        ExamplesPage(
            chrome: chrome(url, title: strings.format("examples.tag_title", ["tag": tag]), summary: nil), feed: feed(url),
            intro: strings.format("examples.tag_intro", ["tag": tag]),
            examples: context.site.examples.filter { $0.tags.contains(tag) }.map { card($0, from: url) },
            tags: nil)
    }

    func page(_ slug: String, url: String) -> ExamplePage? {
        let examples = context.site.examples
        guard let position = examples.firstIndex(where: { $0.slug == slug }) else { return nil }
        let example = examples[position]
        let chrome = chrome(url, title: example.title, summary: example.summary)
        let rendered = PageMarkdown(context: context).render(
            example.body, of: example.sourcePath, firstLine: example.bodyFirstLine, at: url, linkHeadings: true)
        context.anchors.record(ids: rendered.headings.map(\.id), for: url)
        var report: ExamplePage.Report?
        if let year = example.annualReport, let target = context.plan.reportURLs[year] {
            report = ExamplePage.Report(href: href(url, target), text: strings.format("examples.in_report", ["year": String(year)]))
        }
        return ExamplePage(
            chrome: chrome, feed: feed(url), content: rendered.html, example: card(example, from: url),
            keyFigures: example.keyFigures.compactMap { id in
                context.site.keyFigure(id).map { NamedLink(name: $0.name, href: StatusViews(context: context).keyFigureLink(id, from: url)) }
            },
            hasKeyFigures: !example.keyFigures.isEmpty, report: report,
            pager: ContentPage.Pager(
                previous: position > 0 ? pagerLink(examples[position - 1], from: url) : nil,
                next: position + 1 < examples.count ? pagerLink(examples[position + 1], from: url) : nil),
            backToTop: PageMarkdown.isLong(rendered))
    }

    /// An example in the pager: the same order as the list of examples (newest first).
    private func pagerLink(_ example: Example, from url: String) -> TitledLink? {
        href(url, context.plan.exampleURLs[example.slug]).map { TitledLink(title: example.title, href: $0) }
    }

    /// Atom: addresses are absolute when site.yaml gives `url`, relative to the feed otherwise.
    func feed(url: String) -> String {
        let site = context.site
        let base = site.config.url
        func link(_ target: String) -> String {
            base.map { $0 + Href.escape(target) } ?? Href.escape(URLPath.relative(from: url, to: target))
        }
        let id = base.map { $0 + url } ?? "urn:valgrund:\(Slug.make(site.config.organisation))/\(url)"
        let updated = site.examples.map(\.date).max().map { "\($0)T00:00:00Z" } ?? "\(context.options.asOf)T00:00:00Z"
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(HTML.escape(site.config.language))">
              <title>\(HTML.escape(strings["titles.examples"])) – \(HTML.escape(site.config.title))</title>
              <id>\(HTML.escape(id))</id>
              <updated>\(updated)</updated>
              <author><name>\(HTML.escape(site.config.organisation))</name></author>
              <link rel="self" href="\(HTML.escape(link(url)))"/>
              <link rel="alternate" type="text/html" href="\(HTML.escape(link(context.plan.generatedURLs["examples"] ?? "index.html")))"/>

            """
        for example in site.examples {
            guard let page = context.plan.exampleURLs[example.slug] else { continue }
            let rendered = PageMarkdown(context: context).render(
                example.body, of: example.sourcePath, firstLine: example.bodyFirstLine,
                at: page, hyphenates: false)
            let entryID = base.map { $0 + Href.escape(page) } ?? "urn:valgrund:\(Slug.make(site.config.organisation))/\(page)"
            xml += """
                  <entry>
                    <title>\(HTML.escape(example.title))</title>
                    <id>\(HTML.escape(entryID))</id>
                    <link rel="alternate" type="text/html" href="\(HTML.escape(link(page)))"/>
                    <updated>\(example.date)T00:00:00Z</updated>
                    <published>\(example.date)T00:00:00Z</published>

                """
            if let summary = example.summary { xml += "        <summary>\(HTML.escape(summary))</summary>\n" }
            for tag in example.tags { xml += "        <category term=\"\(HTML.escape(tag))\"/>\n" }
            xml += "        <content type=\"html\">\(HTML.escape(rendered.html))</content>\n    </entry>\n"
        }
        return xml + "</feed>\n"
    }
}
