import Foundation

/// The parts of a link a page author wrote, taken apart on bytes: every link of every page
/// passes through here, and Foundation's string searches cost microseconds each on Linux.
enum LinkPath {
    /// `a/b.md#part` → (`a/b.md`, `part`).
    static func split(_ destination: String) -> (path: String, fragment: String?) {
        guard let hash = destination.utf8.firstIndex(of: UInt8(ascii: "#")) else { return (destination, nil) }
        return (String(destination[..<hash]), String(destination[destination.utf8.index(after: hash)...]))
    }

    /// The path with `%XX` decoded, or as written when it has none or they do not decode.
    static func decoded(_ path: String) -> String {
        guard path.utf8.contains(UInt8(ascii: "%")) else { return path }
        return path.removingPercentEncoding ?? path
    }

    /// Whether the text starts with a URL scheme (`https:`, `mailto:`), as RFC 3986 spells one.
    static func hasScheme(_ text: String) -> Bool {
        var first = true
        for byte in text.utf8 {
            if byte == UInt8(ascii: ":") { return !first }
            let letter = (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
            if first {
                guard letter else { return false }
                first = false
            } else if !(letter || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "."))
            {
                return false
            }
        }
        return false
    }

    /// Resolves `..` and `.` against the page's folder; nil when the path climbs out of content/.
    static func normalize(folder: String, relative: String) -> String? {
        let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
        var parts: [Substring] = folder.isEmpty ? [] : folder.utf8.split(separator: slash).map { Substring($0) }
        let bytes = relative.utf8
        // Most links are plain paths below the page's folder.
        if let first = bytes.first, first != dot, first != slash, !containsPair(bytes, slash, dot), !containsPair(bytes, slash, slash) {
            return folder.isEmpty ? relative : folder + "/" + relative
        }
        for part in bytes.split(separator: slash, omittingEmptySubsequences: true) {
            if part.elementsEqual([dot]) { continue }
            if part.elementsEqual([dot, dot]) {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(Substring(part))
            }
        }
        return parts.joined(separator: "/") + (bytes.last == slash && !parts.isEmpty ? "/" : "")
    }

    private static func containsPair(_ bytes: String.UTF8View, _ first: UInt8, _ second: UInt8) -> Bool {
        var previous: UInt8 = 0
        for byte in bytes {
            if previous == first && byte == second { return true }
            previous = byte
        }
        return false
    }
}
