import Model
import Mustache

/// The value of a key that has nothing: renders as "" and counts as false in sections.
/// A view's `child(named:)` returns it (through `maybe`) for every key the view has but leaves
/// empty, never nil: for nil, Mustache would look the name up in an outer scope, so a card's
/// missing summary could show the page's. Nil stays for names the view does not have at all,
/// which Mustache then finds further out (`t`, `root`, …).
struct Nothing: MustacheCustomRenderable, Sendable {
    var renderText: String { "" }
    var isNull: Bool { true }
}

func maybe<T>(_ value: T?) -> Any {
    if let value { return value }
    return Nothing()
}

/// A link with its text: breadcrumbs, the pager, lists of pages.
struct TitledLink: MustacheParent {
    var title: String
    var href: String?

    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "href": maybe(href)
        default: nil
        }
    }
}

/// A link to something with a name: a unit, a key figure, a tag.
struct NamedLink: MustacheParent {
    var name: String
    var href: String?

    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "href": maybe(href)
        default: nil
        }
    }
}

/// A day as readers see it and as `<time datetime>` holds it.
struct DateView: MustacheParent {
    var text: String
    var iso: String

    init(_ day: Day, strings: Strings) {
        text = strings.date((day.year, day.month, day.day))
        iso = day.description
    }

    func child(named name: String) -> Any? {
        switch name {
        case "text": text
        case "iso": iso
        default: nil
        }
    }
}

/// A symbol with its explanation: statuses, the legend, whether a target was reached.
struct SymbolView: MustacheParent {
    var symbol: String
    var text: String

    func child(named name: String) -> Any? {
        switch name {
        case "symbol": symbol
        case "text": text
        default: nil
        }
    }
}
