import Diagnostics
import Foundation

/// Remembers which ids each page has and which `page#fragment` links were written, so links to
/// headings that do not exist are reported once every page is rendered.
final class AnchorRegistry: @unchecked Sendable {
    private let lock = NSLock()
    private var idsByURL: [String: Set<String>] = [:]
    private var links: [(url: String, fragment: String, location: SourceLocation, written: String)] = []

    func record(ids: some Sequence<String>, for url: String) {
        lock.lock(); defer { lock.unlock() }
        idsByURL[url, default: []].formUnion(ids)
    }

    func expect(_ fragment: String, in url: String, at location: SourceLocation, written: String) {
        lock.lock(); defer { lock.unlock() }
        links.append((url, fragment, location, written))
    }

    func report(to log: DiagnosticLog) {
        lock.lock(); defer { lock.unlock() }
        for link in links {
            guard let ids = idsByURL[link.url] else { continue }
            let fragment = link.fragment.removingPercentEncoding ?? link.fragment
            if !ids.contains(fragment) && fragment != "top" {
                let hint = Suggestion.hint(for: fragment, in: ids.filter { !$0.hasPrefix("vg-") })
                log.error("the link '\(link.written)' points to a heading '#\(fragment)' that the page does not have\(hint)", at: link.location)
            }
        }
    }
}
