import Model

/// Turns the folders of content/ into sections with addresses, reading order and a sidebar.
struct SectionBuilder {
    let site: Site
    private(set) var sections: [String: Section] = [:]

    init(site: Site) {
        self.site = site
    }

    func build() -> SectionBuilder {
        var copy = self
        copy.sections = copy.makeSections()
        return copy
    }

    private func makeSections() -> [String: Section] {
        var pagesByFolder: [String: [Int]] = [:]
        var indexByFolder: [String: Int] = [:]
        var folders: Set<String> = [""]
        for (index, page) in site.pages.enumerated() {
            if page.isFolderIndex { indexByFolder[page.folder] = index } else { pagesByFolder[page.folder, default: []].append(index) }
            var folder = page.folder
            while !folder.isEmpty {
                folders.insert(folder)
                folder = parent(of: folder)
            }
        }
        func segment(_ folder: String) -> String {
            if let index = indexByFolder[folder], let slug = site.pages[index].slug { return slug }
            let name = String(folder.split(separator: "/").last ?? "")
            return URLSegment.make(name)
        }
        var urlOfFolder: [String: String] = ["": ""]
        for folder in folders.sorted() where !folder.isEmpty {
            let parentURL = urlOfFolder[parent(of: folder)] ?? ""
            urlOfFolder[folder] = (parentURL.isEmpty ? "" : parentURL + "/") + segment(folder)
        }
        var result: [String: Section] = [:]
        for folder in folders {
            let index = indexByFolder[folder]
            let page = index.map { site.pages[$0] }
            let pages = (pagesByFolder[folder] ?? []).sorted {
                precedes(
                    order: site.pages[$0].order, path: site.pages[$0].contentPath,
                    before: site.pages[$1].order, path: site.pages[$1].contentPath)
            }
            let folderURL = urlOfFolder[folder] ?? ""
            result[folder] = Section(
                path: folder, title: page?.title ?? humanize(folder), url: (folderURL.isEmpty ? "" : folderURL + "/") + "index.html",
                summary: page?.summary, indexPage: index, pages: pages, subsections: [], order: page?.order)
        }
        for folder in folders where !folder.isEmpty {
            result[parent(of: folder)]?.subsections.append(folder)
        }
        let orderOf = result.mapValues(\.order)
        for (folder, section) in result {
            result[folder]?.subsections = section.subsections.sorted {
                precedes(order: orderOf[$0] ?? nil, path: $0, before: orderOf[$1] ?? nil, path: $1)
            }
        }
        return result
    }

    /// A folder that holds only copied files has no section: its address is made from its names.
    func folderURL(_ folder: String) -> String {
        if folder.isEmpty { return "" }
        guard let section = sections[folder] else {
            let parentURL = folderURL(parent(of: folder))
            let segment = URLSegment.make(String(folder.split(separator: "/").last ?? ""))
            return parentURL.isEmpty ? segment : parentURL + "/" + segment
        }
        return URLPath.folder(of: section.url)
    }

    func url(ofPage page: Page) -> String {
        let base = folderURL(page.folder)
        let name = (page.slug ?? URLSegment.make(page.fileStem)) + ".html"
        return base.isEmpty ? name : base + "/" + name
    }

    /// The entries of a folder (pages and sub-folders mixed) in the order readers meet them.
    func entries(of folder: String) -> [Entry] {
        guard let section = sections[folder] else { return [] }
        var entries = section.pages.map { Entry.page($0) } + section.subsections.map { Entry.folder($0) }
        entries.sort { a, b in
            precedes(order: order(of: a), path: path(of: a), before: order(of: b), path: path(of: b))
        }
        return entries
    }

    enum Entry {
        case page(Int)
        case folder(String)
    }

    private func order(of entry: Entry) -> Int? {
        switch entry {
        case .page(let index): return site.pages[index].order
        case .folder(let path): return sections[path]?.order
        }
    }

    private func path(of entry: Entry) -> String {
        switch entry {
        case .page(let index): return site.pages[index].contentPath
        case .folder(let path): return path + "/"
        }
    }

    /// Depth first: a folder's own page, then what it holds.
    func readingOrder() -> [Int] {
        var result: [Int] = []
        func visit(_ folder: String) {
            if let index = sections[folder]?.indexPage { result.append(index) }
            for entry in entries(of: folder) {
                switch entry {
                case .page(let index): result.append(index)
                case .folder(let path): visit(path)
                }
            }
        }
        visit("")
        return result
    }

    func navigation() -> [NavItem] {
        func items(in folder: String) -> [NavItem] {
            entries(of: folder).map { entry in
                switch entry {
                case .page(let index):
                    let page = site.pages[index]
                    return NavItem(title: page.title, url: url(ofPage: page))
                case .folder(let path):
                    let section = sections[path]!
                    return NavItem(title: section.title, url: section.url, folder: path, children: items(in: path))
                }
            }
        }
        return items(in: "")
    }

    private func parent(of folder: String) -> String {
        guard let slash = folder.lastIndex(of: "/") else { return "" }
        return String(folder[..<slash])
    }

    /// A folder without an index page is named after the folder: `follow-up` → "Follow up".
    private func humanize(_ folder: String) -> String {
        let name = folder.split(separator: "/").last.map(String.init) ?? folder
        let words = name.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}
