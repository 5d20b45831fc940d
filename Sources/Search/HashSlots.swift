/// A table from a well-mixed 64-bit hash (a word's FNV-1a hash) to a number, by open addressing
/// indexed with the hash itself. Swift's Dictionary hashes its keys again, which shows when every
/// word of every page is looked up (5 million times at 10,000 pages).
public struct HashSlots: Sendable {
    private var keys: [UInt64]
    private var values: [Int]
    /// 0 marks an empty slot, so the hash 0 is kept apart.
    private var zero: Int?
    public private(set) var count = 0

    public init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        values = [Int](repeating: 0, count: size)
    }

    /// The slot of `hash` (not 0), or the empty slot where it would go.
    private func slot(of hash: UInt64) -> Int {
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: hash ^ (hash >> 31)) & mask
        while keys[slot] != 0 && keys[slot] != hash { slot = (slot + 1) & mask }
        return slot
    }

    /// The number stored for `hash`, if any.
    public subscript(hash: UInt64) -> Int? {
        if hash == 0 { return zero }
        let slot = slot(of: hash)
        return keys[slot] == 0 ? nil : values[slot]
    }

    /// The number stored for `hash`; when there is none, `make()` is stored and `inserted` is true.
    public mutating func value(for hash: UInt64, orInsert make: () -> Int) -> (value: Int, inserted: Bool) {
        if hash == 0 {
            if let zero { return (zero, false) }
            let made = make()
            zero = made
            count += 1
            return (made, true)
        }
        let slot = slot(of: hash)
        if keys[slot] != 0 { return (values[slot], false) }
        let made = make()
        keys[slot] = hash
        values[slot] = made
        count += 1
        if count * 2 > keys.count { grow() }
        return (made, true)
    }

    private mutating func grow() {
        let (oldKeys, oldValues) = (keys, values)
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        values = [Int](repeating: 0, count: oldKeys.count * 2)
        for index in oldKeys.indices where oldKeys[index] != 0 {
            let slot = slot(of: oldKeys[index])
            keys[slot] = oldKeys[index]
            values[slot] = oldValues[index]
        }
    }
}
