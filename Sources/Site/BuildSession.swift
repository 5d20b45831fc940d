import Diagnostics
import Foundation
import Load
import Render
import Search
import Write

/// The state one process keeps between builds of the same site (the live preview): the files
/// already parsed and the manifest of the site now in the output folder. A rebuild then reads
/// only the files that changed and rewrites only the files whose bytes changed, in place, and
/// only while the site there is the one the session built: when another build has swapped its
/// own site in (the manifest's site identity is not the marker's), the session builds afresh.
public final class BuildSession: @unchecked Sendable {
    public let options: BuildOptions
    let loadCache = LoadCache()
    /// Where the manifest is kept between runs.
    var cache: BuildCache { BuildCache(options) }
    /// The manifest of the site in the output folder (nil when it must be built afresh). The
    /// search index's refresh changes it while a page edit may read it, hence the lock.
    var manifest: BuildManifest? {
        get { manifestLock.lock(); defer { manifestLock.unlock() }; return storedManifest }
        set { manifestLock.lock(); storedManifest = newValue; manifestLock.unlock() }
    }
    private var storedManifest: BuildManifest?
    private let manifestLock = NSLock()
    /// The site of the last successful build, in memory (nil after a failed one).
    var live: LiveSite?
    /// The search index and the manifest file are brought up to date after the pages, off the
    /// reader's path, by one refresh at a time that takes the newest manifest (`refreshSearchIndex`).
    let manifestQueue = DispatchQueue(label: "valgrund.manifest")
    private var refreshScheduled = false
    /// Counts page edits, so that a refresh does not put in place a manifest older than the pages.
    private var editCount = 0
    /// What a page edit needs besides the site is made here after each full build.
    private let liveQueue = DispatchQueue(label: "valgrund.live")
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
        // A page edit does not wait for the last edit's search index: the refresh after this
        // edit takes both.
        liveQueue.sync {}
        if let report = Timings.shared.measure("page edit", { PageEdit.apply(paths, session: self) }) {
            Timings.shared.report()
            return report
        }
        flush()
        return SiteBuilder.build(options, session: self)
    }

    /// The site in memory, which the session no longer holds (so that it can change in place).
    func takeLive() -> LiveSite? {
        defer { live = nil }
        return live
    }

    /// Changes the manifest in place (nothing happens when there is none).
    func updateManifest(_ change: (inout BuildManifest) -> Void) {
        manifestLock.lock(); defer { manifestLock.unlock() }
        if storedManifest != nil { change(&storedManifest!) }
    }

    /// Forgets the site in the output folder (another build replaced it, or an update failed):
    /// the next build is made afresh.
    func forgetSite() {
        manifest = nil
        live = nil
    }

    /// Takes the manifest out of the cache before an update changes the site's files, and keeps
    /// a refresh under way from putting back one that does not know the edit: a build killed in
    /// between starts afresh instead of trusting records older than the pages.
    func withdrawManifestFile() throws(BookkeepingError) {
        manifestLock.lock(); defer { manifestLock.unlock() }
        editCount += 1
        try cache.withdraw()
    }

    /// Schedules a refresh of the search index and the manifest file unless one is waiting. It
    /// starts a moment later: the open page reloads first, without the index competing for the cores.
    func scheduleSearchIndexRefresh() {
        manifestLock.lock()
        let waiting = refreshScheduled
        refreshScheduled = true
        manifestLock.unlock()
        guard !waiting else { return }
        refreshes.enter()
        manifestQueue.asyncAfter(deadline: .now() + Self.refreshDelay) {
            self.refreshSearchIndex()
            self.refreshes.leave()
        }
    }

    static let refreshDelay: TimeInterval = 0.25
    /// Refreshes scheduled and not yet done (`flush` waits for them).
    private let refreshes = DispatchGroup()

    /// Writes the search index of the newest manifest's pages in place, and then the manifest
    /// itself (unless another refresh is already waiting, which will). Index files no page needs
    /// any more are removed. Nothing is written when the output holds another site than the
    /// session's by now: the next edit builds afresh.
    private func refreshSearchIndex() {
        // Only what the index needs is taken, so that page edits meanwhile change the manifest in place.
        manifestLock.lock()
        refreshScheduled = false
        let edits = editCount
        let siteID = storedManifest?.siteID
        let entries = storedManifest?.records.compactMap(\.search)
        let oldIndex = Set(storedManifest?.outputs.filter(SearchIndex.isIndexFile) ?? [])
        manifestLock.unlock()
        guard let entries, let siteID else { return }
        // (The site in memory is the building thread's: without a manifest, the next build forgets it.)
        guard let update = InPlaceUpdate(output: options.outputFolder, siteID: siteID) else {
            manifest = nil
            return
        }
        let index = Dictionary(SearchIndex.files(for: entries).map { ($0.path, $0.data) }, uniquingKeysWith: { first, _ in first })
        do {
            try update.apply(index.mapValues(FileContents.bytes), removing: oldIndex.subtracting(index.keys).sorted())
        } catch {
            manifest = nil
            return
        }
        manifestLock.lock()
        if let current = storedManifest {
            storedManifest?.outputs = Set(current.outputs).subtracting(oldIndex).union(index.keys).sorted()
        }
        let final = refreshScheduled ? nil : storedManifest
        manifestLock.unlock()
        // The manifest in memory stays right when the cache cannot be written; only the next run starts afresh.
        guard let final, let pending = try? cache.prepare(final, outputs: { final.outputs }) else { return }
        manifestLock.lock()
        if editCount == edits { try? pending.putInPlace() } else { pending.discard() }
        manifestLock.unlock()
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
        liveQueue.async { _ = self.live?.prepareForEdits(records: records) }
    }

    /// Waits until the last manifest is on disk (for tests and before exiting).
    public func flush() {
        liveQueue.sync {}
        refreshes.wait()
        manifestQueue.sync {}
    }
}
