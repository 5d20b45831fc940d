/// One entry of the sidebar: a page, or a folder with its own entries.
public struct NavItem: Sendable {
    public var title: String
    public var url: String
    /// Folder path relative to content/ for folders; nil for pages.
    public var folder: String?
    public var children: [NavItem]

    public init(title: String, url: String, folder: String? = nil, children: [NavItem] = []) {
        self.title = title
        self.url = url
        self.folder = folder
        self.children = children
    }
}

/// A folder of content/ as a section of the site.
public struct Section: Sendable {
    /// Path relative to content/ ("" for the top).
    public var path: String
    public var title: String
    public var url: String
    public var summary: String?
    /// Its `index.md`, as an index into `Site.pages`.
    public var indexPage: Int?
    /// Pages (indices into `Site.pages`, in reading order) directly inside it, its index page excluded.
    public var pages: [Int]
    /// Sub-folders, in reading order.
    public var subsections: [String]
    public var order: Int?
}
