import Foundation

/// A value axis that reads at a glance: it starts at 0 (bars are measured from zero), its ticks
/// are round and distinct (a step of 1, 2, 2.5 or 5 × 10^k), and its top is the first tick at or
/// above the largest value, so the data fills the chart instead of lying in a sliver at its foot.
public struct NiceScale: Equatable, Sendable {
    public var top: Double
    public var step: Double

    public var ticks: [Double] {
        let count = Int((top / step + 1e-9).rounded(.down))
        return (0...count).map { clean(Double($0) * step) }
    }

    /// - Parameters:
    ///   - largest: the largest value (or target) to show; 0 or less gives the smallest axis.
    ///   - wholeNumbers: counts of people or units: every tick a whole number.
    ///   - ceiling: a top the axis never passes (100 for percent), unless the data does.
    ///   - fixedTop: an axis whose top is given (a self-assessment's highest score); the ticks still
    ///     come from the same steps.
    ///   - tickCount: about how many steps the axis is divided into.
    public static func fitting(
        _ largest: Double, wholeNumbers: Bool = false, ceiling: Double? = nil,
        fixedTop: Double? = nil, tickCount: Int = 5
    ) -> NiceScale {
        if let fixedTop, fixedTop > 0 {
            let step = niceStep(fixedTop / Double(tickCount), wholeNumbers: wholeNumbers)
            return NiceScale(top: fixedTop, step: step)
        }
        // Nothing to show still needs an axis: 0 to 1.
        let value = largest.isFinite && largest > 0 ? largest : 1
        let step = niceStep(value / Double(tickCount), wholeNumbers: wholeNumbers)
        var top = clean((value / step - 1e-9).rounded(.up) * step)
        if let ceiling, top > ceiling, value <= ceiling {
            // 99.5 % tops out at 100 %, not 120 %: the ceiling, when it falls on a step.
            let steps = (ceiling / step).rounded(.down)
            top = steps * step >= value ? clean(steps * step) : ceiling
        }
        return NiceScale(top: top, step: step)
    }

    /// The smallest step of 1, 2, 2.5 or 5 × 10^k at least `raw`. Steps are never finer than 0.1
    /// (tick labels show at most one decimal); 2.5 × 10^k only where it stays within that, and for
    /// whole numbers only from 25 up.
    static func niceStep(_ raw: Double, wholeNumbers: Bool) -> Double {
        let least = wholeNumbers ? 1.0 : 0.1
        let wanted = max(raw, least)
        let magnitude = pow(10, floor(log10(wanted)))
        for factor in [1.0, 2, 2.5, 5, 10] {
            let step = clean(factor * magnitude)
            if factor == 2.5 && magnitude < (wholeNumbers ? 10 : 1) { continue }
            if step >= wanted - 1e-12 { return step }
        }
        return clean(10 * magnitude)
    }

    /// Removes the binary noise of decimal steps (0.30000000000000004 → 0.3).
    private static func clean(_ value: Double) -> Double { (value * 1e9).rounded() / 1e9 }
    private func clean(_ value: Double) -> Double { Self.clean(value) }
}
