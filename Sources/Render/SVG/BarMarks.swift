/// The marks drawn over a bar so that a series can be told apart without colour: stripes, a grid or
/// dots, as plain lines clipped to the bar. (SVG patterns would be shorter, but librsvg takes ten
/// times as long to draw a chart with them, and every chart is also drawn for the Word export.)
enum BarMarks {
    private static let spacing = 8.0

    /// SVG elements to draw on top of a bar of `style` filling x…x+width, y…y+height; empty for a plain fill.
    static func svg(style: String, x: Double, y: Double, width: Double, height: Double, format: (Double) -> String) -> String {
        guard width > 0, height > 0 else { return "" }
        var path = ""
        func segment(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double) {
            path += "M\(format(x1)) \(format(y1))L\(format(x2)) \(format(y2))"
        }
        switch style {
        case "men", "boys":
            // Diagonal stripes: the points u + v = c, with u across from the left and v up from the bottom.
            let bottom = y + height
            var c = spacing / 2
            while c < width + height {
                let u1 = max(0, c - height), u2 = min(c, width)
                segment(x + u1, bottom - (c - u1), x + u2, bottom - (c - u2))
                c += spacing * 1.4
            }
            return path.isEmpty ? "" : #"<path class="hatch" d="\#(path)"/>"#
        case "total":
            var across = y + spacing / 2
            while across < y + height { segment(x, across, x + width, across); across += spacing }
            var down = x + spacing / 2
            while down < x + width { segment(down, y, down, y + height); down += spacing }
            return path.isEmpty ? "" : #"<path class="hatch" d="\#(path)"/>"#
        case "non_binary", "previous":
            // Zero-length lines with round caps are dots.
            var row = y + spacing / 2
            while row < y + height {
                var column = x + spacing / 2
                while column < x + width { path += "M\(format(column)) \(format(row))h0"; column += spacing }
                row += spacing
            }
            return path.isEmpty ? "" : #"<path class="dots" d="\#(path)"/>"#
        default:
            return ""
        }
    }
}
