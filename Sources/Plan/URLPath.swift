/// Site-relative addresses (`handbok/uppstart.html`) and the relative links between them,
/// so that the site works from file:// and under any sub-path.
public enum URLPath {
    /// The link from the page at `from` to `to`, both site-relative: `../handbok/uppstart.html`.
    public static func relative(from: String, to: String) -> String {
        let fromFolders = from.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        var toParts = to.split(separator: "/", omittingEmptySubsequences: false)
        var common = 0
        while common < fromFolders.count, common < toParts.count - 1,
              fromFolders[fromFolders.startIndex + common] == toParts[common] {
            common += 1
        }
        toParts.removeFirst(common)
        let ups = String(repeating: "../", count: fromFolders.count - common)
        let rest = toParts.joined(separator: "/")
        return ups + rest
    }

    /// `../../` from the page at `url` to the site's top folder ("" at the top).
    public static func root(from url: String) -> String {
        String(repeating: "../", count: url.split(separator: "/", omittingEmptySubsequences: false).count - 1)
    }

    /// The folder part of an address: `a/b/c.html` → `a/b`.
    public static func folder(of url: String) -> String {
        guard let slash = url.lastIndex(of: "/") else { return "" }
        return String(url[..<slash])
    }

    /// Percent-encodes what may not stand in an href as it is (spaces, `#`, `?`, non-ASCII stays readable).
    public static func href(_ path: String) -> String {
        var out = ""
        for scalar in path.unicodeScalars {
            switch scalar {
            case " ": out += "%20"
            case "#": out += "%23"
            case "?": out += "%3F"
            case "%": out += "%25"
            case "\"": out += "%22"
            case "<": out += "%3C"
            case ">": out += "%3E"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
