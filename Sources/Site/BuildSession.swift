import Diagnostics
import Foundation
import Load
import Render
import Write

/// The state one process keeps between builds of the same site (the live preview): the files
/// already parsed and the manifest of the site now in the output folder. A rebuild then reads
/// only the files that changed and rewrites only the files whose bytes changed, in place.
public final class BuildSession: @unchecked Sendable {
    public let options: BuildOptions
    let loadCache = LoadCache()
    /// The manifest of the last successful build, as it is on disk once `pendingManifest` is written.
    var manifest: BuildManifest?
    /// The site of the last successful build, in memory (nil after a failed one).
    var live: LiveSite?
    /// Manifests are written after the site is updated, one at a time, off the reader's path.
    let manifestQueue = DispatchQueue(label: "valgrund.manifest")
    private let building = NSLock()
    /// The theme of the last build, with the environment (options and theme files) it was loaded in.
    private var loadedTheme: (name: String, environment: UInt64, theme: Theme)?

    public init(options: BuildOptions) {
        self.options = options
    }

    /// Builds the site, reusing what the last build of this session left.
    public func build() -> BuildReport {
        building.lock()
        defer { building.unlock() }
        // The last build's search index and manifest are still being written: they come first.
        flush()
        return SiteBuilder.build(options, session: self)
    }

    /// Builds the site after the files at `paths` (absolute) changed: an edit to the text of
    /// handbook pages is built from memory (`PageEdit`), anything else the usual way.
    public func build(changed paths: [String]) -> BuildReport {
        building.lock()
        defer { building.unlock() }
        flush()
        if let report = Timings.shared.measure("page edit", { PageEdit.apply(paths, session: self) }) {
            Timings.shared.report()
            return report
        }
        return SiteBuilder.build(options, session: self)
    }

    /// Checks the site (everything a build does but writing) with the theme kept between checks;
    /// files are read afresh every time. For tools that check many versions of a site (the fuzzer).
    public func check() -> BuildReport {
        building.lock()
        defer { building.unlock() }
        let log = DiagnosticLog()
        let result = SiteBuilder.compile(options, log: log, environment: 0, previous: [:], session: self, readsAfresh: true,
                                         emit: { _ in }, keep: { _ in })
        return BuildReport(diagnostics: log.all, pageCount: result.pageCount, fileCount: 0, outputError: nil)
    }

    /// The theme, loaded again only when its files or the build's options changed; a theme with
    /// errors is not kept, so they are reported on every build.
    func theme(named name: String, environment: UInt64, log: DiagnosticLog) -> Theme? {
        if let loadedTheme, loadedTheme.name == name, loadedTheme.environment == environment { return loadedTheme.theme }
        let local = DiagnosticLog()
        let theme = Theme.load(name: name, source: options.source, log: local)
        log.add(contentsOf: local.all)
        loadedTheme = theme != nil && !local.hasErrors ? (name, environment, theme!) : nil
        return theme
    }

    /// Keeps the site of a successful build for the next page edit, which then needs only what
    /// is made here after the build, while nobody waits.
    func keep(_ live: LiveSite?, records: [PageRecord]) {
        self.live = live
        guard live != nil else { return }
        manifestQueue.async { _ = self.live?.prepareForEdits(records: records) }
    }

    /// Waits until the last manifest is on disk (for tests and before exiting).
    public func flush() {
        manifestQueue.sync {}
    }
}
