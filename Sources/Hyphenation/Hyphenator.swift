import CHyphen
import Foundation
import Markup
import Synchronization

/// Puts soft hyphens (U+00AD) into the long words of a text, at the points a hyphenation
/// dictionary allows, so a browser that has no patterns for the language (Chromium has none for
/// Swedish) breaks a long compound with a hyphen instead of between any two letters.
///
/// The patterns are libhyphen's (the TeX patterns LibreOffice uses), read from the Debian
/// packages `hyphen-sv` and `hyphen-en-us` at run time. Each word is looked up once per process:
/// the same long words recur on thousands of pages.
public final class Hyphenator: Sendable {
    /// Words with fewer letters are left whole: they fit a phone's line, and breaking them reads badly.
    public static let minimumLetters = 12
    /// Longer runs of letters are no words (a pasted identifier, a fuzzer's input) and stay whole:
    /// libhyphen's work grows with a word's length, and each word is kept.
    static let maximumLetters = 64
    /// No break leaves fewer letters than this on either side, whatever the dictionary allows
    /// (the Swedish patterns allow one on the left: "o-").
    static let minimumPart = 2
    /// Where Debian installs the patterns.
    public static let folder = "/usr/share/hyphen"
    /// The file of each language Valgrund ships strings for; another language uses `hyph_LANG.dic`
    /// or the first `hyph_LANG_*.dic`.
    static let files = ["sv": "hyph_sv_SE.dic", "en": "hyph_en_US.dic"]
    /// The Debian package that holds a language's patterns, for the error message.
    static let packages = ["sv": "hyphen-sv", "en": "hyphen-en-us"]

    public struct MissingDictionary: Error, CustomStringConvertible {
        public var language: String
        public var path: String
        public var description: String {
            let package = Hyphenator.packages[language] ?? "hyphen-\(language)"
            return
                "no hyphenation patterns for the language '\(language)': \(path) cannot be read; install the Debian package \(package) (scripts/ensure-system-packages.sh does)"
        }
    }

    private struct State {
        let dictionary: UnsafeMutablePointer<HyphenDict>
        /// Each long word met, by the FNV-1a hash of its bytes: its number in `words` and `broken`.
        /// Every word of every page is looked up here, and a `[String: String]` made a string of
        /// each and hashed it normalised.
        var slots = HashSlots(capacity: 4096)
        /// Each word as it is written (a lookup compares it, so two words with one hash never mix)…
        var words: [[UInt8]] = []
        /// …and with its soft hyphens, nil when it gets none.
        var broken: [[UInt8]?] = []

        /// The word of `hash`, as written and with its soft hyphens, if it was met before.
        func known(_ hash: UInt64) -> (word: [UInt8], broken: [UInt8]?)? {
            slots[hash].map { (words[$0], broken[$0]) }
        }

        /// Works out the breaks of a word not met before and keeps them.
        mutating func learn(_ word: [UInt8], hash: UInt64) -> [UInt8]? {
            let result = Hyphenator.breaks(word, dictionary: dictionary)
            let (number, inserted) = slots.insert(hash)
            // Another word with the same hash (never seen, but possible) is worked out each time.
            guard inserted else { return words[number] == word ? broken[number] : result }
            words.append(word)
            broken.append(result)
            return result
        }
    }

    private let state: Mutex<State>
    /// The dictionary file, for telling which patterns a test or a build used.
    public let path: String

    /// Reads the patterns of `path`; nil when they cannot be read. The dictionary is made here,
    /// so nothing but the mutex ever holds it.
    private init?(path: String) {
        guard access(path, R_OK) == 0, let dictionary = hnj_hyphen_load(path) else { return nil }
        self.state = Mutex(State(dictionary: dictionary))
        self.path = path
    }

    deinit {
        state.withLock { hnj_hyphen_free($0.dictionary) }
    }

    /// Loaded hyphenators by dictionary path, kept for the process: a preview builds again and
    /// again, and its words stay looked up.
    private static let loaded = Mutex<[String: Hyphenator]>([:])

    /// The hyphenator of a site's `language`, its patterns read on first use.
    public static func forLanguage(_ language: String, folder: String = Hyphenator.folder) throws(MissingDictionary) -> Hyphenator {
        let path = dictionaryPath(language, folder: folder)
        if let known = loaded.withLock({ $0[path] }) { return known }
        guard let hyphenator = Hyphenator(path: path) else { throw MissingDictionary(language: language, path: path) }
        return loaded.withLock { loaded in
            if let raced = loaded[path] { return raced }
            loaded[path] = hyphenator
            return hyphenator
        }
    }

