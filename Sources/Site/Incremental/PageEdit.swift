import Diagnostics
import Foundation
import Load
import Markdown
import Model
import Plan
import Render
import Validate
import Write

/// The live preview's quickest rebuild: when only the text of handbook pages changed (their front
/// matter is as it was), nothing the other pages show of them changed, so the site is not loaded,
/// checked or planned again. The edited pages, and the pages that include their text (their
/// section, the print page), are rendered from the site in memory, links to headings are checked
/// against every page's, and the files are replaced in place. Anything else (a new or removed
/// file, a changed title, a unit file, the theme, any diagnostic) takes the full way, which gives
/// the same site: `apply` returns nil for it.
enum PageEdit {
    static func apply(_ paths: [String], session: BuildSession) -> BuildReport? {
        guard !paths.isEmpty, let taken = session.takeLive() else { return nil }
        // From here the session has no site in memory: if this returns nil, the full way that
        // follows makes a new one. Held only here, the site and its tables change in place.
        let manifest = taken.manifest
        var site = taken.live
        let options = session.options
        guard let edited = editedPages(paths, live: site, source: options.source) else { return nil }
        let log = DiagnosticLog()
        // The load and validate stages, for the edited pages only.
        let loader = ContentLoader(source: options.source, cache: session.loadCache)
        for (index, contentPath) in edited {
            let sourcePath = ContentLoader.contentFolder + "/" + contentPath
            // The last build's warnings about the file may go with the edit: only a full build can tell.
            guard !manifest.warnings.contains(where: { $0.location.path == sourcePath }),
                let raw = Stage.load.run({ loader.readPage(contentPath, log: log) }),
                var page = Stage.validate.run({ Validator.page(raw, log: log) }),
                log.all.isEmpty
            else { return nil }
            // Saving a file makes no commit: its last commit is the one the full build found.
            page.committed = site.site.pages[index].committed
            guard page.differsOnlyInBody(from: site.site.pages[index]),
                // Generated figures are filled in by the full way, which knows the units.
                !site.site.pages[index].usesGeneratedFigures, !FigurePlaceholders.mayOccur(in: page.body),
                let hash = loader.hash(of: sourcePath)
            else { return nil }
            site.renderer.replacePage(at: index, with: page)
            site.hashes[sourcePath] = hash
        }
        let state = site.editState(records: manifest.records)
        site.edits = state
        // The fingerprints stage, for the pages that show the edited pages' text.
        let candidates = Set(edited.flatMap { state.textReaders[$0.index] ?? [] }).sorted().map { site.plan.pages[$0] }
        let fingerprints = Stage.fingerprints.run {
            Fingerprints.compute(candidates, site: site.site, plan: site.plan, hashes: site.hashes, structure: state.structure)
        }
        let pages = candidates.filter { fingerprints[$0.url] != site.fingerprints[$0.url] }
        // A Word download needs its charts drawn first, which only the full way does.
        guard !pages.contains(where: { if case .reportDownload = $0.kind { true } else { false } }),
            pages.allSatisfy({ state.recordPositions[$0.url] != nil })
        else { return nil }
        let renderer = site.renderer.forEdit(log: log)
        let sink = FileSink(.memory)
        let rendered = Stage.render.run { renderer.render(only: pages, fingerprints: fingerprints, emit: sink.emit) }
        // A broken link or any other finding is reported by the full way, which finds all of them.
        guard log.all.isEmpty else { return nil }

        var report = BuildReport(
            diagnostics: manifest.warnings, pageCount: manifest.pageCount, fileCount: 0, outputError: nil,
            renderedCount: pages.count)
        report.fromMemory = true
        // Only the session's own site is changed in place; another one swapped in meanwhile is built afresh.
        guard let update = InPlaceUpdate(output: options.outputFolder, siteID: manifest.siteID) else { return nil }
        site.fingerprints.merge(fingerprints) { $1 }
        site.renderer = renderer
        let inputs = edited.map { ContentLoader.contentFolder + "/" + $0.contentPath }
        SiteBuilder.finish(update, siteID: manifest.siteID, sink: sink, removing: [], session: session, live: site, report: &report) { manifest in
            manifest.inputs.update(inputs, source: options.source)
            for record in rendered { manifest.records[state.recordPositions[record.url]!] = record }
        }
        return report
    }

    /// The handbook pages among `paths` (by their place in the site and path relative to content/);
    /// nil when any other input changed. Files the loader does not read (hidden ones, an editor's
    /// temporary file that came and went) are left out.
    private static func editedPages(_ paths: [String], live: LiveSite, source: URL) -> [(index: Int, contentPath: String)]? {
        let prefixes = Set([source, source.standardizedFileURL].map { $0.appendingPathComponent(ContentLoader.contentFolder).path + "/" })
        var edited: [(index: Int, contentPath: String)] = []
        for path in paths {
            guard let prefix = prefixes.first(where: { path.hasPrefix($0) }) else { return nil }
            let contentPath = String(path.dropFirst(prefix.count))
            if contentPath.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            if let index = live.pageIndex[ContentLoader.contentFolder + "/" + contentPath] {
                edited.append((index, contentPath))
            } else if live.files.contains(contentPath) || FileManager.default.fileExists(atPath: path) {
                return nil
            }
        }
        return edited
    }
}
