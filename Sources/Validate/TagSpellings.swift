import Diagnostics
import Model

/// Tags that differ only in letter case or accents ("Delaktighet", "delaktighet", "Delaktighét") are
/// one topic: every example gets one spelling, so the site has one topic page, and `check` warns at
/// each other spelling.
struct TagSpellings {
    private var uses: [[UInt32]: [(spelling: String, location: SourceLocation)]] = [:]

    mutating func add(_ tags: [String], at locations: [SourceLocation]) {
        for (tag, location) in zip(tags, locations) { uses[Collation.key(tag), default: []].append((tag, location)) }
    }

    /// The spelling most examples use; on a tie the first in alphabetical order, so it does not
    /// depend on the order the files were read in.
    private static func chosen(_ uses: [(spelling: String, location: SourceLocation)]) -> String {
        let counts = Dictionary(uses.map { ($0.spelling, 1) }, uniquingKeysWith: +)
        return counts.keys.min { a, b in counts[a]! != counts[b]! ? counts[a]! > counts[b]! : a < b }!
    }

    func unify(_ examples: inout [Example], log: DiagnosticLog) {
        var spelling: [String: String] = [:]
        for group in uses.values where Set(group.map(\.spelling)).count > 1 {
            let chosen = Self.chosen(group)
            for use in group where use.spelling != chosen {
                spelling[use.spelling] = chosen
                log.warning(
                    "the tag '\(use.spelling)' is written '\(chosen)' elsewhere; both are the topic '\(chosen)' (write it one way)",
                    at: use.location)
            }
        }
        guard !spelling.isEmpty else { return }
        for index in examples.indices {
            var seen = Set<String>()
            examples[index].tags = examples[index].tags.map { spelling[$0] ?? $0 }.filter { seen.insert($0).inserted }
        }
    }
}
