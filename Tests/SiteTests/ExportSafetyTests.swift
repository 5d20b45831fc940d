import Foundation
import Model
import Testing
@testable import Site
import ValgrundTestSupport

/// `valgrund export annual-report --output PATH` writes its own file and nothing else: a mistyped
/// path never costs a folder, a hand-written file or a built site.
@Suite struct ExportSafetyTests {
    static func export(_ output: String, source: URL, format: String = "md", in folder: URL? = nil) throws -> Command.Run {
        try Command.valgrund(
            [
                "export", "annual-report", "--source", source.path, "--year", "2026", "--format", format,
                "--output", output, "--as-of", "2026-11-25",
            ], in: folder ?? source)
    }

    /// Every file under `folder` with its bytes, and every folder and link by name, to see that nothing changed.
    static func snapshot(_ folder: URL) -> [String: Data] {
        var result: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return [:] }
        for case let relative as String in walker {
            let full = folder.appendingPathComponent(relative).path
            if let link = try? FileManager.default.destinationOfSymbolicLink(atPath: full) {
                result[relative] = Data(("link to " + link).utf8)
            } else {
                var isFolder: ObjCBool = false
                _ = FileManager.default.fileExists(atPath: full, isDirectory: &isFolder)
                result[relative] = isFolder.boolValue ? Data("folder".utf8) : FileManager.default.contents(atPath: full)
            }
        }
        return result
    }

    @Test func refusesFoldersSourceContentThemesAndBuiltSites() throws {
        let source = try TestSupport.sampleCopy()
        let built = try Command.valgrund(["build", "--source", source.path, "--as-of", "2026-11-25"])
        #expect(built.status == 0, "\(built.stderr)")
        let fm = FileManager.default
        try fm.createDirectory(at: source.appendingPathComponent("themes/egen"), withIntermediateDirectories: true)
        try Data("<p>{{title}}</p>\n".utf8).write(to: source.appendingPathComponent("themes/egen/page.html"))
        let papers = source.appendingPathComponent("papper")
        try fm.createDirectory(at: papers, withIntermediateDirectories: true)
        try Data("viktigt\n".utf8).write(to: papers.appendingPathComponent("brev.txt"))
        try Data("rapporten\n".utf8).write(to: source.appendingPathComponent("rapport.md"))
        try fm.createSymbolicLink(atPath: source.appendingPathComponent("länk.md").path, withDestinationPath: "rapport.md")
        let siteFolder = try #require(
            try fm.contentsOfDirectory(atPath: source.appendingPathComponent("output").path).sorted().first {
                var isFolder: ObjCBool = false
                return fm.fileExists(atPath: source.appendingPathComponent("output/\($0)").path, isDirectory: &isFolder) && isFolder.boolValue
            })
        let refused: [(output: String, why: String)] = [
            ("papper", "a folder with files"),
            ("papper/", "a folder, written with a slash"),
            ("nytt/", "a folder that does not exist yet"),
            (".", "the current folder"),
            (source.path, "SOURCE"),
            ("content", "content/"),
            ("content/", "content/"),
            ("content/annual-report/2026.md", "a file people wrote"),
            ("content/ny-rapport.md", "a new file in content/"),
            ("themes/egen/page.html", "a theme file"),
            ("output", "the built site"),
            ("output/rapport.md", "a new file in the built site"),
            ("output/\(siteFolder)/rapport.md", "a file deeper in the built site"),
            ("länk.md", "a symbolic link"),
            ("saknas/rapport.md", "a folder that does not exist"),
            ("/dev/null", "a device"),
        ]
        for (output, why) in refused {
            let before = Self.snapshot(source)
            let run = try Self.export(output, source: source)
            #expect(run.status == 2, "\(why): \(output): \(run.stderr)")
            #expect(
                run.stderr.contains("will not write the export to")
                    && run.stderr.contains(output == "." ? source.path : output.hasPrefix("/") ? output : String(output.split(separator: "/").last ?? "")),
                "\(why): \(run.stderr)")
            #expect(Self.snapshot(source) == before, "\(why): \(output) changed the files")
        }
        #expect(!fm.fileExists(atPath: source.appendingPathComponent("nytt").path))
    }

    @Test func replacesAnExistingExportAndLeavesNothingBeside() throws {
        let source = try TestSupport.sampleCopy()
        let folder = TestSupport.temporaryFolder("export-to")
        let target = folder.appendingPathComponent("rapport.md")
        try Data("förra årets export\n".utf8).write(to: target)
        let run = try Self.export(target.path, source: source)
        #expect(run.status == 0, "\(run.stderr)")
        let text = try String(contentsOf: target, encoding: .utf8)
        #expect(text.hasPrefix("# ") && text.count > 1_000)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["rapport.md"])
    }

    @Test func concurrentExportsToOneFileBothSucceed() async throws {
        let source = try TestSupport.sampleCopy()
        let folder = TestSupport.temporaryFolder("export-race")
        let target = folder.appendingPathComponent("rapport.docx")
        let alone = try Self.export(target.path, source: source, format: "docx")
        #expect(alone.status == 0, "\(alone.stderr)")
        let expected = try Data(contentsOf: target)
        // Separate processes, as people at once would run them: six at a time, three times over.
        for _ in 1...3 {
            let processes = try (1...6).map { _ in
                let process = Process()
                process.executableURL = Command.binary
                process.arguments = [
                    "export", "annual-report", "--source", source.path, "--year", "2026", "--format", "docx",
                    "--output", target.path, "--as-of", "2026-11-25",
                ]
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                try process.run()
                return process
            }
            for process in processes { process.waitUntilExit() }
            #expect(processes.map(\.terminationStatus) == Array(repeating: 0, count: 6))
            #expect(try Data(contentsOf: target) == expected)
        }
        // Tasks of one process, which share its process id.
        let options = BuildOptions(source: source, audience: .public, asOf: TestSupport.sampleDate)
        let failures = await withTaskGroup(of: String?.self) { group in
            for _ in 0..<3 {
                group.addTask {
                    do { _ = try ReportExport.export(options, year: 2026, format: .docx, section: nil, to: target) } catch { return "\(error)" }
                    return nil
                }
            }
            return await group.reduce(into: [String]()) { if let failure = $1 { $0.append(failure) } }
        }
        #expect(failures == [])
        #expect(try Data(contentsOf: target) == expected)
        let left: [String] = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(left == ["rapport.docx"])
    }

    @Test func aFailedWriteExitsWithThreeAndLeavesNoTemporaryFile() throws {
        let source = try TestSupport.sampleCopy()
        // /proc takes no new files, not even from root.
        let run = try Self.export("/proc/valgrund-rapport.md", source: source)
        #expect(run.status == 3, "\(run.stderr)")
        #expect(run.stderr.contains("cannot write /proc/valgrund-rapport.md: No such file or directory"), "\(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: "/proc").filter { $0.contains("valgrund") } == [])
    }
}
