import Diagnostics
import Foundation
import Yams
import Load
import Model
import Plan
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
    public var outputError: String?
    /// The output folder was refused before anything was written (wrong usage); any other
    /// `outputError` is a failure to read or write files.
    public var outputRefused = false
    /// Pages rendered again; the others were taken over from the last build.
    public var renderedCount: Int = 0
    /// Built from the site in memory after an edit to the text of pages (`BuildSession.build(changed:)`).
    public var fromMemory = false
    public var succeeded: Bool { outputError == nil && !diagnostics.contains { $0.severity == .error } }
}

/// Runs the stages in order: load → validate → plan → render → write.
public enum SiteBuilder {
    /// Builds the site into its output folder; on any error the previous site stays untouched.
    /// Only what changed since the last build is rendered and written again (docs/performance.md).
    public static func build(_ options: BuildOptions) -> BuildReport {
        build(options, session: nil)
    }

    static func build(_ options: BuildOptions, session: BuildSession?) -> BuildReport {
        let output = OutputWriter.location(of: options.outputFolder)
        let cache = BuildCache(options)
        let inputs = Timings.shared.measure("inputs") { InputSnapshot.take(source: options.source.standardizedFileURL) }
        let environment = BuildEnvironment.hash(options)
        // What is remembered about the output holds only for the site it was made for: another
        // build (another audience, --drafts, --as-of, a preview) may have swapped its own site in.
        let siteID = OutputWriter.siteID(of: output)
        if let session, session.manifest?.siteID != siteID { session.forgetSite() }
        let previous = session?.manifest ?? Timings.shared.measure("manifest read") { cache.read(describing: siteID) }
        if let previous, previous.environment == environment, inputs.certainlySame(as: previous.inputs) {
            // Nothing read by the build has changed: the site is as it would be built.
            OutputWriter.removeLeftovers(of: output)
            return BuildReport(diagnostics: previous.warnings, pageCount: previous.pageCount, fileCount: 0, outputError: nil)
        }
        if let session, let previous = session.manifest, let update = InPlaceUpdate(output: output, siteID: previous.siteID) {
            return updateInPlace(options, session: session, previous: previous, update: update, inputs: inputs, environment: environment)
        }
        let writer: OutputWriter
        do {
            writer = try OutputWriter(output: options.outputFolder, source: options.source, reusing: previous?.siteID)
        } catch {
            var report = BuildReport(diagnostics: [], pageCount: 0, fileCount: 0, outputError: error.description)
            if case .refused = error { report.outputRefused = true }
            return report
        }
        let log = DiagnosticLog()
        let failures = FailureBox()
        // A page is taken over only when its file is still there.
        let reusable = Dictionary((previous?.records ?? []).filter { writer.previousHas($0.url) }.map { ($0.url, $0) },
                                  uniquingKeysWith: { first, _ in first })
        let emit: @Sendable (OutputFile) -> Void = { file in
            do { try writer.write(file.path, file.contents) } catch { failures.set("\(error)") }
        }
        let result = compile(options, log: log, environment: environment, previous: reusable, session: session,
                             emit: emit, keep: { path in
            do { try writer.keep(path) } catch { failures.set("\(error)") }
        })
        var report = BuildReport(diagnostics: log.all, pageCount: result.pageCount, fileCount: 0, outputError: nil,
                                 renderedCount: result.renderedCount)
        if let failure = failures.value {
            writer.discard()
            report.outputError = failure
            return report
        }
        guard !log.hasErrors else {
            writer.discard()
            session?.live = nil
            return report
        }
        var manifest = BuildManifest(siteID: writer.siteID, environment: environment, inputs: inputs, pageCount: result.pageCount,
                                     outputs: [], warnings: report.diagnostics.filter { $0.severity == .warning }, records: result.records)
        // The search index and the manifest are written at the same time, each on a core; the
        // manifest's list of the site's files, which holds the index's, is written last.
        let indexWritten = DispatchGroup()
        indexWritten.enter()
        DispatchQueue.global().async {
            Timings.shared.measure("search index") {
                SearchIndex.write(for: result.records.compactMap(\.search)) { path, data in emit(OutputFile(path: path, data: data)) }
            }
            indexWritten.leave()
        }
        let files = { () -> [String] in
            indexWritten.wait()
            return writer.writtenPaths.sorted()
        }
        // The manifest goes in place only after the site: until then the one there describes the old site.
        let bookkeeping = Timings.shared.measure("manifest write") {
            Result { () throws(BookkeepingError) -> BuildCache.Pending in try cache.prepare(manifest, outputs: files) }
        }
        manifest.outputs = files()
        /// The site is built whatever happens to the bookkeeping; a next build without it renders every page.
        func remember(_ put: () throws(BookkeepingError) -> Void) {
            do { try put() } catch { report.diagnostics.append(error.warning(source: options.source)) }
        }
        if let failure = failures.value {
            writer.discard()
            _ = try? bookkeeping.get().discard()
            session?.live = nil
            report.outputError = failure
            return report
        }
        if let previous, writer.changedFileCount == 0, previous.outputs == manifest.outputs {
            // The same site: leave it untouched; only the manifest learns the new times.
            writer.discard()
            _ = try? bookkeeping.get().discard()
            manifest.siteID = previous.siteID
            remember { () throws(BookkeepingError) in try cache.store(manifest) }
        } else {
            report.fileCount = writer.changedFileCount
            do {
                try Timings.shared.measure("commit") { try writer.commit() }
            } catch {
                writer.discard()
                _ = try? bookkeeping.get().discard()
                session?.live = nil
                report.outputError = "\(error)"
                return report
            }
            remember { () throws(BookkeepingError) in try bookkeeping.get().putInPlace() }
        }
        session?.manifest = manifest
        session?.keep(result.live, records: manifest.records)
        Timings.shared.report()
        return report
    }

