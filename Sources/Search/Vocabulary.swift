import Markup
import Synchronization

/// Every word met in this process, by the hash pages know it by. A page keeps only its words'
/// hashes and scores; the text of each distinct word is kept once, here. At 50,000 pages that is
/// a few hundred megabytes less than every page holding its own strings.
public final class Vocabulary: Sendable {
    public static let shared = Vocabulary()

    /// Pages are indexed in parallel, so the table is split by hash, each part behind its own mutex.
    private let stripes: [Stripe] = (0..<64).map { _ in Stripe() }

    public init() {}

    /// Every page asks for each of its words, and nearly all are known: `HashSlots` answers
    /// without hashing again.
    private final class Stripe: Sendable {
        struct Words {
            var slots = HashSlots()
            /// By the number `slots` gave the hash.
            var texts: [String] = []
        }
        let words = Mutex(Words())
    }

    private func stripe(_ hash: UInt64) -> Stripe { stripes[Int(truncatingIfNeeded: hash >> 58)] }

    /// Adds a word; `text` is only called when the hash is new.
    public func register(_ hash: UInt64, text: () -> String) {
        stripe(hash).words.withLock { words in
            if words.slots.insert(hash).inserted { words.texts.append(text()) }
        }
    }

    /// The word with this hash, as the page that first had it wrote it (lowercase).
    public func text(of hash: UInt64) -> String? {
        stripe(hash).words.withLock { words in words.slots[hash].map { words.texts[$0] } }
    }
}
