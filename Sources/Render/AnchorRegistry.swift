import Diagnostics
import Foundation
import Synchronization

/// Remembers which ids each page has and which `page#fragment` links were written, so links to
/// headings that do not exist are reported once every page is rendered. A page that is not
/// rendered again (it did not change) brings its ids and links from the last build.
final class AnchorRegistry: Sendable {
    private struct Recorded {
        var idsByURL: [String: Set<String>] = [:]
        /// By the page that has them.
        var links: [String: [ExpectedLink]] = [:]
    }

    private let state = Mutex(Recorded())

    /// Forgets what the pages at `urls` recorded, before they are rendered again (the live
    /// preview's page edit keeps one registry for the whole site).
    func forget(_ urls: Set<String>) {
        state.withLock { state in
            for url in urls {
                state.idsByURL[url] = nil
                state.links[url] = nil
            }
        }
    }

    /// What the page at `url` recorded, as its record keeps it.
    func recorded(for url: String) -> (ids: [String], links: [ExpectedLink]) {
        state.withLock { state in (state.idsByURL[url].map { $0.sorted() } ?? [], state.links[url] ?? []) }
    }

    func record(ids: some Sequence<String>, for url: String) {
        state.withLock { $0.idsByURL[url, default: []].formUnion(ids) }
    }

    /// - Parameters:
    ///   - from: the page that has the link.
    func expect(_ fragment: String, in url: String, from: String, at location: SourceLocation, written: String) {
        state.withLock { $0.links[from, default: []].append(ExpectedLink(from: from, target: url, fragment: fragment, location: location, written: written)) }
    }

    /// Brings back what a page recorded when it was last rendered.
    func restore(_ record: PageRecord) {
        state.withLock { state in
            if !record.ids.isEmpty { state.idsByURL[record.url, default: []].formUnion(record.ids) }
            if !record.links.isEmpty { state.links[record.url, default: []].append(contentsOf: record.links) }
        }
    }

    /// The ids and links recorded for each page, by address.
    func recorded() -> (ids: [String: Set<String>], links: [String: [ExpectedLink]]) {
        state.withLock { ($0.idsByURL, $0.links) }
    }

    func report(to log: DiagnosticLog) {
        let (idsByURL, links) = recorded()
        for link in links.values.joined() {
            guard let ids = idsByURL[link.target] else { continue }
            // Every link is checked on every page edit: Foundation's decoding only where it has work.
            let fragment = link.fragment.utf8.contains(UInt8(ascii: "%")) ? link.fragment.removingPercentEncoding ?? link.fragment : link.fragment
            if !ids.contains(fragment) && fragment != "top" {
                let hint = Suggestion.hint(for: fragment, in: ids.filter { !$0.hasPrefix("vg-") })
                log.error("the link '\(link.written)' points to a heading '#\(fragment)' that the page does not have\(hint)", at: link.location)
            }
        }
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
