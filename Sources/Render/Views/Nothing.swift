import Mustache

/// The value of a key that has nothing: renders as "" and counts as false in sections.
/// Keys must never be left out or hold a Swift nil: Mustache would look the name up in an outer
/// scope (and print "nil"), so a page's missing summary could show its parent's.
struct Nothing: MustacheCustomRenderable, Sendable {
    var renderText: String { "" }
    var isNull: Bool { true }
}

func maybe<T>(_ value: T?) -> Any {
    if let value { return value }
    return Nothing()
}
