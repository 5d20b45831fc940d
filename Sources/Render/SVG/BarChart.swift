import Foundation

/// Grouped bars per year (women and men side by side), with targets marked and values written on
/// the bars. Readable without colour: each series has its own pattern, every bar its number, and
/// the legend names every symbol. The numbers are also in a table next to the chart.
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
    /// Fixed top of the scale (100 for percent); otherwise from the data.
    var maximum: Double?
    /// Shade 40–60 (shares of one whole that count as even).
    var evenBand: Bool = false
    var labels: Labels

    struct Labels {
        var target: String
        var suppressed: String
        var missing: String
        var evenBand: String
    }

    private let width = 520.0
    private let plotTop = 56.0
    private let plotBottom = 262.0
    /// Room for the longest axis label.
    private static func left(ticks: [String]) -> Double { max(40, Double(ticks.map(\.count).max() ?? 4) * 8 + 14) }
    private let right = 12.0

    func svg() -> String {
        let top = scaleTop()
        let ticks = ticks(top)
        let tickLabels = ticks.map(format)
        let left = Self.left(ticks: tickLabels)
        let height = plotBottom + 34
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
        legend(left: left, into: &out)
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
            out.attribute("y", y(tick) + 4)
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
        let clusterWidth = (width - left - right) / Double(max(1, categories.count))
        let barWidth = min(56, clusterWidth * 0.78 / Double(max(1, series.count)))
        for (c, category) in categories.enumerated() {
            let clusterStart = left + clusterWidth * Double(c) + (clusterWidth - barWidth * Double(series.count)) / 2
            for (s, item) in series.enumerated() {
                let x = clusterStart + barWidth * Double(s)
                let center = x + barWidth / 2
                switch values[c][s] {
                case .value(let value):
                    let barTop = y(max(0, min(value, top)))
                    bar(item.style, x: x + 1, y: barTop, width: barWidth - 2, height: max(0, plotBottom - barTop), into: &out)
                    // The number sits on a white chip at the top of the bar, clear of the target line and the pattern.
                    let text = (shortFormat ?? format)(value)
                    let chipWidth = Double(text.count) * 7.8 + 8
                    let chipY = plotBottom - barTop >= 26 ? barTop + 4 : barTop - 20
                    out.raw(#"<rect class="label-chip""#)
                    out.attribute("x", center - chipWidth / 2)
                    out.attribute("y", chipY)
                    out.attribute("width", chipWidth)
                    out.raw(#" height="18" rx="3"/><text class="bar-label""#)
                    out.attribute("x", center)
                    out.attribute("y", chipY + 13.5)
                    out.raw(#" text-anchor="middle">"#)
                    out.escaped(text)
                    out.raw("</text>")
                case .suppressed, .missing:
                    let suppressed = values[c][s] == .suppressed
                    out.raw(suppressed ? #"<text class="bar-label suppressed""# : #"<text class="bar-label missing""#)
                    out.attribute("x", center)
                    out.attribute("y", plotBottom - 6)
                    out.raw(#" text-anchor="middle">"#)
                    out.escaped(suppressed ? labels.suppressed : labels.missing)
                    out.raw("</text>")
                }
                if let target = targets[c][s] {
                    let ty = y(max(0, min(target, top)))
                    out.raw(#"<line class="target""#)
                    out.attribute("x1", x - 2)
                    out.attribute("x2", x + barWidth + 2)
                    out.attribute("y1", ty)
                    out.attribute("y2", ty)
                    out.raw("/>")
                }
            }
            out.raw(#"<text class="axis-label category""#)
            out.attribute("x", left + clusterWidth * (Double(c) + 0.5))
            out.attribute("y", plotBottom + 20)
            out.raw(#" text-anchor="middle">"#)
            out.escaped(category)
            out.raw("</text>")
        }
        out.raw("</svg>")
        return out.string
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

    private func legend(left: Double, into out: inout SVGBytes) {
        out.raw(#"<g class="legend">"#)
        var x = left
        for item in series {
            bar(item.style, x: x, y: 12, width: 16, height: 16, swatch: true, into: &out)
            out.raw(#"<text class="legend-label""#)
            out.attribute("x", x + 22)
            out.raw(#" y="25">"#)
            out.escaped(item.label)
            out.raw("</text>")
            x += 34 + Double(item.label.count) * 8
        }
        if targets.contains(where: { $0.contains { $0 != nil } }) {
            out.raw(#"<line class="target""#)
            out.attribute("x1", x)
            out.attribute("x2", x + 18)
            out.raw(#" y1="20" y2="20"/><text class="legend-label""#)
            out.attribute("x", x + 24)
            out.raw(#" y="25">"#)
            out.escaped(labels.target)
            out.raw("</text>")
            x += 40 + Double(labels.target.count) * 8
        }
        if evenBand {
            out.raw(#"<rect class="even-band""#)
            out.attribute("x", x)
            out.raw(#" y="12" width="16" height="16"/><text class="legend-label""#)
            out.attribute("x", x + 22)
            out.raw(#" y="25">"#)
            out.escaped(labels.evenBand)
            out.raw("</text>")
        }
        out.raw("</g>")
    }

    private func scaleTop() -> Double {
        if let maximum { return maximum }
        let largest = (values.flatMap { $0 }.compactMap { cell -> Double? in
            if case .value(let value) = cell { return value }
            return nil
        } + targets.flatMap { $0 }.compactMap { $0 }).max() ?? 1
        return niceCeiling(max(largest * 1.12, 1))
    }

    private func niceCeiling(_ value: Double) -> Double {
        let magnitude = pow(10, floor(log10(value)))
        for step in [1.0, 2, 2.5, 5, 10] where step * magnitude >= value { return step * magnitude }
        return 10 * magnitude
    }

    private func ticks(_ top: Double) -> [Double] {
        let step = niceCeiling(top / 5)
        return stride(from: 0, through: top + step / 100, by: step).map { $0 }
    }

}
