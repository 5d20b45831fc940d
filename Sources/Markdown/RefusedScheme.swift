/// Link schemes that run code or smuggle a document in when clicked. Browsers ignore case, ASCII
/// whitespace and control characters in a scheme (`Java&#9;Script:` runs), and cmark has already
/// decoded entities in a destination, so the check looks at what a browser would see.
public enum RefusedScheme {
    static let refused = ["javascript", "vbscript", "data"]

    /// The refused scheme `destination` uses, lowercased, or nil.
    public static func of(_ destination: String) -> String? {
        var scheme = ""
        for scalar in destination.unicodeScalars {
            if scalar == ":" { break }
            if scalar.value <= 0x20 || scalar.value == 0x7F { continue }
            guard scalar.isASCII, scheme.count < 12 else { return nil }
            scheme.unicodeScalars.append(scalar)
        }
        let lowered = scheme.lowercased()
        return refused.contains(lowered) && destination.contains(":") ? lowered : nil
    }
}
