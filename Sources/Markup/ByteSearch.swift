#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finding bytes in built pages: memchr for the first byte, memcmp for the rest. Foundation's
/// string search is slow on Linux, and pages are searched once or twice each while being written.
public enum ByteSearch {
    /// Where `needle` first starts in `bytes` at or after `from`.
    public static func find(_ needle: UnsafeRawBufferPointer, in bytes: UnsafeBufferPointer<UInt8>, from: Int = 0) -> Int? {
        guard let base = bytes.baseAddress, let first = needle.first, let start = needle.baseAddress else { return nil }
        var i = from
        while i + needle.count <= bytes.count, let found = memchr(base + i, Int32(first), bytes.count - i - needle.count + 1) {
            i = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + i, start, needle.count) == 0 { return i }
            i += 1
        }
        return nil
    }

    /// Where `byte` first stands in `bytes` at or after `from` and before `before`.
    @inline(__always)
    public static func find(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from: Int, before: Int) -> Int? {
        guard let base = bytes.baseAddress, from < before,
            let found = memchr(base + from, Int32(byte), before - from)
        else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    public static func find(_ needle: StaticString, in bytes: UnsafeBufferPointer<UInt8>, from: Int = 0) -> Int? {
        find(UnsafeRawBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount), in: bytes, from: from)
    }

    /// Where `needle` last starts in `bytes`, at or after `after`.
    public static func findLast(_ needle: StaticString, in bytes: UnsafeBufferPointer<UInt8>, after: Int = 0) -> Int? {
        guard let base = bytes.baseAddress, needle.utf8CodeUnitCount > 0 else { return nil }
        var i = bytes.count - needle.utf8CodeUnitCount
        while i >= after {
            if base[i] == needle.utf8Start[0], memcmp(base + i, needle.utf8Start, needle.utf8CodeUnitCount) == 0 { return i }
            i -= 1
        }
        return nil
    }
}
