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
        // Words and their scores per page, in parallel.
        var perDocument = [[String: Int]](repeating: [:], count: documents.count)
        perDocument.withUnsafeMutableBufferPointer { buffer in
            let slots = UnsafeSlots(buffer)
            DispatchQueue.concurrentPerform(iterations: documents.count) { index in
                slots[index] = scores(documents[index])
            }
        }
        // term (folded) → form as written → [(page, score)], pages in order.
        var folds: [String: String] = [:]
        var postings: [String: [String: [Int]]] = [:]
        for (document, scores) in perDocument.enumerated() {
            for (word, score) in scores {
                let folded: String
                if let known = folds[word] { folded = known } else { folded = Folding.fold(word); folds[word] = folded }
                postings[folded, default: [:]][word, default: []].append(contentsOf: [document, score])
            }
        }
        var shards: [String: [(String, [String: [Int]])]] = [:]
        for (folded, forms) in postings {
            shards[String(folded.prefix(2)), default: []].append((folded, forms))
        }
        var files: [(String, Data)] = []
        let prefixes = shards.keys.sorted()
        for prefix in prefixes {
            var json = JSONBytes()
            json.append("valgrundSearch.terms(")
            json.string(prefix)
            json.append(",{")
            for (index, (folded, forms)) in shards[prefix]!.sorted(by: { $0.0 < $1.0 }).enumerated() {
                if index > 0 { json.append(",") }
                json.string(folded)
                json.append(":{")
                for (formIndex, form) in forms.keys.sorted().enumerated() {
                    if formIndex > 0 { json.append(",") }
                    json.string(form)
                    json.append(":[")
                    // Pairs of (difference from the previous page number, score): small numbers, small files.
                    let list = forms[form]!
                    var previous = 0
                    var i = 0
                    while i < list.count {
                        if i > 0 { json.append(",") }
                        json.number(list[i] - previous)
                        json.append(",")
                        json.number(list[i + 1])
                        previous = list[i]
                        i += 2
                    }
                    json.append("]")
                }
                json.append("}")
            }
            json.append("});\n")
            files.append(("search/t-\(fileName(prefix)).js", json.data))
        }
        for (number, start) in stride(from: 0, to: documents.count, by: documentsPerShard).enumerated() {
            var json = JSONBytes()
            json.append("valgrundSearch.docs(\(number),[")
            for index in start..<min(documents.count, start + documentsPerShard) {
                let document = documents[index]
                if index > start { json.append(",") }
                json.append("[")
                json.string(document.url); json.append(",")
                json.string(document.title); json.append(",")
                json.string(document.kind); json.append(",")
                json.string(String(document.text.prefix(excerptLength)))
                json.append("]")
            }
            json.append("]);\n")
            files.append(("search/d-\(number).js", json.data))
        }
        var meta = JSONBytes()
        meta.append("valgrundSearch.meta({\"documents\":\(documents.count),\"perShard\":\(documentsPerShard),\"shards\":[")
        for (index, prefix) in prefixes.enumerated() {
            if index > 0 { meta.append(",") }
            meta.append("[")
            meta.string(prefix)
            meta.append(",")
            meta.string(fileName(prefix))
            meta.append("]")
        }
        meta.append("],\"version\":1});\n")
        files.append(("search/meta.js", meta.data))
        return files.sorted { $0.0 < $1.0 }
    }

    /// A page's words (lowercase) with their score: title words count most, then headings, then text.
    static func scores(_ document: SearchDocument) -> [String: Int] {
        var scores: [String: Int] = [:]
        func add(_ text: String, weight: Int, cap: Int) {
            var counts: [Substring: Int] = [:]
            Folding.forEachWord(in: text) { word in
                if word.utf8.count >= 2 && word.utf8.count <= 60 { counts[word, default: 0] += 1 }
            }
            // Lowercased word by word: most words already are, and the whole text at once is slow.
            for (word, count) in counts {
                let lower = word.utf8.allSatisfy({ $0 < 0x41 || ($0 > 0x5A && $0 < 0x80) }) ? String(word) : word.lowercased()
                scores[lower, default: 0] += min(cap, count) * weight
            }
        }
        add(document.title, weight: 10, cap: 2)
        add(document.headings.joined(separator: " "), weight: 4, cap: 3)
        add(document.text, weight: 1, cap: 10)
        if document.weight != 1 {
            for (word, score) in scores { scores[word] = max(1, Int((Double(score) * document.weight).rounded())) }
        }
        return scores
    }

    /// Shard files are named by their prefix in ASCII (hex for other letters), so any file system takes them.
    static func fileName(_ prefix: String) -> String {
        prefix.unicodeScalars.map { scalar in
            ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) ? String(scalar) : "_" + String(scalar.value, radix: 16)
        }.joined()
    }
}

/// JSON (inside JavaScript) written straight into bytes.
struct JSONBytes {
    private(set) var bytes: [UInt8] = []

    var data: Data { Data(bytes) }

    mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }

    mutating func number(_ value: Int) { bytes.append(contentsOf: String(value).utf8) }

    /// A JSON string in which "<" never appears raw, so no text can close a script element.
    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": bytes.append(contentsOf: [92, 34])
            case "\\": bytes.append(contentsOf: [92, 92])
            case "<": bytes.append(contentsOf: Array("\\u003c".utf8))
            case "\n": bytes.append(contentsOf: [92, 110])
            case "\r": bytes.append(contentsOf: [92, 114])
            case "\t": bytes.append(contentsOf: [92, 116])
            case "\u{2028}": bytes.append(contentsOf: Array("\\u2028".utf8))
            case "\u{2029}": bytes.append(contentsOf: Array("\\u2029".utf8))
            default:
                if scalar.value < 0x20 {
                    bytes.append(contentsOf: Array(String(format: "\\u%04x", scalar.value).utf8))
                } else {
                    bytes.append(contentsOf: String(scalar).utf8)
                }
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}

/// Lets parallel loops fill distinct slots of one buffer.
struct UnsafeSlots<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element>
    init(_ buffer: UnsafeMutableBufferPointer<Element>) { self.buffer = buffer }
    subscript(index: Int) -> Element {
        get { buffer[index] }
        nonmutating set { buffer[index] = newValue }
    }
}
