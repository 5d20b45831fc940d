import Foundation
import Testing
@testable import Site
import Write
import ValgrundTestSupport

/// A rebuild renders only what changed, yet gives byte for byte the site a build from scratch gives.
@Suite struct IncrementalBuildTests {
    /// A copy of the sample content that the test may change.
    /// The live preview updates the site in place and writes the search index after the pages:
    /// once it is done, the site is the one a build from scratch gives.
    @Test func thePreviewsInPlaceUpdatesGiveTheSiteABuildFromScratchGives() throws {
        let source = try TestSupport.sampleCopy()
        let output = TestSupport.temporaryFolder("preview").appendingPathComponent("site")
        let session = BuildSession(options: BuildOptions(source: source, output: output, asOf: TestSupport.sampleDate))
        #expect(session.build().succeeded)
        try TestSupport.edit(source, "content/handbook/uppstart.md") { $0 + "\nOch sedan kom kolibrierna.\n" }
        let pageEdit = session.build()
        #expect(pageEdit.succeeded, "\(TestSupport.errors(pageEdit))")
        #expect(pageEdit.renderedCount == 2)
        session.flush()
        TestSupport.expectSameAsFromScratch(source, output, "preview page edit")
        #expect(TestSupport.read(output, "search/t-ko.js").contains("kolibrierna"))

        // The word taken out again leaves the index; the next build waits for the index to be written.
        try TestSupport.edit(source, "content/handbook/uppstart.md") { $0.replacingOccurrences(of: "\nOch sedan kom kolibrierna.\n", with: "") }
        #expect(session.build().succeeded)
        #expect(session.build().succeeded)
        TestSupport.expectSameAsFromScratch(source, output, "preview word removed")
        #expect(!TestSupport.read(output, "search/t-ko.js").contains("kolibrierna"))
    }

    /// An edit to the text of pages, told by the watcher, is built from the site in memory; every
    /// other edit, and any edit that finds a mistake, takes the full way. Either way the site is
    /// the one a build from scratch gives, and a mistake leaves the site as it was.
    @Test func aPageTextEditInThePreviewIsBuiltFromMemoryAsFromScratch() throws {
        let source = try TestSupport.sampleCopy()
        let output = TestSupport.temporaryFolder("page-edit").appendingPathComponent("site")
        let session = BuildSession(options: BuildOptions(source: source, output: output, asOf: TestSupport.sampleDate))
        func changed(_ paths: String...) -> [String] { paths.map { source.appendingPathComponent($0).path } }
        #expect(session.build().succeeded)

        // The text of a page: that page and the print view, from memory.
        try TestSupport.edit(source, "content/handbook/uppstart.md") { $0 + "\nOch sedan kom kolibrierna.\n" }
        let text = session.build(changed: changed("content/handbook/uppstart.md"))
        #expect(text.succeeded && text.fromMemory, "\(TestSupport.errors(text))")
        #expect(text.renderedCount == 2)
        session.flush()
        TestSupport.expectSameAsFromScratch(source, output, "text edit")
        #expect(TestSupport.read(output, "search/t-ko.js").contains("kolibrierna"))

        // Edits one after the other do not wait for each other's search index; once it is
        // written, it has the words of both.
        try TestSupport.edit(source, "content/handbook/uppstart.md") { $0 + "\nOch sedan kom flamingorna.\n" }
        #expect(session.build(changed: changed("content/handbook/uppstart.md")).fromMemory)
        try TestSupport.edit(source, "content/handbook/hemmaplan-1.md") { $0 + "\nOch sedan kom pelikanerna.\n" }
        #expect(session.build(changed: changed("content/handbook/hemmaplan-1.md")).fromMemory)
        session.flush()
        TestSupport.expectSameAsFromScratch(source, output, "two edits in a row")
        #expect(TestSupport.read(output, "search/t-fl.js").contains("flamingorna"))
        #expect(TestSupport.read(output, "search/t-pe.js").contains("pelikanerna"))
        // The manifest left on disk describes that site: a build by another process finds nothing to do.
        let next = TestSupport.build(source, output: output).0
        #expect(
            next.succeeded && next.fileCount == 0 && next.renderedCount == 0,
            "\(next.renderedCount) pages rendered, \(next.fileCount) files changed")

        // A folder's own page also gives the folder's page; an editor's temporary and hidden
        // files that came and went change nothing.
        try TestSupport.edit(source, "content/handbook/index.md") { $0 + "\nEtt stycke till om handboken.\n" }
        let index = session.build(changed: changed("content/handbook/index.md", "content/handbook/4913", "content/handbook/.index.md.swp"))
        #expect(index.succeeded && index.fromMemory, "\(TestSupport.errors(index))")
        session.flush()
        TestSupport.expectSameAsFromScratch(source, output, "folder page edit")

