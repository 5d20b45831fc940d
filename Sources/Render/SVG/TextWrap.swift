/// Text broken into lines for a picture's boxes, which SVG does not wrap by itself.
enum TextWrap {
    /// Words on lines of at most `width` characters; a word of its own may take a quarter more
    /// (the boxes leave room for it), and a longer one (Swedish compounds are long) is broken with
    /// a hyphen. Nothing is left out: the box grows to hold every line.
    static func lines(_ text: String, width: Int) -> [String] {
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
                lines.append(word.prefix(width - 1) + "-")
                word = word.dropFirst(width - 1)
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
}
