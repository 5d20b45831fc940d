/// Statistics about fewer people than `min_group_size` are not shown ("..", as Statistics Sweden
/// writes it), and nothing that would let them be worked out is shown either. Every page, chart,
/// data file, search text and export takes its numbers about people from here, so one rule decides.
public enum Suppression {
    /// A value as it may be published.
    public enum Shown: Equatable, Sendable {
        case value(Double)
        /// Too few people, or it would let a value about too few people be worked out: the number
        /// must appear nowhere.
        case suppressed
        case missing

        public var number: Double? {
            if case .value(let value) = self { return value }
            return nil
        }

        public var isSuppressed: Bool { self == .suppressed }
    }

    /// A group size as it may be published.
    public enum Size: Equatable, Sendable {
        case value(Double)
        /// The group has fewer people than `min_group_size`: said as "färre än 5", never the number.
        case fewerThanMinimum
        /// The group is large enough, but its size would let a hidden value or size be worked out.
        case suppressed
        case missing

        public var number: Double? {
            if case .value(let value) = self { return value }
            return nil
        }
    }

    /// The one comparison with the threshold: `min_group_size` people are enough, one fewer is not.
    public static func isTooFew(_ people: Double, minGroupSize: Int) -> Bool {
        people < Double(minGroupSize)
    }

    /// One entry of a key figure (a year of the municipality or of a unit) as it may be published.
    public struct Entry: Equatable, Sendable {
        public var values: [Group: Shown]
        public var sizes: [Group: Size]
    }

    /// The values and sizes of one entry of `figure`, each group checked against its `n`.
    ///
    /// - A group with fewer than `min_group_size` people is suppressed.
    /// - A group without an `n` is suppressed when the sizes that are given leave fewer than
    ///   `min_group_size` people for the groups without one: the whole is the `total`'s `n`, or for a
    ///   distribution in percent a share with its `n` (45 girls are 93.7 %, so there are 48 in all).
    /// - When a group is suppressed the `total` is too (value and size), since the total minus the
    ///   other groups would give the hidden one.
    /// - In a distribution (shares of one whole) every group of the entry is suppressed as soon as
    ///   one is, values and sizes: with two groups the other is 100 minus the hidden one, and with
    ///   more the rest still add up to 100 minus it, so hiding only some is safe only case by case.
    ///   The sizes go with them because in a distribution they are the counts the shares are made of.
    public static func shown(values: GroupValues?, n: GroupValues?, figure: KeyFigure, minGroupSize: Int) -> Entry {
        let groups = figure.groups
        let parts = groups.filter { $0 != .total }
        var tooFew = Set(groups.filter { group in n?[group].map { isTooFew($0, minGroupSize: minGroupSize) } ?? false })
        let unsized = parts.filter { n?[$0] == nil }
        if !unsized.isEmpty, let whole = impliedWhole(values: values, n: n, figure: figure) {
            let leftOver = whole - parts.compactMap { n?[$0] }.reduce(0, +)
            if isTooFew(leftOver, minGroupSize: minGroupSize) { tooFew.formUnion(unsized) }
        }
        var hidden = tooFew
        if groups.contains(.total), hidden.contains(where: { $0 != .total }) { hidden.insert(.total) }
        if figure.distribution, !hidden.isEmpty { hidden = Set(groups) }

        var entry = Entry(values: [:], sizes: [:])
        for group in groups {
            if hidden.contains(group) {
                entry.values[group] = .suppressed
            } else {
                entry.values[group] = values?[group].map(Shown.value) ?? .missing
            }
            if let size = n?[group] {
                entry.sizes[group] = tooFew.contains(group) ? .fewerThanMinimum : hidden.contains(group) ? .suppressed : .value(size)
            } else {
                entry.sizes[group] = .missing
            }
        }
        return entry
    }

    /// How many people the whole entry is about, when the content lets it be known.
    private static func impliedWhole(values: GroupValues?, n: GroupValues?, figure: KeyFigure) -> Double? {
        if figure.groups.contains(.total), let total = n?[.total] { return total }
        guard figure.distribution, figure.measure == .percent else { return nil }
        // The largest group gives the whole most exactly from a rounded share.
        let sized = figure.groups.filter { $0 != .total }.compactMap { group -> (n: Double, share: Double)? in
            guard let size = n?[group], let share = values?[group], share > 0 else { return nil }
            return (size, share)
        }
        return sized.max { $0.n < $1.n }.map { $0.n * 100 / $0.share }
    }

    /// The ratings of one question of a learning follow-up as they may be published.
    public enum Ratings: Equatable, Sendable {
        /// At least `min_group_size` ratings: each may be shown.
        case shown([Int])
        /// Fewer ratings than `min_group_size`: neither the ratings nor anything made from them (their
        /// count, spread, mean or median) may be shown, only the group's joint assessment.
        case tooFew
        case missing
    }

    /// Each question's ratings of a learning follow-up, by question id, as they may be published.
    /// The ratings are one per participant, so they follow the same threshold as any group of people.
    public static func ratings(of followUp: LearningFollowUp, minGroupSize: Int) -> [String: Ratings] {
        followUp.ratings.mapValues { ratings in
            if ratings.isEmpty { return .missing }
            return isTooFew(Double(ratings.count), minGroupSize: minGroupSize) ? .tooFew : .shown(ratings)
        }
    }
}
