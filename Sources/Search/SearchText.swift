import Markup
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
    /// tables of contents, pagers) are left out. One pass over the bytes.
    public static func extract(fromHTML html: String) -> (headings: [String], text: String) {
        var html = html
        return html.withUTF8 { bytes -> ([String], String) in
            let count = bytes.count
            var start = 0, end = count
            if let main = ByteSearch.find("<main", in: bytes) { start = main }
            // `</main>` stands near the end, after the whole text: it is sought from there.
            if let close = ByteSearch.findLast("</main>", in: bytes, after: start) { end = close }
            var text = Collector(capacity: end - start)
            var heading: Collector?
            var headings: [String] = []
            var skipDepth = 0
            var i = start
            while i < end {
                let byte = bytes[i]
                if byte == UInt8(ascii: "<") {
                    var j = i + 1
                    while j < end && bytes[j] != UInt8(ascii: ">") { j += 1 }
                    let closing = i + 1 < end && bytes[i + 1] == UInt8(ascii: "/")
                    var k = i + (closing ? 2 : 1)
                    let nameStart = k
                    while k < j, isNameByte(bytes[k]) { k += 1 }
                    let name = Tag(bytes, nameStart, k)
                    if name.isSkipped {
                        skipDepth = closing ? max(0, skipDepth - 1) : skipDepth + 1
                    } else if skipDepth == 0 {
                        if name.isHeading {
                            if closing {
                                if let finished = heading?.text, !finished.isEmpty { headings.append(finished) }
                                heading = nil
                            } else {
                                heading = Collector()
                            }
                        }
                        if name.breaksText { text.space() }
                    }
                    i = j + 1
                    continue
                }
                if skipDepth == 0 {
                    // No-break spaces (U+00A0, U+202F) are white space too.
                    if byte == 0xC2, i + 1 < end, bytes[i + 1] == 0xA0 {
                        text.space(); heading?.space(); i += 2; continue
                    }
                    if byte == 0xE2, i + 2 < end, bytes[i + 1] == 0x80, bytes[i + 2] == 0xAF {
                        text.space(); heading?.space(); i += 3; continue
                    }
                    if byte == UInt8(ascii: "&"), let (decoded, length) = entity(bytes, i, end) {
                        text.append(decoded)
                        heading?.append(decoded)
                        i += length
                        continue
                    }
                    text.byte(byte)
                    heading?.byte(byte)
                }
                i += 1
            }
            return (headings, text.text)
        }
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90) || (byte >= 48 && byte <= 57)
    }

    /// A tag's name, compared without making a string of it.
    private struct Tag {
        let isSkipped: Bool
        let isHeading: Bool
        let breaksText: Bool

        init(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
            func lower(_ index: Int) -> UInt8 { bytes[index] | 0x20 }
            let length = end - start
            func equals(_ name: StaticString) -> Bool {
                guard name.utf8CodeUnitCount == length else { return false }
                for offset in 0..<length where lower(start + offset) != name.utf8Start[offset] { return false }
                return true
            }
            // A page's `<footer>` (its date and contact, the same on many pages) says nothing of what it is about.
            isSkipped = equals("svg") || equals("script") || equals("style") || equals("nav") || equals("footer")
            isHeading = length == 2 && lower(start) == UInt8(ascii: "h") && (49...52).contains(bytes[start + 1])
            breaksText =
                isHeading || equals("p") || equals("li") || equals("br") || equals("td") || equals("th")
                || equals("tr") || equals("dd") || equals("dt") || equals("div")
        }
    }

    private static let entities: [(StaticString, [UInt8])] = [
        ("&amp;", [38]), ("&lt;", [60]), ("&gt;", [62]), ("&quot;", [34]),
        ("&#39;", [39]), ("&nbsp;", [32]),
    ]

    private static func entity(_ bytes: UnsafeBufferPointer<UInt8>, _ at: Int, _ end: Int) -> ([UInt8], Int)? {
        for (name, value) in entities {
            let length = name.utf8CodeUnitCount
            guard at + length <= end else { continue }
            var same = true
            for offset in 0..<length where bytes[at + offset] != name.utf8Start[offset] { same = false; break }
            if same { return (value, length) }
        }
        return nil
    }

    /// Text with runs of white space (and no-break spaces) folded to one space.
    private struct Collector {
        var bytes: [UInt8] = []
        var pendingSpace = false

        init(capacity: Int = 64) { bytes.reserveCapacity(capacity) }

        mutating func space() { pendingSpace = !bytes.isEmpty }

        mutating func byte(_ byte: UInt8) {
            if byte == 32 || byte == 10 || byte == 9 || byte == 13 { space(); return }
            if pendingSpace { bytes.append(32); pendingSpace = false }
            bytes.append(byte)
        }

        mutating func append(_ decoded: [UInt8]) {
            for byte in decoded { self.byte(byte) }
        }

        var text: String { String(decoding: bytes, as: UTF8.self) }
    }
}
