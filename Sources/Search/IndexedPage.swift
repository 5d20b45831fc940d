/// One page as the index needs it: what a result shows and the page's words with their scores.
/// Worked out while the page is rendered (in parallel), and kept between builds so a page that did
/// not change need not be read again.
public struct IndexedPage: Sendable, Equatable {
    public var url: String
    public var title: String
    public var kind: String
    /// The start of the page's text, for the result's snippet.
    public var excerpt: String
    public var words: [Word]

    /// A word by the stable hash of its lowercase bytes; `Vocabulary` has its text.
    public struct Word: Sendable, Equatable {
        public var hash: UInt64
        private var storedScore: Int32
        public var score: Int { Int(storedScore) }

        public init(hash: UInt64, score: Int) {
            self.hash = hash
            self.storedScore = Int32(clamping: score)
        }
    }

    public init(url: String, title: String, kind: String, excerpt: String, words: [Word]) {
        self.url = url
        self.title = title
        self.kind = kind
        self.excerpt = excerpt
        self.words = words
    }

    /// The first `excerptLength` characters. Counting characters means finding grapheme breaks,
    /// which is slow; where the text starts with plain ASCII (no CR) each byte is one character.
    static func excerpt(of text: String) -> String {
        let length = SearchIndex.excerptLength
        let utf8 = text.utf8
        if utf8.count <= length { return text }
        let end = utf8.index(utf8.startIndex, offsetBy: length)
        // Byte `length` must also be ASCII: a combining mark after it would join the last character.
        if utf8[...end].allSatisfy({ $0 < 0x80 && $0 != 13 }) { return String(text[..<end]) }
        return String(text.prefix(length))
    }

    /// The page's entry; words it is the first to have go into `vocabulary`.
    public init(_ document: SearchDocument, vocabulary: Vocabulary = .shared) {
        self.init(url: document.url, title: document.title, kind: document.kind,
                  excerpt: Self.excerpt(of: document.text),
                  words: WordScores.of(document, vocabulary: vocabulary).map { Word(hash: $0.hash, score: $0.score) })
    }
}
