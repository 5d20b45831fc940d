import Foundation

/// The offline search index: JavaScript files that add themselves to `window.valgrundSearch` when
/// loaded with a `<script>` tag, which works from file:// where fetch() does not. The index is split
/// so a query loads only what it needs:
///
/// - `search/meta.js`: the shards that exist;
/// - `search/t-<xy>.js`: the words starting with `xy` (folded), each with the pages it is on and a score;
/// - `search/d-<n>.js`: title, address, kind and the start of the text of 50 pages, for showing results.
public enum SearchIndex {
    public static let documentsPerShard = 50
    /// How much of a page's text is kept for snippets.
    public static let excerptLength = 1_500

    public static func files(for documents: [SearchDocument]) -> [(path: String, data: Data)] {
        // term (folded) → form as written → [(document, score)]
        var postings: [String: [String: [(Int, Int)]]] = [:]
        for (index, document) in documents.enumerated() {
            var scores: [String: Int] = [:]
            func add(_ text: String, weight: Int, cap: Int) {
                var counts: [String: Int] = [:]
                for word in Folding.words(text) where word.count >= 2 && word.count <= 40 {
                    counts[word.lowercased(), default: 0] += 1
                }
                for (word, count) in counts { scores[word, default: 0] += min(cap, count) * weight }
            }
            add(document.title, weight: 10, cap: 2)
            add(document.headings.joined(separator: " "), weight: 4, cap: 3)
            add(document.text, weight: 1, cap: 10)
            for (word, score) in scores {
                let weighted = max(1, Int((Double(score) * document.weight).rounded()))
                postings[Folding.fold(word), default: [:]][word, default: []].append((index, weighted))
            }
        }
        var shards: [String: [String: [String: [Int]]]] = [:]
        for (folded, forms) in postings {
            let prefix = String(folded.prefix(2))
            var entry: [String: [Int]] = [:]
            for (form, list) in forms {
                // Pairs of (difference from the previous page number, score): small numbers, small files.
                var flat: [Int] = []
                var previous = 0
                for (document, score) in list.sorted(by: { $0.0 < $1.0 }) {
                    flat.append(document - previous)
                    flat.append(score)
                    previous = document
                }
                entry[form] = flat
            }
            shards[prefix, default: [:]][folded] = entry
        }
        var files: [(String, Data)] = []
        for (prefix, terms) in shards {
            files.append(("search/t-\(fileName(prefix)).js", script("terms", prefix, terms)))
        }
        let documentShards = stride(from: 0, to: documents.count, by: documentsPerShard).map { start in
            Array(documents[start..<min(documents.count, start + documentsPerShard)])
        }
        for (number, shard) in documentShards.enumerated() {
            let rows: [[String]] = shard.map { [$0.url, $0.title, $0.kind, String($0.text.prefix(excerptLength))] }
            files.append(("search/d-\(number).js", script("docs", number, rows)))
        }
        let meta: [String: Any] = [
            "version": 1, "documents": documents.count, "perShard": documentsPerShard,
            "shards": shards.keys.sorted().map { [$0, fileName($0)] },
        ]
        files.append(("search/meta.js", script("meta", meta)))
        return files.sorted { $0.0 < $1.0 }
    }

    /// Shard files are named by their prefix in ASCII (hex for other letters), so any file system takes them.
    static func fileName(_ prefix: String) -> String {
        prefix.unicodeScalars.map { scalar in
            ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) ? String(scalar) : "_" + String(scalar.value, radix: 16)
        }.joined()
    }

    static func script(_ function: String, _ arguments: Any...) -> Data {
        let json = arguments.map { argument -> String in
            let data = (try? JSONSerialization.data(withJSONObject: argument, options: [.sortedKeys, .fragmentsAllowed])) ?? Data("null".utf8)
            // "<" never appears raw, so no text can close a script element.
            return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "<", with: "\\u003c")
                .replacingOccurrences(of: "\u{2028}", with: "\\u2028").replacingOccurrences(of: "\u{2029}", with: "\\u2029")
        }
        return Data("valgrundSearch.\(function)(\(json.joined(separator: ",")));\n".utf8)
    }
}
