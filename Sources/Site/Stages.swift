import Diagnostics
import Foundation
import Hyphenation
import Load
import Model
import Plan
import Render
import Search
import Synchronization
import Validate
import Write
import Yams

/// The named stages of a build. Every way of building (`SiteBuilder.build` from the command line
/// or the live preview, its update in place, the preview's page edit and its search index refresh)
/// is a list of these steps, each returning a value; `run` times them all the same way
/// (`VALGRUND_TIMINGS=1`).
enum Stage: String {
    /// The size and times of every file read (`InputSnapshot`).
    case inputs
    /// What the last build remembered (`BuildManifest`).
    case lastBuild = "last build"
    case load, validate, theme, plan, fingerprints, render
    /// The files under content/ that are copied as they are.
    case assets
    /// The search index, from the pages' records.
    case index
    /// The files put in place: a fresh folder swapped in, or files replaced in place.
    case write
    /// The manifest written for the next build.
    case manifest
    /// The live preview's edit of pages' text, built from memory (`PageEdit`).
    case pageEdit = "page edit"

    func run<T>(_ work: () throws -> T) rethrows -> T {
        try Timings.shared.measure(rawValue, work)
    }
}

/// Where a build's files go.
enum Destination {
    /// A fresh folder next to the output, swapped in whole when it is complete.
    case fresh(OutputWriter)
    /// The live preview's own site in the output (the site `siteID`), brought up to date file by file.
    case inPlace(InPlaceUpdate, siteID: String)

    /// The identity of the site the files go to.
    var siteID: String {
        switch self {
        case .fresh(let writer): writer.siteID
        case .inPlace(_, let siteID): siteID
        }
    }

    /// The files of a fresh folder are written as they are made; those of an update in place are
    /// held until every page is rendered and no error was found.
    var sink: FileSink {
        switch self {
        case .fresh(let writer): FileSink(.writer(writer))
        case .inPlace: FileSink(.memory)
        }
    }

    /// Whether the file at `path` (relative to the output folder) is in the site being replaced:
    /// a page is taken over from it only then.
    func has(_ path: String) -> Bool {
        switch self {
        case .fresh(let writer): writer.previousHas(path)
        case .inPlace(let update, _): update.has(path)
        }
    }

    /// Throws the new files away, if any were written.
    func discard() {
        if case .fresh(let writer) = self { writer.discard() }
    }
}

/// Where the render and index stages put the site's files, from many threads at once.
final class FileSink: Sendable {
    enum Target: Sendable {
        /// Into a fresh folder, as they come.
        case writer(OutputWriter)
        /// Held in memory (an update in place, which writes only when there is no error).
        case memory
        /// Nowhere (a check).
        case nowhere
    }

    private struct State {
        var held: [String: FileContents] = [:]
        var paths: Set<String> = []
        var kept = 0
        var failure: Message?
    }

    private let target: Target
    private let state = Mutex(State())

    init(_ target: Target) {
        self.target = target
    }

    /// A finished file.
    func emit(_ file: OutputFile) {
        switch target {
        case .writer(let writer):
            state.withLock { _ = $0.paths.insert(file.path) }
            do { try writer.write(file.path, file.contents) } catch { fail(error) }
        case .memory:
            state.withLock { state in
                state.held[file.path] = file.contents
                state.paths.insert(file.path)
            }
        case .nowhere:
            break
        }
    }

    /// A page that is the same as in the site being replaced.
    func keep(_ path: String) {
        state.withLock { state in
            state.kept += 1
            state.paths.insert(path)
        }
        if case .writer(let writer) = target {
            do { try writer.keep(path) } catch { fail(error) }
        }
    }

    private func fail(_ error: any Error) {
        state.withLock { state in
            if state.failure == nil { state.failure = (error as? OutputError)?.message ?? .verbatim("\(error)") }
        }
    }

    /// The first file that could not be written, if any.
    var failure: Message? { state.withLock { $0.failure } }
    /// Every file of the site so far, new or kept.
    var paths: Set<String> { state.withLock { $0.paths } }
    /// The files held in memory.
    var held: [String: FileContents] { state.withLock { $0.held } }
    /// How many pages were kept.
    var keptCount: Int { state.withLock { $0.kept } }
}

extension SiteBuilder {
    /// What the load, validate, theme and plan stages made: the checked site, its plan and a renderer for it.
    struct Prepared {
        var source: URL
        var site: Site
        var plan: SitePlan
        var renderer: SiteRenderer
        /// A hash of each content file's bytes, for telling which pages changed.
        var hashes: [String: UInt64]
        /// Every file under content/, relative to it.
        var files: Set<String>
    }

    /// The stages up to rendering; nil when the site cannot be planned (the log says why).
    static func prepare(
        _ options: BuildOptions, log: DiagnosticLog, session: BuildSession? = nil, environment: UInt64 = 0,
        readsAfresh: Bool = false, commitDates: Bool = true
    ) -> Prepared? {
        let source = options.source.standardizedFileURL
        let content = load(source, cache: readsAfresh ? nil : session?.loadCache, commitDates: commitDates, log: log)
        // Even when some files have errors, the rest is planned and rendered (and thrown away),
        // so that one run reports every mistake, broken links included.
        guard var site = validate(content, options: options, log: log),
            let theme = theme(
                ThemeChoice.name(in: content.siteConfig), source: source, session: session,
                environment: environment, log: log),
            let hyphenator = hyphenator(site.config.language, log: log)
        else { return nil }
        return plan(&site, content: content, theme: theme, hyphenator: hyphenator, options: options, log: log)
    }

