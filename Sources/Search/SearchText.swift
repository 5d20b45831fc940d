import Foundation

/// A page as the search index sees it.
public struct SearchDocument: Sendable, Codable, Equatable {
    public var url: String
    public var title: String
    /// What kind of page it is, in the site's language ("Steg", "Enhet", …), shown with results.
    public var kind: String
    public var headings: [String]
    public var text: String
    /// Ranks the page above (more than 1) or below (less than 1) others with the same words:
    /// the handbook's guidance before generated data pages, a unit's latest year before earlier ones.
    public var weight: Double

    public init(url: String, title: String, kind: String, headings: [String], text: String, weight: Double = 1) {
        self.url = url
        self.title = title
        self.kind = kind
        self.headings = headings
        self.text = text
        self.weight = weight
    }
}

/// The readable text of a built page: what the page shows inside `<main>`, so the index can never
/// hold more than readers see (no suppressed numbers, no names in a public build).
public enum SearchText {
    /// Text and headings inside `<main>`; SVG, scripts, styles and navigation (breadcrumbs,
    /// tables of contents, pagers) are left out.
    public static func extract(fromHTML html: String) -> (headings: [String], text: String) {
        let bytes = Array(html.utf8)
        var start = 0, end = bytes.count
        if let main = find(Array("<main".utf8), in: bytes, from: 0) { start = main }
        if let close = find(Array("</main>".utf8), in: bytes, from: start) { end = close }
        var text: [UInt8] = []
        var headings: [String] = []
        var heading: [UInt8]?
        var skipDepth = 0
        var i = start
        while i < end {
            if bytes[i] == UInt8(ascii: "<") {
                var j = i + 1
                while j < end && bytes[j] != UInt8(ascii: ">") { j += 1 }
                var k = i + 1
                while k < j && bytes[k] != UInt8(ascii: " ") && bytes[k] != UInt8(ascii: "\n") && bytes[k] != UInt8(ascii: "/") || (k == i + 1 && k < j && bytes[k] == UInt8(ascii: "/")) { k += 1 }
                let name = String(decoding: bytes[(i + 1)..<k], as: UTF8.self).lowercased()
                switch name {
                case "svg", "script", "style", "nav": skipDepth += 1
                case "/svg", "/script", "/style", "/nav": skipDepth = max(0, skipDepth - 1)
                case "h1", "h2", "h3", "h4": if skipDepth == 0 { heading = [] }
                case "/h1", "/h2", "/h3", "/h4":
                    if let h = heading { headings.append(clean(h)) }
                    heading = nil
                default: break
                }
                if skipDepth == 0 && ["p", "/p", "li", "br", "/h1", "/h2", "/h3", "/h4", "td", "th", "/tr", "dd", "dt", "/div"].contains(name) {
                    text.append(UInt8(ascii: " "))
                }
                i = j + 1
                continue
            }
            var j = i
            while j < end && bytes[j] != UInt8(ascii: "<") { j += 1 }
            if skipDepth == 0 {
                text.append(contentsOf: bytes[i..<j])
                heading?.append(contentsOf: bytes[i..<j])
            }
            i = j
        }
        return (headings.filter { !$0.isEmpty }, clean(text))
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        var i = from
        while i + needle.count <= bytes.count {
            if bytes[i] == needle[0] && Array(bytes[i..<(i + needle.count)]) == needle { return i }
            i += 1
        }
        return nil
    }

    private static func clean(_ bytes: [UInt8]) -> String {
        collapseWhitespace(decodeEntities(String(decoding: bytes, as: UTF8.self)))
    }

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&nbsp;", with: " ").replacingOccurrences(of: "&amp;", with: "&")
    }

    static func collapseWhitespace(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var space = true
        for scalar in text.unicodeScalars {
            if scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" || scalar == "\u{00A0}" || scalar == "\u{202F}" {
                if !space { out.append(" "); space = true }
            } else {
                out.unicodeScalars.append(scalar)
                space = false
            }
        }
        return out.trimmingCharacters(in: .whitespaces)
    }
}
