/// Markup written straight from Swift for the large, regular parts of pages (data tables, the
/// pieces in Render's `PageParts`), where going through a template cell by cell would cost more
/// than the rest of the page. Everything from the content is escaped.
public struct HTMLBuilder {
    // Inlinable, so the tables written cell by cell in other modules get these compiled in.
    @usableFromInline var storage = ""

    public var html: String { storage }

    @inlinable
    public init(capacity: Int = 1024) {
        storage.reserveCapacity(capacity)
    }

    /// Markup as written.
    @inlinable
    public mutating func raw(_ markup: String) { storage += markup }

    /// Text, escaped.
    @inlinable
    public mutating func text(_ text: String) { storage += HTML.escape(text) }

    /// An element with escaped text inside.
    @inlinable
    public mutating func element(_ name: String, _ attributes: String = "", _ text: String) {
        storage += "<\(name)\(attributes.isEmpty ? "" : " " + attributes)>"
        storage += HTML.escape(text)
        storage += "</\(name)>"
    }
}
