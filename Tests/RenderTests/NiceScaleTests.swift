import Testing
@testable import Render
import ValgrundTestSupport

/// The value axis of the bar charts: 0 at the base, round and distinct ticks, a top just above the data.
@Suite struct NiceScaleTests {
    func ticks(_ largest: Double, whole: Bool = false, ceiling: Double? = nil, fixedTop: Double? = nil) -> [Double] {
        NiceScale.fitting(largest, wholeNumbers: whole, ceiling: ceiling, fixedTop: fixedTop).ticks
    }

    @Test func countsAreWholeNumbers() {
        #expect(ticks(0, whole: true) == [0, 1])
        #expect(ticks(1, whole: true) == [0, 1])
        #expect(ticks(2, whole: true) == [0, 1, 2])
        #expect(ticks(3, whole: true) == [0, 1, 2, 3])
        #expect(ticks(5, whole: true) == [0, 1, 2, 3, 4, 5])
        #expect(ticks(6, whole: true) == [0, 2, 4, 6])
        #expect(ticks(7, whole: true) == [0, 2, 4, 6, 8])
        #expect(ticks(11, whole: true) == [0, 5, 10, 15])
        // 2.5 is no count; 25 is.
        #expect(ticks(120, whole: true) == [0, 25, 50, 75, 100, 125])
    }

    @Test func measuresGetRoundSteps() {
        #expect(ticks(0) == [0, 0.2, 0.4, 0.6, 0.8, 1])
        #expect(ticks(1) == [0, 0.2, 0.4, 0.6, 0.8, 1])
        #expect(ticks(2) == [0, 0.5, 1, 1.5, 2])
        #expect(ticks(7) == [0, 2, 4, 6, 8])
        #expect(ticks(12) == [0, 2.5, 5, 7.5, 10, 12.5])
        #expect(ticks(1e6) == [0, 200_000, 400_000, 600_000, 800_000, 1_000_000])
        #expect(ticks(243_000) == [0, 50_000, 100_000, 150_000, 200_000, 250_000])
        // Nothing finer than one decimal: the labels show at most one.
        #expect(ticks(0.3) == [0, 0.1, 0.2, 0.3])
    }

    @Test func percentFitsTheDataNotAlwaysAHundred() {
        #expect(ticks(10, ceiling: 100) == [0, 2, 4, 6, 8, 10])
        #expect(ticks(8.4, ceiling: 100) == [0, 2, 4, 6, 8, 10])
        #expect(ticks(99.5, ceiling: 100) == [0, 20, 40, 60, 80, 100])
        #expect(ticks(100, ceiling: 100) == [0, 20, 40, 60, 80, 100])
        #expect(ticks(100.5, ceiling: 100).last! >= 100.5)
        #expect(ticks(43, ceiling: 100) == [0, 10, 20, 30, 40, 50])
    }

    @Test func aFixedTopKeepsRoundTicks() {
        #expect(ticks(3, whole: true, fixedTop: 5) == [0, 1, 2, 3, 4, 5])
        #expect(NiceScale.fitting(3, wholeNumbers: true, fixedTop: 7).top == 7)
        #expect(ticks(3, whole: true, fixedTop: 7) == [0, 2, 4, 6])
        #expect(ticks(40, fixedTop: 100) == [0, 20, 40, 60, 80, 100])
    }

    @Test func everyTickIsDistinctAndEvenlySpaced() {
        for largest in stride(from: 0.0, through: 3000, by: 0.7) {
            for whole in [true, false] {
                let all = ticks(largest, whole: whole)
                #expect(Set(all).count == all.count)
                #expect(all.first == 0 && all.last! >= largest)
                #expect(all.count >= 2 && all.count <= 7, "\(largest): \(all)")
                if whole { #expect(all.allSatisfy { $0 == $0.rounded() }) }
            }
        }
    }
}
