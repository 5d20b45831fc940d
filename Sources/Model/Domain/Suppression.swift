/// Statistics about fewer people than `min_group_size` are not shown ("..", as Statistics Sweden
/// writes it), and nothing that would let them be worked out is shown either.
public enum Suppression {
    /// A value as it may be published.
    public enum Shown: Equatable, Sendable {
        case value(Double)
        /// Too few people: the number must appear nowhere.
        case suppressed
        case missing

        public var number: Double? {
            if case .value(let value) = self { return value }
            return nil
        }

        public var isSuppressed: Bool { self == .suppressed }
    }

    /// The values of one entry, each group checked against its `n`. When any group is suppressed the
    /// `total` is suppressed too, since total minus the other groups would give the hidden one.
    public static func shown(values: GroupValues?, n: GroupValues?, groups: [Group], minGroupSize: Int) -> [Group: Shown] {
        var result: [Group: Shown] = [:]
        for group in groups {
            if let count = n?[group], count < Double(minGroupSize) {
                result[group] = .suppressed
            } else if let value = values?[group] {
                result[group] = .value(value)
            } else {
                result[group] = .missing
            }
        }
        if groups.contains(.total), result.contains(where: { $0.key != .total && $0.value == .suppressed }) {
            result[.total] = .suppressed
        }
        return result
    }

    /// Group sizes as they may be published: sizes below the threshold are not given.
    public static func shownSize(_ n: Double?, minGroupSize: Int) -> Shown {
        guard let n else { return .missing }
        return n < Double(minGroupSize) ? .suppressed : .value(n)
    }
}
