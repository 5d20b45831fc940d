import Testing
@testable import Model

@Suite struct SuppressionTests {
    static func figure(_ groups: [Group], distribution: Bool = false, measure: Measure = .percent) -> KeyFigure {
        KeyFigure(id: "f", name: "F", perspective: "P", measure: measure, better: .higher, groups: groups, distribution: distribution)
    }

    static func shown(
        _ values: [Group: Double], n: [Group: Double]?, _ groups: [Group], distribution: Bool = false,
        minGroupSize: Int = 5
    ) -> Suppression.Entry {
        Suppression.shown(
            values: GroupValues(values), n: n.map(GroupValues.init), figure: figure(groups, distribution: distribution),
            minGroupSize: minGroupSize)
    }

    @Test func valueOfASmallGroupIsSuppressed() {
        let shown = Self.shown([.women: 71, .men: 90], n: [.women: 24, .men: 3], [.women, .men]).values
        #expect(shown[.women] == .value(71))
        #expect(shown[.men] == .suppressed)
        #expect(shown[.men]?.number == nil)
    }

    @Test func groupOfZeroAndTheThresholdItself() {
        let shown = Self.shown([.girls: 0, .boys: 40], n: [.girls: 0, .boys: 5], [.girls, .boys]).values
        #expect(shown[.girls] == .suppressed)
        #expect(shown[.boys] == .value(40))
    }

    /// One below the threshold is too few, the threshold itself and one above are enough: an
    /// off-by-one in the single comparison fails here.
    @Test(arguments: [(4.0, true), (5.0, false), (6.0, false)])
    func theThresholdAtItsEdges(people: Double, tooFew: Bool) {
        #expect(Suppression.isTooFew(people, minGroupSize: 5) == tooFew)
        let shown = Self.shown([.women: 71, .men: 90], n: [.women: 24, .men: people], [.women, .men])
        #expect(shown.values[.men] == (tooFew ? .suppressed : .value(90)))
        #expect(shown.sizes[.men] == (tooFew ? .fewerThanMinimum : .value(people)))
        let ratings = Suppression.ratings(of: LearningFollowUp(ratings: ["q": Array(repeating: 6, count: Int(people))]), minGroupSize: 5)
        #expect(ratings["q"] == (tooFew ? .tooFew : .shown(Array(repeating: 6, count: Int(people)))))
    }

    @Test func withoutSizesNothingIsSuppressed() {
        let shown = Self.shown([.women: 12], n: nil, [.women, .men]).values
        #expect(shown[.women] == .value(12))
        #expect(shown[.men] == .missing)
    }

    @Test func totalIsSuppressedWhenItWouldRevealAHiddenGroup() {
        let shown = Self.shown([.women: 20, .men: 2, .total: 22], n: [.women: 20, .men: 2, .total: 22], [.women, .men, .total])
        #expect(shown.values[.men] == .suppressed)
        #expect(shown.values[.total] == .suppressed)
        #expect(shown.values[.women] == .value(20))
        // The total's size minus the women's would give the men's.
        #expect(shown.sizes[.total] == .suppressed)
        #expect(shown.sizes[.men] == .fewerThanMinimum)
        #expect(shown.sizes[.women] == .value(20))
    }

    /// Girls 93.7 % with three boys: boys' 6.3 % is 100 minus the girls' share, so both go.
    @Test(arguments: [(4.0, true), (5.0, false), (6.0, false)])
    func aDistributionIsHiddenWhole(boys: Double, hidden: Bool) {
        let shown = Self.shown([.girls: 93.7, .boys: 6.3], n: [.girls: 45, .boys: boys], [.girls, .boys], distribution: true)
        #expect(shown.values[.girls] == (hidden ? .suppressed : .value(93.7)))
        #expect(shown.values[.boys] == (hidden ? .suppressed : .value(6.3)))
        // In a distribution the sizes are the counts the shares are made of.
        #expect(shown.sizes[.girls] == (hidden ? .suppressed : .value(45)))
        #expect(shown.sizes[.boys] == (hidden ? .fewerThanMinimum : .value(boys)))
    }

    @Test func aDistributionOfThreeGroupsIsHiddenWhole() {
        let shown = Self.shown(
            [.women: 60, .men: 38, .nonBinary: 2], n: [.women: 60, .men: 38, .nonBinary: 2],
            [.women, .men, .nonBinary], distribution: true)
        #expect(shown.values.values.allSatisfy { $0 == .suppressed })
    }

    /// A group without a size holds at most what the given sizes leave of the whole.
    @Test(arguments: [(49.0, true), (50.0, false), (51.0, false)])
    func aGroupWithoutASizeIsCountedFromTheWhole(total: Double, hidden: Bool) {
        let shown = Self.shown([.women: 70, .men: 90, .total: 72], n: [.women: 45, .total: total], [.women, .men, .total])
        #expect(shown.values[.men] == (hidden ? .suppressed : .value(90)))
        #expect(shown.values[.total] == (hidden ? .suppressed : .value(72)))
        #expect(shown.values[.women] == .value(70))
        #expect(shown.sizes[.total] == (hidden ? .suppressed : .value(total)))
    }

