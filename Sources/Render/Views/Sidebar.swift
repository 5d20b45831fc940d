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

    /// The link to the start page, escaped.
    private let startHref: String
    private let startTitle: String
    /// The entries with their text escaped once for every page of the folder.
    private let entries: [Entry]

    init(root: String, start: String, entries: [Entry]) {
        func escaped(_ entry: Entry) -> Entry {
            Entry(classes: entry.classes.map { HTML.escape($0) }, title: HTML.escape(entry.title), href: HTML.escape(entry.href),
                  children: entry.children.map(escaped))
        }
        self.startHref = HTML.escape(root + "index.html")
        self.startTitle = HTML.escape(start)
        self.entries = entries.map(escaped)
    }

    /// The sidebar of the page whose link to itself is `current`: its first link there (the
    /// start link, then the entries in reading order) gets `aria-current="page"`.
    func html(current: String) -> String {
        var marked = false
        var out = ""
        out.reserveCapacity(256 + entries.count * 64)
        func link(_ href: String) {
            out += "<a href=\""
            out += href
            // Addresses hold no character that escaping changes (PortableName), so the escaped link is the link.
            if !marked, href == current {
                marked = true
                out += "\" aria-current=\"page\">"
            } else {
                out += "\">"
            }
        }
        func item(_ entry: Entry) {
            out += "<li"
            if let classes = entry.classes { out += " class=\"" + classes + "\"" }
            out += ">"
            link(entry.href)
            out += entry.title
            out += "</a>"
            if !entry.children.isEmpty {
                out += "<ul>"
                for child in entry.children { item(child) }
                out += "</ul>"
            }
            out += "</li>\n"
        }
        out += "    <ul class=\"nav-tree\">\n      <li>"
        link(startHref)
        out += startTitle
        out += "</a></li>\n"
        for entry in entries { item(entry) }
        out += "    </ul>\n"
        return out
    }
}
