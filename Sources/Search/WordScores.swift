import Markup

/// Counts a page's words without making a string of each occurrence: words are found in the
/// UTF-8 bytes, lowercased into a scratch buffer and counted in an open-addressing table keyed by
/// a 64-bit FNV-1a hash of their bytes (stable across runs, unlike Swift's seeded Hasher, and
/// already random enough to index the table with).
enum WordScores {
    /// A page defines the words of its title and headings and its lead (summary) sums it up; the
    /// rest of its text merely mentions words, and mentioning one often does not make a page
    /// about it. So a word in the title counts 12, in a heading 6 (at most twice), in the lead 4,
    /// and each mention in the text 1 (at most 4).
    static let title = (weight: Int32(12), cap: Int32(1))
    static let headings = (weight: Int32(6), cap: Int32(2))
    static let lead = (weight: Int32(4), cap: Int32(1))
    static let text = (weight: Int32(1), cap: Int32(4))

    /// The page's words and scores; words not met before go into `vocabulary`.
    static func of(_ document: SearchDocument, vocabulary: Vocabulary) -> [IndexedPage.Word] {
        // Distinct words, roughly: a page repeats most of its words, and the table grows when it must.
        var table = WordTable(expected: document.text.utf8.count / 24 + 64)
        table.add(document.title, weight: title.weight, cap: title.cap)
        table.add(document.headings.joined(separator: " "), weight: headings.weight, cap: headings.cap)
        table.add(document.lead, weight: lead.weight, cap: lead.cap)
        table.add(document.text, weight: text.weight, cap: text.cap)
        return table.scores(weight: document.weight, vocabulary: vocabulary)
    }
}

/// Words of one page: for each, its hash, where its bytes are, its score so far, and how often
/// the part being read (title, headings, text) has had it, since each part counts only up to a cap.
/// `slots` numbers the words in the order they were first met; the arrays are by that number.
private struct WordTable {
    private var slots: HashSlots
    private var hashes: [UInt64] = []
    private var scores: [Int32] = []
    private var partCounts: [Int32] = []
    private var parts: [Int8] = []
    private var wordStart: [Int32] = []
    private var wordLength: [Int32] = []
    private var part: Int8 = 0
    /// The lowercase bytes of every distinct word, one after the other.
    private var bytes: [UInt8] = []

    init(expected: Int) {
        slots = HashSlots(capacity: max(128, expected))
        hashes.reserveCapacity(expected)
        scores.reserveCapacity(expected)
        partCounts.reserveCapacity(expected)
        parts.reserveCapacity(expected)
        wordStart.reserveCapacity(expected)
        wordLength.reserveCapacity(expected)
        bytes.reserveCapacity(expected * 8)
    }

    mutating func add(_ text: String, weight: Int32, cap: Int32) {
        part += 1
        var text = text
        // The word so far: its lowercase bytes (only the first 64 are kept; longer words are not
        // counted) and their FNV-1a hash, worked out as the bytes come.
        var word = Word()
        text.withUTF8 { source in
            var i = 0
            while i < source.count {
                let byte = source[i]
                if byte < 0x80 {
                    if (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57) {
                        word.push(byte)
                    } else if byte >= 65 && byte <= 90 {
                        word.push(byte + 32)
                    } else if word.length > 0 {
                        count(&word, weight: weight, cap: cap)
                    }
                    i += 1
                    continue
                }
                // Latin-1 letters (å, ä, ö, é, …) directly: Unicode's property tables are slow.
                if (byte == 0xC3), i + 1 < source.count {
                    let value = 0xC0 | (source[i + 1] & 0x3F)
                    if value != 0xD7 && value != 0xF7 {
                        let lower = value <= 0xDE && value != 0xDF ? value + 0x20 : value
                        word.push(0xC3)
                        word.push(0x80 | (lower & 0x3F))
                    } else if word.length > 0 {
                        count(&word, weight: weight, cap: cap)
                    }
                    i += 2
                    continue
                }
                // Another multi-byte scalar: part of a word if it is a letter or digit.
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                guard i + length <= source.count else { break }
                var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for k in 1..<length { value = (value << 6) | (UInt32(source[i + k]) & 0x3F) }
                if let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                    let lower = scalar.properties.isUppercase ? scalar.properties.lowercaseMapping.unicodeScalars : nil
                    if let lower, lower.count == 1, let first = lower.first {
                        UTF8.encode(first) { word.push($0) }
                    } else {
                        for k in 0..<length { word.push(source[i + k]) }
                    }
                } else if word.length > 0 {
                    count(&word, weight: weight, cap: cap)
                }
                i += length
            }
        }
        if word.length > 0 { count(&word, weight: weight, cap: cap) }
    }

    private struct Word {
        static let kept = 64
        var bytes = (UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        var length = 0
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325

        mutating func push(_ byte: UInt8) {
            if length < Self.kept {
                withUnsafeMutableBytes(of: &bytes) { $0[length] = byte }
            }
            length += 1
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }

        mutating func reset() {
            length = 0
            hash = 0xcbf2_9ce4_8422_2325
        }
    }

    private mutating func count(_ word: inout Word, weight: Int32, cap: Int32) {
        defer { word.reset() }
        guard word.length >= 2 && word.length <= 60 else { return }
        let (number, inserted) = slots.insert(word.hash)
        if inserted {
            hashes.append(word.hash)
            scores.append(0)
            partCounts.append(0)
            parts.append(-1)
            wordStart.append(Int32(bytes.count))
            wordLength.append(Int32(word.length))
            withUnsafeBytes(of: word.bytes) { bytes.append(contentsOf: $0.prefix(word.length)) }
        }
        if parts[number] != part { parts[number] = part; partCounts[number] = 0 }
        partCounts[number] += 1
        if partCounts[number] <= cap { scores[number] += weight }
    }

    func scores(weight: Double, vocabulary: Vocabulary) -> [IndexedPage.Word] {
        var result: [IndexedPage.Word] = []
        result.reserveCapacity(hashes.count)
        // The word's text is made from a pointer: a closure that read `bytes` would copy the whole table.
        bytes.withUnsafeBufferPointer { text in
            for number in hashes.indices {
                let raw = Int(scores[number])
                let score = weight == 1 ? raw : max(1, Int((Double(raw) * weight).rounded()))
                let word = UnsafeBufferPointer(rebasing: text[Int(wordStart[number])..<Int(wordStart[number]) + Int(wordLength[number])])
                vocabulary.register(hashes[number]) { String(decoding: word, as: UTF8.self) }
                result.append(IndexedPage.Word(hash: hashes[number], score: score))
            }
        }
        return result
    }
}
