/// Names that a Windows file share cannot hold whatever follows them (`con`, `con.html`): the site
/// is often copied to one, so addresses avoid them.
public enum PortableName {
    public static let windowsReserved: Set<String> = Set(["CON", "PRN", "AUX", "NUL"]
        + (1...9).map { "COM\($0)" } + (1...9).map { "LPT\($0)" })

    public static func isWindowsReserved<S: StringProtocol>(_ name: S) -> Bool {
        // Every reserved name has three or four ASCII letters and digits before any dot.
        let length = name.utf8.prefix { $0 != UInt8(ascii: ".") }.count
        guard length == 3 || length == 4 else { return false }
        return windowsReserved.contains(name.prefix { $0 != "." }.uppercased())
    }
}
