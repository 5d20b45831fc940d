import Markup

/// The sidebar: the start page, then the site's folders and pages, the open folders' entries
/// nested in them. Valgrund writes it itself and themes restyle it with CSS only (docs/themes.md):
/// a site with many folders has a sidebar per folder, and every page's differs from its
/// neighbours' only by which link is the current page.
struct Sidebar {
    struct Entry {
        var classes: String?
        var title: String
        var href: String
        var children: [Entry]
    }

    /// The folder's sidebar with no link marked.
    private let unmarked: String
    /// Every link in reading order (the start link first): where it goes, and the place in
    /// `unmarked` just after its `href="…"`, where the current page's link says so.
    private let links: [(href: String, end: String.Index)]

    /// Written once for all the pages of a folder with the same folders open.
    init(root: String, start: String, entries: [Entry]) {
        var out = ""
        out.reserveCapacity(256 + entries.count * 64)
        var links: [(href: String, end: String.Index)] = []
        func link(_ href: String) {
            out += "<a href=\""
            out += HTML.escape(href)
            out += "\""
            links.append((href, out.endIndex))
            out += ">"
        }
        func item(_ entry: Entry) {
            out += "<li"
            if let classes = entry.classes { out += " class=\"" + HTML.escape(classes) + "\"" }
            out += ">"
            link(entry.href)
            out += HTML.escape(entry.title)
            out += "</a>"
            if !entry.children.isEmpty {
                out += "<ul>"
                for child in entry.children { item(child) }
                out += "</ul>"
            }
            out += "</li>\n"
        }
        out += "    <ul class=\"nav-tree\">\n      <li>"
        link(root + "index.html")
        out += HTML.escape(start)
        out += "</a></li>\n"
        for entry in entries { item(entry) }
        out += "    </ul>\n"
        self.unmarked = out
        self.links = links
    }

    /// The sidebar of the page whose link to itself is `current`: its first link there (the
    /// start link, then the entries in reading order) has `aria-current="page"`.
    func html(current: String) -> String {
        guard let end = links.first(where: { $0.href == current })?.end else { return unmarked }
        var html = ""
        html.reserveCapacity(unmarked.utf8.count + 20)
        html += unmarked[..<end]
        html += " aria-current=\"page\""
        html += unmarked[end...]
        return html
    }
}
