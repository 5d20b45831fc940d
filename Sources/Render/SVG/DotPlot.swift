import Foundation
import Markup

/// The whiteboard exercise of the learning follow-up: for each question, every participant's
/// rating as a dot on the scale and the group's joint assessment marked, so it shows at a glance
/// how alike or different people judged the same work.
struct DotPlot {
    struct Row {
        var label: String
        var ratings: [Int]
        var agreed: Int?
    }

    var idPrefix: String
    var title: String
    var description: String
    var rows: [Row]
    var scale: ClosedRange<Int>
    var labels: Labels

    struct Labels {
        var rating: String
        var agreed: String
    }

    /// As wide as a bar chart, so the same text size (`BarChart.textSize`) stays readable on a phone.
    private let width = 520.0
    private let left = 24.0
    private let right = 24.0
    private let dotStep = 12.0

    /// Room for the tallest column of equal ratings in a row.
    private func rowHeight(_ row: Row) -> Double {
        let tallest = Dictionary(grouping: row.ratings) { $0 }.values.map(\.count).max() ?? 1
        return 52 + Double(max(1, tallest)) * dotStep
    }

    func svg() -> String {
        // The legend's second entry goes on a line of its own when both do not fit on one (in
        // Swedish they do not: "en deltagares bedömning", "gemensam bedömning").
        let showsRatings = rows.contains(where: { !$0.ratings.isEmpty })
        var second = showsRatings ? left + 40 + BarChart.textWidth(labels.rating) : left
        var agreedY = 18.0
        if second + 24 + BarChart.textWidth(labels.agreed) > width - right {
            second = left
            agreedY += 28
        }
        let top = 46.0 + (agreedY - 18)
        let height = top + rows.map(rowHeight).reduce(0, +) + 34
        // In Double: a scale of ±Int.max must not overflow here (the validator bounds it, this does not rely on it).
        let span = max(1, Double(scale.upperBound) - Double(scale.lowerBound))
        func x(_ value: Int) -> Double { left + ((Double(value) - Double(scale.lowerBound)) / span) * (width - left - right) }
        var out =
            #"<svg class="chart dot-plot" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \#(n(width)) \#(n(height))" role="img" aria-labelledby="\#(idPrefix)-title \#(idPrefix)-desc">"#
        out += "<title id=\"\(idPrefix)-title\">\(HTML.escape(title))</title><desc id=\"\(idPrefix)-desc\">\(HTML.escape(description))</desc>"
        // The legend lists only what is drawn: no participant's dot where every rating is hidden.
        out += #"<g class="legend">"#
        if showsRatings {
            out +=
                #"<circle class="rating" cx="\#(n(left + 8))" cy="18" r="5.5"/><text class="legend-label" x="\#(n(left + 22))" y="24">\#(HTML.escape(labels.rating))</text>"#
        }
        out +=
            #"<path class="agreed" d="\#(diamond(second + 8, agreedY, 9))"/><text class="legend-label" x="\#(n(second + 24))" y="\#(n(agreedY + 6))">\#(HTML.escape(labels.agreed))</text></g>"#
        var baseY = top
        for row in rows {
            let rowTop = baseY
            baseY += rowHeight(row)
            let lineY = baseY - 22
            out += #"<text class="row-label" x="\#(n(left))" y="\#(n(rowTop + 18))">\#(HTML.escape(row.label))</text>"#
            if let low = row.ratings.min(), let high = row.ratings.max(), high > low {
                out += #"<rect class="spread" x="\#(n(x(low) - 8))" y="\#(n(lineY - 6))" width="\#(n(x(high) - x(low) + 16))" height="12" rx="6"/>"#
            }
            out += #"<line class="scale-line" x1="\#(n(x(scale.lowerBound)))" x2="\#(n(x(scale.upperBound)))" y1="\#(n(lineY))" y2="\#(n(lineY))"/>"#
            for value in scale {
                out += #"<line class="tick" x1="\#(n(x(value)))" x2="\#(n(x(value)))" y1="\#(n(lineY - 4))" y2="\#(n(lineY + 4))"/>"#
            }
            // Equal ratings stack upwards like marks on a whiteboard, so every participant stays visible.
            var seen: [Int: Int] = [:]
            for rating in row.ratings.sorted() {
                let stack = seen[rating, default: 0]
                seen[rating] = stack + 1
                out += #"<circle class="rating" cx="\#(n(x(rating)))" cy="\#(n(lineY - 10 - Double(stack) * dotStep))" r="5.5"/>"#
            }
            if let agreed = row.agreed {
                out += #"<path class="agreed" d="\#(diamond(x(agreed), lineY + 11, 8))"/>"#
            }
        }
        let axisY = baseY + 20
        for value in scale {
            out += #"<text class="axis-label" x="\#(n(x(value)))" y="\#(n(axisY))" text-anchor="middle">\#(value)</text>"#
        }
        return out + "</svg>"
    }

    private func diamond(_ cx: Double, _ cy: Double, _ r: Double) -> String {
        "M\(n(cx)) \(n(cy - r))L\(n(cx + r)) \(n(cy))L\(n(cx)) \(n(cy + r))L\(n(cx - r)) \(n(cy))Z"
    }

    private func n(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int(rounded)) : String(rounded)
    }
}
