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
            "home": ["current": url == "index.html"],
            "nav": navigation(context.plan.navigation, url: url, open: Set(openFolders)),
            "searchStrings": context.searchStrings,
        ]
    }

    /// Only the open folders' entries are listed, so a page's sidebar stays small in a site of thousands of pages.
    private func navigation(_ items: [NavItem], url: String, open: Set<String>) -> [[String: Any]] {
        items.map { item in
            let isOpen = item.folder.map { open.contains($0) } ?? false
            let children = isOpen ? navigation(item.children, url: url, open: open) : []
            let classes = [item.folder != nil ? "folder" : nil, isOpen ? "open" : nil, item.url == url ? "current" : nil]
                .compactMap { $0 }.joined(separator: " ")
            return [
                "classes": classes.isEmpty ? Nothing() : classes,
                "title": item.title,
                "href": href(from: url, to: item.url),
                "current": item.url == url,
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
        URLPath.href(URLPath.relative(from: from, to: to))
    }
}
