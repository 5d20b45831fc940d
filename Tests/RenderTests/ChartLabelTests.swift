import Foundation
import Hyphenation
import Testing
@testable import Render
import ValgrundTestSupport

/// Value labels on bar charts: never over one another, a bar or a target mark, and readable on a phone.
@Suite struct ChartLabelTests {
    struct Box {
        var x0, y0, x1, y1: Double
        func overlaps(_ other: Box) -> Bool { x0 < other.x1 && other.x0 < x1 && y0 < other.y1 && other.y0 < y1 }
    }

    static func numbers(_ pattern: String, in svg: String) -> [[Double]] {
        let expression = try! NSRegularExpression(pattern: pattern)
        return expression.matches(in: svg, range: NSRange(svg.startIndex..., in: svg)).map { match in
            (1..<match.numberOfRanges).map { Double(svg[Range(match.range(at: $0), in: svg)!])! }
        }
    }

    /// The cost chart of the sample: women and men side by side with close values and targets just above them.
    func costChart(_ values: [[Double]], targets: [[Double?]]) -> String {
        BarChart(
            idPrefix: "t", title: "Kostnad", description: "d", categories: values.indices.map { String(2023 + $0) },
            series: [.init(label: "Kvinnor", style: "women"), .init(label: "Män", style: "men")],
            values: values.map { $0.map { .value($0) } }, targets: targets,
            format: { "\(Int($0)) kr" },
            shortFormat: { value in
                let thousands = Int(value) / 1000
                return "\(thousands) 000"
            }, maximum: nil,
            labels: .init(target: "Mål", suppressed: "..", missing: "–", evenBand: "")
        ).svg()
    }

    @Test(arguments: [
        ([[205_000, 243_000]], [[Double?](arrayLiteral: 210_000, 250_000)]),
        ([[205_000, 243_000], [212_000, 238_000], [199_000, 241_000]], [[210_000, 240_000], [215_000, 240_000], [200_000, 240_000]]),
        ([[98, 100], [3, 4], [50, 51]], [[100, 100], [4, 4], [nil, 52]]),
    ])
    func labelsKeepClear(values: [[Double]], targets: [[Double?]]) {
        let svg = costChart(values, targets: targets)
        let chips = Self.numbers(#"<rect class="label-chip" x="([-0-9.]+)" y="([-0-9.]+)" width="([0-9.]+)" height="([0-9.]+)""#, in: svg)
            .map { Box(x0: $0[0], y0: $0[1], x1: $0[0] + $0[2], y1: $0[1] + $0[3]) }
        let targetLines = Self.numbers(#"<line class="target" x1="([-0-9.]+)" x2="([-0-9.]+)" y1="([-0-9.]+)" y2="[-0-9.]+""#, in: svg)
            .map { Box(x0: $0[0], y0: $0[2] - 1.5, x1: $0[1], y1: $0[2] + 1.5) }
        let bars = Self.numbers(#"<rect class="bar [a-z_]+ fill-[a-z_]+" x="([-0-9.]+)" y="([-0-9.]+)" width="([0-9.]+)" height="([0-9.]+)""#, in: svg)
            .map { Box(x0: $0[0], y0: $0[1], x1: $0[0] + $0[2], y1: $0[1] + $0[3]) }
        // Every value gets its label here: there is room above the bars.
        #expect(chips.count == values.flatMap { $0 }.count)
        for (index, chip) in chips.enumerated() {
            for other in chips[(index + 1)...] { #expect(!chip.overlaps(other), "labels \(chip) and \(other) overlap") }
            for line in targetLines.dropFirst() { #expect(!chip.overlaps(line), "label \(chip) over the target \(line)") }
            // A label inside its own bar is fine; over another bar it is not.
            for bar in bars where chip.overlaps(bar) {
                #expect(chip.x0 >= bar.x0 && chip.x1 <= bar.x1, "label \(chip) over a bar \(bar)")
            }
        }
    }

    /// 12 px as drawn on a 390 px phone, whose column is 350 px wide (the chart scales to it).
    @Test func textIsReadableOnAPhone() {
        let svg = costChart([[205_000, 243_000]], targets: [[210_000, 250_000]])
        let width = Self.numbers(#"viewBox="0 0 ([0-9.]+) [0-9.]+""#, in: svg)[0][0]
        let css = try! String(contentsOf: TestSupport.repositoryRoot.appendingPathComponent("themes/default/static/assets/valgrund.css"), encoding: .utf8)
        let sizes = Self.numbers(#"\.chart \.[a-z-]+(?:\.[a-z]+)?(?:, \.chart \.[a-z-.]+)? \{[^}]*font-size: ([0-9.]+)px"#, in: css).map { $0[0] }
        #expect(sizes.count >= 4)
        for size in sizes { #expect(size * 350 / width >= 12, "\(size) units are \(size * 350 / width) px on a phone") }
        #expect(BarChart.textSize * 350 / width >= 12)
    }

    /// The learning follow-up's legend stays inside the chart: its two entries side by side when
    /// they fit, the second on a line of its own when they do not (the Swedish words).
    @Test(arguments: [("en deltagares bedömning", "gemensam bedömning", true), ("rating", "joint", false)])
    func dotPlotLegendStaysInside(rating: String, agreed: String, wraps: Bool) {
        let plot = DotPlot(
            idPrefix: "vg-lf", title: "T", description: "D",
            rows: [DotPlot.Row(label: "1. Utgångspunkter", ratings: [7, 8, 8], agreed: 8)], scale: 1...10,
            labels: DotPlot.Labels(rating: rating, agreed: agreed))
        let svg = plot.svg()
        let labels = Self.numbers(#"<text class="legend-label" x="([0-9.]+)" y="([0-9.]+)">"#, in: svg)
        #expect(labels.count == 2)
        for (index, label) in labels.enumerated() {
            let text = index == 0 ? rating : agreed
            #expect(label[0] + BarChart.textWidth(text) <= 520, "\(text)")
        }
        #expect((labels[1][1] > labels[0][1]) == wraps)
        // The rows start below the legend.
        let firstRow = Self.numbers(#"<text class="row-label" x="[0-9.]+" y="([0-9.]+)""#, in: svg).first?[0] ?? 0
        #expect(firstRow > labels[1][1] + 10)
    }

    /// A word too long for a figure's box breaks where the dictionary allows, as late as fits; with
    /// no dictionary, after a fixed count. Shorter words wrap whole.
    @Test func aLongWordInABoxBreaksAtASyllable() throws {
        let swedish = try Hyphenator.forLanguage("sv")
        #expect(TextWrap.lines("Kommunledningsförvaltningen", width: 16, hyphenator: swedish) == ["Kommunlednings-", "förvaltningen"])
        #expect(TextWrap.lines("Kommunledningsförvaltningen", width: 16) == ["Kommunledningsf-", "örvaltningen"])
        #expect(TextWrap.lines("Mål för Kommunledningsförvaltningen", width: 16, hyphenator: swedish) == ["Mål för", "Kommunlednings-", "förvaltningen"])
        // Twenty letters fit a box of 16 (a quarter more for a word of its own); twenty-one do not.
        #expect(TextWrap.lines("Jämställdhetsarbetet", width: 16, hyphenator: swedish) == ["Jämställdhetsarbetet"])
        #expect(TextWrap.lines("Jämställdhetsarbeteta", width: 16, hyphenator: swedish).count == 2)
    }
}
