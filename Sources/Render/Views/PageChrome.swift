import Diagnostics
import Markup
import Model
import Mustache
import Plan

/// What every page's view has: site name, links, the shared parts of the layout, the strings.
struct Chrome: MustacheParent {
    struct SiteInfo: MustacheParent {
        var title: String
        var organisation: String
        var notice: String?

        func child(named name: String) -> Any? {
            switch name {
            case "title": title
            case "organisation": organisation
            case "notice": maybe(notice)
            default: nil
            }
        }
    }

    struct PageInfo: MustacheParent {
        /// As written: for `<title>` and attributes.
        var title: String
        /// The title with soft hyphens in its long words, for the page's `<h1>` and breadcrumbs.
        var heading: String
        var summary: String?
        var url: String

        func child(named name: String) -> Any? {
            switch name {
            case "title": title
            case "heading": heading
            case "summary": maybe(summary)
            case "url": url
            default: nil
            }
        }
    }

    /// The footer's and header's links; a page the site does not have has no key (nil).
    struct Links: MustacheParent {
        var accessibility: String
        var print: String?
        var search: String?

        func child(named name: String) -> Any? {
            switch name {
            case "accessibility": accessibility
            case "print": print
            case "search": search
            default: nil
            }
        }
    }

    var lang: String
    var site: SiteInfo
    var page: PageInfo
    var root: String
    var strings: Strings
    var bodyClass: String
    var links: Links
    var sidebar: String
    var headAssets: String
    var siteHeader: String
    var siteFooter: String
    /// From the top to the folder the page is in; nil on pages without breadcrumbs.
    var breadcrumbs: [TitledLink]?

    func child(named name: String) -> Any? {
        switch name {
        case "lang": lang
        case "site": site
        case "page": page
        case "root": root
        case "t": strings.tree
        case "bodyClass": bodyClass
        case "links": links
        case "sidebar": sidebar
        case "headAssets": headAssets
        case "siteHeader": siteHeader
        case "siteFooter": siteFooter
        case "breadcrumbs": maybe(breadcrumbs)
        case "hasBreadcrumbs": breadcrumbs != nil
        default: nil
        }
    }
}

/// A page's view: the chrome every page has, and what its kind adds (`own`), which wins where
/// both have a name.
protocol PageView: MustacheParent {
    var chrome: Chrome { get }
    /// The page kind's own values; nil for a name it does not have.
    func own(named name: String) -> Any?
}

extension PageView {
    func child(named name: String) -> Any? { own(named: name) ?? chrome.child(named: name) }
}

/// A page that has nothing but the chrome (the 404 page).
struct PlainPage: PageView {
    var chrome: Chrome
    func own(named name: String) -> Any? { nil }
}

/// The search page.
struct SearchPage: PageView {
    var chrome: Chrome
    var searchAction: String
    /// The parts of the site it has pages in, which results can be narrowed to.
    var groups: [Group]

    struct Group: MustacheParent {
        var id: String
        var label: String

        func child(named name: String) -> Any? {
            switch name {
            case "id": id
            case "label": label
            default: nil
            }
        }
    }

    func own(named name: String) -> Any? {
        switch name {
        case "searchAction": searchAction
        case "groups": groups
        default: nil
        }
    }
}

/// The view the shared parts of the layout are rendered with (`partials/head-assets`,
/// `site-header`, `site-footer`): the folder's, not the page's.
struct SharedPartsView: MustacheParent {
    var root: String
    var strings: Strings
    var links: Chrome.Links
    var searchStrings: String
    var site: Chrome.SiteInfo

    func child(named name: String) -> Any? {
        switch name {
        case "root": root
        case "t": strings.tree
        case "links": links
        case "searchStrings": searchStrings
        case "site": site
        default: nil
        }
    }
}

/// The parts every page shares: site name, sidebar, breadcrumbs, footer links, strings.
struct PageChrome {
    let context: RenderContext

