import Foundation
import Markup

/// Grouped bars per year (women and men side by side), with targets marked and values written on
/// the bars. Readable without colour: each series has its own pattern, every bar its number (where
/// it fits clear of the others), and the legend names every symbol. The numbers are also in a
/// table next to the chart.
struct BarChart {
    enum Cell: Equatable {
        case value(Double)
        /// Too few people: drawn as "..", never as a number.
        case suppressed
        case missing
    }

    struct Series {
        var label: String
        /// `women`, `men`, … selects the colour and pattern in the stylesheet.
        var style: String
    }

    var idPrefix: String
    var title: String
    var description: String
    var categories: [String]
    var series: [Series]
    /// values[category][series]
    var values: [[Cell]]
    /// targets[category][series]
    var targets: [[Double?]]
    var format: (Double) -> String
    /// The number written on a bar: without the unit when the axis already gives it (kr).
    var shortFormat: ((Double) -> String)? = nil
    /// Fixed top of the scale (the highest self-assessment score, 100 for shares of one whole);
    /// otherwise the scale fits the data (`NiceScale`).
    var maximum: Double?
    /// Counts of people or units: whole-number ticks only.
    var wholeNumbers: Bool = false
    /// A top the fitted scale does not pass (100 for percent).
    var ceiling: Double? = nil
    /// Shade 40–60 (shares of one whole that count as even).
    var evenBand: Bool = false
    var labels: Labels

    struct Labels {
        var target: String
        var suppressed: String
        var missing: String
        var evenBand: String
    }

    /// The size of every text in the chart, in the SVG's own units. The chart is drawn 520 units
    /// wide and scaled to its box: `.chart` is `width: 100%` (at most 38rem), and on a 390 px phone
    /// the page's column is 390 − 2 × 1.25rem = 350 px, so one unit is 350 / 520 = 0.67 px there.
    /// 18 units are then 12.1 px, the least that stays readable; wider screens only enlarge it.
    static let textSize = 18.0
    /// How wide a text of `count` characters is at most (digits of a sans-serif bold are about 0.62 em).
    static func textWidth(_ text: String) -> Double { Double(text.count) * textSize * 0.62 }

    private let width = 520.0
    private let plotHeight = 206.0
    private let right = 12.0
    private let chipHeight = textSize + 6

    /// A rectangle that a label must keep clear of.
    struct Box {
        var x0, y0, x1, y1: Double
        func overlaps(_ other: Box) -> Bool { x0 < other.x1 && other.x0 < x1 && y0 < other.y1 && other.y0 < y1 }
    }

    func scale() -> NiceScale {
        let largest =
            (values.flatMap { $0 }.compactMap { cell -> Double? in
                if case .value(let value) = cell { return value }
                return nil
            } + targets.flatMap { $0 }.compactMap { $0 }).max() ?? 0
        return NiceScale.fitting(largest, wholeNumbers: wholeNumbers, ceiling: ceiling, fixedTop: maximum)
    }

