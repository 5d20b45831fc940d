import Diagnostics
import Foundation
import Load
import Render
import Search
import Synchronization
import Write

/// The state one process keeps between builds of the same site (the live preview): the files
/// already parsed and the manifest of the site now in the output folder. A rebuild then reads
/// only the files that changed and rewrites only the files whose bytes changed, in place, and
/// only while the site there is the one the session built: when another build has swapped its
/// own site in (the manifest's site identity is not the marker's), the session builds afresh.
///
/// Builds run one at a time, in the order they are asked for, on the `builds` queue; after an
/// update in place the search index and the manifest file are brought up to date on the
/// `refreshes` queue. Everything both read and change is in `state`, under one lock.
public final class BuildSession: Sendable {
    public let options: BuildOptions
    let loadCache = LoadCache()

    /// What the session knows of the site in the output folder.
    enum Known {
        /// Nothing (no build yet, another build swapped its own site in, or an update failed):
        /// the next build is made afresh.
        case nothing
        /// The site `manifest` describes; `live` is that site in memory for the next page edit
        /// (nil after a build that failed, or while a page edit holds it).
        case site(BuildManifest, live: LiveSite?)
    }

    /// Whether the search index and the manifest file wait to be brought up to date.
    enum Refresh {
        case idle
        /// A refresh will run soon (`refreshDelay`), or at the next `flush` or build.
        case scheduled
    }

    struct State {
        var known = Known.nothing
        var refresh = Refresh.idle
        /// Counts updates in place, so that a refresh does not put in place a manifest older than the pages.
        var updates = 0
        /// The theme of the last build, with the environment (options and theme files) it was loaded in.
        var theme: (name: String, environment: UInt64, theme: Theme)?

        /// Changes the manifest in place (none changes when the session knows no site).
        mutating func changeManifest(_ change: (inout BuildManifest, inout LiveSite?) -> Void) {
            guard case .site(var manifest, var live) = known else { return }
            // Without the enum's own reference, the manifest's arrays change in place rather than being copied.
            known = .nothing
            change(&manifest, &live)
            known = .site(manifest, live: live)
        }
    }

    private let state = Mutex(State())
    /// Builds, and the preparation for page edits that follows a build, one at a time.
    private let builds = DispatchQueue(label: "valgrund.builds")
    /// Refreshes of the search index and the manifest file, one at a time.
    let refreshes = DispatchQueue(label: "valgrund.refreshes")
    static let refreshDelay: TimeInterval = 0.25

    public init(options: BuildOptions) {
        self.options = options
    }

    /// Builds the site, reusing what the last build of this session left.
    public func build() -> BuildReport {
        builds.sync {
            // The last update's search index and manifest come first.
            refreshNow()
            return SiteBuilder.build(options, session: self)
        }
    }

    /// Builds the site after the files at `paths` (absolute) changed: an edit to the text of
    /// handbook pages is built from memory (`PageEdit`), anything else the usual way.
    public func build(changed paths: [String]) -> BuildReport {
        builds.sync {
            // A page edit does not wait for the last edit's search index: the refresh after this
            // edit takes both.
            if let report = Stage.pageEdit.run({ PageEdit.apply(paths, session: self) }) {
                Timings.shared.report()
                return report
            }
            refreshNow()
            return SiteBuilder.build(options, session: self)
        }
    }

    /// Checks the site (everything a build does but writing) with the theme kept between checks;
    /// files are read afresh every time. For tools that check many versions of a site (the fuzzer).
    public func check() -> BuildReport {
        builds.sync { SiteBuilder.check(options, session: self) }
    }

    /// Waits until the last manifest is on disk (for tests and before exiting).
    public func flush() {
        builds.sync { refreshNow() }
    }

    // MARK: What the stages ask and tell

    /// The manifest of the site `siteID` (the one now in the output) when the session knows it;
    /// when another site is there, the session forgets its own.
    func manifest(describing siteID: String?) -> BuildManifest? {
        state.withLock { state in
            guard case .site(let manifest, _) = state.known else { return nil }
            guard manifest.siteID == siteID else {
                state.known = .nothing
                return nil
            }
            return manifest
        }
    }

    /// The manifest and the site in memory, which the session no longer holds (so that the site
    /// can change in place); nil when it has none.
    func takeLive() -> (manifest: BuildManifest, live: LiveSite)? {
        state.withLock { state in
            var taken: (BuildManifest, LiveSite)?
            state.changeManifest { manifest, live in
                if let site = live { taken = (manifest, site) }
                live = nil
            }
            return taken
        }
    }

    /// After a failed build: the site in the output is still the one the manifest describes, but
    /// the files read no longer match the site in memory.
    func dropLive() {
        state.withLock { $0.changeManifest { _, live in live = nil } }
    }

    /// Forgets the site in the output folder (another build replaced it, or an update failed):
    /// the next build is made afresh.
    func forgetSite() {
        state.withLock { $0.known = .nothing }
    }

