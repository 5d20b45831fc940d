/// A 64-bit hash that is the same in every run and on every machine (Swift's Hasher is seeded per
/// process), for telling whether an input changed since the last build.
public struct StableHash: Sendable {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public mutating func add(_ bytes: UnsafeRawBufferPointer) {
        // FNV-1a over 8-byte words, then the tail byte by byte.
        var hash = value
        let count = bytes.count
        var i = 0
        while i + 8 <= count {
            hash ^= bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            hash = (hash &* 0x0000_0100_0000_01B3) ^ (hash >> 29)
            i += 8
        }
        while i < count {
            hash ^= UInt64(bytes[i])
            hash = hash &* 0x0000_0100_0000_01B3
            i += 1
        }
        value = hash
    }

    public mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(UnsafeRawBufferPointer($0)) }
        add(UInt64(text.utf8.count))
    }

    public mutating func add(_ number: UInt64) {
        withUnsafeBytes(of: number) { add($0) }
    }

    public mutating func add(_ number: Int) { add(UInt64(bitPattern: Int64(number))) }

    public static func of(_ text: String) -> UInt64 {
        var hash = StableHash()
        hash.add(text)
        return hash.value
    }
}