    func svg() -> String {
        let scale = scale()
        let top = scale.top
        let ticks = scale.ticks
        let tickLabels = ticks.map(format)
        let left = max(40, (tickLabels.map(Self.textWidth).max() ?? 0) + 12)
        let clusterWidth = (width - left - right) / Double(max(1, categories.count))
        let barWidth = min(56, clusterWidth * 0.78 / Double(max(1, series.count)))
        var legendOut = SVGBytes(capacity: 2048)
        let legendBottom = legend(left: left, into: &legendOut)
        // Room above the highest tick for the labels over the tallest bars: one row when every
        // label fits across its bar, else a row per series, since side by side bars then need
        // their labels stacked (a label is wider than a bar, "243 000" 86 units, a bar 56 at most).
        let labelRows = widestLabel() + 8 <= barWidth ? 1.0 : Double(max(1, series.count))
        let plotTop = legendBottom + labelRows * (chipHeight + 4) + 6
        let plotBottom = plotTop + plotHeight
        let height = plotBottom + Self.textSize + 16
        var out = SVGBytes(capacity: 8192)
        out.raw(#"<svg class="chart bar-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 "#)
        out.number(width)
        out.raw(" ")
        out.number(height)
        out.raw(#"" role="img" aria-labelledby=""#)
        out.raw("\(idPrefix)-title \(idPrefix)-desc\">")
        out.raw("<title id=\"\(idPrefix)-title\">")
        out.escaped(title)
        out.raw("</title><desc id=\"\(idPrefix)-desc\">")
        out.escaped(description)
        out.raw("</desc>")
        out.append(legendOut)
        func y(_ value: Double) -> Double { plotBottom - (value / top) * (plotBottom - plotTop) }
        if evenBand && top >= 60 {
            out.raw(#"<rect class="even-band""#)
            out.attribute("x", left)
            out.attribute("y", y(60))
            out.attribute("width", width - left - right)
            out.attribute("height", y(40) - y(60))
            out.raw("/>")
        }
        for (tick, label) in zip(ticks, tickLabels) {
            out.raw(#"<line class="grid""#)
            out.attribute("x1", left)
            out.attribute("x2", width - right)
            out.attribute("y1", y(tick))
            out.attribute("y2", y(tick))
            out.raw(#"/><text class="axis-label""#)
            out.attribute("x", left - 6)
            out.attribute("y", y(tick) + Self.textSize * 0.35)
            out.raw(#" text-anchor="end">"#)
            out.escaped(label)
            out.raw("</text>")
        }
        out.raw(#"<line class="axis""#)
        out.attribute("x1", left)
        out.attribute("x2", width - right)
        out.attribute("y1", plotBottom)
        out.attribute("y2", plotBottom)
        out.raw("/>")
        // Bars and target marks first; the labels then go where they cover neither.
        var obstacles: [Box] = []
        var pending: [(text: String, center: Double, barTop: Double, barBox: Box, targetY: Double?)] = []
        for (c, category) in categories.enumerated() {
            let clusterStart = left + clusterWidth * Double(c) + (clusterWidth - barWidth * Double(series.count)) / 2
            for (s, item) in series.enumerated() {
                let x = clusterStart + barWidth * Double(s)
                let center = x + barWidth / 2
                let targetY = targets[c][s].map { y(max(0, min($0, top))) }
                switch values[c][s] {
                case .value(let value):
                    let barTop = y(max(0, min(value, top)))
                    bar(item.style, x: x + 1, y: barTop, width: barWidth - 2, height: max(0, plotBottom - barTop), into: &out)
                    let box = Box(x0: x, y0: barTop, x1: x + barWidth, y1: plotBottom)
                    obstacles.append(box)
                    pending.append(((shortFormat ?? format)(value), center, barTop, box, targetY))
                case .suppressed, .missing:
                    let suppressed = values[c][s] == .suppressed
                    out.raw(suppressed ? #"<text class="bar-label suppressed""# : #"<text class="bar-label missing""#)
                    out.attribute("x", center)
                    out.attribute("y", plotBottom - 6)
                    out.raw(#" text-anchor="middle">"#)
                    out.escaped(suppressed ? labels.suppressed : labels.missing)
                    out.raw("</text>")
                    obstacles.append(Box(x0: x, y0: plotBottom - 6 - Self.textSize, x1: x + barWidth, y1: plotBottom))
                }
                if let ty = targetY {
                    out.raw(#"<line class="target""#)
                    out.attribute("x1", x - 2)
                    out.attribute("x2", x + barWidth + 2)
                    out.attribute("y1", ty)
                    out.attribute("y2", ty)
                    out.raw("/>")
                    obstacles.append(Box(x0: x - 2, y0: ty - 3, x1: x + barWidth + 2, y1: ty + 3))
                }
            }
            out.raw(#"<text class="axis-label category""#)
            out.attribute("x", left + clusterWidth * (Double(c) + 0.5))
            out.attribute("y", plotBottom + Self.textSize + 4)
            out.raw(#" text-anchor="middle">"#)
            out.escaped(category)
            out.raw("</text>")
        }
        for label in pending {
            guard let chip = place(label, among: &obstacles, left: left, highest: legendBottom + 4) else { continue }
            out.raw(#"<rect class="label-chip""#)
            out.attribute("x", chip.x0)
            out.attribute("y", chip.y0)
            out.attribute("width", chip.x1 - chip.x0)
            out.attribute("height", chipHeight)
            out.raw(#" rx="3"/><text class="bar-label""#)
            out.attribute("x", (chip.x0 + chip.x1) / 2)
            out.attribute("y", chip.y0 + chipHeight / 2 + Self.textSize * 0.35)
            out.raw(#" text-anchor="middle">"#)
            out.escaped(label.text)
            out.raw("</text>")
        }
        out.raw("</svg>")
        return out.string
    }

    private func widestLabel() -> Double {
        values.flatMap { $0 }.map { cell -> Double in
            if case .value(let value) = cell { return Self.textWidth((shortFormat ?? format)(value)) }
            return 0
        }.max() ?? 0
    }

    /// Where a value's chip goes: inside the top of its bar when it fits there, else just above
    /// the bar, else above its target mark, else higher up in steps; never over another label, a
    /// bar or a target mark. Nil when no place is free: the chart's table still holds the number.
    private func place(
        _ label: (text: String, center: Double, barTop: Double, barBox: Box, targetY: Double?),
        among obstacles: inout [Box], left: Double, highest: Double
    ) -> Box? {
        let chipWidth = Self.textWidth(label.text) + 8
        // Centred over its bar, but moved sideways to stay within the plot (the first and last bars).
        let x0 = max(left, min(label.center - chipWidth / 2, width - chipWidth))
        func chip(_ y: Double) -> Box { Box(x0: x0, y0: y, x1: x0 + chipWidth, y1: y + chipHeight) }
        func free(_ box: Box, inside: Bool) -> Bool {
            box.y0 >= highest
                && !obstacles.contains { $0.overlaps(box) && !(inside && $0.x0 == label.barBox.x0 && $0.y0 == label.barBox.y0 && $0.x1 == label.barBox.x1) }
        }
        var candidates: [(Double, Bool)] = []
        if chipWidth <= label.barBox.x1 - label.barBox.x0 - 2 && label.barBox.y1 - label.barTop >= chipHeight + 8 {
            candidates.append((label.barTop + 4, true))
        }
        var above = label.barTop - chipHeight - 3
        if let targetY = label.targetY, targetY < label.barTop { above = min(above, targetY - chipHeight - 5) }
        // Just above the bar (and its target), else just above whatever is in the way there.
        let inTheWay = obstacles.filter { $0.x0 < x0 + chipWidth && x0 < $0.x1 }
        for y in ([above] + inTheWay.map { $0.y0 - chipHeight - 2 }).filter({ $0 <= above && $0 >= highest }).sorted(by: >) {
            candidates.append((y, false))
        }
        for (y, inside) in candidates where free(chip(y), inside: inside) {
            let box = chip(y)
            obstacles.append(box)
            return box
        }
        return nil
    }

    /// A bar (or a legend's swatch) in the series' colour with its marks on top.
    private func bar(_ style: String, x: Double, y: Double, width: Double, height: Double, swatch: Bool = false, into out: inout SVGBytes) {
        out.raw(swatch ? #"<rect class="swatch "# : #"<rect class="bar "#)
        out.raw("\(style) fill-\(style)\"")
        out.attribute("x", x)
        out.attribute("y", y)
        out.attribute("width", width)
        out.attribute("height", height)
        out.raw("/>")
        BarMarks.write(style: style, x: x + 1, y: y + 1, width: width - 2, height: height - 2, into: &out)  // inside the outline
    }

    /// The legend in rows that wrap within the chart's width; returns where its last row ends.
    private func legend(left: Double, into out: inout SVGBytes) -> Double {
        out.raw(#"<g class="legend">"#)
        let rowHeight = Self.textSize + 10
        var x = left
        var row = 0.0
        func start(_ itemWidth: Double) -> (Double, Double) {
            if x > left && x + itemWidth > width - right {
                x = left
                row += 1
            }
            let origin = (x, 8 + row * rowHeight)
            x += itemWidth + 16
            return origin
        }
        for item in series {
            let (ix, iy) = start(22 + Self.textWidth(item.label))
            bar(item.style, x: ix, y: iy + 2, width: 16, height: 16, swatch: true, into: &out)
            text(item.label, x: ix + 22, y: iy + 16, into: &out)
        }
        if targets.contains(where: { $0.contains { $0 != nil } }) {
            let (ix, iy) = start(24 + Self.textWidth(labels.target))
            out.raw(#"<line class="target""#)
            out.attribute("x1", ix)
            out.attribute("x2", ix + 18)
            out.attribute("y1", iy + 10)
            out.attribute("y2", iy + 10)
            out.raw("/>")
            text(labels.target, x: ix + 24, y: iy + 16, into: &out)
        }
        if evenBand {
            let (ix, iy) = start(22 + Self.textWidth(labels.evenBand))
            out.raw(#"<rect class="even-band""#)
            out.attribute("x", ix)
            out.attribute("y", iy + 2)
            out.raw(#" width="16" height="16"/>"#)
            text(labels.evenBand, x: ix + 22, y: iy + 16, into: &out)
        }
        out.raw("</g>")
        return 8 + (row + 1) * rowHeight
    }

    private func text(_ label: String, x: Double, y: Double, into out: inout SVGBytes) {
        out.raw(#"<text class="legend-label""#)
        out.attribute("x", x)
        out.attribute("y", y)
        out.raw(">")
        out.escaped(label)
        out.raw("</text>")
    }
}