    /// A rebuild in the live preview: only files whose bytes changed are replaced, in place.
    private static func updateInPlace(_ options: BuildOptions, session: BuildSession, previous: BuildManifest, update: InPlaceUpdate,
                                      inputs: InputSnapshot, environment: UInt64) -> BuildReport {
        let log = DiagnosticLog()
        let files = FileCollector()
        let reusable = Dictionary(previous.records.filter { update.has($0.url) }.map { ($0.url, $0) }, uniquingKeysWith: { first, _ in first })
        // The open page reloads as soon as the pages are in place; the search index follows.
        let result = compile(options, log: log, environment: environment, previous: reusable, session: session,
                             emit: { files.add($0) }, keep: { files.keep($0) })
        var report = BuildReport(diagnostics: log.all, pageCount: result.pageCount, fileCount: 0, outputError: nil,
                                 renderedCount: result.renderedCount)
        guard !log.hasErrors else {
            session.live = nil
            return report
        }
        let (written, kept) = files.contents
        let oldIndex = Set(previous.outputs.filter(SearchIndex.isIndexFile))
        let outputs = Set(written.keys).union(kept).union(oldIndex)
        let manifest = BuildManifest(siteID: previous.siteID, environment: environment, inputs: inputs, pageCount: result.pageCount,
                                     outputs: outputs.sorted(), warnings: report.diagnostics.filter { $0.severity == .warning },
                                     records: result.records)
        do {
            // Without a manifest, a build killed halfway through the update starts afresh next time.
            try session.withdrawManifestFile()
            let obsolete = Set(previous.outputs).subtracting(outputs).sorted()
            report.fileCount = try Timings.shared.measure("update in place") { try update.apply(written, removing: obsolete) }
            session.manifest = manifest
            session.keep(result.live, records: manifest.records)
            session.scheduleSearchIndexRefresh()
        } catch {
            report.outputError = "\(error)"
            session.forgetSite()
        }
        Timings.shared.report()
        return report
    }

    /// Validates everything (links included) and writes nothing.
    public static func check(_ options: BuildOptions) -> BuildReport {
        let log = DiagnosticLog()
        let result = compile(options, log: log, environment: 0, previous: [:], emit: { _ in }, keep: { _ in })
        return BuildReport(diagnostics: log.all, pageCount: result.pageCount, fileCount: 0, outputError: nil)
    }

    struct Compiled {
        var pageCount = 0
        var renderedCount = 0
        var records: [PageRecord] = []
        /// For a session: the site in memory, for the next page edit.
        var live: LiveSite?
    }

