import Diagnostics
import Foundation
import Load
import Model
import Render
import Search
import Validate
import Write

/// What a build or check did.
public struct BuildReport: Sendable {
    public var diagnostics: [Diagnostic]
    public var pageCount: Int
    /// Files written with new bytes (files taken over unchanged from the last build are not counted).
    public var fileCount: Int
    /// Problems with the output folder itself (refused, not writable), apart from the content's diagnostics.
    public var outputError: Message?
    /// The output folder was refused before anything was written (wrong usage); any other
    /// `outputError` is a failure to read or write files.
    public var outputRefused = false
    /// Pages rendered again; the others were taken over from the last build.
    public var renderedCount: Int = 0
    /// Built from the site in memory after an edit to the text of pages (`BuildSession.build(changed:)`).
    public var fromMemory = false
    public var succeeded: Bool { outputError == nil && !diagnostics.contains { $0.severity == .error } }
}

/// Runs the named stages (`Stage`) in order: inputs → last build → load → validate → theme → plan
/// → fingerprints → render → assets → index → write → manifest.
public enum SiteBuilder {
    /// Builds the site into its output folder; on any error the previous site stays untouched.
    /// Only what changed since the last build is rendered and written again (docs/performance.md).
    public static func build(_ options: BuildOptions) -> BuildReport {
        build(options, session: nil)
    }

    /// A build; in a `session` (the live preview), of the site it knows in place when it can.
    static func build(_ options: BuildOptions, session: BuildSession?) -> BuildReport {
        defer { Timings.shared.report() }
        let inputs = Stage.inputs.run { InputSnapshot.take(source: options.source.standardizedFileURL) }
        let environment = BuildEnvironment.hash(options)
        let (previous, known) = Stage.lastBuild.run { lastBuild(options, session: session) }
        if let previous, previous.environment == environment, inputs.certainlySame(as: previous.inputs) {
            // Nothing read by the build has changed: the site is as it would be built.
            OutputWriter.removeLeftovers(of: OutputWriter.location(of: options.outputFolder))
            return BuildReport(diagnostics: previous.warnings, pageCount: previous.pageCount, fileCount: 0, outputError: nil)
        }
        let destination: Destination
        do {
            destination = try open(options, previous: previous, inPlace: known)
        } catch {
            var report = BuildReport(diagnostics: [], pageCount: 0, fileCount: 0, outputError: error.message)
            if case .refused = error { report.outputRefused = true }
            return report
        }
        let log = DiagnosticLog()
        let sink = destination.sink
        /// The site in the output stays as it was; the session's copy in memory no longer matches
        /// the files, so a page edit cannot start from it.
        func failed(_ report: BuildReport) -> BuildReport {
            destination.discard()
            session?.dropLive()
            return report
        }
        guard let prepared = prepare(options, log: log, session: session, environment: environment) else {
            return failed(BuildReport(diagnostics: log.all, pageCount: 0, fileCount: 0, outputError: nil))
        }
        let fingerprints = Self.fingerprints(prepared, environment: environment)
        // A page is taken over only when its file is still there.
        let reusable = Dictionary(
            (previous?.records ?? []).filter { destination.has($0.url) }.map { ($0.url, $0) },
            uniquingKeysWith: { first, _ in first })
        let records = render(prepared, fingerprints: fingerprints, previous: reusable, into: sink)
        assets(prepared, into: sink, log: log)
        let pageCount = prepared.plan.pages.count
        var report = BuildReport(
            diagnostics: log.all, pageCount: pageCount, fileCount: 0, outputError: sink.failure,
            renderedCount: pageCount - sink.keptCount)
        guard !log.hasErrors, sink.failure == nil else { return failed(report) }
        let manifest = BuildManifest(
            siteID: destination.siteID, environment: environment, inputs: inputs, pageCount: pageCount,
            outputs: [], warnings: report.diagnostics.filter { $0.severity == .warning }, records: records)
        let live = session.map { _ in LiveSite(prepared, fingerprints: fingerprints, environment: environment) }
        switch destination {
        case .fresh(let writer):
            finish(
                writer, sink: sink, manifest: manifest, previous: previous, options: options, session: session, live: live,
                report: &report)
        case .inPlace(let update, _):
            // The index files stay as they are until the session refreshes them.
            let oldIndex = Set(previous?.outputs.filter(SearchIndex.isIndexFile) ?? [])
            let outputs = sink.paths.union(oldIndex)
            let obsolete = Set(previous?.outputs ?? []).subtracting(outputs).sorted()
            var manifest = manifest
            manifest.outputs = outputs.sorted()
            finish(update, siteID: destination.siteID, sink: sink, removing: obsolete, session: session!, live: live, report: &report) { [manifest] in
                $0 = manifest
            }
        }
        return report
    }

    /// The typed site, drafts included, and what loading and validating it said, without a theme or
    /// pages: for the commands that need only what the content says (`new unit`, `kolada`). The site
    /// is nil when the files leave nothing to check further; it may come with errors.
    public static func model(_ options: BuildOptions) -> (site: Site?, diagnostics: [Diagnostic]) {
        let log = DiagnosticLog()
        let content = ContentLoader(source: options.source.standardizedFileURL).load(commitDates: false, log: log)
        let site = Validator.validate(content, context: ValidationContext(includeDrafts: true, today: options.asOf), log: log)
        return (site, log.all)
    }

