import Model

/// URL segments made from file and folder names.
enum URLSegment {
    /// Names that are already safe stay as they are (`01-uppstart`); others are made safe (`Min mapp` → `min-mapp`).
    static func make(_ name: String) -> String {
        let safe = name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == "."
        }
        // A name that ends in a dot is one a Windows file share cannot hold: the dot goes.
        if safe && !name.isEmpty && !name.hasPrefix(".") && !name.hasSuffix(".") { return PortableName.isWindowsReserved(name) ? name + "-" : name }
        var out = ""
        var pendingHyphen = false
        for character in name.lowercased() {
            let mapped: String?
            switch character {
            case "a"..."z", "0"..."9", "_": mapped = String(character)
            case "å", "ä", "á", "à", "â": mapped = "a"
            case "ö", "ó", "ò", "ô", "ø": mapped = "o"
            case "é", "è", "ê", "ë": mapped = "e"
            case "ü", "ú": mapped = "u"
            default: mapped = nil
            }
            if let mapped {
                if pendingHyphen && !out.isEmpty { out += "-" }
                pendingHyphen = false
                out += mapped
            } else {
                pendingHyphen = true
            }
        }
        if PortableName.isWindowsReserved(out) { out += "-" }
        return out.isEmpty ? "page" : out
    }
}
