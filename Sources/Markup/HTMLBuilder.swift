/// Markup written straight from Swift for the large, regular parts of pages (data tables), where
/// going through a template cell by cell would cost more than the rest of the page.
/// Everything from the content is escaped; the structure mirrors what the templates would write.
public struct HTMLBuilder {
    public private(set) var html = ""

    public init(capacity: Int = 1024) {
        html.reserveCapacity(capacity)
    }

    /// Markup as written.
    public mutating func raw(_ markup: String) { html += markup }

    /// Text, escaped.
    public mutating func text(_ text: String) { html += HTML.escape(text) }

    /// An element with escaped text inside.
    public mutating func element(_ name: String, _ attributes: String = "", _ text: String) {
        html += "<\(name)\(attributes.isEmpty ? "" : " " + attributes)>"
        html += HTML.escape(text)
        html += "</\(name)>"
    }
}