    /// After a build into a fresh folder: the site in the output is the one `manifest` describes,
    /// and `live` is it in memory.
    func remember(_ manifest: BuildManifest, live: LiveSite?) {
        state.withLock { $0.known = .site(manifest, live: live) }
        prepareForEdits()
    }

    /// After an update in place: `change` brings the manifest up to date (nothing changes when
    /// the session knows no site any more), and `live` is the site in memory.
    func remember(live: LiveSite?, change: (inout BuildManifest) -> Void) {
        state.withLock { state in
            state.changeManifest { manifest, kept in
                change(&manifest)
                kept = live
            }
        }
        prepareForEdits()
    }

    /// What a page edit needs besides the site is made after each build, while nobody waits;
    /// the next build (a page edit) waits for it on the `builds` queue.
    private func prepareForEdits() {
        builds.async {
            guard
                let taken = self.state.withLock({ state -> (BuildManifest, LiveSite)? in
                    guard case .site(let manifest, let live?) = state.known, live.edits == nil else { return nil }
                    return (manifest, live)
                })
            else { return }
            let edits = taken.1.editState(records: taken.0.records)
            // Only this queue changes the site in memory, so it is still the one the state was made for.
            self.state.withLock { $0.changeManifest { _, live in live?.edits = edits } }
        }
    }

    /// Takes the manifest out of the cache before an update changes the site's files, and keeps
    /// a refresh under way from putting back one that does not know the update: a build killed in
    /// between starts afresh instead of trusting records older than the pages.
    func withdrawManifestFile() throws(BookkeepingError) {
        try state.withLock { state throws(BookkeepingError) in
            state.updates += 1
            try BuildCache(options).withdraw()
        }
    }

    /// The theme, loaded again only when its files or the build's options changed; a theme with
    /// errors is not kept, so they are reported on every build.
    func theme(named name: String, environment: UInt64, log: DiagnosticLog) -> Theme? {
        if let loaded = state.withLock({ $0.theme }), loaded.name == name, loaded.environment == environment { return loaded.theme }
        let local = DiagnosticLog()
        let theme = Theme.load(name: name, source: options.source, log: local)
        log.add(contentsOf: local.all)
        state.withLock { $0.theme = theme.flatMap { local.hasErrors ? nil : (name, environment, $0) } }
        return theme
    }

    // MARK: The search index and the manifest file after an update in place

    /// Schedules a refresh of the search index and the manifest file unless one is waiting. It
    /// starts a moment later: the open page reloads first, without the index competing for the cores.
    func scheduleRefresh() {
        let waiting = state.withLock { state in
            defer { state.refresh = .scheduled }
            return state.refresh == .scheduled
        }
        guard !waiting else { return }
        refreshes.asyncAfter(deadline: .now() + Self.refreshDelay) { self.refresh() }
    }

    /// Runs a scheduled refresh now, after any under way.
    private func refreshNow() {
        refreshes.sync { refresh() }
    }

    /// When a refresh is scheduled: writes the search index of the manifest's pages in place, and
    /// then the manifest itself (unless another refresh is already scheduled, which will). Index
    /// files no page needs any more are removed. Nothing is written when the output holds another
    /// site than the session's by now: the next build starts afresh.
    private func refresh() {
        // Only what the index needs is taken, so that page edits meanwhile change the manifest in place.
        typealias Taken = (updates: Int, siteID: String, records: [PageRecord], oldIndex: Set<String>)
        guard
            let taken = state.withLock({ state -> Taken? in
                guard state.refresh == .scheduled, case .site(let manifest, _) = state.known else { return nil }
                state.refresh = .idle
                return (state.updates, manifest.siteID, manifest.records, Set(manifest.outputs.filter(SearchIndex.isIndexFile)))
            })
        else { return }
        let (updates, siteID, records, oldIndex) = taken
        guard let update = InPlaceUpdate(output: options.outputFolder, siteID: siteID) else { return forget(siteID) }
        let sink = FileSink(.memory)
        SiteBuilder.index(records, into: sink)
        let index = sink.paths
        do {
            _ = try SiteBuilder.write(sink, to: .inPlace(update, siteID: siteID), removing: oldIndex.subtracting(index).sorted())
        } catch {
            return forget(siteID)
        }
        let final = state.withLock { state -> BuildManifest? in
            state.changeManifest { manifest, _ in
                manifest.outputs = Set(manifest.outputs).subtracting(oldIndex).union(index).sorted()
            }
            guard state.refresh == .idle, case .site(let manifest, _) = state.known else { return nil }
            return manifest
        }
        // The manifest in memory stays right when the cache cannot be written; only the next run starts afresh.
        guard let final, let pending = try? Stage.manifest.run({ try BuildCache(options).prepare(final, outputs: { final.outputs }) })
        else { return }
        state.withLock { state in
            if state.updates == updates { try? pending.putInPlace() } else { pending.discard() }
        }
    }

    /// Forgets the site `siteID` unless the session has already moved on to another.
    private func forget(_ siteID: String) {
        state.withLock { state in
            if case .site(let manifest, _) = state.known, manifest.siteID == siteID { state.known = .nothing }
        }
    }
}
