import Foundation
import Testing
@testable import Site
@testable import Write
import Model
import ValgrundTestSupport

/// What a rebuild remembers lives outside the site and holds only for the site it was made for:
/// a build after anything (another audience, drafts, another date, a preview) gives exactly the
/// bytes of a build into a new folder, and the preview never changes a site it did not build.
@Suite struct BookkeepingTests {
    static func build(
        _ source: URL, _ output: URL, audience: Audience = .intranet, drafts: Bool = false,
        asOf: Day = TestSupport.sampleDate
    ) -> BuildReport {
        let report = SiteBuilder.build(BuildOptions(source: source, output: output, audience: audience, includeDrafts: drafts, asOf: asOf))
        #expect(report.succeeded, "\(TestSupport.errors(report))")
        return report
    }

    /// `output` holds exactly what a build of `source` for `audience` into a new folder holds.
    static func expectFresh(_ source: URL, _ output: URL, audience: Audience = .intranet, _ label: String) {
        let (report, fresh) = TestSupport.build(source, audience: audience)
        #expect(report.succeeded)
        let expected = TestSupport.siteFiles(fresh), actual = TestSupport.siteFiles(output)
        #expect(Set(expected.keys) == Set(actual.keys), "\(label): \(Set(expected.keys).symmetricDifference(actual.keys).sorted().prefix(5))")
        let differing = expected.keys.filter { expected[$0] != actual[$0] }.sorted()
        #expect(differing.isEmpty, "\(label): \(differing.count) files differ from a fresh build: \(differing.prefix(5))")
    }

