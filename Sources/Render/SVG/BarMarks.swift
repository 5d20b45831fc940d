import Markup

/// The marks drawn over a bar so that a series can be told apart without colour: stripes, a grid or
/// dots, as plain lines clipped to the bar. (SVG patterns would be shorter, but librsvg takes ten
/// times as long to draw a chart with them, and every chart is also drawn for the Word export.)
enum BarMarks {
    private static let spacing = 8.0

    /// Writes the SVG elements drawn on top of a bar of `style` filling x…x+width, y…y+height;
    /// nothing for a plain fill.
    static func write(style: String, x: Double, y: Double, width: Double, height: Double, into out: inout SVGBytes) {
        guard width > 0, height > 0 else { return }
        var path = SVGBytes(capacity: 512)
        func point(_ x: Double, _ y: Double) {
            path.number(x)
            path.raw(" ")
            path.number(y)
        }
        func segment(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double) {
            path.raw("M")
            point(x1, y1)
            path.raw("L")
            point(x2, y2)
        }
        let kind: StaticString
        switch style {
        case "men", "boys":
            // Diagonal stripes: the points u + v = c, with u across from the left and v up from the bottom.
            kind = "hatch"
            let bottom = y + height
            var c = spacing / 2
            while c < width + height {
                let u1 = max(0, c - height), u2 = min(c, width)
                segment(x + u1, bottom - (c - u1), x + u2, bottom - (c - u2))
                c += spacing * 1.4
            }
        case "total":
            kind = "hatch"
            var across = y + spacing / 2
            while across < y + height { segment(x, across, x + width, across); across += spacing }
            var down = x + spacing / 2
            while down < x + width { segment(down, y, down, y + height); down += spacing }
        case "non_binary", "previous":
            // Zero-length lines with round caps are dots.
            kind = "dots"
            var row = y + spacing / 2
            while row < y + height {
                var column = x + spacing / 2
                while column < x + width {
                    path.raw("M")
                    point(column, row)
                    path.raw("h0")
                    column += spacing
                }
                row += spacing
            }
        default:
            return
        }
        guard !path.bytes.isEmpty else { return }
        out.raw(#"<path class=""#)
        out.raw(kind)
        out.raw(#"" d=""#)
        out.append(path)
        out.raw(#""/>"#)
    }
}
