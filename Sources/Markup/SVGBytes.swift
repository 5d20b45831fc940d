/// SVG written straight into UTF-8 bytes: a unit page draws hundreds of coordinates, and making a
/// string of each piece cost more than the drawing.
public struct SVGBytes {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

    public var string: String { String(decoding: bytes, as: UTF8.self) }

    public mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Text known to need no escaping (ids Valgrund made).
    public mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }

    public mutating func append(_ other: SVGBytes) { bytes.append(contentsOf: other.bytes) }

    public mutating func escaped(_ text: String) { bytes.append(contentsOf: HTML.escape(text).utf8) }

    /// ` name="value"` with the value as `number` writes it.
    public mutating func attribute(_ name: StaticString, _ value: Double) {
        bytes.append(UInt8(ascii: " "))
        raw(name)
        bytes.append(contentsOf: [UInt8(ascii: "="), UInt8(ascii: "\"")])
        number(value)
        bytes.append(UInt8(ascii: "\""))
    }

    /// A coordinate to one decimal, without a trailing ".0": 12, 12.5, -0.5.
    public mutating func number(_ value: Double) {
        let tenths = (value * 10).rounded()
        guard abs(tenths) < 1e12 else {
            let rounded = tenths / 10
            // Far off the chart (a validated value cannot get here); `Int(_:)` would trap on infinity.
            raw(rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int(rounded)) : String(rounded))
            return
        }
        let whole = Int(tenths)
        if whole < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = abs(whole)
        digits(magnitude / 10)
        if magnitude % 10 != 0 {
            bytes.append(UInt8(ascii: "."))
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
        }
    }

    private mutating func digits(_ value: Int) {
        if value >= 10 { digits(value / 10) }
        bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
    }
}
