import Diagnostics

/// The names every file Valgrund writes must have: plain ASCII (mail clients, intranet platforms and
/// file shares mangle `fika-för-jämställdhet.html`) that a Windows file share (SMB) can hold, since the
/// site is often copied to one. Addresses made from titles and names avoid what is refused here
/// (`URLSegment`, `Slug`); names kept as the person wrote them (a theme's static file, a site.yaml
/// `paths` value) are checked with `problem(inAddress:)` and refused with their position.
public enum PortableName {
    public static let windowsReserved: Set<String> = Set(
        ["CON", "PRN", "AUX", "NUL"]
            + (1...9).map { "COM\($0)" } + (1...9).map { "LPT\($0)" })

    /// The longest name of one file or folder: 255 bytes on Linux, 255 UTF-16 units on Windows
    /// (counted in bytes here, which is the stricter of the two).
    public static let maxNameBytes = 255

    /// The longest address (path inside the site): Windows Explorer and many programs stop at 260
    /// characters for a whole path, and the site sits in a folder of the share (`\\server\share\…\`).
    public static let maxAddressBytes = 200

    /// Characters Windows does not allow in a name, besides the control characters.
    static let refusedCharacters: Set<Unicode.Scalar> = ["<", ">", ":", "\"", "|", "?", "*", "\\"]

    public static func isWindowsReserved<S: StringProtocol>(_ name: S) -> Bool {
        // Every reserved name has three or four ASCII letters and digits before any dot.
        let length = name.utf8.prefix { $0 != UInt8(ascii: ".") }.count
        guard length == 3 || length == 4 else { return false }
        return windowsReserved.contains(name.prefix { $0 != "." }.uppercased())
    }

    /// Why the site could not have a file at `address` (a path inside the site with `/` between
    /// folders), in words that finish "…, but ___" and say what would break, or nil when it can.
    public static func problem(inAddress address: some StringProtocol) -> Message? {
        // Nearly every address is plain: one pass over its bytes settles it (the plan asks this of
        // every page, and the words below cost more than the check).
        if isPlain(address.utf8) { return nil }
        let bytes = address.utf8.count
        if bytes > maxAddressBytes {
            return Message(
                "that address is \(bytes) bytes long, more than the \(maxAddressBytes) an address in the site may have to fit a file share's limit on a whole path, so the site could not be copied to a Windows file share"
            )
        }
        for name in address.split(separator: "/") {
            if let problem = problem(inName: name) { return Message("\(problem), so the site could not be copied to a Windows file share") }
        }
        if let other = address.unicodeScalars.first(where: { !$0.isASCII || $0 == " " || $0 == "#" || $0 == "%" }) {
            let shown = other == " " ? Message("a space") : .verbatim("'\(other)'")
            return Message(
                "it holds \(shown), and an address holds only plain ASCII letters, digits, '-', '_' and '.', since mail clients, intranet platforms and file shares break other addresses"
            )
        }
        return nil
    }

    /// Whether `bytes` is an address of ASCII letters, digits, `-`, `_` and `.` in segments that
    /// are not empty, do not end in a dot and are no device name, short enough for a share.
    private static func isPlain(_ bytes: some Collection<UInt8>) -> Bool {
        guard bytes.count <= maxAddressBytes else { return false }
        var segmentLength = 0, stemLength = -1, last: UInt8 = 0
        var stem: [UInt8] = []
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "/"):
                guard segmentLength > 0, last != UInt8(ascii: "."), !isDevice(stem, stemLength, segmentLength) else { return false }
                segmentLength = 0; stemLength = -1; stem.removeAll(keepingCapacity: true)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
                if byte == UInt8(ascii: "."), stemLength < 0 { stemLength = segmentLength }
                if stemLength < 0, stem.count < 5 { stem.append(byte) }
                segmentLength += 1
            default:
                return false
            }
            last = byte
        }
        return segmentLength > 0 && last != UInt8(ascii: ".") && !isDevice(stem, stemLength, segmentLength)
    }

    /// Whether a segment whose name before its first dot is `stem` is a device name (`con`, `com1.png`).
    private static func isDevice(_ stem: [UInt8], _ stemLength: Int, _ segmentLength: Int) -> Bool {
        let length = stemLength < 0 ? segmentLength : stemLength
        guard length == 3 || length == 4 else { return false }
        return windowsReserved.contains(String(decoding: stem, as: UTF8.self).uppercased())
    }

    /// Why a file share could not hold a file or folder named `name`, or nil.
    public static func problem(inName name: some StringProtocol) -> Message? {
        let bytes = name.utf8.count
        if bytes > maxNameBytes {
            return Message("the name '\(name.prefix(24))…' is \(bytes) bytes long, more than the \(maxNameBytes) a file's name may have")
        }
        if let refused = name.unicodeScalars.first(where: { $0.value < 0x20 || $0.value == 0x7F || refusedCharacters.contains($0) }) {
            let shown =
                refused.value < 0x20 || refused.value == 0x7F
                ? Message("the control character U+\(String(refused.value, radix: 16, uppercase: true).leftPadded(to: 4))")
                : Message("the character '\(refused)'")
            return Message("a file share cannot hold \(shown) in a name")
        }
        if name.hasSuffix(".") || name.hasSuffix(" ") {
            return name.hasSuffix(".")
                ? Message("a file share cannot hold a name that ends in a dot") : Message("a file share cannot hold a name that ends in a space")
        }
        if isWindowsReserved(name) {
            return Message("Windows reserves the name '\(name.prefix { $0 != "." })' for a device")
        }
        return nil
    }
}

private extension String {
    func leftPadded(to length: Int) -> String {
        String(repeating: "0", count: max(0, length - count)) + self
    }
}
