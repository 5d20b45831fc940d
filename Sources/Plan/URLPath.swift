/// Site-relative addresses (`handbok/uppstart.html`) and the relative links between them,
/// so that the site works from file:// and under any sub-path.
public enum URLPath {
    /// The link from the page at `from` to `to`, both site-relative: `../handbok/uppstart.html`.
    /// Every link of every page goes through here, so it works on bytes.
    public static func relative(from: String, to: String) -> String {
        var from = from, to = to
        return from.withUTF8 { source in
            to.withUTF8 { target in
                let slash = UInt8(ascii: "/")
                // The folders both share end at the last slash of their common beginning.
                var shared = 0, index = 0
                while index < source.count, index < target.count, source[index] == target[index] {
                    if source[index] == slash { shared = index + 1 }
                    index += 1
                }
                var ups = 0
                for position in shared..<source.count where source[position] == slash { ups += 1 }
                var out = [UInt8]()
                out.reserveCapacity(ups * 3 + target.count - shared)
                for _ in 0..<ups { out.append(contentsOf: [46, 46, slash]) }
                out.append(contentsOf: target[shared...])
                return String(decoding: out, as: UTF8.self)
            }
        }
    }

    /// `../../` from the page at `url` to the site's top folder ("" at the top).
    public static func root(from url: String) -> String {
        String(repeating: "../", count: url.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "/") ? 1 : 0) })
    }

    /// The folder part of an address: `a/b/c.html` → `a/b`.
    public static func folder(of url: String) -> String {
        guard let slash = url.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(url[..<slash])
    }
}
