import Diagnostics

/// A Markdown file as written: its front matter (parsed YAML with positions) and its body.
public struct RawPage: Sendable {
    /// Path relative to SOURCE, e.g. `content/handbook/uppstart.md`.
    public var path: String
    /// Path relative to content/.
    public var contentPath: String
    /// nil when the page has no front matter (or it could not be parsed; then a diagnostic says why).
    public var frontMatter: YAMLDocument?
    /// Where the opening `---` stands: missing front-matter keys are reported here.
    public var frontMatterStart: SourceLocation
    public var body: String
    public var bodyFirstLine: Int
}