    static func load(_ source: URL, cache: LoadCache?, commitDates: Bool, log: DiagnosticLog) -> LoadedContent {
        Stage.load.run { ContentLoader(source: source, cache: cache).load(commitDates: commitDates, log: log) }
    }

    /// The typed site, as the build's audience sees it; nil when the files leave nothing to check further.
    static func validate(_ content: LoadedContent, options: BuildOptions, log: DiagnosticLog) -> Site? {
        let source = options.source.standardizedFileURL
        let context = ValidationContext(includeDrafts: options.includeDrafts, today: options.asOf) { name in
            Theme.languages(name: name, source: source)
        }
        return Stage.validate.run { Validator.validate(content, context: context, log: log) }?.redacted(for: options.audience)
    }

    /// The theme, kept by a session between builds.
    static func theme(_ name: String, source: URL, session: BuildSession?, environment: UInt64, log: DiagnosticLog) -> Theme? {
        Stage.theme.run {
            session?.theme(named: name, environment: environment, log: log) ?? Theme.load(name: name, source: source, log: log)
        }
    }

    /// The hyphenation patterns of the site's language, loaded once per process. Without them the
    /// build stops with an error rather than writing a site that breaks words differently from
    /// the same build on another machine (docs/content-format.md, `language`).
    static func hyphenator(_ language: String, log: DiagnosticLog) -> Hyphenator? {
        Stage.theme.run {
            do {
                return try Hyphenator.forLanguage(language)
            } catch {
                log.error("\(error)", at: SourceLocation(path: "content/site.yaml"))
                return nil
            }
        }
    }

    /// Every page to write and its address, and a renderer for them; the site's generated figure
    /// texts are filled in first, in the theme's words.
    static func plan(
        _ site: inout Site, content: LoadedContent, theme: Theme, hyphenator: Hyphenator, options: BuildOptions,
        log: DiagnosticLog
    ) -> Prepared {
        let strings = theme.strings[site.config.language] ?? Strings()
        GeneratedFigureText.fill(&site, strings: strings, asOf: options.asOf, log: log)
        let planner = Planner(
            pathNames: strings.table("paths").merging(site.config.paths) { $1 },
            titles: strings.table("titles"), asOf: options.asOf,
            reportSections: ReportSections.ids(strings),
            exportFormats: { ReportSections.formats($0, strings: strings, year: $1, section: $2) })
        let plan = Stage.plan.run { planner.plan(site, assets: content.assets, log: log) }
        let renderer = SiteRenderer(
            site: site, plan: plan, theme: theme,
            options: RenderOptions(asOf: options.asOf, audience: options.audience, hyphenator: hyphenator), log: log)
        return Prepared(
            source: options.source.standardizedFileURL, site: site, plan: plan, renderer: renderer,
            hashes: content.hashes, files: Set(content.files))
    }

    static func fingerprints(_ prepared: Prepared, environment: UInt64) -> [String: UInt64] {
        Stage.fingerprints.run {
            Fingerprints.compute(site: prepared.site, plan: prepared.plan, hashes: prepared.hashes, environment: environment)
        }
    }

    /// Renders every page whose fingerprint differs from its record in `previous` into `sink`; the
    /// others are kept. Returns every page's record, in address order.
    static func render(
        _ prepared: Prepared, fingerprints: [String: UInt64], previous: [String: PageRecord],
        into sink: FileSink
    ) -> [PageRecord] {
        Stage.render.run {
            prepared.renderer.render(fingerprints: fingerprints, previous: previous, emit: sink.emit, keep: sink.keep)
        }
    }

    /// The files under content/ that are copied as they are (images, PDFs), into `sink`.
    static func assets(_ prepared: Prepared, into sink: FileSink, log: DiagnosticLog) {
        Stage.assets.run {
            for asset in prepared.plan.assets {
                let path = prepared.source.path + "/" + ContentLoader.contentFolder + "/" + asset.contentPath
                // Copied by path when the site is written, never read into memory here; whether it can
                // be read is asked now, so that a file that cannot be is reported at its place.
                if access(path, R_OK) == 0 {
                    sink.emit(OutputFile(path: asset.url, contents: .copy(from: path)))
                } else {
                    log.error("cannot read this file", at: SourceLocation(path: "content/" + asset.contentPath))
                }
            }
        }
    }

    /// The search index of the pages in `records`, into `sink`.
    static func index(_ records: [PageRecord], into sink: FileSink) {
        Stage.index.run {
            SearchIndex.write(for: records.compactMap(\.search)) { path, data in sink.emit(OutputFile(path: path, data: data)) }
        }
    }

    /// Puts the files in place: the fresh folder swapped in for the old site, or, in place, every
    /// file in `sink` whose bytes changed replaced and `obsolete` removed.
    /// - Returns: how many files were written with new bytes.
    static func write(_ sink: FileSink, to destination: Destination, removing obsolete: [String] = []) throws -> Int {
        try Stage.write.run {
            switch destination {
            case .fresh(let writer):
                try writer.commit()
                return writer.changedFileCount
            case .inPlace(let update, _):
                return try update.apply(sink.held, removing: obsolete)
            }
        }
    }
}

/// The theme is needed before site.yaml is fully checked (it decides which languages exist).
enum ThemeChoice {
    static func name(in document: YAMLDocument?) -> String {
        guard case .mapping(let root)? = document?.root, let name = root["theme"]?.string,
            !name.isEmpty, !name.contains("/"), !name.hasPrefix(".")
        else { return "default" }
        return name
    }
}
