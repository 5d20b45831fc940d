import Markup
import Mustache

/// Mustache escapes `{{name}}` a Character at a time through a dictionary, which cost a 10,000-page
/// build more than a second. Every template is parsed with this pragma as a hidden first line, so
/// its variables are escaped by `HTML.escape` instead: the same five characters, a byte scan.
enum EscapingPragma {
    static let name = "VALGRUND_HTML"
    /// Standalone, so it writes nothing; template errors are reported one line up to hide it.
    static let line: String = {
        MustacheContentTypes.register(FastHTML(), named: name)
        return "{{% CONTENT_TYPE: \(name)}}\n"
    }()

    private struct FastHTML: MustacheContentType {
        func escapeText(_ text: String) -> String { HTML.escape(text) }
    }
}
