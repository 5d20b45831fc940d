import Markup
import Foundation

/// A page as the search index sees it.
public struct SearchDocument: Sendable, Codable, Equatable {
    public var url: String
    public var title: String
    /// What kind of page it is, in the site's language ("Steg", "Enhet", …), shown with results.
    public var kind: String
    /// Which part of the site it belongs to (the raw value of Model's `SearchGroup`): what the search page filters by.
    public var group: String
    public var headings: [String]
    /// The page's lead (its summary, shown under the title): weighed like a heading.
    public var lead: String
    public var text: String
    /// The page's prose (paragraphs and list items, not tables, figures, forms or navigation):
    /// where a result's snippet comes from.
    public var prose: String
    /// Ranks the page above (more than 1) or below (less than 1) others with the same words:
    /// the handbook's guidance before generated data pages, a unit's latest year before earlier ones.
    public var weight: Double

    public init(
        url: String, title: String, kind: String, group: String = "", headings: [String], lead: String = "",
        text: String, prose: String? = nil, weight: Double = 1
    ) {
        self.url = url
        self.title = title
        self.kind = kind
        self.group = group
        self.headings = headings
        self.lead = lead
        self.text = text
        self.prose = prose ?? text
        self.weight = weight
    }
}

/// The readable text of a built page: what the page shows inside `<main>`, so the index can never
/// hold more than readers see (no suppressed numbers, no names in a public build).
public enum SearchText {
    /// What the index takes from a page.
    public struct Extracted: Sendable, Equatable {
        public var headings: [String]
        /// The text of the `<p class="lead">` (the page's summary), if any.
        public var lead: String
        /// All the readable text.
        public var text: String
        /// Text of paragraphs, list items, definitions and quotes outside tables, figures and forms
        /// (and not the `eyebrow` line above a title): a snippet taken from it never shows a chart's
        /// axis, a table of numbers or a menu. Only its start is kept, as much as an excerpt takes.
        public var prose: String
    }

    /// Text and headings inside `<main>`; SVG, scripts, styles and navigation (breadcrumbs,
    /// tables of contents, pagers) are left out. One pass over the bytes.
    public static func extract(fromHTML html: String) -> Extracted {
        var html = html
        return html.withUTF8 { bytes -> Extracted in
            let count = bytes.count
            var start = 0, end = count
            if let main = ByteSearch.find("<main", in: bytes) { start = main }
            // `</main>` stands near the end, after the whole text: it is sought from there.
            if let close = ByteSearch.findLast("</main>", in: bytes, after: start) { end = close }
            let text = Collector(capacity: end - start)
            // Only the excerpt's worth is kept (two bytes a character: Swedish text; text in other
            // scripts gets a shorter excerpt): collecting a page's whole prose would double the cost.
            let prose = Collector(capacity: end - start, limit: SearchIndex.excerptLength * 2)
            let lead = Collector()
            var heading: Collector?
            var headings: [String] = []
            var skipDepth = 0, notProseDepth = 0, proseDepth = 0, legendDepth = 0
            var inLead = false, inEyebrow = false
            var i = start
            while i < end {
                let byte = bytes[i]
                if byte == UInt8(ascii: "<") {
                    let j = ByteSearch.find(UInt8(ascii: ">"), in: bytes, from: i + 1, before: end) ?? end
                    let closing = i + 1 < end && bytes[i + 1] == UInt8(ascii: "/")
                    var k = i + (closing ? 2 : 1)
                    let nameStart = k
                    while k < j, isNameByte(bytes[k]) { k += 1 }
                    let name = Tag(bytes, nameStart, k)
                    if name.contains(.skipped) {
                        skipDepth = closing ? max(0, skipDepth - 1) : skipDepth + 1
                    } else if skipDepth == 0 && !name.isEmpty {
                        if name.contains(.heading) {
                            if closing {
                                if let finished = heading?.text, !finished.isEmpty { headings.append(finished) }
                                heading = nil
                            } else {
                                heading = Collector()
                            }
                        }
                        if name.contains(.notProse) { notProseDepth = closing ? max(0, notProseDepth - 1) : notProseDepth + 1 }
                        // A legend of symbols (`<ul class="legend-list">`) explains the page's tables, it says nothing itself.
                        if name.contains(.list) {
                            if closing {
                                legendDepth = max(0, legendDepth - 1)
                            } else if legendDepth > 0 || hasClass("legend-list", bytes, k, j) {
                                legendDepth += 1
                            }
                        }
                        if name.contains(.prose) {
                            proseDepth = closing ? max(0, proseDepth - 1) : proseDepth + 1
                            if name.contains(.paragraph) {
                                inLead = !closing && hasClass("lead", bytes, k, j)
                                // The line above a title (a step's place, a unit's department) is no prose.
                                inEyebrow = !closing && hasClass("eyebrow", bytes, k, j)
                            }
                        }
                        if name.contains(.breaksText) { text.space(); prose.space() }
                    }
                    i = j + 1
                    continue
                }
                if skipDepth > 0 {
                    // Inside a picture or a script nothing is text: on to the next tag.
                    i = ByteSearch.find(UInt8(ascii: "<"), in: bytes, from: i + 1, before: end) ?? end
                    continue
                }
                let inProse = proseDepth > 0 && notProseDepth == 0 && legendDepth == 0 && !inEyebrow
                if byte == 0xC2 || byte == 0xE2 || byte == UInt8(ascii: "&") {
                    // No-break spaces (U+00A0, U+202F) are white space too.
                    if byte == 0xC2, i + 1 < end, bytes[i + 1] == 0xA0 {
                        text.space(); heading?.space(); prose.space(); i += 2; continue
                    }
                    // Soft hyphens (U+00AD), which the build puts into long words, are no text:
                    // the index holds "förvaltning", as a reader types it.
                    if byte == 0xC2, i + 1 < end, bytes[i + 1] == 0xAD { i += 2; continue }
                    if byte == 0xE2, i + 2 < end, bytes[i + 1] == 0x80, bytes[i + 2] == 0xAF {
                        text.space(); heading?.space(); prose.space(); i += 3; continue
                    }
                    if byte == UInt8(ascii: "&"), let (decoded, length) = entity(bytes, i, end) {
                        text.append(decoded)
                        heading?.append(decoded)
                        if inProse { prose.append(decoded) }
                        if inLead { lead.append(decoded) }
                        i += length
                        continue
                    }
                    text.byte(byte)
                    heading?.byte(byte)
                    if inProse { prose.byte(byte) }
                    if inLead { lead.byte(byte) }
                    i += 1
                    continue
                }
                // Plain text up to the next byte that needs a look (a tag, an entity, a no-break or
                // soft hyphen): most of a page, taken a word at a time, each word scanned once for
                // all the collectors.
                while i < end {
                    let next = bytes[i]
                    if Collector.isSpace(next) {
                        text.space()
                        heading?.space()
                        if inProse { prose.space() }
                        if inLead { lead.space() }
                        i += 1
                        continue
                    }
                    if Self.endsWord(next) { break }
                    var wordEnd = i + 1
                    // The soft hyphens the build puts into long words stay inside the word.
                    var softHyphens = false
                    while wordEnd < end {
                        let byte = bytes[wordEnd]
                        if !Self.endsWord(byte) {
                            wordEnd += 1
                        } else if byte == 0xC2, wordEnd + 1 < end, bytes[wordEnd + 1] == 0xAD {
                            softHyphens = true
                            wordEnd += 2
                        } else {
                            break
                        }
                    }
                    let word = UnsafeBufferPointer(rebasing: bytes[i..<wordEnd])
                    text.word(word, softHyphens: softHyphens)
                    heading?.word(word, softHyphens: softHyphens)
                    if inProse { prose.word(word, softHyphens: softHyphens) }
                    if inLead { lead.word(word, softHyphens: softHyphens) }
                    i = wordEnd
                }
            }
            return Extracted(headings: headings, lead: lead.text, text: text.text, prose: prose.text)
        }
    }

