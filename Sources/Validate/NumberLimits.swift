/// The ranges numbers in the content must lie in (docs/content-format.md, "Numbers"). Each is far
/// beyond what a municipality writes and small enough that nothing computed from it downstream
/// (sums, differences, a chart's scale, a number written out in words, a loop over a scale) can
/// overflow or trap: every value fits a `Double` exactly as a whole number and an `Int` with
/// room to spare.
enum NumberLimits {
    /// Whole numbers without a range of their own (`order`).
    static let wholeNumbers = -1_000_000...1_000_000
    /// A count key figure's values and targets, and every `n`: whole numbers of people or things.
    static let counts: ClosedRange<Double> = 0...1e12
    /// A `number` key figure's values and targets (kronor per user, hours, …).
    static let numbers: ClosedRange<Double> = -1e12...1e12
    /// A `percent` key figure's values and targets.
    static let percent: ClosedRange<Double> = 0...100
    /// `self_assessment_max`.
    static let selfAssessmentMax = 1...100_000
    /// `rating_scale`'s ends.
    static let ratings = -1000...1000
    /// How many steps `rating_scale` may span: the form has one choice per step and question.
    static let ratingSteps = 100
}
