import Foundation
import Markup
import Synchronization

/// The offline search index: JavaScript files that add themselves to `window.valgrundSearch` when
/// loaded with a `<script>` tag, which works from file:// where fetch() does not. The index is split
/// so a query loads only what it needs:
///
/// - `search/meta.js`: the shards that exist, and each page's group (in runs: pages are in address
///   order, so a part of the site is a few runs), which the search page counts results by;
/// - `search/t-<xy>.js`: the words starting with `xy` (folded), each with the pages it is on and a score;
/// - `search/d-<n>.js`: address, title, kind, group and the start of the prose of 50 pages, for showing results;
/// - `search/w.js`: every word (folded) long enough to be a compound, so that "frånvaro" also finds
///   "sjukfrånvaro": search.js looks the query up inside them and loads the shards of those it is in.
public enum SearchIndex {
    public static let documentsPerShard = 50
    /// How much of a page's text is kept for snippets.
    public static let excerptLength = 1_500
    /// The shortest word (in characters, folded) that `w.js` lists: a compound of a part of three
    /// letters and one of four.
    public static let compoundLength = 7

    /// Whether a file of the site (path relative to the output folder) belongs to the index.
    public static func isIndexFile(_ path: String) -> Bool { path.hasPrefix("search/") && path.hasSuffix(".js") }

    public static func files(for documents: [SearchDocument]) -> [(path: String, data: Data)] {
        let vocabulary = Vocabulary()
        return files(for: concurrentMap(documents) { IndexedPage($0, vocabulary: vocabulary) }, vocabulary: vocabulary)
    }

    /// The index files of `pages`, which must be in a stable order (by address); their words are in `vocabulary`.
    public static func files(for pages: [IndexedPage], vocabulary: Vocabulary = .shared) -> [(path: String, data: Data)] {
        let collected = Mutex<[(path: String, data: Data)]>([])
        write(for: pages, vocabulary: vocabulary) { path, data in collected.withLock { $0.append((path, data)) } }
        return collected.withLock { $0 }.sorted { $0.path < $1.path }
    }

    /// Hands each index file to `emit` as soon as it is made (from several threads at once), so
    /// the index of a large site is never in memory whole.
    public static func write(
        for pages: [IndexedPage], vocabulary: Vocabulary = .shared,
        emit: @Sendable (_ path: String, _ data: Data) -> Void
    ) {
        let clock = DispatchTime.now().uptimeNanoseconds
        func lap(_ label: String) {
            if ProcessInfo.processInfo.environment["VALGRUND_TIMINGS"] != nil {
                FileHandle.standardError.write(Data("  search \(label): \(Double(DispatchTime.now().uptimeNanoseconds - clock) / 1e9) s\n".utf8))
            }
        }
        let (words, postings) = merge(pages, vocabulary: vocabulary)
        lap("merge")
        // Shards by the first two letters of the folded word; within a term, its forms as written.
        let formsOfTerm = Dictionary(grouping: words.indices, by: { Folding.fold(words[$0]) })
        let shards = Dictionary(grouping: formsOfTerm.keys, by: { String($0.prefix(2)) })
        let prefixes = shards.keys.sorted()
        // Each shard's long words, for w.js: shards in prefix order, each sorted, are all sorted.
        let longWords = Mutex([[String]](repeating: [], count: prefixes.count))
        concurrentForEach(prefixes.count) { shard in
            let prefix = prefixes[shard]
            let terms = shards[prefix]!.sorted()
            emit(
                "search/t-\(fileName(prefix)).js",
                termFile(prefix: prefix, terms: terms, formsOfTerm: formsOfTerm, words: words, postings: postings))
            let long = terms.filter { $0.unicodeScalars.count >= compoundLength }
            longWords.withLock { $0[shard] = long }
        }
        lap("terms")
        let starts = Array(stride(from: 0, to: pages.count, by: documentsPerShard))
        concurrentForEach(starts.count) { number in
            emit(
                "search/d-\(number).js",
                documentFile(number: number, pages: pages[starts[number]..<min(pages.count, starts[number] + documentsPerShard)]))
        }
        lap("docs")
        var compounds = JSONBytes()
        compounds.append("valgrundSearch.words(")
        compounds.string(longWords.withLock { $0 }.joined().joined(separator: " "))
        compounds.append(");\n")
        emit("search/w.js", compounds.data)
        var meta = JSONBytes()
        meta.append("valgrundSearch.meta({\"documents\":\(pages.count),\"perShard\":\(documentsPerShard),\"shards\":[")
        for (index, prefix) in prefixes.enumerated() {
            if index > 0 { meta.append(",") }
            meta.append("[")
            meta.string(prefix)
            meta.append(",")
            meta.string(fileName(prefix))
            meta.append("]")
        }
        meta.append("],\"groups\":[")
        var run = 0
        for (index, page) in pages.enumerated() {
            run += 1
            guard index == pages.count - 1 || pages[index + 1].group != page.group else { continue }
            if index + 1 > run { meta.append(",") }
            meta.string(page.group)
            meta.append(",")
            meta.number(run)
            run = 0
        }
        meta.append("],\"version\":2});\n")
        emit("search/meta.js", meta.data)
    }

