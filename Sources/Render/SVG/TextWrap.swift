import Hyphenation

/// Text broken into lines for a picture's boxes, which SVG does not wrap by itself.
enum TextWrap {
    /// Words on lines of at most `width` characters; a word of its own may take a quarter more
    /// (the boxes leave room for it), and a longer one (Swedish compounds are long) is broken with
    /// a hyphen: where `hyphenator`'s dictionary allows, as late as fits, else after `width - 1`
    /// characters. Nothing is left out: the box grows to hold every line.
    static func lines(_ text: String, width: Int, hyphenator: Hyphenator? = nil) -> [String] {
        let longest = width + width / 4
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            var word = Substring(word)
            while word.count > longest {
                if !current.isEmpty {
                    lines.append(current)
                    current = ""
                }
                let head = breakPoint(of: word, within: width - 1, hyphenator: hyphenator)
                lines.append(word.prefix(head) + "-")
                word = word.dropFirst(head)
            }
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// How many characters of `word` go before its hyphen: the latest of the dictionary's points
    /// that leaves at most `limit`, or `limit` when there is none.
    private static func breakPoint(of word: Substring, within limit: Int, hyphenator: Hyphenator?) -> Int {
        guard let hyphenator else { return limit }
        var best: Int?
        var letters = 0
        for character in hyphenator.hyphenate(String(word)) {
            if character == "\u{AD}" {
                if letters <= limit { best = letters }
            } else {
                letters += 1
            }
        }
        return best ?? limit
    }
}
