import Diagnostics
import Markup
import Model
import Plan

/// The parts every page shares: site name, sidebar, breadcrumbs, footer links, strings.
struct PageChrome {
    let context: RenderContext

    /// - Parameter openFolders: folders (relative to content/) to show expanded in the sidebar.
    func view(url: String, title: String, summary: String?, openFolders: [String], bodyClass: String = "") -> [String: Any] {
        let config = context.site.config
        var links: [String: Any] = [
            "accessibility": href(from: url, to: context.plan.generatedURLs["accessibility"] ?? "index.html"),
        ]
        if let print = context.plan.generatedURLs["print"] { links["print"] = href(from: url, to: print) }
        if let search = context.plan.generatedURLs["search"] { links["search"] = href(from: url, to: search) }
        return [
            "lang": config.language,
            "site": ["title": config.title, "organisation": config.organisation, "notice": maybe(config.notice)],
            "page": ["title": title, "summary": maybe(summary), "url": url],
            "root": URLPath.root(from: url),
            "t": context.strings.tree,
            "bodyClass": bodyClass,
            "links": links,
            "sidebar": sidebar(url: url, openFolders: openFolders),
            "headAssets": fragment("partials/head-assets", url: url, links: links),
            "siteHeader": fragment("partials/site-header", url: url, links: links),
            "siteFooter": fragment("partials/site-footer", url: url, links: links),
        ]
    }

    /// The parts of the layout that are the same for every page of a folder (the head's assets,
    /// the site header and footer) are rendered once per folder.
    func fragment(_ template: String, url: String, links: [String: Any]) -> String {
        context.sidebars.value(for: template + "\u{1E}" + URLPath.folder(of: url)) {
            let config = context.site.config
            let view: [String: Any] = [
                "root": URLPath.root(from: url), "t": context.strings.tree, "links": links, "searchStrings": context.searchStrings,
                "site": ["title": config.title, "organisation": config.organisation, "notice": maybe(config.notice)],
            ]
            return context.templates?.render(view, withTemplate: template) ?? ""
        }
    }

    /// The sidebar is the same for every page in one folder with the same folders open, so it is
    /// rendered once for them (templates/partials/sidebar.mustache) and the current page's link
    /// then gets `aria-current="page"`.
    func sidebar(url: String, openFolders: [String]) -> String {
        let key = openFolders.joined(separator: "\u{1F}") + "\u{1E}" + URLPath.folder(of: url)
        let html = context.sidebars.value(for: key) {
            let nav = navigation(context.plan.navigation, url: url, open: Set(openFolders))
            guard !context.ownTemplates.isDisjoint(with: ["partials/sidebar", "partials/nav-item"]) else { return Self.sidebarHTML(nav, root: URLPath.root(from: url), start: context.strings["start"]) }
            let view: [String: Any] = ["root": URLPath.root(from: url), "t": context.strings.tree, "nav": nav]
            return context.templates?.render(view, withTemplate: "partials/sidebar") ?? ""
        }
        return Self.markCurrent(html, href: href(from: url, to: url))
    }

    /// The sidebar as `partials/sidebar` and `partials/nav-item` of the built-in theme write it,
    /// without going through them entry by entry (a site with many folders has many sidebars).
    static func sidebarHTML(_ nav: [[String: Any]], root: String, start: String) -> String {
        var out = HTMLBuilder(capacity: 8192)
        out.raw("    <ul class=\"nav-tree\">\n      <li><a href=\"\(HTML.escape(root))index.html\">")
        out.text(start)
        out.raw("</a></li>\n")
        func item(_ entry: [String: Any]) {
            out.raw("<li")
            if let classes = entry["classes"] as? String { out.raw(" class=\"\(HTML.escape(classes))\"") }
            out.raw("><a href=\"\(HTML.escape(entry["href"] as? String ?? ""))\">")
            out.text(entry["title"] as? String ?? "")
            out.raw("</a>")
            if entry["hasChildren"] as? Bool == true {
                out.raw("<ul>")
                for child in entry["children"] as? [[String: Any]] ?? [] { item(child) }
                out.raw("</ul>")
            }
            out.raw("</li>\n")
        }
        for entry in nav { item(entry) }
        out.raw("    </ul>\n")
        return out.html
    }

    /// Adds `aria-current="page"` to the first link to `href`.
    static func markCurrent(_ original: String, href: String) -> String {
        var html = original
        let needle = Array("href=\"\(href)\"".utf8)
        return html.withUTF8 { bytes in
            guard let found = needle.withUnsafeBytes({ ByteSearch.find($0, in: bytes) }) else { return original }
            let end = found + needle.count
            var result = ""
            result.reserveCapacity(bytes.count + 24)
            result += String(decoding: UnsafeBufferPointer(rebasing: bytes[..<end]), as: UTF8.self)
            result += " aria-current=\"page\""
            result += String(decoding: UnsafeBufferPointer(rebasing: bytes[end...]), as: UTF8.self)
            return result
        }
    }

    /// Only the open folders' entries are listed, so a page's sidebar stays small in a site of thousands of pages.
    private func navigation(_ items: [NavItem], url: String, open: Set<String>) -> [[String: Any]] {
        items.map { item in
            let isOpen = item.folder.map { open.contains($0) } ?? false
            let children = isOpen ? navigation(item.children, url: url, open: open) : []
            let classes = [item.folder != nil ? "folder" : nil, isOpen ? "open" : nil]
                .compactMap { $0 }.joined(separator: " ")
            return [
                "classes": classes.isEmpty ? Nothing() : classes,
                "title": item.title,
                "href": href(from: url, to: item.url),
                "hasChildren": !children.isEmpty,
                "children": children,
            ]
        }
    }

    /// Start, then each folder above the page (the page itself is not a link).
    func breadcrumbs(url: String, folders: [String]) -> [String: Any] {
        var crumbs: [[String: Any]] = [["title": context.strings["start"], "href": href(from: url, to: "index.html")]]
        for folder in folders {
            guard let section = context.plan.sections[folder], section.url != url else { continue }
            crumbs.append(["title": section.title, "href": href(from: url, to: section.url)])
        }
        return ["breadcrumbs": crumbs, "hasBreadcrumbs": true]
    }

    func href(from: String, to: String) -> String {
        Href.escape(URLPath.relative(from: from, to: to))
    }
}
