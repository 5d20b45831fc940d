import Diagnostics
import Foundation
import Yams
import Load
import Model
import Plan
import Render
import Validate
import Write

/// What a build or check did.
public struct BuildReport: Sendable {
    public var diagnostics: [Diagnostic]
    public var pageCount: Int
    public var fileCount: Int
    /// Problems with the output folder itself (refused, not writable), apart from the content's diagnostics.
    public var outputError: String?
    public var succeeded: Bool { outputError == nil && !diagnostics.contains { $0.severity == .error } }
}

/// Runs the stages in order: load → validate → plan → render → write.
public enum SiteBuilder {
    /// Builds the site into its output folder; on any error the previous site stays untouched.
    public static func build(_ options: BuildOptions) -> BuildReport {
        let writer: OutputWriter
        do {
            writer = try OutputWriter(output: options.outputFolder, source: options.source)
        } catch {
            return BuildReport(diagnostics: [], pageCount: 0, fileCount: 0, outputError: error.description)
        }
        let log = DiagnosticLog()
        let failures = FailureBox()
        let counts = Counter()
        let pageCount = compile(options, log: log) { file in
            do {
                try writer.write(file.path, file.data)
                counts.increment()
            } catch {
                failures.set("\(error)")
            }
        }
        if let failure = failures.value {
            writer.discard()
            return BuildReport(diagnostics: log.all, pageCount: pageCount, fileCount: counts.value, outputError: failure)
        }
        guard !log.hasErrors else {
            writer.discard()
            return BuildReport(diagnostics: log.all, pageCount: pageCount, fileCount: 0, outputError: nil)
        }
        do {
            try writer.commit()
        } catch {
            writer.discard()
            return BuildReport(diagnostics: log.all, pageCount: pageCount, fileCount: 0,
                               outputError: "cannot put the new site in place: \(error.localizedDescription)")
        }
        return BuildReport(diagnostics: log.all, pageCount: pageCount, fileCount: counts.value, outputError: nil)
    }

    /// Validates everything (links included) and writes nothing.
    public static func check(_ options: BuildOptions) -> BuildReport {
        let log = DiagnosticLog()
        let pageCount = compile(options, log: log) { _ in }
        return BuildReport(diagnostics: log.all, pageCount: pageCount, fileCount: 0, outputError: nil)
    }

    /// The pipeline itself; `emit` receives every finished file. Returns the number of pages.
    static func compile(_ options: BuildOptions, log: DiagnosticLog, emit: @escaping @Sendable (OutputFile) -> Void) -> Int {
        guard let prepared = prepare(options, log: log) else { return 0 }
        Timings.shared.measure("render (wall)") { prepared.renderer.render(emit: emit) }
        defer { Timings.shared.report() }
        for asset in prepared.plan.assets {
            let url = prepared.source.appendingPathComponent(ContentLoader.contentFolder).appendingPathComponent(asset.contentPath)
            if let data = FileManager.default.contents(atPath: url.path) {
                emit(OutputFile(path: asset.url, data: data))
            } else {
                log.error("cannot read this file", at: SourceLocation(path: "content/" + asset.contentPath))
            }
        }
        return prepared.plan.pages.count
    }

    /// Everything up to rendering: the checked site, its plan and a renderer for it.
    struct Prepared {
        var source: URL
        var site: Site
        var plan: SitePlan
        var renderer: SiteRenderer
    }

    static func prepare(_ options: BuildOptions, log: DiagnosticLog) -> Prepared? {
        let source = options.source.standardizedFileURL
        let content = Timings.shared.measure("load") { ContentLoader(source: source).load(log: log) }
        let themeName = ThemeChoice.name(in: content.siteConfig)
        let context = ValidationContext(includeDrafts: options.includeDrafts, today: options.asOf) { name in
            Theme.languages(name: name, source: source)
        }
        // Even when some files have errors, the rest is planned and rendered (and thrown away),
        // so that one run reports every mistake, broken links included.
        guard let site = Timings.shared.measure("validate", { Validator.validate(content, context: context, log: log) })?.redacted(for: options.audience),
              let theme = Theme.load(name: themeName, source: source, log: log)
        else { return nil }
        let strings = theme.strings[site.config.language] ?? Strings()
        let planner = Planner(pathNames: strings.table("paths").merging(site.config.paths) { $1 },
                              titles: strings.table("titles"),
                              reportSections: ReportSections.ids(strings),
                              exportFormats: ExportFormat.allCases.map(\.rawValue))
        let plan = Timings.shared.measure("plan") { planner.plan(site, assets: content.assets, log: log) }
        let renderer = SiteRenderer(site: site, plan: plan, theme: theme,
                                    options: RenderOptions(asOf: options.asOf, audience: options.audience), log: log)
        return Prepared(source: source, site: site, plan: plan, renderer: renderer)
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

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func increment() { lock.lock(); count += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}
