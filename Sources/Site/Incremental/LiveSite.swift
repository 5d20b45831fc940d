import Model
import Plan
import Render

/// What the live preview keeps of its last successful build so that an edit to a page's text can
/// be built from memory: the checked site, its plan, its renderer (with every page's anchors) and fingerprints.
struct LiveSite: Sendable {
    /// The last build's renderer, which holds the site: what it worked out from the site's
    /// structure stays true while only the text of pages changes.
    var renderer: SiteRenderer
    var site: Site { renderer.site }
    var plan: SitePlan
    var environment: UInt64
    /// A hash of each content file's bytes, by path relative to SOURCE.
    var hashes: [String: UInt64]
    var fingerprints: [String: UInt64]
    /// Every file the loader found, relative to content/.
    var files: Set<String>
    /// What edits need besides; made after the build, off the reader's path (`BuildSession.prepareForEdits`).
    var edits: EditState?

    struct EditState: Sendable {
        /// The structure hash of `Fingerprints`, which an edit to a page's text does not change.
        var structure: UInt64
        /// Where each page's record is in the manifest (their order stays until the next full build).
        var recordPositions: [String: Int]
        /// The pages that show each handbook page's text (`Fingerprints.textReaders`).
        var textReaders: [Int: [Int]]
    }
    /// Where each handbook page is in `site.pages`, by path relative to SOURCE.
    let pageIndex: [String: Int]

    init(_ prepared: SiteBuilder.Prepared, fingerprints: [String: UInt64], environment: UInt64) {
        plan = prepared.plan
        renderer = prepared.renderer
        self.environment = environment
        hashes = prepared.hashes
        self.fingerprints = fingerprints
        files = prepared.files
        pageIndex = Dictionary(prepared.site.pages.enumerated().map { ($0.element.sourcePath, $0.offset) }, uniquingKeysWith: { first, _ in first })
    }

    /// What edits need, made from the build's records (`edits` when it is made already).
    func editState(records: [PageRecord]) -> EditState {
        if let edits { return edits }
        return EditState(
            structure: Fingerprints.structureHash(site: site, plan: plan, hashes: hashes, environment: environment),
            recordPositions: Dictionary(
                records.enumerated().map { ($0.element.url, $0.offset) },
                uniquingKeysWith: { first, _ in first }),
            textReaders: Fingerprints.textReaders(plan: plan))
    }
}
