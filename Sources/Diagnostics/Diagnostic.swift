/// One finding about the content, in the compiler format `path:line:column: error: message`.
/// The words `error` and `warning` stay English in every language, so editors' problem matchers
/// and CI log parsers read Swedish output too; the message is written in the reader's language.
public struct Diagnostic: Error, Hashable, Sendable, Comparable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable {
        case error, warning

        public static func < (a: Severity, b: Severity) -> Bool { a == .error && b == .warning }
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: Message

    public init(_ severity: Severity, at location: SourceLocation, _ message: Message) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    public static func error(_ message: Message, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, at: location, message)
    }

    public static func warning(_ message: Message, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, at: location, message)
    }

    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        if a.location != b.location { return a.location < b.location }
        if a.severity != b.severity { return a.severity < b.severity }
        return a.message < b.message
    }

    /// In English (tests, logs); `description(in:)` for the person running Valgrund.
    public var description: String { description(in: .english) }

    public func description(in language: Language) -> String {
        "\(location): \(severity.rawValue): \(message.text(in: language))"
    }
}
