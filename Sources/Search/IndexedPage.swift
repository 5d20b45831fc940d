/// One page as the index needs it: what a result shows and the page's words with their scores.
/// Worked out while the page is rendered (in parallel), and kept between builds so a page that did
/// not change need not be read again.
public struct IndexedPage: Sendable, Equatable {
    public var url: String
    public var title: String
    public var kind: String
    /// The part of the site it belongs to, which the search page filters by.
    public var group: String
    /// The start of the page's prose, for the result's snippet.
    public var excerpt: String
    /// The page's words by hash, and their scores (at most 255: a word scores at most 32 before the
    /// page's weight, which is at most 5 × 1.5, see `SearchGroup.weights`), in two arrays: 9 bytes
    /// a word instead of 16.
    private var hashes: [UInt64]
    private var scores: [UInt8]

    public var wordCount: Int { hashes.count }

    /// A word by the stable hash of its lowercase bytes; `Vocabulary` has its text.
    public struct Word: Sendable, Equatable {
        public var hash: UInt64
        public var score: Int

        public init(hash: UInt64, score: Int) {
            self.hash = hash
            self.score = score
        }
    }

    public init(url: String, title: String, kind: String, group: String, excerpt: String, words: [Word]) {
        self.url = url
        self.title = title
        self.kind = kind
        self.group = group
        self.excerpt = excerpt
        self.hashes = words.map(\.hash)
        self.scores = words.map { UInt8(clamping: $0.score) }
    }

    /// Calls `body` with each word's hash and score.
    public func forEachWord(_ body: (UInt64, Int) -> Void) {
        for index in hashes.indices { body(hashes[index], Int(scores[index])) }
    }

    /// The first `excerptLength` characters. Counting characters means finding grapheme breaks,
    /// which is slow; where the text starts with scalars below U+0300 (ASCII, Latin-1 and Latin
    /// Extended: Swedish, without combining marks) other than CR, each scalar is one character.
    static func excerpt(of text: String) -> String {
        let length = SearchIndex.excerptLength
        let utf8 = text.utf8
        if utf8.count <= length { return text }
        var scalars = 0
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte & 0xC0 != 0x80 {
                // The scalar after the last one counted must be simple too: a combining mark would join it.
                guard (byte < 0x80 && byte != 13) || (0xC2...0xCB).contains(byte) else { return String(text.prefix(length)) }
                if scalars == length { return String(text[..<index]) }
                scalars += 1
            }
            index = utf8.index(after: index)
        }
        return text
    }

    /// The page's entry; words it is the first to have go into `vocabulary`.
    public init(_ document: SearchDocument, vocabulary: Vocabulary = .shared) {
        self.init(
            url: document.url, title: document.title, kind: document.kind, group: document.group,
            excerpt: Self.excerpt(of: document.prose),
            words: WordScores.of(document, vocabulary: vocabulary))
    }
}
