/// A word of a page and its score.
struct WordScore {
    var hash: UInt64
    /// The word in lowercase; filled in only the first time a page has the word (the rest reuse it).
    var word: String
    var score: Int
}

/// Counts a page's words without making a string of each occurrence: words are found in the
/// UTF-8 bytes, lowercased into a scratch buffer and counted by a 64-bit hash of their bytes.
enum WordScores {
    static func of(_ document: SearchDocument) -> [WordScore] {
        var table: [UInt64: (word: [UInt8], score: Int)] = [:]
        add(document.title, weight: 10, cap: 2, into: &table)
        add(document.headings.joined(separator: " "), weight: 4, cap: 3, into: &table)
        add(document.text, weight: 1, cap: 10, into: &table)
        return table.map { hash, entry in
            let score = document.weight == 1 ? entry.score : max(1, Int((Double(entry.score) * document.weight).rounded()))
            return WordScore(hash: hash, word: String(decoding: entry.word, as: UTF8.self), score: score)
        }
    }

    private static func add(_ text: String, weight: Int, cap: Int, into table: inout [UInt64: (word: [UInt8], score: Int)]) {
        var counts: [UInt64: (word: [UInt8], count: Int)] = [:]
        var text = text
        text.withUTF8 { bytes in
            var word: [UInt8] = []
            word.reserveCapacity(32)
            var i = 0
            func finish() {
                if word.count >= 2 && word.count <= 60 {
                    let hash = fnv(word)
                    if let existing = counts[hash] { counts[hash] = (existing.word, existing.count + 1) } else { counts[hash] = (word, 1) }
                }
                word.removeAll(keepingCapacity: true)
            }
            while i < bytes.count {
                let byte = bytes[i]
                if byte < 0x80 {
                    if (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57) {
                        word.append(byte)
                    } else if byte >= 65 && byte <= 90 {
                        word.append(byte + 32)
                    } else if !word.isEmpty {
                        finish()
                    }
                    i += 1
                    continue
                }
                // A multi-byte scalar: part of a word if it is a letter or digit.
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                guard i + length <= bytes.count else { break }
                var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for k in 1..<length { value = (value << 6) | (UInt32(bytes[i + k]) & 0x3F) }
                if let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                    if scalar.properties.isUppercase, let lower = scalar.properties.lowercaseMapping.unicodeScalars.first, scalar.properties.lowercaseMapping.unicodeScalars.count == 1 {
                        UTF8.encode(lower) { word.append($0) }
                    } else {
                        for k in 0..<length { word.append(bytes[i + k]) }
                    }
                } else if !word.isEmpty {
                    finish()
                }
                i += length
            }
            if !word.isEmpty { finish() }
        }
        for (hash, entry) in counts {
            let score = min(cap, entry.count) * weight
            if let existing = table[hash] { table[hash] = (existing.word, existing.score + score) } else { table[hash] = (entry.word, score) }
        }
    }

    /// FNV-1a, 64 bits: stable across runs (Swift's Hasher is seeded per process).
    static func fnv(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
