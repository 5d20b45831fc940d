/// One page as the index needs it: what a result shows and the page's words with their scores.
/// Worked out while the page is rendered (in parallel), and kept between builds so a page that did
/// not change need not be read again.
public struct IndexedPage: Sendable, Equatable {
    public var url: String
    public var title: String
    public var kind: String
    /// The start of the page's text, for the result's snippet.
    public var excerpt: String
    /// The page's words by hash, and their scores (at most 255: a page's weight times title,
    /// heading and text counts stays far below), in two arrays: 9 bytes a word instead of 16.
    private var hashes: [UInt64]
    private var scores: [UInt8]

    public var words: [Word] { zip(hashes, scores).map { Word(hash: $0, score: Int($1)) } }
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

    public init(url: String, title: String, kind: String, excerpt: String, words: [Word]) {
        self.url = url
        self.title = title
        self.kind = kind
        self.excerpt = excerpt
        self.hashes = words.map(\.hash)
        self.scores = words.map { UInt8(clamping: $0.score) }
    }

    /// Calls `body` with each word's hash and score.
    public func forEachWord(_ body: (UInt64, Int) -> Void) {
        for index in hashes.indices { body(hashes[index], Int(scores[index])) }
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