    @Test func theOutputHoldsOnlyTheSiteAndItsMarker() throws {
        let source = try TestSupport.sampleCopy()
        let output = TestSupport.temporaryFolder("only-site").appendingPathComponent("site")
        // A site built by an earlier version kept its bookkeeping in the output.
        try FileManager.default.createDirectory(at: output.appendingPathComponent(".valgrund"), withIntermediateDirectories: true)
        try Data("old".utf8).write(to: output.appendingPathComponent(".valgrund/manifest"))
        try Data(OutputWriter.markerText.utf8).write(to: output.appendingPathComponent(OutputWriter.markerName))
        // A manifest half written by a build that was killed.
        let manifest = BuildCache(BuildOptions(source: source, output: output)).manifest
        let leftover = manifest.deletingLastPathComponent().appendingPathComponent(".\(manifest.lastPathComponent).new-3999999-1")
        try FileManager.default.createDirectory(at: leftover.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("half".utf8).write(to: leftover)
        _ = Self.build(source, output)
        #expect(!FileManager.default.fileExists(atPath: leftover.path))
        let hidden = try FileManager.default.contentsOfDirectory(atPath: output.path).filter { $0.hasPrefix(".") }
        #expect(hidden == [OutputWriter.markerName])
        // The bookkeeping is in SOURCE's cache folder, which git and backup tools leave alone.
        let cache = source.appendingPathComponent(OutputWriter.cacheFolderName)
        #expect(FileManager.default.fileExists(atPath: manifest.path))
        #expect(TestSupport.read(cache, ".gitignore").contains("*"))
        #expect(TestSupport.read(cache, "CACHEDIR.TAG").hasPrefix("Signature: 8a477f597d28d172789f06886806bc55"))
        // A second build finds nothing to do.
        let again = Self.build(source, output)
        #expect(again.renderedCount == 0 && again.fileCount == 0)
        // The output deleted: its bookkeeping, still in the cache, describes no site there any more.
        try FileManager.default.removeItem(at: output)
        let afresh = Self.build(source, output)
        #expect(afresh.renderedCount == afresh.pageCount)
        Self.expectFresh(source, output, "after the output was deleted")
    }

    @Test func aBuildAfterAnotherAudienceDraftsOrDateGivesAFreshBuildsBytes() throws {
        let source = try TestSupport.sampleCopy()
        let output = TestSupport.temporaryFolder("switch").appendingPathComponent("site")
        _ = Self.build(source, output)
        _ = Self.build(source, output, audience: .public)
        Self.expectFresh(source, output, audience: .public, "public after intranet")
        _ = Self.build(source, output)
        Self.expectFresh(source, output, "intranet after public")
        _ = Self.build(source, output, drafts: true)
        _ = Self.build(source, output)
        Self.expectFresh(source, output, "after --drafts")
        _ = Self.build(source, output, asOf: Day(year: 2027, month: 3, day: 1)!)
        _ = Self.build(source, output)
        Self.expectFresh(source, output, "after another --as-of")
        // Each of them in one folder, by turns, and each time its own bookkeeping is not taken for another's.
        let again = Self.build(source, output)
        #expect(again.renderedCount == 0 && again.fileCount == 0)
    }

    /// Issue 14, finding 4: the preview's search index refresh, due a moment after a page edit,
    /// came after a public build had swapped its site into the preview's folder, and put the
    /// intranet's words (persons' names) into the public site; the preview's next edit then
    /// patched the public site, and a later build found the site "up to date".
    @Test func aPreviewWhoseSiteAnotherBuildReplacedDoesNotPatchIt() throws {
        let source = try TestSupport.sampleCopy()
        let output = TestSupport.temporaryFolder("replaced").appendingPathComponent("site")
        let session = BuildSession(options: BuildOptions(source: source, output: output, asOf: TestSupport.sampleDate))
        #expect(session.build().succeeded)
        let page = source.appendingPathComponent("content/handbook/uppstart.md")

        // The refresh waits (the queue is held) until the public build has swapped its site in.
        // First the work the build left for its queues is done: the semaphore below holds a
        // dispatch thread, and libdispatch on Linux need not start another for a waiting queue.
        session.flush()
        let gate = DispatchSemaphore(value: 0)
        session.refreshes.async { gate.wait() }
        try TestSupport.edit(source, "content/handbook/uppstart.md") { $0 + "\nOch sedan kom kolibrierna.\n" }
        let edit = session.build(changed: [page.path])
        #expect(edit.succeeded && edit.fromMemory)
        _ = Self.build(source, output, audience: .public)
        gate.signal()
        session.flush()
        Self.expectFresh(source, output, audience: .public, "the public build, after the preview's refresh")

        // The preview's next edit builds its own site afresh instead of patching the public one.
        try TestSupport.edit(source, "content/handbook/uppstart.md") { $0 + "\nOch sedan kom flamingorna.\n" }
        let next = session.build(changed: [page.path])
        #expect(
            next.succeeded && !next.fromMemory && next.renderedCount == next.pageCount,
            "\(next.renderedCount) of \(next.pageCount) rendered, from memory: \(next.fromMemory)")
        session.flush()
        Self.expectFresh(source, output, "the preview's site after its next edit")
        // Builds after it give a fresh build's bytes.
        _ = Self.build(source, output, audience: .public)
        Self.expectFresh(source, output, audience: .public, "a public build after the preview")
        _ = Self.build(source, output)
        Self.expectFresh(source, output, "an intranet build after that")
    }

    /// The preview builds into its own folder; a public build into another folder meanwhile is
    /// never touched by its edits, whatever way they take.
    @Test func thePreviewAndAPublicBuildInTwoFoldersNeverMix() throws {
        let source = try TestSupport.sampleCopy()
        let preview = TestSupport.temporaryFolder("preview").appendingPathComponent("site")
        let published = TestSupport.temporaryFolder("public").appendingPathComponent("site")
        let session = BuildSession(options: BuildOptions(source: source, output: preview, asOf: TestSupport.sampleDate))
        #expect(session.build().succeeded)
        _ = Self.build(source, published, audience: .public)
        let before = TestSupport.files(in: published)
        func changed(_ path: String) -> [String] { [source.appendingPathComponent(path).path] }
        try TestSupport.edit(source, "content/handbook/uppstart.md") { $0 + "\nOch sedan kom kolibrierna.\n" }
        #expect(session.build(changed: changed("content/handbook/uppstart.md")).fromMemory)
        try TestSupport.edit(source, "content/units/hagaskolan.yaml") {
            $0.replacingOccurrences(of: "self_assessment: 45", with: "self_assessment: 46")
        }
        #expect(session.build(changed: changed("content/units/hagaskolan.yaml")).succeeded)
        session.flush()
        #expect(TestSupport.files(in: published) == before)
        Self.expectFresh(source, preview, "the preview")
    }

