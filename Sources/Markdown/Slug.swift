import Foundation

/// URL- and id-safe names made from titles: lowercase ASCII letters, digits and single hyphens.
/// Letters keep their base letter (å, ä → a, ö → o) so "Mål och syfte" becomes `mal-och-syfte`.
public enum Slug {
    public static func make(_ text: some StringProtocol) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingHyphen = false
        for scalar in text.unicodeScalars {
            guard let mapped = asciiBase(of: scalar) else {
                pendingHyphen = !out.isEmpty
                continue
            }
            if pendingHyphen { out.append("-"); pendingHyphen = false }
            out.append(mapped)
        }
        return out
    }

    private static func asciiBase(of scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "a"..."z", "0"..."9": return String(scalar)
        case "A"..."Z": return String(Character(scalar)).lowercased()
        default: break
        }
        guard scalar.value >= 0xC0, scalar.properties.isAlphabetic else { return nil }
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
              base.properties.isAlphabetic else { return nil }
        return String(Character(base)).lowercased()
    }
}
