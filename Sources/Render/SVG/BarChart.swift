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
        var out = #"<svg class="chart bar-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \#(n(width)) \#(n(height))" role="img" aria-labelledby="\#(idPrefix)-title \#(idPrefix)-desc">"#
        out += "<title id=\"\(idPrefix)-title\">\(HTML.escape(title))</title><desc id=\"\(idPrefix)-desc\">\(HTML.escape(description))</desc>"
        out += legend(left: left)
        func y(_ value: Double) -> Double { plotBottom - (value / top) * (plotBottom - plotTop) }
        if evenBand && top >= 60 {
            out += #"<rect class="even-band" x="\#(n(left))" y="\#(n(y(60)))" width="\#(n(width - left - right))" height="\#(n(y(40) - y(60)))"/>"#
        }
        for (tick, label) in zip(ticks, tickLabels) {
            out += #"<line class="grid" x1="\#(n(left))" x2="\#(n(width - right))" y1="\#(n(y(tick)))" y2="\#(n(y(tick)))"/>"#
            out += #"<text class="axis-label" x="\#(n(left - 6))" y="\#(n(y(tick) + 4))" text-anchor="end">\#(HTML.escape(label))</text>"#
        }
        out += #"<line class="axis" x1="\#(n(left))" x2="\#(n(width - right))" y1="\#(n(plotBottom))" y2="\#(n(plotBottom))"/>"#
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
                    out += bar(item.style, x: x + 1, y: barTop, width: barWidth - 2, height: max(0, plotBottom - barTop))
                    // The number sits on a white chip at the top of the bar, clear of the target line and the pattern.
                    let text = (shortFormat ?? format)(value)
                    let label = HTML.escape(text)
                    let chipWidth = Double(text.count) * 7.8 + 8
                    let chipY = plotBottom - barTop >= 26 ? barTop + 4 : barTop - 20
                    out += #"<rect class="label-chip" x="\#(n(center - chipWidth / 2))" y="\#(n(chipY))" width="\#(n(chipWidth))" height="18" rx="3"/>"#
                    out += #"<text class="bar-label" x="\#(n(center))" y="\#(n(chipY + 13.5))" text-anchor="middle">\#(label)</text>"#
                case .suppressed:
                    out += #"<text class="bar-label suppressed" x="\#(n(center))" y="\#(n(plotBottom - 6))" text-anchor="middle">\#(HTML.escape(labels.suppressed))</text>"#
                case .missing:
                    out += #"<text class="bar-label missing" x="\#(n(center))" y="\#(n(plotBottom - 6))" text-anchor="middle">\#(HTML.escape(labels.missing))</text>"#
                }
                if let target = targets[c][s] {
                    let ty = y(max(0, min(target, top)))
                    out += #"<line class="target" x1="\#(n(x - 2))" x2="\#(n(x + barWidth + 2))" y1="\#(n(ty))" y2="\#(n(ty))"/>"#
                }
            }
            out += #"<text class="axis-label category" x="\#(n(left + clusterWidth * (Double(c) + 0.5)))" y="\#(n(plotBottom + 20))" text-anchor="middle">\#(HTML.escape(category))</text>"#
        }
        return out + "</svg>"
    }

    /// A bar (or a legend's swatch) in the series' colour with its marks on top.
    private func bar(_ style: String, x: Double, y: Double, width: Double, height: Double, swatch: Bool = false) -> String {
        #"<rect class="\#(swatch ? "swatch" : "bar") \#(style) fill-\#(style)" x="\#(n(x))" y="\#(n(y))" width="\#(n(width))" height="\#(n(height))"/>"#
            + BarMarks.svg(style: style, x: x + 1, y: y + 1, width: width - 2, height: height - 2, format: n)  // inside the outline
    }

    private func legend(left: Double) -> String {
        var out = #"<g class="legend">"#
        var x = left
        for item in series {
            out += bar(item.style, x: x, y: 12, width: 16, height: 16, swatch: true)
            out += #"<text class="legend-label" x="\#(n(x + 22))" y="25">\#(HTML.escape(item.label))</text>"#
            x += 34 + Double(item.label.count) * 8
        }
        if targets.contains(where: { $0.contains { $0 != nil } }) {
            out += #"<line class="target" x1="\#(n(x))" x2="\#(n(x + 18))" y1="20" y2="20"/>"#
            out += #"<text class="legend-label" x="\#(n(x + 24))" y="25">\#(HTML.escape(labels.target))</text>"#
            x += 40 + Double(labels.target.count) * 8
        }
        if evenBand {
            out += #"<rect class="even-band" x="\#(n(x))" y="12" width="16" height="16"/>"#
            out += #"<text class="legend-label" x="\#(n(x + 22))" y="25">\#(HTML.escape(labels.evenBand))</text>"#
        }
        return out + "</g>"
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

    /// A coordinate to one decimal, written digit by digit into a small string: a chart has
    /// hundreds, and Double's own description (or joining strings of integers) is slow.
    private func n(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        guard abs(tenths) < 1e12 else {
            let rounded = tenths / 10
            return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
        }
        let whole = Int(tenths)
        return String(unsafeUninitializedCapacity: 16) { buffer in
            var rest = abs(whole), count = 0
            func put(_ byte: UInt8) { buffer[count] = byte; count += 1 }
            if rest % 10 != 0 {
                put(UInt8(ascii: "0") + UInt8(rest % 10))
                put(UInt8(ascii: "."))
            }
            rest /= 10
            repeat {
                put(UInt8(ascii: "0") + UInt8(rest % 10))
                rest /= 10
            } while rest > 0
            if whole < 0 { put(UInt8(ascii: "-")) }
            var low = 0, high = count - 1
            while low < high {
                buffer.swapAt(low, high)
                low += 1
                high -= 1
            }
            return count
        }
    }
}
