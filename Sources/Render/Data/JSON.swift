import Foundation

/// A JSON value, written with sorted keys and two-space indentation so that the same content always
/// gives the same bytes. (Foundation's JSONSerialization spends more time bridging each value than
/// this takes to write the whole file.)
indirect enum JSON: Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
                    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSON])
    case object([String: JSON])

    init(stringLiteral value: String) { self = .string(value) }
    init(integerLiteral value: Int) { self = .int(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(arrayLiteral elements: JSON...) { self = .array(elements) }
    init(dictionaryLiteral elements: (String, JSON)...) { self = .object(Dictionary(elements, uniquingKeysWith: { $1 })) }
    init(nilLiteral: ()) { self = .null }

    init(_ value: String?) { self = value.map(JSON.string) ?? .null }
    init(_ value: Int?) { self = value.map(JSON.int) ?? .null }
    init(_ value: Double?) { self = value.map(JSON.double) ?? .null }
    init(_ values: [String]) { self = .array(values.map(JSON.string)) }

    /// The pretty-printed bytes, ending with no newline.
    var data: Data {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(into: &out, indent: 0)
        return Data(out)
    }

    private func write(into out: inout [UInt8], indent: Int) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let value): out.append(contentsOf: (value ? "true" : "false").utf8)
        case .int(let value): out.append(contentsOf: String(value).utf8)
        case .double(let value): out.append(contentsOf: Self.number(value).utf8)
        case .string(let value): Self.string(value, into: &out)
        case .array(let values):
            if values.isEmpty { out.append(contentsOf: "[]".utf8); return }
            out.append(UInt8(ascii: "["))
            for (index, value) in values.enumerated() {
                out.append(contentsOf: index == 0 ? [10] : [44, 10])
                Self.indentation(indent + 1, into: &out)
                value.write(into: &out, indent: indent + 1)
            }
            out.append(10)
            Self.indentation(indent, into: &out)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty { out.append(contentsOf: "{}".utf8); return }
            out.append(UInt8(ascii: "{"))
            for (index, key) in members.keys.sorted().enumerated() {
                out.append(contentsOf: index == 0 ? [10] : [44, 10])
                Self.indentation(indent + 1, into: &out)
                Self.string(key, into: &out)
                out.append(contentsOf: " : ".utf8)
                members[key]!.write(into: &out, indent: indent + 1)
            }
            out.append(10)
            Self.indentation(indent, into: &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func indentation(_ level: Int, into out: inout [UInt8]) {
        for _ in 0..<(level * 2) { out.append(32) }
    }

    /// Whole numbers without a decimal point; others in the shortest form that reads back the same.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }

    static func string(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: [92, 34])
            case UInt8(ascii: "\\"): out.append(contentsOf: [92, 92])
            case 10: out.append(contentsOf: [92, 110])
            case 13: out.append(contentsOf: [92, 114])
            case 9: out.append(contentsOf: [92, 116])
            case UInt8(ascii: "<"): out.append(contentsOf: "\\u003c".utf8)  // never "</script>" in a JSON copied into a page
            case 0..<0x20:
                out.append(contentsOf: "\\u00".utf8)
                out.append(contentsOf: String(byte >> 4, radix: 16).utf8)
                out.append(contentsOf: String(byte & 0xF, radix: 16).utf8)
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
