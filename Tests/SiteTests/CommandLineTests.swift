import Foundation
import Testing
import ValgrundTestSupport

/// The `valgrund` executable as people run it: exit codes, error output, and what it leaves on disk.
@Suite struct CommandLineTests {
    @Test func checkOnTheSampleContentIsClean() throws {
        let run = try Command.valgrund(["check", "--source", TestSupport.repositoryRoot.path, "--as-of", "2026-11-25"])
        #expect(run.status == 0)
        #expect(run.stderr == "")
    }

    @Test func brokenCopyFailsAndLeavesTheOutputAsItWas() throws {
        let source = try TestSupport.sampleCopy()
        let first = try Command.valgrund(["build", "--source", source.path, "--as-of", "2026-11-25"])
        #expect(first.status == 0, "\(first.stderr)")
        let output = source.appendingPathComponent("output")
        let before = TestSupport.files(in: output)
        #expect(before.count > 20)

        let units = source.appendingPathComponent("content/units")
        let unit = try FileManager.default.contentsOfDirectory(atPath: units.path).sorted().first { $0.hasSuffix(".yaml") }!
        let text = try String(contentsOf: units.appendingPathComponent(unit), encoding: .utf8)
        try Data((text + "    bogus_key: 1\n").replacingOccurrences(of: "department:", with: "departement:").utf8)
            .write(to: units.appendingPathComponent(unit))

        let check = try Command.valgrund(["check"], in: source)
        #expect(check.status == 1)
        let lines = check.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("content/units/\(unit):1:1: error:") || $0.contains("unknown key 'departement'") })
        for line in lines.dropLast() {
            #expect(line.range(of: #"^content/[^:]+:\d+:\d+: (error|warning): "#, options: .regularExpression) != nil, "\(line)")
        }
        let build = try Command.valgrund(["build", "--source", source.path])
        #expect(build.status == 1)
        #expect(TestSupport.files(in: output) == before)
    }

    @Test func wrongUsageExitsWithTwo() throws {
        #expect(try Command.valgrund(["build", "--audience", "everyone"]).status == 2)
        #expect(try Command.valgrund(["build", "--as-of", "25/11/2026"]).status == 2)
        #expect(try Command.valgrund(["frobnicate"]).status == 2)
        #expect(try Command.valgrund(["check", "--source", "/nonexistent/folder"]).status == 2)
        #expect(try Command.valgrund(["--help"]).status == 0)
    }

    @Test func newUnitPassesCheckAsWritten() throws {
        let source = try TestSupport.sampleCopy()
        let created = try Command.valgrund(["new", "unit", "biblioteket-centrum", "--source", source.path, "--as-of", "2026-11-25"])
        #expect(created.status == 0, "\(created.stderr)")
        let path = source.appendingPathComponent("content/units/biblioteket-centrum.yaml")
        let text = try String(contentsOf: path, encoding: .utf8)
        for key in [
            "name:", "department:", "manager:", "team:", "years:", "steps:", "self_assessment:", "stamp:", "key_figures:",
            "activity_plans:", "program_logic:", "learning_follow_up:", "ratings:", "agreed:", "interim_report:", "follow_up:",
            "went_less_well:", "celebrate:", "tips:",
        ] {
            #expect(text.contains(key), "\(key)")
        }
        #expect(text.contains("uppstart: {status: planned, date: }"))
        // The first line points the editor to the schema `valgrund schema --output schemas` writes.
        #expect(text.hasPrefix("# yaml-language-server: $schema=../../schemas/unit.schema.json\n"))
        let check = try Command.valgrund(["check", "--source", source.path, "--as-of", "2026-11-25"])
        #expect(check.status == 0, "\(check.stderr)")
        // It passes, with a warning at each placeholder still to fill in (PublicationTextTests has the rest).
        #expect(
            check.stderr.split(separator: "\n").map { String($0.prefix(61)) } == [
                "content/units/biblioteket-centrum.yaml:7:13: warning: 'Ange f",
                "content/units/biblioteket-centrum.yaml:12:5: warning: 2026 ho",
            ])
        // Never overwrites: an id that is taken is wrong usage.
        let again = try Command.valgrund(["new", "unit", "biblioteket-centrum", "--source", source.path])
        #expect(again.status == 2)
        #expect(again.stderr.contains("content/units/biblioteket-centrum.yaml already exists"), "\(again.stderr)")
    }

    /// `valgrund schema`: the three files, and the contract's exit codes.
    @Test func schemaWritesThreeFilesWithTheContractsExitCodes() throws {
        let source = try TestSupport.sampleCopy()
        let folder = source.appendingPathComponent("schemas")
        let run = try Command.valgrund(["schema", "--output", folder.path])
        #expect(run.status == 0, "\(run.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names == ["key-figures.schema.json", "site.schema.json", "unit.schema.json"])
        for name in names {
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent(name))) as? [String: Any]
            #expect(json?["$schema"] as? String == "http://json-schema.org/draft-07/schema#", "\(name)")
        }
        // From the sample's content, the unit schema names its steps.
        let sited = try Command.valgrund(["schema", "--output", folder.path, "--source", source.path, "--as-of", "2026-11-25"])
        #expect(sited.status == 0, "\(sited.stderr)")
        #expect(try String(contentsOf: folder.appendingPathComponent("unit.schema.json"), encoding: .utf8).contains("\"uppstart\""))

        #expect(try Command.valgrund(["schema"]).status == 2)
        #expect(try Command.valgrund(["schema", "--output", folder.path, "--source", "/nonexistent/folder"]).status == 2)
        let inTheWay = source.appendingPathComponent("content/index.md").path
        let blocked = try Command.valgrund(["schema", "--output", inTheWay])
        #expect(blocked.status == 3)
        #expect(blocked.stderr.hasPrefix("cannot write the schemas into "), "\(blocked.stderr)")
        try Data("- not a mapping\n".utf8).write(to: source.appendingPathComponent("content/site.yaml"))
        let broken = try Command.valgrund(["schema", "--output", folder.path, "--source", source.path])
        #expect(broken.status == 1)
        #expect(broken.stderr.hasPrefix("content/site.yaml:1:1: error: site.yaml must be a mapping"), "\(broken.stderr)")
    }

    @Test func newUnitRefusesWhatCheckWouldRefuseAndWritesNothing() throws {
        let source = try TestSupport.sampleCopy()
        let existing = try #require(
            try FileManager.default.contentsOfDirectory(atPath: source.appendingPathComponent("content/units").path)
                .sorted().first { $0.hasSuffix(".yaml") }
        ).dropLast(5)
        let refused: [(id: String, why: String)] = [
            ("con", "Windows reserves the name 'con' for a device"),
            ("lpt1", "Windows reserves the name 'lpt1' for a device"),
            ("Biblioteket", "it holds the capital 'B'"),
            ("två-ord", "it holds 'å'"),
            ("två ord", "it holds 'å'"),
            ("bibliotek centrum", "it holds a space"),
            ("-bibliotek", "it starts with '-'"),
            ("", "it is empty"),
            (String(repeating: "a", count: 81), "it has 81 characters, and an id has at most 80"),
            (String(existing), "already exists"),
        ]
        let before = TestSupport.files(in: source)
        for (id, why) in refused {
            let run = try Command.valgrund(["new", "unit", "--source", source.path, "--as-of", "2026-11-25", "--", id])
            #expect(run.status == 2, "'\(id)': \(run.stderr)")
            #expect(run.stderr.contains(why), "'\(id)': \(run.stderr)")
            #expect(TestSupport.files(in: source) == before, "'\(id)' wrote a file")
        }
        // At the limit, and with every kind of character an id may hold, the file passes `check`.
        for id in [String(repeating: "a", count: 80), "0-bibliotek_2", "conference", "com10"] {
            let created = try Command.valgrund(["new", "unit", id, "--source", source.path, "--as-of", "2026-11-25"])
            #expect(created.status == 0, "'\(id)': \(created.stderr)")
        }
        let check = try Command.valgrund(["check", "--source", source.path, "--as-of", "2026-11-25"])
        #expect(check.status == 0, "\(check.stderr)")
    }

    @Test func failingToWriteFilesExitsWithThree() throws {
        let source = try TestSupport.sampleCopy()
        // A path under a regular file cannot be made, not even by root.
        let blocker = source.appendingPathComponent("fil")
        try Data("orörd\n".utf8).write(to: blocker)
        let output = blocker.appendingPathComponent("ut").path
        let build = try Command.valgrund(["build", "--source", source.path, "--output", output, "--as-of", "2026-11-25"])
        #expect(build.status == 3, "\(build.stderr)")
        #expect(build.stderr.contains("error: cannot write \(blocker.path): Not a directory"), "\(build.stderr)")
        let serve = try Command.valgrund(["serve", "--source", source.path, "--output", output, "--port", "0"])
        #expect(serve.status == 3, "\(serve.stderr)")
        #expect(try Data(contentsOf: blocker) == Data("orörd\n".utf8))
        // A refused output folder stays wrong usage.
        #expect(try Command.valgrund(["build", "--source", source.path, "--output", source.appendingPathComponent("content").path]).status == 2)
    }
}
