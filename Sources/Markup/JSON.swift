import Foundation

/// JSON written straight into UTF-8 bytes: the one JSON writer. The search index streams its
/// files through it piece by piece; `JSON` values (the data files) are written through it whole.
/// Foundation's JSONSerialization spends more time bridging each value than this takes to write
/// a whole file, and escapes `/` where nothing needs it.
public struct JSONBytes: Sendable {
    // The search index writes its files through these a byte or a number at a time: the methods
    // are inlinable, so they are compiled into the callers' loops in other modules.
    @usableFromInline var storage: [UInt8] = []

    public var bytes: [UInt8] { storage }

    @inlinable
    public init(capacity: Int = 1024) { storage.reserveCapacity(capacity) }

    public var data: Data { Data(storage) }

    /// Text written as it is: punctuation and JavaScript around the JSON.
    @inlinable
    public mutating func append(_ text: String) { storage.append(contentsOf: text.utf8) }

    @inlinable
    public mutating func number(_ value: Int) {
        if value < 0 {
            storage.append(UInt8(ascii: "-"))
            // The magnitude of Int.min does not fit in an Int.
            if value == .min { storage.append(contentsOf: String(value).utf8.dropFirst()); return }
            number(-value)
            return
        }
        if value >= 10 { number(value / 10) }
        storage.append(UInt8(48 + value % 10))
    }

    /// Whole numbers without a decimal point; others in the shortest form that reads back the
    /// same; what JSON cannot hold (infinity, NaN) as null.
    @inlinable
    public mutating func number(_ value: Double) {
        guard value.isFinite else { append("null"); return }
        if value == value.rounded(), abs(value) < 1e15 { number(Int(value)); return }
        append(String(value))
    }

    /// A JSON string that is also safe inside a page's `<script>` and in JavaScript source:
    /// `<` is never raw (no text can close the script element) and neither are U+2028 and
    /// U+2029 (they end a line in JavaScript). Control characters are `\n`, `\r`, `\t` or `\u00XX`.
    @inlinable
    public mutating func string(_ text: String) {
        storage.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { source in
            var i = 0
            while i < source.count {
                // Runs of bytes that need nothing are copied at once (excerpts are most of the index).
                var end = i
                while end < source.count, Self.isPlain(source[end]) { end += 1 }
                if end > i {
                    storage.append(contentsOf: UnsafeBufferPointer(rebasing: source[i..<end]))
                    i = end
                    continue
                }
                let byte = source[i]
                switch byte {
                case UInt8(ascii: "\""): storage.append(contentsOf: [92, 34])
                case UInt8(ascii: "\\"): storage.append(contentsOf: [92, 92])
                case UInt8(ascii: "<"): storage.append(contentsOf: "\\u003c".utf8)
                case UInt8(ascii: "\n"): storage.append(contentsOf: [92, 110])
                case UInt8(ascii: "\r"): storage.append(contentsOf: [92, 114])
                case UInt8(ascii: "\t"): storage.append(contentsOf: [92, 116])
                case 0..<0x20:
                    storage.append(contentsOf: "\\u00".utf8)
                    storage.append(Self.hexDigit(byte >> 4))
                    storage.append(Self.hexDigit(byte & 0xF))
                case 0xE2 where i + 2 < source.count && source[i + 1] == 0x80 && (source[i + 2] == 0xA8 || source[i + 2] == 0xA9):
                    storage.append(contentsOf: (source[i + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                    i += 2
                default:
                    storage.append(byte)
                }
                i += 1
            }
        }
        storage.append(UInt8(ascii: "\""))
    }

    /// A byte written as it is: not a quote, backslash, `<`, control character or the lead byte
    /// of U+2028/U+2029.
    @inlinable
    static func isPlain(_ byte: UInt8) -> Bool {
        byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") && byte != UInt8(ascii: "<") && byte != 0xE2
    }

    /// A new line indented by two spaces per level (pretty-printed `JSON`).
    fileprivate mutating func line(_ level: Int) {
        storage.append(10)
        for _ in 0..<(level * 2) { storage.append(32) }
    }

    @inlinable
    static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }
}

/// A JSON value, written with sorted keys so that the same content always gives the same bytes.
public indirect enum JSON: Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral,
    ExpressibleByNilLiteral
{
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSON])
    case object([String: JSON])

    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSON...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSON)...) { self = .object(Dictionary(elements, uniquingKeysWith: { $1 })) }
    public init(nilLiteral: ()) { self = .null }

    public init(_ value: String?) { self = value.map(JSON.string) ?? .null }
    public init(_ value: Int?) { self = value.map(JSON.int) ?? .null }
    public init(_ value: Double?) { self = value.map(JSON.double) ?? .null }
    public init(_ values: [String]) { self = .array(values.map(JSON.string)) }

    /// Pretty-printed with two-space indentation (`"key" : value`), ending with no newline: the
    /// data files people read.
    public var data: Data {
        var out = JSONBytes(capacity: 4096)
        write(into: &out, indent: 0)
        return out.data
    }

    /// On one line with no spaces: JSON handed to scripts.
    public var compact: String {
        var out = JSONBytes(capacity: 256)
        write(into: &out, indent: nil)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// - Parameter indent: the depth of the value when pretty-printing; nil writes it compact.
    private func write(into out: inout JSONBytes, indent: Int?) {
        switch self {
        case .null: out.append("null")
        case .bool(let value): out.append(value ? "true" : "false")
        case .int(let value): out.number(value)
        case .double(let value): out.number(value)
        case .string(let value): out.string(value)
        case .array(let values):
            if values.isEmpty { out.append("[]"); return }
            out.append("[")
            for (index, value) in values.enumerated() {
                Self.separate(first: index == 0, indent: indent.map { $0 + 1 }, into: &out)
                value.write(into: &out, indent: indent.map { $0 + 1 })
            }
            Self.close("]", indent: indent, into: &out)
        case .object(let members):
            if members.isEmpty { out.append("{}"); return }
            out.append("{")
            for (index, key) in members.keys.sorted().enumerated() {
                Self.separate(first: index == 0, indent: indent.map { $0 + 1 }, into: &out)
                out.string(key)
                out.append(indent == nil ? ":" : " : ")
                members[key]!.write(into: &out, indent: indent.map { $0 + 1 })
            }
            Self.close("}", indent: indent, into: &out)
        }
    }

    /// The comma before a member (not the first) and, pretty-printed, its line and indentation.
    private static func separate(first: Bool, indent: Int?, into out: inout JSONBytes) {
        if !first { out.append(",") }
        if let indent { out.line(indent) }
    }

    private static func close(_ bracket: String, indent: Int?, into out: inout JSONBytes) {
        if let indent { out.line(indent) }
        out.append(bracket)
    }
}
