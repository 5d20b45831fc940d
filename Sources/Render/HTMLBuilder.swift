/// Markup written straight from Swift for the large, regular parts of pages (data tables, the
/// pieces in `Markup`), where going through a template cell by cell would cost more than the rest
/// of the page. Everything from the content is escaped.
struct HTMLBuilder {
    private(set) var html = ""

    init(capacity: Int = 1024) {
        html.reserveCapacity(capacity)
    }

    /// Markup as written.
    mutating func raw(_ markup: String) { html += markup }

    /// Text, escaped.
    mutating func text(_ text: String) { html += HTML.escape(text) }

    /// An element with escaped text inside.
    mutating func element(_ name: String, _ attributes: String = "", _ text: String) {
        html += "<\(name)\(attributes.isEmpty ? "" : " " + attributes)>"
        html += HTML.escape(text)
        html += "</\(name)>"
    }
}

extension HTML {
    /// `name="value"` with the value escaped.
    static func attribute(_ name: String, _ value: String) -> String {
        "\(name)=\"\(escape(value))\""
    }
}
