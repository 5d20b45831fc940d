import Foundation

/// A plain little-endian binary encoding for the build manifest: thousands of records are read
/// at the start of every build, which JSON would make the slowest part of a no-op rebuild.
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []
    /// Where full buffers go (an open file), so that a manifest of many megabytes is never held whole in memory.
    private let sink: Int32
    /// The `errno` of the first write that failed; `flush` reports it.
    private var failure: Int32 = 0
    private static let flushSize = 1 << 20

    init(writingTo sink: Int32) {
        self.sink = sink
        bytes.reserveCapacity(Self.flushSize + (1 << 16))
    }

    /// Writes what is buffered to the sink; call once more at the end.
    /// - Returns: 0, or the `errno` of the first write that failed (a full disk).
    mutating func flush() -> Int32 {
        guard failure == 0 else { return failure }
        failure = bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(sink, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return 0
        }
        bytes.removeAll(keepingCapacity: true)
        return failure
    }

    private mutating func flushIfFull() {
        if bytes.count >= Self.flushSize { _ = flush() }
    }

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
        flushIfFull()
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

    /// The whole file read straight into bytes (through Data it would be held twice).
    init?(contentsOf path: String) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        let size = Int(info.st_size)
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var done = 0
            while done < size {
                let got = Foundation.read(descriptor, buffer.baseAddress! + done, size - done)
                if got <= 0 { failed = got < 0; break }
                done += got
            }
            count = done
        }
        guard !failed, bytes.count == size else { return nil }
        self.bytes = bytes
    }

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
        // Undone on the unsigned bits: an arithmetic shift would carry the top bit down and turn
        // numbers beyond ±2^62 into others.
        return Int(bitPattern: UInt(value >> 1)) ^ -Int(value & 1)
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