    /// Address, title, kind, group and excerpt of up to `documentsPerShard` pages.
    private static func documentFile(number: Int, pages: ArraySlice<IndexedPage>) -> Data {
        var json = JSONBytes()
        json.append("valgrundSearch.docs(\(number),[")
        for (offset, document) in pages.enumerated() {
            if offset > 0 { json.append(",") }
            json.append("[")
            json.string(document.url); json.append(",")
            json.string(document.title); json.append(",")
            json.string(document.kind); json.append(",")
            json.string(document.group); json.append(",")
            json.string(document.excerpt)
            json.append("]")
        }
        json.append("]);\n")
        return json.data
    }

    /// The words starting with `prefix` (`terms`, sorted), each with its forms as written and their postings.
    private static func termFile(
        prefix: String, terms: [String], formsOfTerm: [String: [Int]],
        words: [String], postings: [[Int32]]
    ) -> Data {
        var json = JSONBytes()
        json.append("valgrundSearch.terms(")
        json.string(prefix)
        json.append(",{")
        for (index, folded) in terms.enumerated() {
            if index > 0 { json.append(",") }
            json.string(folded)
            json.append(":{")
            for (formIndex, slot) in formsOfTerm[folded]!.sorted(by: { words[$0] < words[$1] }).enumerated() {
                if formIndex > 0 { json.append(",") }
                json.string(words[slot])
                json.append(":[")
                // Pairs of (difference from the previous page number, score): small numbers, small files.
                let list = postings[slot]
                var previous: Int32 = 0
                var i = 0
                while i < list.count {
                    if i > 0 { json.append(",") }
                    json.number(Int(list[i] - previous))
                    json.append(",")
                    json.number(Int(list[i + 1]))
                    previous = list[i]
                    i += 2
                }
                json.append("]")
            }
            json.append("}")
        }
        json.append("});\n")
        return json.data
    }

    /// Every word once, with its postings: [page, score, page, score, …], pages in order.
    private static func merge(_ pages: [IndexedPage], vocabulary: Vocabulary) -> (words: [String], postings: [[Int32]]) {
        var slotOfHash = HashSlots(capacity: 1 << 16)
        var words: [String] = []
        var postings: [[Int32]] = []
        for (number, page) in pages.enumerated() {
            page.forEachWord { hash, score in
                let (slot, inserted) = slotOfHash.insert(hash)
                if inserted {
                    words.append(vocabulary.text(of: hash) ?? "")
                    postings.append([Int32(number), Int32(score)])
                } else {
                    postings[slot].append(Int32(number))
                    postings[slot].append(Int32(score))
                }
            }
        }
        return (words, postings)
    }

    /// Shard files are named by their prefix in ASCII (hex for other letters), so any file system takes them.
    static func fileName(_ prefix: String) -> String {
        prefix.unicodeScalars.map { scalar in
            ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) ? String(scalar) : "_" + String(scalar.value, radix: 16)
        }.joined()
    }
}
