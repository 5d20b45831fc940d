import Foundation

/// A plain little-endian binary encoding for the build manifest: thousands of records are read
/// at the start of every build, which JSON would make the slowest part of a no-op rebuild.
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 1 << 16) { bytes.reserveCapacity(capacity) }

    /// Small numbers in few bytes (LEB128, zigzag for the sign): most are counts and scores.
    mutating func int(_ value: Int) {
        var rest = UInt64(bitPattern: Int64((value << 1) ^ (value >> 63)))
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func uint64(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func string(_ text: String) {
        int(text.utf8.count)
        bytes.append(contentsOf: text.utf8)
    }

    mutating func strings(_ texts: [String]) {
        int(texts.count)
        for text in texts { string(text) }
    }
}

/// Reads what BinaryWriter wrote; every read checks the bounds, so a damaged manifest is rejected
/// (and the build starts from scratch) instead of crashing.
struct BinaryReader {
    struct Damaged: Error {}

    private let bytes: [UInt8]
    private var offset = 0

    init(_ data: Data) { bytes = [UInt8](data) }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func uint64() throws -> UInt64 {
        guard offset + 8 <= bytes.count else { throw Damaged() }
        var value: UInt64 = 0
        for index in 0..<8 { value |= UInt64(bytes[offset + index]) << (8 * UInt64(index)) }
        offset += 8
        return value
    }

    mutating func int() throws -> Int {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < bytes.count, shift < 64 else { throw Damaged() }
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        let zigzag = Int(bitPattern: UInt(value))
        return (zigzag >> 1) ^ -(zigzag & 1)
    }

    /// A count of things to read, which cannot be more than the bytes left.
    mutating func count() throws -> Int {
        let value = try int()
        guard value >= 0, value <= bytes.count - offset else { throw Damaged() }
        return value
    }

    mutating func string() throws -> String {
        let length = try count()
        defer { offset += length }
        return String(decoding: bytes[offset..<offset + length], as: UTF8.self)
    }

    mutating func strings() throws -> [String] {
        let number = try count()
        return try (0..<number).map { _ in try string() }
    }
}