    static func dictionaryPath(_ language: String, folder: String) -> String {
        if let file = files[language] { return folder + "/" + file }
        let own = folder + "/hyph_\(language).dic"
        if access(own, R_OK) == 0 { return own }
        let regional = (try? FileManager.default.contentsOfDirectory(atPath: folder))?
            .filter { $0.hasPrefix("hyph_\(language)_") && $0.hasSuffix(".dic") }.sorted().first
        return regional.map { folder + "/" + $0 } ?? own
    }

    /// The text with soft hyphens in each word of at least `minimumLetters` letters. Left whole:
    /// a stretch between white space that looks like an address (it holds `://`, `@`, `www.`, or
    /// a `/` and a `.`) or that already holds a soft hyphen (its author chose the breaks).
    ///
    /// Every text node of every page comes through here, so it reads the UTF-8 bytes once and
    /// builds a new string only when a word gets a break.
    public func hyphenate(_ text: String) -> String {
        guard text.utf8.count >= Self.minimumLetters else { return text }
        var text = text
        let hyphenated = text.withUTF8 { hyphenate(utf8: $0) }
        return hyphenated.map { String(decoding: $0, as: UTF8.self) } ?? text
    }

    /// The same for UTF-8 bytes (a cmark text node's literal, read in place): the text with its
    /// soft hyphens, or nil when no word gets one, so most text is neither copied nor rebuilt.
    public func hyphenate(utf8 bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard bytes.count >= Self.minimumLetters else { return nil }
        var output: [UInt8] = []
        var copied = 0
        var index = 0
        let count = bytes.count
        // Most text has no long word: a quick scan finds the places that might hold one, and only
        // the stretches between white space around them are looked at letter by letter.
        while let candidate = Self.longRun(in: bytes, from: index) {
            var start = candidate.lowerBound
            while start > index, !Self.isSpace(bytes[start - 1]) { start -= 1 }
            index = start
            // The stretch, and the runs of letters in it long enough.
            var keepsWhole = false, slash = false, dot = false
            var runStart = index, letters = 0
            var runs: [Range<Int>] = []
            while index < count, !Self.isSpace(bytes[index]) {
                let length = Self.letterLength(bytes, index)
                if length > 0 {
                    if letters == 0 { runStart = index }
                    letters += 1
                    index += length
                    continue
                }
                if Self.isWordLength(letters) { runs.append(runStart..<index) }
                letters = 0
                switch bytes[index] {
                case UInt8(ascii: "@"): keepsWhole = true
                case UInt8(ascii: "/"):
                    slash = true
                    if index > 0, bytes[index - 1] == UInt8(ascii: ":") { keepsWhole = true }
                case UInt8(ascii: "."):
                    dot = true
                    // "www." before the dot.
                    if index >= 3, bytes[index - 1] | 0x20 == 0x77, bytes[index - 2] | 0x20 == 0x77, bytes[index - 3] | 0x20 == 0x77 { keepsWhole = true }
                case 0xC2 where index + 1 < count && bytes[index + 1] == 0xAD: keepsWhole = true
                default: break
                }
                index += Self.scalarLength(bytes[index])
            }
            if Self.isWordLength(letters) { runs.append(runStart..<min(index, count)) }
            index = min(index, count)
            guard !runs.isEmpty, !keepsWhole, !(slash && dot) else { continue }
            for run in runs {
                guard let broken = hyphenatedWord(UnsafeBufferPointer(rebasing: bytes[run])) else { continue }
                if output.isEmpty { output.reserveCapacity(count + 32) }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<run.lowerBound]))
                output.append(contentsOf: broken)
                copied = run.upperBound
            }
        }
        guard copied > 0 else { return nil }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<count]))
        return output
    }

    /// Where the first run of at least `minimumLetters` bytes that could be letters (ASCII letters,
    /// and any byte of a non-ASCII character) starts at or after `from`: a word long enough to
    /// hyphenate is such a run, though not every such run is one.
    @inline(__always)
    private static func longRun(in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Range<Int>? {
        var length = 0
        var index = from
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= 0x80 || (byte | 0x20) &- 0x61 < 26 {
                length += 1
                if length == minimumLetters { return (index + 1 - length)..<(index + 1) }
            } else {
                length = 0
            }
            index += 1
        }
        return nil
    }

    private static func isWordLength(_ letters: Int) -> Bool {
        letters >= minimumLetters && letters <= maximumLetters
    }

    @inline(__always)
    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    /// How many bytes a scalar starting with `lead` has (1 for a stray continuation byte).
    @inline(__always)
    private static func scalarLength(_ lead: UInt8) -> Int {
        lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    /// The length in bytes of the letter at `index`, 0 if it is no letter. ASCII and Latin-1 (the
    /// Swedish letters) are told from their bytes; other scalars by their Unicode properties.
    @inline(__always)
    private static func letterLength(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Int {
        let byte = bytes[index]
        if byte < 0x80 { return (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A ? 1 : 0 }
        // U+0080–U+00BF: no-break and soft hyphen, signs and punctuation; none is taken for a letter.
        if byte == 0xC2 { return 0 }
        let length = scalarLength(byte)
        guard index + length <= bytes.count else { return 0 }
        // U+00C0–U+00FF: letters, but for × and ÷.
        if byte == 0xC3 { return bytes[index + 1] == 0x97 || bytes[index + 1] == 0xB7 ? 0 : 2 }
        var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        guard let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic else { return 0 }
        return length
    }

    /// One word (UTF-8) with its soft hyphens, nil when it gets none: looked up, or worked out once.
    private func hyphenatedWord(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var hash = StableHash()
        hash.add(UnsafeRawBufferPointer(bytes))
        let key = hash.value
        if let known = state.withLock({ $0.known(key) }), known.word.elementsEqual(bytes) { return known.broken }
        let word = Array(bytes)
        return state.withLock { $0.learn(word, hash: key) }
    }

    /// The word of `bytes` (UTF-8) with a soft hyphen at each of the dictionary's points; nil when
    /// there is none, or when the dictionary cannot spell the word (a letter outside its character set).
    fileprivate static func breaks(_ bytes: [UInt8], dictionary: UnsafeMutablePointer<HyphenDict>) -> [UInt8]? {
        let word = String(decoding: bytes, as: UTF8.self)
        let scalars = Array(word.unicodeScalars)
        // The patterns are in lower case; a letter whose lower case is not one letter keeps its case.
        let lowered: [Unicode.Scalar] = scalars.map { scalar in
            let lower = scalar.properties.lowercaseMapping.unicodeScalars
            return lower.count == 1 ? lower.first! : scalar
        }
        var bytes: [CChar] = []
        if dictionary.pointee.utf8 != 0 {
            for byte in String(String.UnicodeScalarView(lowered)).utf8 { bytes.append(CChar(bitPattern: byte)) }
        } else {
            // An 8-bit dictionary (the Swedish one is ISO 8859-1): one byte a letter.
            for scalar in lowered {
                guard scalar.value <= 0xFF else { return nil }
                bytes.append(CChar(bitPattern: UInt8(scalar.value)))
            }
        }
        let length = Int32(bytes.count)
        bytes.append(0)
        var hyphens = [CChar](repeating: 0, count: bytes.count + 5)
        var replacements: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = nil
        var positions: UnsafeMutablePointer<Int32>? = nil
        var cuts: UnsafeMutablePointer<Int32>? = nil
        let failed = hnj_hyphen_hyphenate2(
            dictionary, bytes, length, &hyphens, nil,
            &replacements, &positions, &cuts)
        // A point that changes the letters around it ("Schiffahrt", "Schiff-fahrt") cannot be a
        // soft hyphen; Debian's Swedish and English patterns have none, and such points are skipped.
        var changes = Set<Int>()
        if let replacements {
            for index in 0..<scalars.count where replacements[index] != nil {
                changes.insert(index)
                free(replacements[index])
            }
            free(replacements)
        }
        free(positions)
        free(cuts)
        guard failed == 0 else { return nil }
        let left = max(minimumPart, Int(dictionary.pointee.lhmin))
        let right = max(minimumPart, Int(dictionary.pointee.rhmin))
        var out = String.UnicodeScalarView()
        var breaks = 0
        // libhyphen marks a point after the letter with an odd digit, one digit a letter.
        for (index, scalar) in scalars.enumerated() {
            out.append(scalar)
            let before = index + 1
            if hyphens[index] & 1 == 1, before >= left, scalars.count - before >= right, !changes.contains(index) {
                out.append("\u{AD}")
                breaks += 1
            }
        }
        return breaks == 0 ? nil : Array(String(out).utf8)
    }
}
