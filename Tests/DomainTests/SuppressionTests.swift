import Testing
@testable import Model

@Suite struct SuppressionTests {
    @Test func valueOfASmallGroupIsSuppressed() {
        let shown = Suppression.shown(values: GroupValues([.women: 71, .men: 90]), n: GroupValues([.women: 24, .men: 3]),
                                      groups: [.women, .men], minGroupSize: 5)
        #expect(shown[.women] == .value(71))
        #expect(shown[.men] == .suppressed)
        #expect(shown[.men]?.number == nil)
    }

    @Test func groupOfZeroAndTheThresholdItself() {
        let shown = Suppression.shown(values: GroupValues([.girls: 0, .boys: 40]), n: GroupValues([.girls: 0, .boys: 5]),
                                      groups: [.girls, .boys], minGroupSize: 5)
        #expect(shown[.girls] == .suppressed)
        #expect(shown[.boys] == .value(40))
    }

    @Test func withoutSizesNothingIsSuppressed() {
        let shown = Suppression.shown(values: GroupValues([.women: 12]), n: nil, groups: [.women, .men], minGroupSize: 5)
        #expect(shown[.women] == .value(12))
        #expect(shown[.men] == .missing)
    }

    @Test func totalIsSuppressedWhenItWouldRevealAHiddenGroup() {
        let shown = Suppression.shown(values: GroupValues([.women: 20, .men: 2, .total: 22]), n: GroupValues([.women: 20, .men: 2]),
                                      groups: [.women, .men, .total], minGroupSize: 5)
        #expect(shown[.men] == .suppressed)
        #expect(shown[.total] == .suppressed)
        #expect(shown[.women] == .value(20))
    }

    @Test func sizesBelowTheThresholdAreNotGiven() {
        #expect(Suppression.shownSize(3, minGroupSize: 5) == .suppressed)
        #expect(Suppression.shownSize(5, minGroupSize: 5) == .value(5))
        #expect(Suppression.shownSize(nil, minGroupSize: 5) == .missing)
    }

    @Test func noGapOrChangeFromASuppressedValue() {
        let now = Suppression.shown(values: GroupValues([.women: 70, .men: 50]), n: GroupValues([.women: 30, .men: 2]), groups: [.women, .men], minGroupSize: 5)
        let before = Suppression.shown(values: GroupValues([.women: 60, .men: 40]), n: GroupValues([.women: 30, .men: 9]), groups: [.women, .men], minGroupSize: 5)
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
