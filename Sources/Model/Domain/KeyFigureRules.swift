/// Reading key figures the way the strategist does: is the target reached, did it get better,
/// and is the gap between women and men (girls and boys) narrowing?
public enum KeyFigureRules {
    /// nil when either number is missing.
    public static func targetReached(value: Double?, target: Double?, better: Better) -> Bool? {
        guard let value, let target else { return nil }
        return better == .higher ? value >= target : value <= target
    }

    /// As `targetReached(value:target:better:)`; for a distribution, reaching the even band counts.
    public static func targetReached(value: Double?, target: Double?, figure: KeyFigure) -> Bool? {
        guard figure.distribution, figure.measure == .percent else {
            return targetReached(value: value, target: target, better: figure.better)
        }
        guard let value, target != nil else { return nil }
        return isEven(value)
    }

    /// As `change(from:to:better:)`; for a distribution, coming closer to an even split is better.
    public static func change(from previous: Double?, to current: Double?, figure: KeyFigure) -> Change? {
        guard figure.distribution, figure.measure == .percent else {
            return change(from: previous, to: current, better: figure.better)
        }
        guard let previous, let current else { return nil }
        return change(from: abs(previous - 50), to: abs(current - 50), better: .lower)
    }

    public enum Change: String, Sendable, Equatable {
        case better, worse, unchanged
    }

    /// Change since the year before, judged by the key figure's `better`.
    public static func change(from previous: Double?, to current: Double?, better: Better) -> Change? {
        guard let previous, let current else { return nil }
        if current == previous { return .unchanged }
        return (current > previous) == (better == .higher) ? .better : .worse
    }

    /// The pairs of groups compared with each other: women with men, girls with boys.
    public static let comparedPairs: [(Group, Group)] = [(.women, .men), (.girls, .boys)]

    public struct Gap: Sendable, Equatable {
        public var first: Group
        public var second: Group
        /// first − second, in the key figure's own unit (percentage points for percent).
        public var difference: Double
        /// Whether the gap is smaller than the year before; nil without a year before.
        public var narrowed: Bool?
    }

    /// The gap between the compared groups, from values that may be published; nil when a value is missing or suppressed.
    public static func gap(current: [Group: Suppression.Shown], previous: [Group: Suppression.Shown]?) -> Gap? {
        for (a, b) in comparedPairs {
            guard let x = current[a]?.number, let y = current[b]?.number else { continue }
            var gap = Gap(first: a, second: b, difference: x - y, narrowed: nil)
            if let previous, let px = previous[a]?.number, let py = previous[b]?.number {
                let before = abs(px - py), now = abs(x - y)
                gap.narrowed = now == before ? nil : now < before
            }
            return gap
        }
        return nil
    }

    /// For key figures whose groups share one whole (e.g. the share of women and men among participants):
    /// 40–60 % counts as even.
    public static let evenBand: ClosedRange<Double> = 40...60

    public static func isEven(_ share: Double) -> Bool { evenBand.contains(share) }
}
