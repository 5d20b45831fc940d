import Foundation

/// Every word met in this process, by the hash pages know it by. A page keeps only its words'
/// hashes and scores; the text of each distinct word is kept once, here. At 50,000 pages that is
/// a few hundred megabytes less than every page holding its own strings.
public final class Vocabulary: @unchecked Sendable {
    public static let shared = Vocabulary()

    /// Pages are indexed in parallel, so the table is split by hash, each part with its own lock.
    private let stripes: [Stripe] = (0..<64).map { _ in Stripe() }

    public init() {}

    /// Every page asks for each of its words, and nearly all are known: `HashSlots` answers
    /// without hashing again.
    private final class Stripe {
        let lock = NSLock()
        var slots = HashSlots()
        var texts: [String] = []
    }

    private func stripe(_ hash: UInt64) -> Stripe { stripes[Int(truncatingIfNeeded: hash >> 58)] }

    /// Adds a word; `text` is only called when the hash is new.
    public func register(_ hash: UInt64, text: () -> String) {
        let stripe = stripe(hash)
        stripe.lock.lock(); defer { stripe.lock.unlock() }
        let known = stripe.slots.value(for: hash) { stripe.texts.count }
        if known.inserted { stripe.texts.append(text()) }
    }

    /// The word with this hash, as the page that first had it wrote it (lowercase).
    public func text(of hash: UInt64) -> String? {
        let stripe = stripe(hash)
        stripe.lock.lock(); defer { stripe.lock.unlock() }
        return stripe.slots[hash].map { stripe.texts[$0] }
    }
}