    /// `valgrund serve` without `--output` builds into SOURCE/.valgrund-cache/preview: `build`
    /// into the default SOURCE/output and the preview's edits never meet.
    @Test func serveBuildsIntoItsOwnFolder() throws {
        let source = try TestSupport.sampleCopy()
        let server = try Command.Serving(source: source, output: nil)
        defer { server.stop() }
        let preview = BuildCache.previewFolder(source: source)
        #expect(server.announced.contains("Serving \(preview.path) "), "\(server.announced)")
        #expect(!FileManager.default.fileExists(atPath: source.appendingPathComponent("output").path))
        let run = try Command.valgrund(["build", "--source", source.path, "--audience", "public", "--as-of", "2026-11-25"])
        #expect(run.status == 0, "\(run.stderr)")
        let published = source.appendingPathComponent("output")
        let before = TestSupport.files(in: published)
        try TestSupport.edit(source, "content/handbook/uppstart.md") { $0 + "\nOch sedan kom kolibrierna.\n" }
        let deadline = Date().addingTimeInterval(60)
        while !TestSupport.read(preview, "search/t-ko.js").contains("kolibrierna"), Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        #expect(TestSupport.read(preview, "handbok/uppstart.html").contains("kolibrierna"))
        #expect(TestSupport.read(preview, "search/t-ko.js").contains("kolibrierna"))
        #expect(TestSupport.files(in: published) == before)
    }

    /// Issue 14, finding 6: an edit that keeps the file's size, its time set back afterwards
    /// (`touch -d`, `touch -r`, tools that keep times), is seen by a build and by the preview.
    @Test func anEditThatKeepsSizeAndTimeIsSeen() throws {
        let source = try TestSupport.sampleCopy()
        let path = "content/handbook/uppstart.md"
        let page = source.appendingPathComponent(path)
        let old = Date(timeIntervalSince1970: 1_600_000_000)
        func setTimeBack() throws { try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: page.path) }
        func sameSizeEdit(_ from: String, _ to: String) throws {
            let before = try Data(contentsOf: page)
            try TestSupport.edit(source, path) { $0.replacingOccurrences(of: from, with: to) }
            try setTimeBack()
            let after = try Data(contentsOf: page)
            #expect(after.count == before.count)
            let attributes = try FileManager.default.attributesOfItem(atPath: page.path)
            #expect(attributes[.modificationDate] as? Date == old)
        }
        // Every input's time long past: none was changed just before the build (such files are looked at anyway).
        for case let file as String in FileManager.default.enumerator(atPath: source.appendingPathComponent("content").path)! {
            try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: source.appendingPathComponent("content/" + file).path)
        }
        let (_, output) = TestSupport.build(source)
        try sameSizeEdit("formar chefen", "formar kocken")
        let rebuilt = TestSupport.build(source, output: output).0
        #expect(rebuilt.succeeded && rebuilt.renderedCount >= 1, "\(rebuilt.renderedCount) pages rendered")
        #expect(TestSupport.read(output, "handbok/uppstart.html").contains("formar kocken"))
        TestSupport.expectSameAsFromScratch(source, output, "same size and time")

        // The preview, which keeps parsed files between builds.
        let preview = TestSupport.temporaryFolder("same-size").appendingPathComponent("site")
        let session = BuildSession(options: BuildOptions(source: source, output: preview, asOf: TestSupport.sampleDate))
        #expect(session.build().succeeded)
        try sameSizeEdit("formar kocken", "formar bagarn")
        #expect(session.build(changed: [page.path]).succeeded)
        session.flush()
        #expect(TestSupport.read(preview, "handbok/uppstart.html").contains("formar bagarn"))
    }
}
