import Foundation
import Search

/// A built site's search index read as search.js reads it, and queries ranked the way search.js
/// ranks them (its `search` function, step for step), so Swift tests can say which page a query
/// puts first. tests/browser/run.py checks the same queries (Tests/Fixtures/search-ranking.txt)
/// with search.js itself in Chromium, so the two cannot drift apart unnoticed.
public struct SearchRanking: Sendable {
    /// Shard prefix → folded term → form as written → [page delta, score, page delta, score, …].
    private let shards: [String: [String: [String: [Int]]]]
    /// The long words of `search/w.js`, folded.
    private let compoundWords: [String]
    public let urls: [String]
    public let groups: [String]
    private let inflections: Set<String>

    /// search.js's constants.
    private static let compoundPart = 4, compoundStart = 3, compoundLimit = 200

    public init(site: URL) throws {
        func call(_ file: String) throws -> [Any] {
            let text = try String(contentsOf: site.appendingPathComponent("search/" + file), encoding: .utf8)
            guard let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")") else { throw Unreadable(file: file) }
            let arguments = "[" + text[text.index(after: open)..<close] + "]"
            guard let array = try JSONSerialization.jsonObject(with: Data(arguments.utf8)) as? [Any] else { throw Unreadable(file: file) }
            return array
        }
        guard let meta = try call("meta.js").first as? [String: Any], let perShard = meta["perShard"] as? Int,
            let count = meta["documents"] as? Int, let shardList = meta["shards"] as? [[String]],
            let runs = meta["groups"] as? [Any]
        else { throw Unreadable(file: "meta.js") }
        var shards: [String: [String: [String: [Int]]]] = [:]
        for pair in shardList {
            let arguments = try call("t-\(pair[1]).js")
            guard let terms = arguments[1] as? [String: [String: [Int]]] else { throw Unreadable(file: pair[1]) }
            shards[pair[0]] = terms
        }
        self.shards = shards
        var urls: [String] = []
        for number in 0..<(count + perShard - 1) / perShard {
            guard let rows = try call("d-\(number).js")[1] as? [[String]] else { throw Unreadable(file: "d-\(number).js") }
            urls += rows.map { $0[0] }
        }
        self.urls = urls
        var groups: [String] = []
        for index in stride(from: 0, to: runs.count, by: 2) {
            guard let group = runs[index] as? String, let run = runs[index + 1] as? Int else { throw Unreadable(file: "meta.js") }
            groups += Array(repeating: group, count: run)
        }
        self.groups = groups
        compoundWords = (try call("w.js").first as? String ?? "").split(separator: " ").map(String.init)
        // The endings come from the page's `data-strings`, as search.js gets them.
        let start = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
        guard let attribute = start.components(separatedBy: "data-strings=\"").dropFirst().first?.components(separatedBy: "\"").first else {
            throw Unreadable(file: "index.html")
        }
        let json = attribute.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
        let strings = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        inflections = Set(strings?["inflections"] as? [String] ?? [])
    }

    public struct Unreadable: Error { public var file: String }

    /// The addresses of the pages `query` finds, best first.
    public func rank(_ query: String) -> [String] {
        let raw = Folding.words(query.lowercased()).map(String.init).filter { $0.utf16.count >= 2 }
        guard !raw.isEmpty else { return [] }
        let folded = raw.map { Folding.fold($0) }
        var total: [Int: Double]?
        for (index, word) in folded.enumerated() {
            let last = index == folded.count - 1
            var scores: [Int: Double] = [:]
            func add(_ forms: [String: [Int]], boost: Double) {
                for (form, list) in forms {
                    let weight = boost * (Self.utf16(form, contains: raw[index]) ? 1.5 : 1)
                    var page = 0
                    for i in stride(from: 0, to: list.count, by: 2) {
                        page += list[i]
                        scores[page, default: 0] += Double(list[i + 1]) * weight
                    }
                }
            }
            for (term, forms) in shards[Self.prefix(word)] ?? [:] {
                let boost = matchClass(term, word, last: last)
                if boost > 0 { add(forms, boost: boost) }
            }
            for part in compounds(word, last: last) {
                if let forms = shards[Self.prefix(part.term)]?[part.term] { add(forms, boost: part.weight) }
            }
            // Every word must match: a page missing one drops out.
            if let previous = total {
                var both: [Int: Double] = [:]
                for (page, value) in previous { if let score = scores[page] { both[page] = value + score } }
                total = both
            } else {
                total = scores
            }
        }
        let ranked = (total ?? [:]).sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        return ranked.map { urls[$0.key] }
    }

    private func sameWord(_ rest: Substring) -> Bool { rest.isEmpty || inflections.contains(String(rest)) }

    private func matchClass(_ term: String, _ word: String, last: Bool) -> Double {
        let term16 = Array(term.utf16), word16 = Array(word.utf16)
        guard term16.starts(with: word16) else { return 0 }
        if sameWord(Substring(String(decoding: term16[word16.count...], as: UTF16.self))) { return 4 }
        return last ? 2 : 0
    }

    private func compounds(_ word: String, last: Bool) -> [(term: String, weight: Double)] {
        let word16 = Array(word.utf16)
        guard word16.count >= Self.compoundPart else { return [] }
        var found: [(term: String, weight: Double)] = []
        for term in compoundWords {
            let term16 = Array(term.utf16)
            var at = Self.compoundStart
            while at + word16.count <= term16.count {
                if Array(term16[at..<at + word16.count]) == word16 {
                    let rest = String(decoding: term16[(at + word16.count)...], as: UTF16.self)
                    let weight: Double = sameWord(Substring(rest)) ? 2 : (last ? 1 : 0)
                    if weight > 0 { found.append((term, weight)); break }
                }
                at += 1
            }
            if found.count == Self.compoundLimit { break }
        }
        return found
    }

    /// search.js's `word.slice(0, 2)`: two UTF-16 code units.
    private static func prefix(_ word: String) -> String { String(decoding: Array(word.utf16.prefix(2)), as: UTF16.self) }

    private static func utf16(_ text: String, contains needle: String) -> Bool {
        let haystack = Array(text.utf16), part = Array(needle.utf16)
        guard part.count <= haystack.count else { return false }
        return (0...(haystack.count - part.count)).contains { Array(haystack[$0..<$0 + part.count]) == part }
    }
}
