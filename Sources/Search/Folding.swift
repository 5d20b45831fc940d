/// How search compares words: lowercase, and letters with diacritics also match their base letter,
/// so "hjalp" finds "hjälp". search.js folds the same way (keep the two in step).
public enum Folding {
    public static func fold(_ word: some StringProtocol) -> String {
        var out = ""
        out.reserveCapacity(word.utf8.count)
        for scalar in word.lowercased().unicodeScalars {
            switch scalar {
            case "å", "ä", "á", "à", "â", "ã": out += "a"
            case "ö", "ó", "ò", "ô", "õ", "ø": out += "o"
            case "é", "è", "ê", "ë": out += "e"
            case "ü", "ú", "ù", "û": out += "u"
            case "í", "ì", "î", "ï": out += "i"
            case "ç": out += "c"
            case "ñ": out += "n"
            case "æ": out += "ae"
            case "ß": out += "ss"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Calls `body` with each run of letters and digits, without copying the text.
    public static func forEachWord(in text: String, _ body: (Substring) -> Void) {
        let utf8 = text.utf8
        var start: String.Index?
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            var isWord: Bool
            var next = utf8.index(after: index)
            if byte < 0x80 {
                isWord = (byte >= 48 && byte <= 57) || (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90)
            } else {
                let scalarIndex = index
                let scalar = text.unicodeScalars[scalarIndex]
                isWord = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                next = text.unicodeScalars.index(after: scalarIndex)
            }
            if isWord {
                if start == nil { start = index }
            } else if let begin = start {
                body(text[begin..<index])
                start = nil
            }
            index = next
        }
        if let begin = start { body(text[begin..<utf8.endIndex]) }
    }

    /// The words of a text: runs of letters and digits, lowercased (not folded).
    public static func words(_ text: some StringProtocol) -> [Substring] {
        var words: [Substring] = []
        let string = Substring(text)
        var start: Substring.Index?
        var index = string.startIndex
        while index < string.endIndex {
            let character = string[index]
            if character.isLetter || character.isNumber {
                if start == nil { start = index }
            } else if let begin = start {
                words.append(string[begin..<index])
                start = nil
            }
            index = string.index(after: index)
        }
        if let begin = start { words.append(string[begin...]) }
        return words
    }
}