    /// Whether the attributes between `from` and `to` give the element the class `name`.
    private static func hasClass(_ name: StaticString, _ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Bool {
        // Attributes are short, and most paragraphs have none: a plain scan of them.
        let attribute: StaticString = "class=\""
        let attributeLength = attribute.utf8CodeUnitCount
        var found: Int?
        var at = from
        while at + attributeLength <= to {
            if (0..<attributeLength).allSatisfy({ bytes[at + $0] == attribute.utf8Start[$0] }) { found = at; break }
            at += 1
        }
        guard let found else { return false }
        var i = found + attributeLength
        let length = name.utf8CodeUnitCount
        // Each class in turn, up to the closing quote.
        while i < to && bytes[i] != UInt8(ascii: "\"") {
            var j = i
            while j < to && bytes[j] != UInt8(ascii: " ") && bytes[j] != UInt8(ascii: "\"") { j += 1 }
            if j - i == length && (0..<length).allSatisfy({ bytes[i + $0] == name.utf8Start[$0] }) { return true }
            i = j < to && bytes[j] == UInt8(ascii: " ") ? j + 1 : j
        }
        return false
    }

    /// Whether `byte` ends a word of plain text: white space, or a byte the extraction looks at
    /// (a tag, an entity, the lead bytes of no-break spaces and soft hyphens).
    @inline(__always)
    private static func endsWord(_ byte: UInt8) -> Bool {
        // Letters and the bytes of other characters first: only two lead bytes above "@" need a look.
        if byte > UInt8(ascii: "@") { return byte == 0xC2 || byte == 0xE2 }
        return Collector.isSpace(byte) || byte == UInt8(ascii: "<") || byte == UInt8(ascii: "&")
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90) || (byte >= 48 && byte <= 57)
    }

    /// What a tag's name says to the extraction, told without making a string of it.
    private struct Tag: OptionSet {
        let rawValue: UInt8
        init(rawValue: UInt8) { self.rawValue = rawValue }

