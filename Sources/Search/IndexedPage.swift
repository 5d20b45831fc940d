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

    public struct Word: Sendable, Equatable {
        /// A stable hash of the word's lowercase bytes.
        public var hash: UInt64
        /// The word in lowercase, as the page writes it.
        public var text: String
        public var score: Int

        public init(hash: UInt64, text: String, score: Int) {
            self.hash = hash
            self.text = text
            self.score = score
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

    public init(_ document: SearchDocument) {
        self.init(url: document.url, title: document.title, kind: document.kind,
                  excerpt: Self.excerpt(of: document.text),
                  words: WordScores.of(document).map { Word(hash: $0.hash, text: $0.word, score: $0.score) })
    }
}
