/// The one open-addressing hash table: from a well-mixed 64-bit hash (a word's FNV-1a hash, a
/// `StableHash`) to the order in which it was first inserted (0, 1, 2, …). Callers keep what
/// belongs to each key in their own arrays at that number. Indexing with the hash itself spares
/// the second hashing Swift's Dictionary does, which shows when every word of every page is
/// looked up (5 million times at 10,000 pages).
///
/// Slots are probed linearly from `hash ^ (hash >> 31)`, masked to the table's size (a power of
/// two, at least twice the keys, so a probe ends soon and always finds an empty slot).
///
/// Lookups are inlinable: every word of every page goes through one, from other modules.
public struct HashSlots: Sendable {
    /// 0 marks an empty slot, so the hash 0 is kept apart, in `zero`.
    @usableFromInline var keys: [UInt64]
    @usableFromInline var numbers: [Int32]
    @usableFromInline var zero: Int32?
    @usableFromInline var used = 0

    /// How many keys the table holds.
    public var count: Int { used }

    /// Room for `capacity` keys before the table first grows.
    public init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        numbers = [Int32](repeating: 0, count: size)
    }

    /// The slots in the table; it doubles when more than half are taken.
    public var slotCount: Int { keys.count }

    /// Where probing for `hash` starts in a table of `slotCount` slots.
    @inlinable
    public static func home(of hash: UInt64, slotCount: Int) -> Int {
        Int(truncatingIfNeeded: hash ^ (hash >> 31)) & (slotCount - 1)
    }

    /// The slot of `hash` (not 0), or the empty slot where it would go.
    @inlinable
    func slot(of hash: UInt64) -> Int {
        let mask = keys.count - 1
        var slot = Self.home(of: hash, slotCount: keys.count)
        while keys[slot] != 0 && keys[slot] != hash { slot = (slot + 1) & mask }
        return slot
    }

    /// The number of `hash`, if it was inserted.
    @inlinable
    public subscript(hash: UInt64) -> Int? {
        if hash == 0 { return zero.map(Int.init) }
        let slot = slot(of: hash)
        return keys[slot] == 0 ? nil : Int(numbers[slot])
    }

    /// The number of `hash`; a new key gets the next number (`count` before it) and `inserted`.
    @inlinable @discardableResult
    public mutating func insert(_ hash: UInt64) -> (number: Int, inserted: Bool) {
        if hash == 0 {
            if let zero { return (Int(zero), false) }
            zero = Int32(used)
            used += 1
            return (used - 1, true)
        }
        let slot = slot(of: hash)
        if keys[slot] != 0 { return (Int(numbers[slot]), false) }
        keys[slot] = hash
        numbers[slot] = Int32(used)
        used += 1
        if used * 2 > keys.count { grow() }
        return (used - 1, true)
    }

    @usableFromInline
    mutating func grow() {
        let (oldKeys, oldNumbers) = (keys, numbers)
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        numbers = [Int32](repeating: 0, count: oldKeys.count * 2)
        for index in oldKeys.indices where oldKeys[index] != 0 {
            let slot = slot(of: oldKeys[index])
            keys[slot] = oldKeys[index]
            numbers[slot] = oldNumbers[index]
        }
    }
}