        /// Pictures, scripts, styles, navigation and a page's `<footer>` (its date and contact,
        /// the same on many pages): nothing in them says what the page is about.
        static let skipped = Tag(rawValue: 1 << 0)
        static let heading = Tag(rawValue: 1 << 1)
        static let breaksText = Tag(rawValue: 1 << 2)
        /// Paragraphs, list items, definitions and quotes: where prose is.
        static let prose = Tag(rawValue: 1 << 3)
        static let paragraph = Tag(rawValue: 1 << 4)
        static let list = Tag(rawValue: 1 << 5)
        /// Tables, figures and forms: no prose inside, even in their paragraphs.
        static let notProse = Tag(rawValue: 1 << 6)

        /// Every tag of every page is told here: the name's length picks the few names it can be.
        init(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
            func lower(_ index: Int) -> UInt8 { bytes[index] | 0x20 }
            func equals(_ name: StaticString) -> Bool {
                for offset in 0..<name.utf8CodeUnitCount where lower(start + offset) != name.utf8Start[offset] { return false }
                return true
            }
            switch end - start {
            case 1:
                self = equals("p") ? [.breaksText, .prose, .paragraph] : []
            case 2:
                if lower(start) == UInt8(ascii: "h") && (49...52).contains(bytes[start + 1]) {
                    self = [.heading, .breaksText]
                } else if equals("li") || equals("dd") || equals("dt") {
                    self = [.breaksText, .prose]
                } else if equals("br") || equals("td") || equals("th") || equals("tr") {
                    self = .breaksText
                } else {
                    self = equals("ul") || equals("ol") ? .list : []
                }
            case 3:
                self = equals("svg") || equals("nav") ? .skipped : equals("div") ? .breaksText : []
            case 4:
                self = equals("form") ? .notProse : []
            case 5:
                self = equals("style") ? .skipped : equals("table") || equals("label") ? .notProse : []
            case 6:
                if equals("script") || equals("footer") {
                    self = .skipped
                } else {
                    self = equals("figure") || equals("button") || equals("select") ? .notProse : []
                }
            case 8:
                self = equals("fieldset") ? .notProse : []
            case 10:
                self = equals("blockquote") ? .prose : []
            default:
                self = []
            }
        }
    }

    private static let entities: [(StaticString, [UInt8])] = [
        ("&amp;", [38]), ("&lt;", [60]), ("&gt;", [62]), ("&quot;", [34]),
        ("&#39;", [39]), ("&nbsp;", [32]), ("&shy;", []),
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
    ///
    /// A class over memory of its own: every word of every page is appended here, and an array's
    /// checks on each append cost as much as the scan.
    private final class Collector {
        private var base: UnsafeMutablePointer<UInt8>
        private var capacity: Int
        private var count = 0
        private var pendingSpace = false
        /// Bytes beyond this are dropped (the text never holds more): only the start of the prose
        /// becomes an excerpt.
        private let limit: Int

        init(capacity: Int = 64, limit: Int = .max) {
            self.capacity = max(16, min(capacity, limit))
            self.limit = limit
            base = .allocate(capacity: self.capacity)
        }

        deinit { base.deallocate() }

        /// Room for `extra` more bytes.
        @inline(__always)
        private func reserve(_ extra: Int) {
            guard count + extra > capacity else { return }
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: max(capacity * 2, count + extra))
            grown.update(from: base, count: count)
            base.deallocate()
            base = grown
            capacity = max(capacity * 2, count + extra)
        }

        func space() { pendingSpace = count > 0 }

        func byte(_ byte: UInt8) {
            if Self.isSpace(byte) { space(); return }
            // Room for the byte, and for the space before it.
            if count + (pendingSpace ? 1 : 0) >= limit { return }
            reserve(2)
            if pendingSpace { base[count] = 32; count += 1; pendingSpace = false }
            base[count] = byte
            count += 1
        }

        func append(_ decoded: [UInt8]) {
            for byte in decoded { self.byte(byte) }
        }

        /// The same as `byte` for each byte of `word` (which holds no white space), all at once;
        /// `softHyphens` says the word holds soft hyphens, which are left out.
        @inline(__always)
        func word(_ word: UnsafeBufferPointer<UInt8>, softHyphens: Bool) {
            let room = limit - count - (pendingSpace ? 1 : 0)
            if room <= 0 { return }
            reserve(min(word.count, room) + 1)
            if pendingSpace { base[count] = 32; count += 1; pendingSpace = false }
            guard softHyphens else {
                let taken = min(word.count, room)
                (base + count).update(from: word.baseAddress!, count: taken)
                count += taken
                return
            }
            var taken = 0
            var index = 0
            while index < word.count, taken < room {
                if word[index] == 0xC2, index + 1 < word.count, word[index + 1] == 0xAD {
                    index += 2
                    continue
                }
                base[count] = word[index]
                count += 1
                taken += 1
                index += 1
            }
        }

        @inline(__always)
        static func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 10 || byte == 9 || byte == 13 }

        var text: String { String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self) }
    }
}
