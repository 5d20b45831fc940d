import Diagnostics
import Foundation

/// Remembers which ids each page has and which `page#fragment` links were written, so links to
/// headings that do not exist are reported once every page is rendered. A page that is not
/// rendered again (it did not change) brings its ids and links from the last build.
final class AnchorRegistry: @unchecked Sendable {
    private let lock = NSLock()
    private var idsByURL: [String: Set<String>] = [:]
    /// By the page that has them.
    private var links: [String: [ExpectedLink]] = [:]

    init() {}

    /// Every page's ids and links from the last build but those of `rendering`, which are recorded anew.
    init(_ anchors: SiteAnchors, without rendering: Set<String>) {
        idsByURL = anchors.ids
        links = anchors.links
        for url in rendering {
            idsByURL[url] = nil
            links[url] = nil
        }
    }

    func record(ids: some Sequence<String>, for url: String) {
        lock.lock(); defer { lock.unlock() }
        idsByURL[url, default: []].formUnion(ids)
    }

    /// - Parameters:
    ///   - from: the page that has the link.
    func expect(_ fragment: String, in url: String, from: String, at location: SourceLocation, written: String) {
        lock.lock(); defer { lock.unlock() }
        links[from, default: []].append(ExpectedLink(from: from, target: url, fragment: fragment, location: location, written: written))
    }

    /// Brings back what a page recorded when it was last rendered.
    func restore(_ record: PageRecord) {
        lock.lock(); defer { lock.unlock() }
        if !record.ids.isEmpty { idsByURL[record.url, default: []].formUnion(record.ids) }
        if !record.links.isEmpty { links[record.url, default: []].append(contentsOf: record.links) }
    }

    /// The ids and links recorded for each page, by address.
    func recorded() -> SiteAnchors {
        lock.lock(); defer { lock.unlock() }
        return SiteAnchors(ids: idsByURL, links: links)
    }

    func report(to log: DiagnosticLog) {
        lock.lock(); defer { lock.unlock() }
        for link in links.values.joined() {
            guard let ids = idsByURL[link.target] else { continue }
            let fragment = link.fragment.removingPercentEncoding ?? link.fragment
            if !ids.contains(fragment) && fragment != "top" {
                let hint = Suggestion.hint(for: fragment, in: ids.filter { !$0.hasPrefix("vg-") })
                log.error("the link '\(link.written)' points to a heading '#\(fragment)' that the page does not have\(hint)", at: link.location)
            }
        }
    }
}

/// The ids of every page and its links to headings, by page address: what the live preview keeps
/// between edits so that it can check links without rendering every page.
public struct SiteAnchors: Sendable {
    var ids: [String: Set<String>]
    var links: [String: [ExpectedLink]]

    public init(records: [PageRecord]) {
        ids = [:]
        links = [:]
        for record in records {
            if !record.ids.isEmpty { ids[record.url] = Set(record.ids) }
            if !record.links.isEmpty { links[record.url] = record.links }
        }
    }

    init(ids: [String: Set<String>], links: [String: [ExpectedLink]]) {
        self.ids = ids
        self.links = links
    }
}

/// A link to a heading of a page, checked once every page is known.
public struct ExpectedLink: Sendable, Equatable {
    public var from: String
    public var target: String
    public var fragment: String
    public var location: SourceLocation
    public var written: String

    public init(from: String, target: String, fragment: String, location: SourceLocation, written: String) {
        self.from = from
        self.target = target
        self.fragment = fragment
        self.location = location
        self.written = written
    }
}
