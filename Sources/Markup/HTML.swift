/// Escaping for text that goes into HTML: the site's pages, the SVG drawn inside them and the
/// annual report exported as HTML. Quotes are escaped too, so the same text is safe in an attribute.
public enum HTML {
    /// Inlinable: it is called for every text of every page, and a generic function called across
    /// modules without it runs unspecialised, several times slower.
    @inlinable
    public static func escape(_ text: some StringProtocol) -> String {
        // Most text has nothing to escape.
        if !text.utf8.contains(where: { $0 == 38 || $0 == 60 || $0 == 62 || $0 == 34 || $0 == 39 }) { return String(text) }
        return substituting(text) { scalar in
            switch scalar {
            case "&": "&amp;"
            case "<": "&lt;"
            case ">": "&gt;"
            case "\"": "&quot;"
            case "'": "&#39;"
            default: nil
            }
        }
    }

    /// `name="value"` with the value escaped.
    @inlinable
    public static func attribute(_ name: String, _ value: String) -> String {
        "\(name)=\"\(escape(value))\""
    }
}

/// Escaping for text in XML documents that are not HTML (the parts of a Word file).
public enum XML {
    /// `&`, `<`, `>` and `"` as entities; control characters XML 1.0 forbids (all below U+0020
    /// but tab, line feed and carriage return) are left out, since no entity may stand for them.
    public static func escape(_ text: String) -> String {
        substituting(text) { scalar in
            switch scalar {
            case "&": "&amp;"
            case "<": "&lt;"
            case ">": "&gt;"
            case "\"": "&quot;"
            case "\t", "\n", "\r": nil
            default: scalar.value < 0x20 ? "" : nil
            }
        }
    }
}

/// Escaping for addresses in links (`href`, `src`, a feed's ids).
public enum Href {
    /// Percent-encodes what may not stand in an href as it is (spaces, `#`, `?`, `%`, quotes and
    /// angle brackets); non-ASCII stays readable, as browsers encode it themselves.
    @inlinable
    public static func escape(_ path: String) -> String {
        if !path.utf8.contains(where: { [32, 35, 63, 37, 34, 60, 62].contains($0) }) { return path }
        return substituting(path) { scalar in
            switch scalar {
            case " ": "%20"
            case "#": "%23"
            case "?": "%3F"
            case "%": "%25"
            case "\"": "%22"
            case "<": "%3C"
            case ">": "%3E"
            default: nil
            }
        }
    }

    /// Percent-encodes a value for a URL's query (RFC 3986's unreserved characters stay, every
    /// other byte of its UTF-8 is `%XX`), so that `&`, `=`, `?`, `#`, spaces and å reach the
    /// receiver as written: a mailto: link's subject (RFC 6068).
    public static func queryValue(_ value: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(value.utf8.count * 3)
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.append(byte)
            default:
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 15)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Escaping for text in Markdown (the annual report exported as Markdown).
public enum MarkdownText {
    /// Backslashes the characters that would otherwise start Markdown syntax.
    public static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\`*_[]<>#|".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }
}

/// `text` with every scalar that `replacement` has a text for replaced by that text (the
/// escapers above differ only in their tables).
@inlinable
func substituting(_ text: some StringProtocol, _ replacement: (Unicode.Scalar) -> String?) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count + 16)
    for scalar in text.unicodeScalars {
        if let replaced = replacement(scalar) { out += replaced } else { out.unicodeScalars.append(scalar) }
    }
    return out
}
