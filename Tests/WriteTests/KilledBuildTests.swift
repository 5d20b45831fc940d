import Foundation
import Testing
@testable import Write
import ValgrundTestSupport

/// A build killed at any moment (power cut, an impatient Ctrl-\, the machine's OOM killer) leaves
/// either the whole old site or the whole new one, and the next build clears what it left behind.
@Suite struct KilledBuildTests {
    /// Kills; `VALGRUND_KILLS` raises it for a longer run (docs/reliability.md).
    static let kills = Int(ProcessInfo.processInfo.environment["VALGRUND_KILLS"] ?? "") ?? 50

    /// The site's files, the marker aside (it names the build that made the site).
    static func site(_ folder: URL) -> [String: Data] {
        TestSupport.siteFiles(folder)
    }

    static func build(_ source: URL, into output: URL) throws -> Command.Run {
        try Command.valgrund(["build", "--source", source.path, "--output", output.path, "--as-of", "2026-11-25"])
    }

    @Test func aKilledBuildLeavesTheOldSiteOrTheNewOneWhole() throws {
        // Two versions of the content that differ on every page (the site's title is in each page's header).
        let source = try TestSupport.sampleCopy()
        let settings = source.appendingPathComponent("content/site.yaml")
        let original = try String(contentsOf: settings, encoding: .utf8)
        func use(_ version: Int) throws {
            let text = version == 0 ? original : original.replacingOccurrences(of: "title: ", with: "title: Ny ")
            try Data(text.utf8).write(to: settings)
        }
        var expected: [[String: Data]] = []
        var fullBuildSeconds = 0.0
        for version in 0...1 {
            try use(version)
            let reference = TestSupport.temporaryFolder("killed-ref").appendingPathComponent("site")
            let started = Date()
            let run = try Self.build(source, into: reference)
            fullBuildSeconds = max(fullBuildSeconds, Date().timeIntervalSince(started))
            #expect(run.status == 0, "\(run.stderr)")
            expected.append(Self.site(reference))
        }
        #expect(expected[0] != expected[1])

        let parent = TestSupport.temporaryFolder("killed")
        let output = parent.appendingPathComponent("site")
        try use(0)
        #expect(try Self.build(source, into: output).status == 0)

        var generator = SeededGenerator(seed: UInt64(ProcessInfo.processInfo.environment["VALGRUND_KILL_SEED"] ?? "") ?? 20261125)
        // Each build switches the site to the other version. The first is killed at once (the old
        // site must stay) and the second is not killed (the new one must come): both outcomes are
        // certain whatever the machine's speed. The others are killed at random moments up to a
        // little past the second one's length.
        var current = 0
        var (old, new) = (0, 0)
        var rebuildSeconds = fullBuildSeconds
        for round in 0..<Self.kills {
            let version = 1 - current
            try use(version)
            let delay: Double? = round == 0 ? 0 : round == 1 ? nil : Double.random(in: 0...(rebuildSeconds * 1.1), using: &generator)
            let process = Process()
            process.executableURL = Command.binary
            process.arguments = ["build", "--source", source.path, "--output", output.path, "--as-of", "2026-11-25"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            let started = Date()
            try process.run()
            if let delay {
                Thread.sleep(forTimeInterval: delay)
                kill(process.processIdentifier, SIGKILL)
            }
            process.waitUntilExit()
            if delay == nil { rebuildSeconds = Date().timeIntervalSince(started) }

            let now = Self.site(output)
            if now == expected[version] {
                new += 1
                current = version
            } else if now == expected[current] {
                old += 1
            } else {
                let difference = Set(now.keys).symmetricDifference(expected[version].keys).sorted().prefix(5)
                Issue.record(
                    "after kill \(round) at \(delay.map { String(format: "%.3f", $0) } ?? "the end") s the site is neither the old nor the new one: \(difference)"
                )
            }
        }
        print("killed builds: \(old) left the old site, \(new) the new one")
        #expect(old > 0 && new > 0, "old \(old), new \(new)")

        // A build that runs to its end clears every staging folder the killed ones left, and gives the right site.
        try use(0)
        let run = try Self.build(source, into: output)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(Self.site(output) == expected[0])
        let left = try FileManager.default.contentsOfDirectory(atPath: parent.path)
        #expect(left == ["site"], "left behind: \(left)")
    }
}

extension KilledBuildTests {
    /// A build killed while deleting an old site leaves a folder without its marker; the rename to
    /// a "trash" name before deleting is what lets the next build know it is Valgrund's.
    @Test func halfDeletedFoldersAreClearedButStrangersAreNot() throws {
        let parent = TestSupport.temporaryFolder("leftovers")
        let output = parent.appendingPathComponent("site")
        let trash = parent.appendingPathComponent(".site.valgrund-trash-1-2/deep")
        let stranger = parent.appendingPathComponent(".site.valgrund-new-3-4")
        for folder in [trash, stranger] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data("x".utf8).write(to: folder.appendingPathComponent("page.html"))
        }
        OutputWriter.removeLeftovers(of: output)
        let left = try FileManager.default.contentsOfDirectory(atPath: parent.path)
        #expect(left == [".site.valgrund-new-3-4"], "\(left)")
    }
}