    /// The pipeline itself; `emit` receives every finished file, `keep` the path of every page
    /// that is the same as in `previous` and was not rendered again. The search index is left to
    /// the caller (from the records' entries), which writes it beside the manifest or after the pages.
    static func compile(_ options: BuildOptions, log: DiagnosticLog, environment: UInt64, previous: [String: PageRecord],
                        session: BuildSession? = nil, readsAfresh: Bool = false,
                        emit: @escaping @Sendable (OutputFile) -> Void, keep: @escaping @Sendable (String) -> Void) -> Compiled {
        guard let prepared = prepare(options, log: log, session: session, environment: environment, readsAfresh: readsAfresh)
        else { return Compiled() }
        let fingerprints = Timings.shared.measure("fingerprints") {
            Fingerprints.compute(site: prepared.site, plan: prepared.plan, hashes: prepared.hashes, environment: environment)
        }
        let kept = Counter()
        let records = Timings.shared.measure("render (wall)") {
            prepared.renderer.render(fingerprints: fingerprints, previous: previous, emit: emit, keep: { path in
                kept.increment()
                keep(path)
            })
        }
        for asset in prepared.plan.assets {
            let path = prepared.source.path + "/" + ContentLoader.contentFolder + "/" + asset.contentPath
            // Copied by path when the site is written, never read into memory here; whether it can
            // be read is asked now, so that a file that cannot be is reported at its place.
            if access(path, R_OK) == 0 {
                emit(OutputFile(path: asset.url, contents: .copy(from: path)))
            } else {
                log.error("cannot read this file", at: SourceLocation(path: "content/" + asset.contentPath))
            }
        }
        return Compiled(pageCount: prepared.plan.pages.count, renderedCount: prepared.plan.pages.count - kept.value, records: records,
                        live: session.map { _ in LiveSite(prepared, fingerprints: fingerprints, environment: environment) })
    }

    /// Everything up to rendering: the checked site, its plan and a renderer for it.
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

    static func prepare(_ options: BuildOptions, log: DiagnosticLog, session: BuildSession? = nil, environment: UInt64 = 0,
                        readsAfresh: Bool = false) -> Prepared? {
        let source = options.source.standardizedFileURL
        let cache = readsAfresh ? nil : session?.loadCache
        let content = Timings.shared.measure("load") { ContentLoader(source: source, cache: cache).load(log: log) }
        let themeName = ThemeChoice.name(in: content.siteConfig)
        let context = ValidationContext(includeDrafts: options.includeDrafts, today: options.asOf) { name in
            Theme.languages(name: name, source: source)
        }
        // Even when some files have errors, the rest is planned and rendered (and thrown away),
        // so that one run reports every mistake, broken links included.
        guard var site = Timings.shared.measure("validate", { Validator.validate(content, context: context, log: log) })?.redacted(for: options.audience),
              let theme = Timings.shared.measure("theme", { session?.theme(named: themeName, environment: environment, log: log)
                                                             ?? Theme.load(name: themeName, source: source, log: log) })
        else { return nil }
        let strings = theme.strings[site.config.language] ?? Strings()
        GeneratedFigureText.fill(&site, strings: strings, asOf: options.asOf, log: log)
        let planner = Planner(pathNames: strings.table("paths").merging(site.config.paths) { $1 },
                              titles: strings.table("titles"),
                              reportSections: ReportSections.ids(strings),
                              exportFormats: { ReportSections.formats($0, strings: strings, year: $1, section: $2) })
        let plan = Timings.shared.measure("plan") { planner.plan(site, assets: content.assets, log: log) }
        let renderer = SiteRenderer(site: site, plan: plan, theme: theme,
                                    options: RenderOptions(asOf: options.asOf, audience: options.audience), log: log)
        return Prepared(source: source, site: site, plan: plan, renderer: renderer, hashes: content.hashes,
                        files: Set(content.files))
    }
}

/// The theme is needed before site.yaml is fully checked (it decides which languages exist).
enum ThemeChoice {
    static func name(in document: YAMLDocument?) -> String {
        guard case .mapping(let root)? = document?.root, let name = root["theme"]?.string,
              !name.isEmpty, !name.contains("/"), !name.hasPrefix(".") else { return "default" }
        return name
    }
}

final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private var first: String?
    func set(_ message: String) { lock.lock(); if first == nil { first = message }; lock.unlock() }
    var value: String? { lock.lock(); defer { lock.unlock() }; return first }
}

/// The files of a rebuild, held until every page is rendered and no error was found.
final class FileCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var files: [String: FileContents] = [:]
    private var kept: Set<String> = []

    func add(_ file: OutputFile) { lock.lock(); files[file.path] = file.contents; lock.unlock() }
    func keep(_ path: String) { lock.lock(); kept.insert(path); lock.unlock() }

    var contents: (written: [String: FileContents], kept: Set<String>) {
        lock.lock(); defer { lock.unlock() }
        return (files, kept)
    }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func increment() { lock.lock(); count += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}
