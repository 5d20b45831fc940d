import Hyphenation
import Markdown
import Markup

/// A flow as a picture (`FigureBlock` of kind `flow`): its columns side by side from left to
/// right, each a box with its title and items, an arrow from each to the next; a band above and
/// below the columns (APeL's structure and process); an arrow under the columns from the last
/// back to the first with its text (the program logic is planned from the effects). Everything
/// it says is in words (no colour carries meaning) and in its text alternative.
struct FlowDiagram {
    var figure: FigureBlock
    var title: String
    var description: String
    /// The start of the ids of its title and description, unique in the page.
    var id: String
    /// Where a word too long for its box may break (the site's language); nil: after a fixed count.
    var hyphenator: Hyphenator? = nil

    private let columnWidth = 170.0
    private let gap = 32.0
    private let margin = 8.0
    private let padding = 10.0
    private let lineHeight = 18.0
    /// Characters on a line of a column's title (bold) and of an item.
    private let titleChars = 15
    private let itemChars = 15

    func svg() -> String {
        let columns = figure.columns
        guard !columns.isEmpty else { return "" }
        let count = Double(columns.count)
        let width = 2 * margin + count * columnWidth + (count - 1) * gap
        let inner = width - 2 * margin

        // Each column's title lines and its items' lines; every column is as tall as the tallest.
        let titles = columns.map { TextWrap.lines($0.title, width: titleChars, hyphenator: hyphenator) }
        let items = columns.map { $0.items.map { TextWrap.lines($0, width: itemChars, hyphenator: hyphenator) } }
        let titleHeight = (titles.map { Double($0.count) }.max() ?? 1) * lineHeight + 2 * padding
        let itemsHeight =
            items.map { column in column.reduce(0.0) { $0 + Double($1.count) * lineHeight + 8 } }.max() ?? 0
        let columnHeight = titleHeight + (itemsHeight > 0 ? itemsHeight + padding : 0)

        var body = SVGBytes()
        var y = margin
        if let above = figure.above {
            y += band(above, kind: "above", x: margin, y: y, width: inner, into: &body) + 16
        }
        let columnTop = y
        for index in columns.indices {
            let x = margin + Double(index) * (columnWidth + gap)
            body.raw(#"<g class="flow-column">"#)
            rect("flow-box", x: x, y: columnTop, width: columnWidth, height: columnHeight, into: &body)
            rect("flow-head", x: x, y: columnTop, width: columnWidth, height: titleHeight, into: &body)
            text(titles[index], cls: "flow-title", x: x + columnWidth / 2, y: columnTop + padding + 13, anchor: "middle", into: &body)
            var itemY = columnTop + titleHeight + padding
            for lines in items[index] {
                body.raw(#"<circle class="flow-bullet""#)
                body.attribute("cx", x + padding + 3)
                body.attribute("cy", itemY + 8)
                body.raw(#" r="3"/>"#)
                text(lines, cls: "flow-item", x: x + padding + 12, y: itemY + 13, anchor: nil, into: &body)
                itemY += Double(lines.count) * lineHeight + 8
            }
            body.raw("</g>")
            if index < columns.count - 1 {
                let arrowY = columnTop + titleHeight / 2
                arrow(from: x + columnWidth + 3, to: x + columnWidth + gap - 3, y: arrowY, into: &body)
            }
        }
        y = columnTop + columnHeight
        if let backwards = figure.backwards {
            // From under the last column back to under the first: how the figure is read.
            let left = margin + columnWidth / 2
            let right = width - margin - columnWidth / 2
            let lineY = y + 22
            body.raw(#"<g class="flow-back">"#)
            body.raw(#"<path class="flow-back-line" d="M"#)
            body.number(right)
            body.raw(" ")
            body.number(y + 4)
            body.raw(" L")
            body.number(right)
            body.raw(" ")
            body.number(lineY)
            body.raw(" L")
            body.number(left + 4)
            body.raw(" ")
            body.number(lineY)
            body.raw(#""/>"#)
            arrowhead(tipX: left - 4, y: lineY, pointingLeft: true, into: &body)
            let lines = TextWrap.lines(backwards, width: Int(inner / 9), hyphenator: hyphenator)
            text(lines, cls: "flow-back-text", x: width / 2, y: lineY + 24, anchor: "middle", into: &body)
            body.raw("</g>")
            y = lineY + 24 + Double(lines.count - 1) * lineHeight + 8
        }
        if let below = figure.below {
            y += 16
            y += band(below, kind: "below", x: margin, y: y, width: inner, into: &body)
        }
        let height = y + margin

        var out = SVGBytes(capacity: body.bytes.count + 512)
        out.raw(#"<svg class="flow" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 "#)
        out.number(width)
        out.raw(" ")
        out.number(height)
        out.raw(#"" role="img" aria-labelledby=""#)
        out.raw(id + "-title " + id + "-desc")
        out.raw(#""><title id=""#)
        out.raw(id + "-title")
        out.raw(#"">"#)
        out.escaped(title)
        out.raw(#"</title><desc id=""#)
        out.raw(id + "-desc")
        out.raw(#"">"#)
        out.escaped(description)
        out.raw("</desc>")
        out.append(body)
        out.raw("</svg>")
        return out.string
    }

    /// A band across the picture: its title, then its items side by side. Returns its height.
    private func band(_ group: FigureBlock.Group, kind: String, x: Double, y: Double, width: Double, into body: inout SVGBytes) -> Double {
        let count = Double(max(1, group.items.count))
        let itemWidth = (width - 2 * padding - (count - 1) * padding) / count
        let chars = max(8, Int(itemWidth / 9))
        let lines = group.items.map { TextWrap.lines($0, width: chars, hyphenator: hyphenator) }
        let itemHeight = (lines.map { Double($0.count) }.max() ?? 1) * lineHeight + 2 * 6
        let titleHeight = lineHeight + padding
        let height = padding + titleHeight + itemHeight + padding
        body.raw(#"<g class="flow-band flow-band-"#)
        body.raw(kind)
        body.raw(#"">"#)
        rect("flow-band-box", x: x, y: y, width: width, height: height, into: &body)
        text([group.title], cls: "flow-band-title", x: x + width / 2, y: y + padding + 14, anchor: "middle", into: &body)
        for (index, itemLines) in lines.enumerated() {
            let itemX = x + padding + Double(index) * (itemWidth + padding)
            let itemY = y + padding + titleHeight
            rect("flow-band-item", x: itemX, y: itemY, width: itemWidth, height: itemHeight, into: &body)
            let top = itemY + (itemHeight - Double(itemLines.count) * lineHeight) / 2
            text(itemLines, cls: "flow-item", x: itemX + itemWidth / 2, y: top + 13, anchor: "middle", into: &body)
        }
        body.raw("</g>")
        return height
    }

    private func rect(_ cls: StaticString, x: Double, y: Double, width: Double, height: Double, into body: inout SVGBytes) {
        body.raw(#"<rect class=""#)
        body.raw(cls)
        body.raw(#"""#)
        body.attribute("x", x)
        body.attribute("y", y)
        body.attribute("width", width)
        body.attribute("height", height)
        body.raw(#" rx="8"/>"#)
    }

    private func text(_ lines: [String], cls: StaticString, x: Double, y: Double, anchor: StaticString?, into body: inout SVGBytes) {
        body.raw(#"<text class=""#)
        body.raw(cls)
        body.raw(#"""#)
        body.attribute("x", x)
        body.attribute("y", y)
        if let anchor {
            body.raw(#" text-anchor=""#)
            body.raw(anchor)
            body.raw(#"""#)
        }
        body.raw(">")
        for (index, line) in lines.enumerated() {
            body.raw("<tspan")
            body.attribute("x", x)
            body.attribute("dy", index == 0 ? 0 : lineHeight)
            body.raw(">")
            body.escaped(line)
            body.raw("</tspan>")
        }
        body.raw("</text>")
    }

    /// An arrow pointing right, from `from` to `to` at height `y`.
    private func arrow(from: Double, to: Double, y: Double, into body: inout SVGBytes) {
        body.raw(#"<path class="flow-arrow" d="M"#)
        body.number(from)
        body.raw(" ")
        body.number(y)
        body.raw(" L")
        body.number(to - 8)
        body.raw(" ")
        body.number(y)
        body.raw(#""/>"#)
        arrowhead(tipX: to, y: y, pointingLeft: false, into: &body)
    }

    private func arrowhead(tipX: Double, y: Double, pointingLeft: Bool, into body: inout SVGBytes) {
        let back = pointingLeft ? tipX + 11 : tipX - 11
        body.raw(#"<path class="arrowhead" d="M"#)
        body.number(tipX)
        body.raw(" ")
        body.number(y)
        body.raw(" L")
        body.number(back)
        body.raw(" ")
        body.number(y - 7)
        body.raw(" L")
        body.number(back)
        body.raw(" ")
        body.number(y + 7)
        body.raw(#" Z"/>"#)
    }
}
