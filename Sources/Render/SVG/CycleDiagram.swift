import Foundation
import Hyphenation
import Markup

/// A cycle as a picture: the process's steps (each a link) or a page's own cycle (`FigureBlock`)
/// on a ring, in order, with arrows showing the direction. Readable without colour (numbers, text
/// and a thick frame mark the current step) and described in words for screen readers.
struct CycleDiagram {
    struct Step {
        var number: Int
        var title: String
        /// Where the step leads; nil for a figure's items, which are not links.
        var href: String?
        var isCurrent: Bool
    }

    var steps: [Step]
    var title: String
    var description: String
    var centerText: String
    var youAreHere: String
    /// The start of the ids of its title and description, unique in the page.
    var id = "vg-cycle-svg"
    /// Where a word too long for its box may break (the site's language); nil: after a fixed count.
    var hyphenator: Hyphenator? = nil

    private let boxWidth = 228.0
    private let lineHeight = 18.0
    private let charsPerLine = 16

    func svg() -> String {
        guard !steps.isEmpty else { return "" }
        let count = steps.count
        let radius = count < 3 ? 130.0 : max(215.0, 118.0 / sin(Double.pi / Double(count)))
        let boxes = steps.map { step -> (Step, [String], Double) in
            var lines = TextWrap.lines(step.title, width: charsPerLine, hyphenator: hyphenator)
            if step.isCurrent { lines.append("(\(youAreHere))") }
            return (step, lines, 18 + Double(lines.count) * lineHeight)
        }
        let tallest = boxes.map(\.2).max() ?? 60
        let margin = 12.0
        let width = 2 * radius + boxWidth + 2 * margin
        let height = 2 * radius + tallest + 2 * margin
        let cx = width / 2
        let cy = height / 2

        // Links make it a group to move through; a figure's items are a picture with its words said.
        let isPicture = steps.allSatisfy { $0.href == nil }
        let role =
            isPicture
            ? #"role="img" aria-labelledby="\#(id)-title \#(id)-desc""# : #"role="group" aria-labelledby="\#(id)-title" aria-describedby="\#(id)-desc""#
        var out = #"<svg class="cycle" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \#(fmt(width)) \#(fmt(height))" \#(role)>"#
        out += "<title id=\"\(id)-title\">\(HTML.escape(title))</title>"
        out += "<desc id=\"\(id)-desc\">\(HTML.escape(description))</desc>"
        out += #"<circle class="ring" cx="\#(fmt(cx))" cy="\#(fmt(cy))" r="\#(fmt(radius))"/>"#
        if count > 1 {
            for index in 0..<count {
                // Arrowheads halfway between neighbours, pointing along the ring, clockwise.
                let angle = angleOf(index, count) + Double.pi / Double(count)
                out += arrowhead(x: cx + radius * cos(angle), y: cy + radius * sin(angle), angle: angle + Double.pi / 2)
            }
        }
        if count >= 3 {
            out += #"<text class="center-text" x="\#(fmt(cx))" y="\#(fmt(cy + 5))" text-anchor="middle">\#(HTML.escape(centerText))</text>"#
        }
        for (index, (step, lines, boxHeight)) in boxes.enumerated() {
            let angle = angleOf(index, count)
            let x = cx + radius * cos(angle) - boxWidth / 2
            let y = cy + radius * sin(angle) - boxHeight / 2
            let current = step.isCurrent ? #" aria-current="step""# : ""
            if let href = step.href {
                out += #"<a href="\#(HTML.escape(href))"\#(current) class="step\#(step.isCurrent ? " current" : "")">"#
            } else {
                out += #"<g class="step">"#
            }
            out += #"<rect class="step-box" x="\#(fmt(x))" y="\#(fmt(y))" width="\#(fmt(boxWidth))" height="\#(fmt(boxHeight))" rx="10"/>"#
            let circleY = y + boxHeight / 2
            out += #"<circle class="step-number" cx="\#(fmt(x + 24))" cy="\#(fmt(circleY))" r="15"/>"#
            out += #"<text class="step-number-text" x="\#(fmt(x + 24))" y="\#(fmt(circleY + 6))" text-anchor="middle">\#(step.number)</text>"#
            let firstBaseline = y + (boxHeight - Double(lines.count) * lineHeight) / 2 + 14
            out += #"<text class="step-title" x="\#(fmt(x + 48))" y="\#(fmt(firstBaseline))">"#
            for (lineIndex, line) in lines.enumerated() {
                let cls = step.isCurrent && lineIndex == lines.count - 1 ? #" class="here""# : ""
                out += #"<tspan x="\#(fmt(x + 48))" dy="\#(lineIndex == 0 ? "0" : fmt(lineHeight))"\#(cls)>\#(HTML.escape(line))</tspan>"#
            }
            out += step.href == nil ? "</text></g>" : "</text></a>"
        }
        out += "</svg>"
        return out
    }

    /// Step 1 at the top, then clockwise.
    private func angleOf(_ index: Int, _ count: Int) -> Double {
        -Double.pi / 2 + 2 * Double.pi * Double(index) / Double(count)
    }

    private func arrowhead(x: Double, y: Double, angle: Double) -> String {
        let size = 9.0
        let tip = (x + size * cos(angle), y + size * sin(angle))
        let left = (x + size * cos(angle + 2.5), y + size * sin(angle + 2.5))
        let right = (x + size * cos(angle - 2.5), y + size * sin(angle - 2.5))
        return #"<path class="arrowhead" d="M\#(fmt(tip.0)) \#(fmt(tip.1)) L\#(fmt(left.0)) \#(fmt(left.1)) L\#(fmt(right.0)) \#(fmt(right.1)) Z"/>"#
    }

    private func fmt(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int(rounded)) : String(rounded)
    }
}
