import Foundation
import Testing
import ValgrundTestSupport

/// The same content and date give the same bytes, whatever order the file system lists files in
/// and however many cores the build has. (The marker file, which names the build that made the
/// site, is not part of the site and is left out of the comparison.)
@Suite struct ReproducibleBuildTests {
    /// A copy of the sample content whose files and folders are created in path order, or in
    /// reverse order, so that a file system that lists in creation order lists them differently.
    /// Outside the repository its pages have no commit dates ("Senast uppdaterad" from git), so
    /// copies are compared with copies.
    static func copy(reversed: Bool) throws -> URL {
        let original = TestSupport.repositoryRoot.appendingPathComponent("content")
        let copy = TestSupport.temporaryFolder(reversed ? "reversed" : "copy")
        let files = (FileManager.default.enumerator(atPath: original.path)?.allObjects as? [String] ?? [])
            .filter { !$0.hasPrefix(".") }
            .sorted(by: reversed ? (>) : (<))
        for relative in files {
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: original.appendingPathComponent(relative).path, isDirectory: &isFolder)
            let target = copy.appendingPathComponent("content/" + relative)
            try FileManager.default.createDirectory(at: isFolder.boolValue ? target : target.deletingLastPathComponent(), withIntermediateDirectories: true)
            if !isFolder.boolValue { try FileManager.default.copyItem(at: original.appendingPathComponent(relative), to: target) }
        }
        return copy
    }

    static func build(_ source: URL, prefix: String = "", asOf: Bool = true) throws -> [String: Data] {
        let output = TestSupport.temporaryFolder("repro").appendingPathComponent("site")
        var command = "\(prefix) '\(Command.binary.path)' build --source '\(source.path)' --output '\(output.path)'"
        if asOf { command += " --as-of 2026-11-25" }
        let run = try Command.shell(command)
        #expect(run.status == 0, "\(run.stderr)")
        return TestSupport.siteFiles(output)
    }

    static func expectSame(_ a: [String: Data], _ b: [String: Data], _ label: String) {
        #expect(a.count > 300, "\(label): only \(a.count) files")
        #expect(Set(a.keys) == Set(b.keys), "\(label): \(Set(a.keys).symmetricDifference(b.keys).sorted().prefix(5))")
        let differing = a.keys.filter { a[$0] != b[$0] }.sorted()
        #expect(differing.isEmpty, "\(label): these files differ: \(differing.prefix(5))")
    }

    @Test func sameContentGivesTheSameBytes() throws {
        let sample = TestSupport.repositoryRoot
        let reference = try Self.build(sample)
        // Copies, which are no git repository, are compared with each other.
        Self.expectSame(try Self.build(try Self.copy(reversed: false)), try Self.build(try Self.copy(reversed: true)), "files created in reverse order")
        Self.expectSame(reference, try Self.build(sample, prefix: "taskset -c 0"), "one core")
        // 2026-11-25 12:00 UTC: the reproducible-builds convention gives the same date as --as-of.
        Self.expectSame(reference, try Self.build(sample, prefix: "SOURCE_DATE_EPOCH=1795608000", asOf: false), "SOURCE_DATE_EPOCH")
    }
}
