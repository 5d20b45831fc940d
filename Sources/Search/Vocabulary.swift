import Foundation

/// Every word met in this process, by the hash pages know it by. A page keeps only its words'
/// hashes and scores; the text of each distinct word is kept once, here. At 50,000 pages that is
/// a few hundred megabytes less than every page holding its own strings.
public final class Vocabulary: @unchecked Sendable {
    public static let shared = Vocabulary()

    /// Pages are indexed in parallel, so the table is split by hash, each part with its own lock.
    private let stripes: [Stripe] = (0..<32).map { _ in Stripe() }

    private final class Stripe {
        let lock = NSLock()
        var texts: [UInt64: String] = [:]
    }

    private func stripe(_ hash: UInt64) -> Stripe { stripes[Int(truncatingIfNeeded: hash >> 59)] }

    /// Adds a word; `text` is only called when the hash is new.
    public func register(_ hash: UInt64, text: () -> String) {
        let stripe = stripe(hash)
        stripe.lock.lock(); defer { stripe.lock.unlock() }
        if stripe.texts[hash] == nil { stripe.texts[hash] = text() }
    }

    /// The word with this hash, as the page that first had it wrote it (lowercase).
    public func text(of hash: UInt64) -> String? {
        let stripe = stripe(hash)
        stripe.lock.lock(); defer { stripe.lock.unlock() }
        return stripe.texts[hash]
    }
}