    /// - Parameter openFolders: folders (relative to content/) to show expanded in the sidebar.
    /// - Parameter breadcrumbs: the folders whose sections lead to the page (`breadcrumbs(url:folders:)`), nil for none.
    func view(
        url: String, title: String, summary: String?, openFolders: [String], bodyClass: String = "",
        breadcrumbs: [TitledLink]? = nil
    ) -> Chrome {
        let config = context.site.config
        let links = Chrome.Links(
            accessibility: href(from: url, to: context.plan.generatedURLs["accessibility"] ?? "index.html"),
            print: context.plan.generatedURLs["print"].map { href(from: url, to: $0) },
            search: context.plan.generatedURLs["search"].map { href(from: url, to: $0) })
        let site = Chrome.SiteInfo(title: config.title, organisation: config.organisation, notice: config.notice)
        return Chrome(
            lang: config.language, site: site, page: Chrome.PageInfo(title: title, heading: context.hyphenated(title), summary: summary, url: url),
            root: URLPath.root(from: url), strings: context.strings, bodyClass: bodyClass, links: links,
            sidebar: sidebar(url: url, openFolders: openFolders),
            headAssets: fragment("partials/head-assets", url: url, links: links, site: site),
            siteHeader: fragment("partials/site-header", url: url, links: links, site: site),
            siteFooter: fragment("partials/site-footer", url: url, links: links, site: site),
            breadcrumbs: breadcrumbs)
    }

    /// The parts of the layout that are the same for every page of a folder (the head's assets,
    /// the site header and footer) are rendered once per folder.
    func fragment(_ template: String, url: String, links: Chrome.Links, site: Chrome.SiteInfo) -> String {
        context.sharedParts.value(for: template + "\u{1E}" + URLPath.folder(of: url)) {
            let view = SharedPartsView(
                root: URLPath.root(from: url), strings: context.strings, links: links,
                searchStrings: context.searchStrings, site: site)
            return context.templates?.render(view, withTemplate: template) ?? ""
        }
    }

    /// The sidebar's entries are the same for every page in one folder with the same folders
    /// open, so they are worked out (and escaped) once for them; each page's sidebar is then
    /// written with its own link marked `aria-current="page"`.
    func sidebar(url: String, openFolders: [String]) -> String {
        let key = openFolders.joined(separator: "\u{1F}") + "\u{1E}" + URLPath.folder(of: url)
        let sidebar = context.sidebars.value(for: key) {
            Sidebar(
                root: URLPath.root(from: url), start: context.strings["start"],
                entries: navigation(context.plan.navigation, url: url, open: Set(openFolders)))
        }
        return sidebar.html(current: href(from: url, to: url))
    }

    /// Only the open folders' entries are listed, so a page's sidebar stays small in a site of thousands of pages.
    private func navigation(_ items: [NavItem], url: String, open: Set<String>) -> [Sidebar.Entry] {
        items.map { item in
            let isOpen = item.folder.map { open.contains($0) } ?? false
            let classes = [item.folder != nil ? "folder" : nil, isOpen ? "open" : nil].compactMap { $0 }.joined(separator: " ")
            return Sidebar.Entry(
                classes: classes.isEmpty ? nil : classes, title: context.hyphenated(item.title), href: href(from: url, to: item.url),
                children: isOpen ? navigation(item.children, url: url, open: open) : [])
        }
    }

    /// Start, then each folder above the page (the page itself is not a link).
    func breadcrumbs(url: String, folders: [String]) -> [TitledLink] {
        var crumbs = [TitledLink(title: context.strings["start"], href: href(from: url, to: "index.html"))]
        for folder in folders {
            guard let section = context.plan.sections[folder], section.url != url else { continue }
            crumbs.append(TitledLink(title: context.hyphenated(section.title), href: href(from: url, to: section.url)))
        }
        return crumbs
    }

    func href(from: String, to: String) -> String {
        Href.escape(URLPath.relative(from: from, to: to))
    }
}
