import Markdown

/// The one rule for addresses made from names people wrote (file and folder names, departments, tags):
/// plain ASCII that mail clients, intranet platforms and Windows file shares all keep intact.
/// Letters are transliterated (`å`, `ä` → `a`, `ö` → `o`, `é` → `e`, `ß` → `ss`, `Москва` → `moskva`),
/// anything else becomes a hyphen; the same name gives the same address in every build.
public enum URLSegment {
    /// Names that are already safe stay as they are (`01-uppstart`); others are made safe (`Fika för alla` → `fika-for-alla`).
    public static func make(_ name: String) -> String {
        let safe = name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == "."
        }
        // A name that ends in a dot is one a Windows file share cannot hold: the dot goes.
        if safe && !name.isEmpty && !name.hasPrefix(".") && !name.hasSuffix(".") { return PortableName.isWindowsReserved(name) ? name + "-" : name }
        var out = Slug.make(name, keeping: UInt8(ascii: "_"))
        if PortableName.isWindowsReserved(out) { out += "-" }
        return out.isEmpty ? "page" : out
    }

    /// The name a copied file gets in the site: kept when it is plain ASCII letters, digits, `-`, `_`
    /// and `.` (`Logo_2025.PNG`), else its name before the extension made by `make` and the extension
    /// in lowercase (`Bild på förskolan.JPG` → `bild-pa-forskolan.jpg`). Links to it follow.
    public static func fileName(_ name: String) -> String {
        let safe = name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == "."
        }
        if safe && !name.hasPrefix(".") && !name.hasSuffix(".") && PortableName.problem(inName: name) == nil { return name }
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return make(name) }
        let stem = make(String(name[..<dot]))
        let suffix = Slug.make(name[name.index(after: dot)...], keeping: nil)
        return suffix.isEmpty ? stem : stem + "." + suffix
    }

    /// `make(name)`, with `-2`, `-3`… when an earlier name of the same kind already has it: generated
    /// pages (a department, a tag) whose names differ only in what the rule drops still each get one.
    public static func unique(_ name: String, in used: inout Set<String>) -> String {
        let base = make(name)
        var segment = base, number = 1
        while used.contains(segment) { number += 1; segment = base + "-" + String(number) }
        used.insert(segment)
        return segment
    }
}
