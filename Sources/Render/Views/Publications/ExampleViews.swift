import Foundation
import Markdown
import Markup
import Model
import Plan

/// The good examples: the list (newest first), a page each, a page per tag, and the feed.
struct ExampleViews {
    let context: RenderContext
    var strings: Strings { context.strings }

    private func href(_ url: String, _ target: String?) -> Any { StatusViews(context: context).link(from: url, to: target) }

    /// A card of an example for lists.
    func card(_ example: Example, from url: String) -> [String: Any] {
        let status = StatusViews(context: context)
        return [
            "title": example.title, "href": href(url, context.plan.exampleURLs[example.slug]),
            "date": status.date(example.date), "summary": maybe(example.summary),
            "unit": maybe(example.unit.flatMap(context.site.unit).map { unit in ["name": unit.name, "href": status.unitLink(unit, from: url)] }),
            "tags": example.tags.map { ["name": $0, "href": href(url, context.plan.tagURLs[$0])] },
            "hasTags": !example.tags.isEmpty,
        ]
    }

    private func crumbs(_ url: String) -> [String: Any] {
        var crumbs: [[String: Any]] = [["title": strings["start"], "href": href(url, "index.html")]]
        if let index = context.plan.generatedURLs["examples"], index != url {
            crumbs.append(["title": strings["titles.examples"], "href": href(url, index)])
        }
        return ["breadcrumbs": crumbs, "hasBreadcrumbs": true]
    }

    private func base(_ url: String, title: String, summary: String?) -> [String: Any] {
        var view = PageChrome(context: context).view(url: url, title: title, summary: summary, openFolders: ["@examples"], bodyClass: "examples-page")
        view.merge(crumbs(url)) { $1 }
        if let feed = context.plan.generatedURLs["examples_feed"] { view["feed"] = href(url, feed) }
        return view
    }

    func index(url: String) -> [String: Any] {
        var view = base(url, title: strings["titles.examples"], summary: nil)
        view["intro"] = strings["examples.intro"]
        view["examples"] = context.site.examples.map { card($0, from: url) }
        view["tags"] = context.site.tags.map { tag in
            ["name": tag, "href": href(url, context.plan.tagURLs[tag]),
             "count": context.site.examples.filter { $0.tags.contains(tag) }.count]
        }
        view["hasTags"] = !context.site.tags.isEmpty
        return view
    }

    func tag(_ tag: String, url: String) -> [String: Any] {
        var view = base(url, title: strings.format("examples.tag_title", ["tag": tag]), summary: nil)
        view["intro"] = strings.format("examples.tag_intro", ["tag": tag])
        view["examples"] = context.site.examples.filter { $0.tags.contains(tag) }.map { card($0, from: url) }
        view["hasTags"] = false
        return view
    }

    func page(_ slug: String, url: String) -> [String: Any] {
        guard let example = context.site.examples.first(where: { $0.slug == slug }) else { return [:] }
        var view = base(url, title: example.title, summary: example.summary)
        let rendered = PageMarkdown(context: context).render(example.body, of: example.sourcePath, firstLine: example.bodyFirstLine, at: url)
        context.anchors.record(ids: rendered.headings.map(\.id), for: url)
        view["content"] = rendered.html
        view["example"] = card(example, from: url)
        view["keyFigures"] = example.keyFigures.compactMap { id in
            context.site.keyFigure(id).map { ["name": $0.name, "href": StatusViews(context: context).keyFigureLink(id, from: url)] }
        }
        view["hasKeyFigures"] = !example.keyFigures.isEmpty
        if let year = example.annualReport, let report = context.plan.reportURLs[year] {
            view["report"] = ["href": href(url, report), "text": strings.format("examples.in_report", ["year": String(year)])]
        }
        return view
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
            let rendered = PageMarkdown(context: context).render(example.body, of: example.sourcePath, firstLine: example.bodyFirstLine,
                                                                 at: page)
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