    /// Validates everything (links included) and writes nothing.
    public static func check(_ options: BuildOptions) -> BuildReport {
        check(options, session: nil)
    }

    /// A check; in a session, with its theme (the files are read afresh every time).
    static func check(_ options: BuildOptions, session: BuildSession?) -> BuildReport {
        let log = DiagnosticLog()
        let prepared = prepare(options, log: log, session: session, readsAfresh: true, commitDates: false)
        if let prepared {
            let sink = FileSink(.nowhere)
            _ = render(prepared, fingerprints: [:], previous: [:], into: sink)
            assets(prepared, into: sink, log: log)
        }
        return BuildReport(diagnostics: log.all, pageCount: prepared?.plan.pages.count ?? 0, fileCount: 0, outputError: nil)
    }

    /// The manifest of the site now in the output: the session's, or the one kept in the cache.
    /// - Returns: also whether it is the session's, which can then change that site in place.
    private static func lastBuild(_ options: BuildOptions, session: BuildSession?) -> (BuildManifest?, known: Bool) {
        // What is remembered about the output holds only for the site it was made for: another
        // build (another audience, --drafts, --as-of, a preview) may have swapped its own site in.
        let siteID = OutputWriter.siteID(of: OutputWriter.location(of: options.outputFolder))
        if let known = session?.manifest(describing: siteID) { return (known, true) }
        return (BuildCache(options).read(describing: siteID), false)
    }

    /// The session's own site is changed in place; any other build writes a fresh folder that
    /// takes over the unchanged files of the last build's.
    private static func open(_ options: BuildOptions, previous: BuildManifest?, inPlace: Bool) throws(OutputError) -> Destination {
        if inPlace, let previous, let update = InPlaceUpdate(output: options.outputFolder, siteID: previous.siteID) {
            return .inPlace(update, siteID: previous.siteID)
        }
        return .fresh(try OutputWriter(output: options.outputFolder, source: options.source, reusing: previous?.siteID))
    }

    /// The last stages of a build into a fresh folder: the search index (on another core while the
    /// manifest is written beside its place), then the folder swapped in, then the manifest put in
    /// place: until then the one there describes the old site.
    private static func finish(
        _ writer: OutputWriter, sink: FileSink, manifest: BuildManifest, previous: BuildManifest?,
        options: BuildOptions, session: BuildSession?, live: LiveSite?, report: inout BuildReport
    ) {
        var manifest = manifest
        let indexed = DispatchGroup()
        DispatchQueue.global().async(group: indexed) { [records = manifest.records] in index(records, into: sink) }
        let cache = BuildCache(options)
        // The manifest's list of the site's files, which holds the index's, is written last.
        let pending = Stage.manifest.run {
            Result { () throws(BookkeepingError) -> BuildCache.Pending in
                try cache.prepare(
                    manifest,
                    outputs: {
                        indexed.wait(); return sink.paths.sorted()
                    })
            }
        }
        indexed.wait()
        manifest.outputs = sink.paths.sorted()
        /// The site is built whatever happens to the bookkeeping; a next build without it renders every page.
        func remember(_ put: () throws(BookkeepingError) -> Void) {
            do { try put() } catch { report.diagnostics.append(error.warning(source: options.source)) }
        }
        func fail(_ message: Message) {
            writer.discard()
            _ = try? pending.get().discard()
            session?.dropLive()
            report.outputError = message
        }
        if let failure = sink.failure { return fail(failure) }
        if let previous, writer.changedFileCount == 0, previous.outputs == manifest.outputs {
            // The same site: leave it untouched; only the manifest learns the new times.
            writer.discard()
            _ = try? pending.get().discard()
            manifest.siteID = previous.siteID
            remember { () throws(BookkeepingError) in try cache.store(manifest) }
        } else {
            do {
                report.fileCount = try write(sink, to: .fresh(writer))
            } catch {
                return fail((error as? OutputError)?.message ?? .verbatim("\(error)"))
            }
            remember { () throws(BookkeepingError) in try pending.get().putInPlace() }
        }
        session?.remember(manifest, live: live)
    }

    /// The last stages of an update in place (the live preview): the manifest file is taken away
    /// first, so that a preview killed meanwhile leaves none older than the files; then every file
    /// whose bytes changed is replaced. The search index and the manifest file follow a moment
    /// later (`BuildSession.refresh`), after the open page has reloaded.
    /// - Parameter change: what the update changes in the session's manifest.
    static func finish(
        _ update: InPlaceUpdate, siteID: String, sink: FileSink, removing obsolete: [String], session: BuildSession, live: LiveSite?,
        report: inout BuildReport, change: (inout BuildManifest) -> Void
    ) {
        do {
            try session.withdrawManifestFile()
            report.fileCount = try write(sink, to: .inPlace(update, siteID: siteID), removing: obsolete)
        } catch {
            report.outputError = "\(error)"
            session.forgetSite()
            return
        }
        session.remember(live: live, change: change)
        session.scheduleRefresh()
    }
}