        // A heading another page links to, renamed: the link is reported where it is written,
        // and the site stays as it was. Named again, the site is built.
        let before = TestSupport.siteFiles(output)
        try TestSupport.edit(source, "content/follow-up/programlogik.md") {
            $0.replacingOccurrences(of: "## Programlogik vid utvärdering", with: "## Programlogik när vi utvärderar")
        }
        let broken = session.build(changed: changed("content/follow-up/programlogik.md"))
        #expect(!broken.succeeded && !broken.fromMemory)
        #expect(
            TestSupport.errors(broken).contains { $0.contains("content/follow-up/resultat.md:") && $0.contains("#programlogik-vid-utvardering") },
            "\(TestSupport.errors(broken))")
        session.flush()
        #expect(TestSupport.siteFiles(output) == before, "a failed build changed the site")
        // While another page has a mistake, an edit to the text of a third is not built from memory:
        // the mistake is reported again and the site stays as it was.
        try TestSupport.edit(source, "content/handbook/uppstart.md") { $0 + "\nOch sedan kom tranorna.\n" }
        let stillBroken = session.build(changed: changed("content/handbook/uppstart.md"))
        #expect(!stillBroken.succeeded && !stillBroken.fromMemory)
        #expect(TestSupport.siteFiles(output) == before, "a failed build changed the site")
        try TestSupport.edit(source, "content/follow-up/programlogik.md") {
            $0.replacingOccurrences(of: "## Programlogik när vi utvärderar", with: "## Programlogik vid utvärdering")
        }
        let fixed = session.build(changed: changed("content/follow-up/programlogik.md"))
        #expect(fixed.succeeded && !fixed.fromMemory, "\(TestSupport.errors(fixed))")
        session.flush()
        TestSupport.expectSameAsFromScratch(source, output, "mistake fixed")

        // A broken link written in the edited page itself.
        try TestSupport.edit(source, "content/handbook/uppstart.md") { $0 + "\nSe [kedjan](../follow-up/programlogik.md#kedjn).\n" }
        let ownLink = session.build(changed: changed("content/handbook/uppstart.md"))
        #expect(
            TestSupport.errors(ownLink).contains { $0.contains("content/handbook/uppstart.md:") && $0.contains("#kedjn") },
            "\(TestSupport.errors(ownLink))")
        try TestSupport.edit(source, "content/handbook/uppstart.md") { $0.replacingOccurrences(of: "#kedjn", with: "#kedjan") }
        #expect(session.build(changed: changed("content/handbook/uppstart.md")).succeeded)
        // From memory again now that the last build succeeded.
        try TestSupport.edit(source, "content/handbook/uppstart.md") { $0 + "\nOch sedan kom storkarna.\n" }
        let again = session.build(changed: changed("content/handbook/uppstart.md"))
        #expect(again.succeeded && again.fromMemory, "\(TestSupport.errors(again))")
        session.flush()
        TestSupport.expectSameAsFromScratch(source, output, "text edit after a mistake")

        // A new title shows on other pages (menus, previous/next): the full way.
        try TestSupport.edit(source, "content/handbook/uppstart.md") {
            $0.replacingOccurrences(of: "title: \"Uppstart\"", with: "title: \"Uppstart och start\"")
        }
        let title = session.build(changed: changed("content/handbook/uppstart.md"))
        #expect(title.succeeded && !title.fromMemory, "\(TestSupport.errors(title))")
        #expect(title.renderedCount > 100)
        session.flush()
        TestSupport.expectSameAsFromScratch(source, output, "title edit")

        // A unit file is not a page: the full way.
        try TestSupport.edit(source, "content/units/hagaskolan.yaml") { $0.replacingOccurrences(of: "self_assessment: 45", with: "self_assessment: 46") }
        let unit = session.build(changed: changed("content/units/hagaskolan.yaml"))
        #expect(unit.succeeded && !unit.fromMemory)
        session.flush()
        TestSupport.expectSameAsFromScratch(source, output, "unit edit in the preview")
    }

    @Test func everyKindOfEditGivesTheSiteABuildFromScratchGives() throws {
        let source = try TestSupport.sampleCopy()
        let (first, output) = TestSupport.build(source)
        #expect(first.succeeded, "\(TestSupport.errors(first))")
        #expect(first.renderedCount == first.pageCount)

        // A handbook page: that page (and the print view holding it) are rendered again, nothing else.
        try TestSupport.edit(source, "content/handbook/uppstart.md") { $0 + "\nEn mening till om uppstarten och zebrafinkar.\n" }
        let pageEdit = TestSupport.build(source, output: output).0
        #expect(pageEdit.succeeded)
        #expect(pageEdit.renderedCount == 2, "rendered \(pageEdit.renderedCount) pages for one page edit")
        TestSupport.expectSameAsFromScratch(source, output, "page edit")
        #expect(TestSupport.read(output, "search/t-ze.js").contains("zebrafinkar"))

        // One value in one unit file: that unit's pages and the pages that sum up all units (the
        // overview, departments, key figures, the annual report and its downloads), not the others.
        try TestSupport.edit(source, "content/units/hagaskolan.yaml") { $0.replacingOccurrences(of: "self_assessment: 45", with: "self_assessment: 46") }
        let unitEdit = TestSupport.build(source, output: output).0
        #expect(unitEdit.succeeded)
        #expect(unitEdit.renderedCount < unitEdit.pageCount - 30, "rendered \(unitEdit.renderedCount) of \(unitEdit.pageCount)")
        TestSupport.expectSameAsFromScratch(source, output, "unit edit")

        // A unit's name appears on many pages: everything is rendered again.
        try TestSupport.edit(source, "content/units/hagaskolan.yaml") { $0.replacingOccurrences(of: "name: Hagaskolan 7–9", with: "name: Hagaskolan 7–9 (ny)") }
        #expect(TestSupport.build(source, output: output).0.succeeded)
        TestSupport.expectSameAsFromScratch(source, output, "unit name")

        // A good example, the catalogue and site.yaml.
        try TestSupport.edit(source, "content/examples/rastvardar-och-skojbrak.md") { $0 + "\nOch sedan blev det bättre.\n" }
        #expect(TestSupport.build(source, output: output).0.succeeded)
        TestSupport.expectSameAsFromScratch(source, output, "example edit")
        try TestSupport.edit(source, "content/key-figures.yaml") {
            $0.replacingOccurrences(of: "Andel barn och elever som känner sig trygga", with: "Andel barn och elever som känner sig trygga i skolan")
        }
        #expect(TestSupport.build(source, output: output).0.succeeded)
        TestSupport.expectSameAsFromScratch(source, output, "catalogue edit")
        try TestSupport.edit(source, "content/site.yaml") {
            $0.replacingOccurrences(of: "title: Välgrundad verksamhet", with: "title: Välgrundad verksamhet i Hedemora")
        }
        #expect(TestSupport.build(source, output: output).0.succeeded)
        TestSupport.expectSameAsFromScratch(source, output, "site.yaml edit")

        // A page added, one removed, an own theme file.
        try Data("---\ntitle: Ny sida\norder: 99\n---\n\nHär är den nya sidan.\n".utf8)
            .write(to: source.appendingPathComponent("content/handbook/ny-sida.md"))
        #expect(TestSupport.build(source, output: output).0.succeeded)
        TestSupport.expectSameAsFromScratch(source, output, "page added")
        try FileManager.default.removeItem(at: source.appendingPathComponent("content/handbook/ny-sida.md"))
        #expect(TestSupport.build(source, output: output).0.succeeded)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("handbok/ny-sida.html").path))
        TestSupport.expectSameAsFromScratch(source, output, "page removed")
        let css = source.appendingPathComponent("themes/default/static/assets/extra.css")
        try FileManager.default.createDirectory(at: css.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("main { color: #000; }\n".utf8).write(to: css)
        #expect(TestSupport.build(source, output: output).0.succeeded)
        TestSupport.expectSameAsFromScratch(source, output, "theme file added")
    }

    @Test func aRebuildWithNothingChangedTouchesNoFileOfTheSite() throws {
        let source = try TestSupport.sampleCopy()
        let (first, output) = TestSupport.build(source)
        #expect(first.succeeded)
        func identities() -> [String: [Int]] {
            var result: [String: [Int]] = [:]
            for path in TestSupport.siteFiles(output).keys {
                var info = stat()
                stat(output.appendingPathComponent(path).path, &info)
                result[path] = [Int(info.st_ino), Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec)]
            }
            return result
        }
        let before = identities()
        let again = TestSupport.build(source, output: output).0
        #expect(again.succeeded)
        #expect(again.renderedCount == 0 && again.fileCount == 0)
        #expect(identities() == before)
    }

    @Test func aDamagedManifestMeansAFullBuild() throws {
        let source = try TestSupport.sampleCopy()
        let (_, output) = TestSupport.build(source)
        let manifest = BuildCache(BuildOptions(source: source, output: output)).manifest
        var bytes = try Data(contentsOf: manifest)
        bytes = bytes.prefix(bytes.count / 2)
        try bytes.write(to: manifest)
        try TestSupport.edit(source, "content/handbook/uppstart.md") { $0 + "\nÄndrad.\n" }
        let report = TestSupport.build(source, output: output).0
        #expect(report.succeeded)
        #expect(report.renderedCount == report.pageCount)
        TestSupport.expectSameAsFromScratch(source, output, "after a damaged manifest")
    }

    @Test func aFailedRebuildKeepsTheSiteAndTheNextOneStillKnowsWhatChanged() throws {
        let source = try TestSupport.sampleCopy()
        let (_, output) = TestSupport.build(source)
        let before = TestSupport.siteFiles(output)
        try TestSupport.edit(source, "content/handbook/uppstart.md") { $0 + "\n[Trasig länk](finns-inte.md)\n" }
        let failed = TestSupport.build(source, output: output).0
        #expect(!failed.succeeded)
        #expect(TestSupport.siteFiles(output) == before)
        try TestSupport.edit(source, "content/handbook/uppstart.md") { $0.replacingOccurrences(of: "[Trasig länk](finns-inte.md)", with: "Hel text.") }
        #expect(TestSupport.build(source, output: output).0.succeeded)
        TestSupport.expectSameAsFromScratch(source, output, "after a failed build")
    }
}
