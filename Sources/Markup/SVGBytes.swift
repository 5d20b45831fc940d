/// SVG written straight into UTF-8 bytes: a unit page draws hundreds of coordinates, and making a
/// string of each piece cost more than the drawing.
public struct SVGBytes {
    // Written piece by piece in every chart's inner loops: the methods are inlinable, so callers
    // in other modules get them compiled into their loops, as when this was part of Render.
    @usableFromInline var storage: [UInt8] = []

    public var bytes: [UInt8] { storage }

    @inlinable
    public init(capacity: Int = 4096) { storage.reserveCapacity(capacity) }

    public var string: String { String(decoding: storage, as: UTF8.self) }

    @inlinable
    public mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { storage.append(contentsOf: $0) }
    }

    /// Text known to need no escaping (ids Valgrund made).
    @inlinable
    public mutating func raw(_ text: String) { storage.append(contentsOf: text.utf8) }

    @inlinable
    public mutating func append(_ other: SVGBytes) { storage.append(contentsOf: other.bytes) }

    @inlinable
    public mutating func escaped(_ text: String) { storage.append(contentsOf: HTML.escape(text).utf8) }

    /// ` name="value"` with the value as `number` writes it.
    @inlinable
    public mutating func attribute(_ name: StaticString, _ value: Double) {
        storage.append(UInt8(ascii: " "))
        raw(name)
        storage.append(contentsOf: [UInt8(ascii: "="), UInt8(ascii: "\"")])
        number(value)
        storage.append(UInt8(ascii: "\""))
    }

    /// A coordinate to one decimal, without a trailing ".0": 12, 12.5, -0.5.
    @inlinable
    public mutating func number(_ value: Double) {
        let tenths = (value * 10).rounded()
        guard abs(tenths) < 1e12 else {
            let rounded = tenths / 10
            // Far off the chart (a validated value cannot get here); `Int(_:)` would trap on infinity.
            raw(rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int(rounded)) : String(rounded))
            return
        }
        let whole = Int(tenths)
        if whole < 0 { storage.append(UInt8(ascii: "-")) }
        let magnitude = abs(whole)
        digits(magnitude / 10)
        if magnitude % 10 != 0 {
            storage.append(UInt8(ascii: "."))
            storage.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
        }
    }

    @inlinable
    mutating func digits(_ value: Int) {
        if value >= 10 { digits(value / 10) }
        storage.append(UInt8(ascii: "0") + UInt8(value % 10))
    }
}
