/// Swedish alphabetical order (å, ä, ö after z; case and accents otherwise ignored), for lists people scan.
public enum Collation {
    public static func less(_ a: String, _ b: String) -> Bool {
        let ka = key(a), kb = key(b)
        return ka != kb ? ka.lexicographicallyPrecedes(kb) : a < b
    }

    /// Equal for words that differ only in case or accents (å, ä and ö stay letters of their own).
    public static func key(_ text: String) -> [UInt32] {
        text.lowercased().unicodeScalars.map { scalar in
            switch scalar {
            case "å": return UInt32(("z" as Unicode.Scalar).value) + 1
            case "ä", "æ": return UInt32(("z" as Unicode.Scalar).value) + 2
            case "ö", "ø": return UInt32(("z" as Unicode.Scalar).value) + 3
            case "é", "è", "ê", "ë": return ("e" as Unicode.Scalar).value
            case "á", "à", "â": return ("a" as Unicode.Scalar).value
            case "ü": return ("y" as Unicode.Scalar).value
            default: return scalar.value
            }
        }
    }
}
