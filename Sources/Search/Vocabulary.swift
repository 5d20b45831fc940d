import Foundation

/// Every word met in this process, by the hash pages know it by. A page keeps only its words'
/// hashes and scores; the text of each distinct word is kept once, here. At 50,000 pages that is
/// a few hundred megabytes less than every page holding its own strings.
public final class Vocabulary: @unchecked Sendable {
    public static let shared = Vocabulary()

    /// Pages are indexed in parallel, so the table is split by hash, each part with its own lock.
    private let stripes: [Stripe] = (0..<64).map { _ in Stripe() }

    public init() {}

    /// Every page asks for each of its words, and nearly all are known: an open-addressing table
    /// indexed by the hash itself (already well mixed) answers without hashing again, which
    /// Swift's Dictionary would.
    private final class Stripe {
        let lock = NSLock()
        private var keys = [UInt64](repeating: 0, count: 1024)
        private var texts = [String?](repeating: nil, count: 1024)
        private var count = 0

        /// The slot of `hash` (0 is never a key: `register` maps it to 1), or the empty slot where it goes.
        private func slot(of hash: UInt64) -> Int {
            let mask = keys.count - 1
            var slot = Int(truncatingIfNeeded: hash ^ (hash >> 31)) & mask
            while keys[slot] != 0 && keys[slot] != hash { slot = (slot + 1) & mask }
            return slot
        }

        func text(of hash: UInt64) -> String? {
            texts[slot(of: hash)]
        }

        func insert(_ hash: UInt64, _ text: () -> String) {
            let index = slot(of: hash)
            guard keys[index] == 0 else { return }
            keys[index] = hash
            texts[index] = text()
            count += 1
            if count * 2 > keys.count { grow() }
        }

        private func grow() {
            let (oldKeys, oldTexts) = (keys, texts)
            keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
            texts = [String?](repeating: nil, count: oldKeys.count * 2)
            for index in oldKeys.indices where oldKeys[index] != 0 {
                let slot = slot(of: oldKeys[index])
                keys[slot] = oldKeys[index]
                texts[slot] = oldTexts[index]
            }
        }
    }

    private func stripe(_ hash: UInt64) -> Stripe { stripes[Int(truncatingIfNeeded: hash >> 58)] }
    private static func key(_ hash: UInt64) -> UInt64 { hash == 0 ? 1 : hash }

    /// Adds a word; `text` is only called when the hash is new.
    public func register(_ hash: UInt64, text: () -> String) {
        let stripe = stripe(hash)
        stripe.lock.lock(); defer { stripe.lock.unlock() }
        stripe.insert(Self.key(hash), text)
    }

    /// The word with this hash, as the page that first had it wrote it (lowercase).
    public func text(of hash: UInt64) -> String? {
        let stripe = stripe(hash)
        stripe.lock.lock(); defer { stripe.lock.unlock() }
        return stripe.text(of: Self.key(hash))
    }
}
