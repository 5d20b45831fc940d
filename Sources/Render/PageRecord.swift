import Search

/// What the next build needs to know of a rendered page to leave it as it is: the hash of its
/// inputs, the heading ids other pages may link to, the links it makes to headings elsewhere,
/// and its entry in the search index.
public struct PageRecord: Sendable, Equatable {
    public var url: String
    public var fingerprint: UInt64
    public var ids: [String]
    public var links: [ExpectedLink]
    public var search: IndexedPage?

    public init(url: String, fingerprint: UInt64, ids: [String] = [], links: [ExpectedLink] = [], search: IndexedPage? = nil) {
        self.url = url
        self.fingerprint = fingerprint
        self.ids = ids
        self.links = links
        self.search = search
    }
}