    /// 45 girls are 93.7 %, so there are 48 children and 3 boys, although the boys' size is not given.
    @Test func aShareWithItsSizeGivesTheWhole() {
        let small = Self.shown([.girls: 93.7, .boys: 6.3], n: [.girls: 45], [.girls, .boys], distribution: true)
        #expect(small.values[.girls] == .suppressed && small.values[.boys] == .suppressed)
        let onlyGirls = Self.shown([.girls: 93.7], n: [.girls: 45], [.girls, .boys], distribution: true)
        #expect(onlyGirls.values[.girls] == .suppressed)
        let large = Self.shown([.girls: 75, .boys: 25], n: [.girls: 45], [.girls, .boys], distribution: true)
        #expect(large.values[.girls] == .value(75) && large.values[.boys] == .value(25))
        // Rates of different groups are not shares of one whole: nothing follows from one of them.
        let rates = Self.shown([.girls: 93.7, .boys: 6.3], n: [.girls: 45], [.girls, .boys])
        #expect(rates.values[.boys] == .value(6.3))
    }

    @Test func sizesBelowTheThresholdAreNotGiven() {
        let shown = Self.shown([:], n: [.women: 3, .men: 5], [.women, .men, .nonBinary])
        #expect(shown.sizes[.women] == .fewerThanMinimum)
        #expect(shown.sizes[.men] == .value(5))
        #expect(shown.sizes[.nonBinary] == .missing)
    }

    @Test func ratingsOfTooFewAreNotGiven() {
        let followUp = LearningFollowUp(ratings: ["a": [6, 7, 5, 8], "b": [6, 7, 5, 8, 9], "c": []], agreed: ["a": 6])
        let shown = Suppression.ratings(of: followUp, minGroupSize: 5)
        #expect(shown == ["a": .tooFew, "b": .shown([6, 7, 5, 8, 9]), "c": .missing])
    }

    @Test func noGapOrChangeFromASuppressedValue() {
        let now = Self.shown([.women: 70, .men: 50], n: [.women: 30, .men: 2], [.women, .men]).values
        let before = Self.shown([.women: 60, .men: 40], n: [.women: 30, .men: 9], [.women, .men]).values
        #expect(KeyFigureRules.gap(current: now, previous: before) == nil)
        #expect(KeyFigureRules.change(from: before[.men]?.number, to: now[.men]?.number, better: .higher) == nil)
    }
}

@Suite struct KeyFigureRuleTests {
    let share = KeyFigure(id: "andel", name: "Andel", perspective: "P", measure: .percent, better: .higher, groups: [.girls, .boys], distribution: true)

    @Test func targetReachedFollowsBetter() {
        #expect(KeyFigureRules.targetReached(value: 75, target: 75, better: .higher) == true)
        #expect(KeyFigureRules.targetReached(value: 74, target: 75, better: .higher) == false)
        #expect(KeyFigureRules.targetReached(value: 4.5, target: 5, better: .lower) == true)
        #expect(KeyFigureRules.targetReached(value: nil, target: 5, better: .lower) == nil)
        #expect(KeyFigureRules.targetReached(value: 5, target: nil, better: .lower) == nil)
    }

    @Test func changeFollowsBetter() {
        #expect(KeyFigureRules.change(from: 8, to: 6, better: .lower) == .better)
        #expect(KeyFigureRules.change(from: 8, to: 6, better: .higher) == .worse)
        #expect(KeyFigureRules.change(from: 8, to: 8, better: .higher) == .unchanged)
        #expect(KeyFigureRules.change(from: nil, to: 8, better: .higher) == nil)
    }

    @Test func distributionsAreJudgedByTheEvenBand() {
        #expect(KeyFigureRules.targetReached(value: 44, target: 50, figure: share) == true)
        #expect(KeyFigureRules.targetReached(value: 61, target: 50, figure: share) == false)
        // Closer to an even split is better, from either side.
        #expect(KeyFigureRules.change(from: 62, to: 56, figure: share) == .better)
        #expect(KeyFigureRules.change(from: 38, to: 45, figure: share) == .better)
        #expect(KeyFigureRules.change(from: 45, to: 35, figure: share) == .worse)
        #expect(KeyFigureRules.isEven(40) && KeyFigureRules.isEven(60) && !KeyFigureRules.isEven(39.9))
    }

    @Test func gapAndWhetherItNarrowed() {
        let now: [Group: Suppression.Shown] = [.women: .value(74), .men: .value(85)]
        let before: [Group: Suppression.Shown] = [.women: .value(71), .men: .value(84)]
        let gap = KeyFigureRules.gap(current: now, previous: before)
        #expect(gap?.difference == -11)
        #expect(gap?.narrowed == true)
        #expect(KeyFigureRules.gap(current: now, previous: nil)?.narrowed == nil)
        #expect(KeyFigureRules.gap(current: [.total: .value(3)], previous: nil) == nil)
        let girls = KeyFigureRules.gap(current: [.girls: .value(30), .boys: .value(70)], previous: [.girls: .value(40), .boys: .value(60)])
        #expect(girls?.first == .girls && girls?.narrowed == false)
    }
}
