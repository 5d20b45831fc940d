/// Everything Load found under content/, sorted into what each file is for.
public struct LoadedContent: Sendable {
    public var siteConfig: YAMLDocument?
    public var keyFigures: YAMLDocument?
    /// Handbook and other hand-written pages.
    public var pages: [RawPage] = []
    public var units: [YAMLDocument] = []
    public var examples: [RawPage] = []
    public var annualReports: [RawPage] = []
    /// Kolada's saved responses (`kolada/*.json`), in path order.
    public var kolada: [KoladaResponse] = []
    /// Files copied to the site as they are (pictures, PDFs: `PublishedFileKinds`), paths relative to content/.
    public var assets: [String] = []
    /// Files that exist but could not be read or parsed (their errors are reported); paths relative to SOURCE.
    public var brokenFiles: Set<String> = []
    /// A hash of each file's bytes (assets: of their size and time), by path relative to SOURCE,
    /// for finding what changed since the last build.
    public var hashes: [String: UInt64] = [:]
    /// Where each content file was found, for the live preview's watcher.
    public var files: [String] = []
    /// The date (`YYYY-MM-DD`) of each file's last commit, by path relative to SOURCE; empty when
    /// SOURCE is not in a git repository (`CommitDates`).
    public var commitDates: [String: String] = [:]

    public init() {}
}
