import Foundation
import Testing
@testable import Site
@testable import Write
import ValgrundTestSupport

/// The output folder is replaced only when the new site is complete, and only if Valgrund made it.
@Suite struct OutputTests {
    @Test func failedBuildLeavesThePreviousSiteAsItWas() throws {
        let source = TestSupport.minimalSource(["content/a.md": "---\ntitle: A\n---\nText.\n"])
        let (first, output) = TestSupport.build(source)
        #expect(first.succeeded)
        let before = TestSupport.files(in: output)
        #expect(before["a.html"] != nil)

        try Data("---\ntitle: A\n---\n[trasig](saknas.md)\n".utf8).write(to: source.appendingPathComponent("content/a.md"))
        let (second, _) = TestSupport.build(source, output: output)
        #expect(!second.succeeded)
        #expect(TestSupport.files(in: output) == before)
        // Nothing is left beside it either.
        let siblings = try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)
        #expect(siblings == ["site"])
    }

    @Test func successfulRebuildReplacesTheSite() throws {
        let source = TestSupport.minimalSource(["content/a.md": "---\ntitle: A\n---\n"])
        let (_, output) = TestSupport.build(source)
        try FileManager.default.removeItem(at: source.appendingPathComponent("content/a.md"))
        try Data("---\ntitle: B\n---\n".utf8).write(to: source.appendingPathComponent("content/b.md"))
        let (report, _) = TestSupport.build(source, output: output)
        #expect(report.succeeded)
        let files = TestSupport.files(in: output)
        #expect(files["a.html"] == nil)
        #expect(files["b.html"] != nil)
        #expect(files[OutputWriter.markerName] != nil)
    }

    @Test func refusesFoldersItMustNotReplace() throws {
        let source = TestSupport.minimalSource()
        let foreign = TestSupport.temporaryFolder("foreign")
        try Data("precious".utf8).write(to: foreign.appendingPathComponent("thesis.txt"))
        for output in [
            source, source.appendingPathComponent("content"), source.appendingPathComponent("content/x"),
            source.appendingPathComponent("themes/default"), foreign, source.deletingLastPathComponent(),
            source.appendingPathComponent(".valgrund-cache"), source.appendingPathComponent(".valgrund-cache/builds"),
            URL(fileURLWithPath: "/"),
        ] {
            let (report, _) = TestSupport.build(source, output: output)
            #expect(report.outputError != nil, "\(output.path)")
        }
        #expect(TestSupport.read(foreign, "thesis.txt") == "precious")
        let empty = TestSupport.temporaryFolder("empty")
        #expect(TestSupport.build(source, output: empty).0.succeeded)
    }

    @Test func checkWritesNothing() {
        let source = TestSupport.minimalSource()
        let report = TestSupport.check(source)
        #expect(report.succeeded)
        #expect(!FileManager.default.fileExists(atPath: source.appendingPathComponent("output").path))
    }

    @Test func leftoversOfAKilledBuildAreRemoved() throws {
        let source = TestSupport.minimalSource()
        let (_, output) = TestSupport.build(source)
        let leftover = output.deletingLastPathComponent().appendingPathComponent(".site.valgrund-new-999-1")
        try FileManager.default.createDirectory(at: leftover, withIntermediateDirectories: true)
        try Data().write(to: leftover.appendingPathComponent(OutputWriter.markerName))
        #expect(TestSupport.build(source, output: output).0.succeeded)
        #expect(!FileManager.default.fileExists(atPath: leftover.path))
    }
}
