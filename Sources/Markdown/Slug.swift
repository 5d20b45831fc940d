import Foundation

/// URL- and id-safe names made from titles: lowercase ASCII letters, digits and single hyphens.
/// Letters keep their base letter (å, ä → a, ö → o) so "Mål och syfte" becomes `mal-och-syfte`.
public enum Slug {
    /// U+0080…U+00FF: the ASCII letters they are made from (nil for symbols, ×, ÷).
    private static let latin1: [String?] =
        Array(repeating: nil, count: 0x40) + [
            "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
            "d", "n", "o", "o", "o", "o", "o", nil, "o", "u", "u", "u", "u", "y", "th", "ss",
            "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
            "d", "n", "o", "o", "o", "o", "o", nil, "o", "u", "u", "u", "u", "y", "th", "y",
        ]

    public static func make(_ text: some StringProtocol) -> String {
        make(text, keeping: nil)
    }

    /// `make`, but `kept` (one ASCII symbol such as `_`) stays as it is instead of separating words:
    /// file names keep their underscores.
    public static func make(_ text: some StringProtocol, keeping kept: UInt8?) -> String {
        // Fast path: ASCII and Latin-1 letters, byte by byte.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingHyphen = false
        var iterator = text.utf8.makeIterator()
        var fallback = false
        while let byte = iterator.next() {
            var mapped: String?
            var ascii: UInt8?
            switch byte {
            case 0x61...0x7A, 0x30...0x39: ascii = byte
            case 0x41...0x5A: ascii = byte + 32
            case kept: ascii = byte
            case 0xC3:
                guard let second = iterator.next(), second >= 0x80, second <= 0xBF else { fallback = true; break }
                mapped = latin1[0x40 + Int(second) - 0x80]
                if mapped == nil { pendingHyphen = !bytes.isEmpty; continue }
            case 0x80...0xFF:
                fallback = true
            default:
                pendingHyphen = !bytes.isEmpty
                continue
            }
            if fallback { break }
            if pendingHyphen { bytes.append(UInt8(ascii: "-")); pendingHyphen = false }
            if let ascii { bytes.append(ascii) } else if let mapped { bytes.append(contentsOf: mapped.utf8) }
        }
        if !fallback { return String(decoding: bytes, as: UTF8.self) }
        return slowMake(text, keeping: kept)
    }

    private static func slowMake(_ text: some StringProtocol, keeping kept: UInt8?) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingHyphen = false
        func append(_ mapped: String?) {
            guard let mapped, !mapped.isEmpty else {
                pendingHyphen = !out.isEmpty
                return
            }
            if pendingHyphen { out.append("-"); pendingHyphen = false }
            out.append(mapped)
        }
        // Letters of other scripts are transliterated a run at a time ("北京" → "bei-jing", "Москва" → "moskva"),
        // since a script's transliteration can depend on the neighbouring letters.
        var run = ""
        func flushRun() {
            guard !run.isEmpty else { return }
            append(transliterated(run))
            run = ""
        }
        for scalar in text.unicodeScalars {
            if scalar.value > 0xFF, asciiBase(of: scalar) == nil, scalar.properties.isAlphabetic || scalar.properties.generalCategory == .nonspacingMark {
                run.unicodeScalars.append(scalar)
                continue
            }
            flushRun()
            if let kept, scalar.value == UInt32(kept) { append(String(scalar)) } else { append(asciiBase(of: scalar)) }
        }
        flushRun()
        return out
    }

    /// ICU's transliteration to Latin and then to ASCII, made into slug words; the ICU data is part of
    /// the toolchain's Foundation, so the same text gives the same words on every build.
    private static func transliterated(_ run: String) -> String? {
        guard let latin = run.applyingTransform(StringTransform("Any-Latin; Latin-ASCII"), reverse: false) else { return nil }
        let words = latin.unicodeScalars.split { !(("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)) }
        return words.map { String(String.UnicodeScalarView($0)).lowercased() }.joined(separator: "-")
    }

    private static func asciiBase(of scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "a"..."z", "0"..."9": return String(scalar)
        case "A"..."Z": return String(Character(scalar)).lowercased()
        default: break
        }
        guard scalar.value >= 0xC0 else { return nil }
        // Latin-1 letters by table: Foundation's decomposition is slow on Linux.
        if scalar.value <= 0xFF, let base = latin1[Int(scalar.value) - 0x80] { return base }
        guard scalar.properties.isAlphabetic else { return nil }
        switch scalar {
        case "ß": return "ss"
        case "æ", "Æ": return "ae"
        case "ø", "Ø": return "o"
        case "đ", "Đ", "ð", "Ð": return "d"
        case "ł", "Ł": return "l"
        case "þ", "Þ": return "th"
        default: break
        }
        // Decompose (é → e + ◌́) and keep the base letter when it is ASCII.
        let decomposed = String(Character(scalar)).decomposedStringWithCanonicalMapping
        guard let base = decomposed.unicodeScalars.first, base.isASCII,
            base.properties.isAlphabetic
        else { return nil }
        return String(Character(base)).lowercased()
    }
}
