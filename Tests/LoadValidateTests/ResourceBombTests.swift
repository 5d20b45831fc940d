import Foundation
import Testing
import ValgrundTestSupport

/// Inputs made to exhaust the machine get a clear error or a site, within bounded time and memory:
/// each runs the real `valgrund build` in a child process limited to 2 GB of address space and
/// two minutes, so a bomb that got through would fail the test rather than the machine.
@Suite(.serialized) struct ResourceBombTests {
    enum Outcome {
        case builds
        case error(String)
    }

    struct Bomb: CustomTestStringConvertible, Sendable {
        var name: String
        var files: @Sendable () -> [String: String]
        var outcome: Outcome
        var testDescription: String { name }
    }

    static func laughs(_ key: String, indent: String = "") -> String {
        var text = "\(indent)\(key): &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            text += "\(indent)x\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]\n"
        }
        return text
    }

    static let bombs: [Bomb] = [
        Bomb(
            name: "billion laughs in a unit file",
            files: {
                ["content/units/enhet.yaml": "name: Enhet\ndepartment: D\n" + laughs("team")]
            }, outcome: .error("content/units/enhet.yaml:4:")),
        Bomb(
            name: "billion laughs in front matter",
            files: {
                ["content/a.md": "---\ntitle: A\n" + laughs("tags") + "---\nText\n"]
            }, outcome: .error("content/a.md:4:")),
        Bomb(
            name: "billion laughs in the catalogue",
            files: {
                [
                    "content/key-figures.yaml": "- id: a\n  name: A\n  perspective: Medborgare\n  measure: count\n  better: higher\n  groups: [women, men]\n"
                        + laughs("  description", indent: "  ")
                ]
            }, outcome: .error("content/key-figures.yaml:")),
        Bomb(
            name: "a 50 MB Markdown page",
            files: {
                [
                    "content/stor.md": "---\ntitle: Stor\n---\n\n"
                        + String(repeating: "Ett stycke om jämställdhet med **fetstil** och [en länk](index.md).\n\n", count: 750_000)
                ]
            }, outcome: .error("content/stor.md:1:1: error: this file is larger than")),
        Bomb(
            name: "Kolada JSON nested 1,000,000 deep",
            files: {
                ["content/kolada/djup.json": "{\"values\": " + String(repeating: "[", count: 1_000_000) + String(repeating: "]", count: 1_000_000) + "}"]
            }, outcome: .error("content/kolada/djup.json:1:75: error: not JSON: objects and lists are nested more than 64 deep")),
        Bomb(
            name: "a 30 MB Kolada response",
            files: {
                [
                    "content/kolada/stor.json": "{\"values\": ["
                        + String(repeating: "{\"kpi\": \"N00206\", \"municipality\": \"2083\", \"period\": 2025, \"values\": []}, ", count: 400_000) + "]}"
                ]
            }, outcome: .error("content/kolada/stor.json:1:1: error: this file is larger than")),
        Bomb(
            name: "a list nested 10,000 deep",
            files: {
                ["content/a.md": "---\ntitle: A\n---\n\n" + String(repeating: "- ", count: 10_000) + "x\n\n" + String(repeating: "1. ", count: 10_000) + "y\n"]
            }, outcome: .builds),
        Bomb(
            name: "block quotes nested 10,000 deep",
            files: {
                ["content/a.md": "---\ntitle: A\n---\n\n" + String(repeating: ">", count: 10_000) + " x\n\n" + String(repeating: "> ", count: 10_000) + "- y\n"]
            }, outcome: .builds),
        Bomb(
            name: "emphasis, links and brackets 10,000 deep",
            files: {
                [
                    "content/a.md": "---\ntitle: A\n---\n\n" + String(repeating: "*", count: 10_000) + "x" + String(repeating: "*", count: 10_000) + "\n\n"
                        + String(repeating: "[", count: 10_000) + "x" + String(repeating: "](index.md)", count: 10_000) + "\n\n"
                        + String(repeating: "_a ", count: 10_000) + String(repeating: "`", count: 10_000) + "\n"
                ]
            }, outcome: .builds),
        Bomb(
            name: "YAML nested 10,000 deep",
            files: {
                [
                    "content/units/enhet.yaml": "name: E\ndepartment: D\nteam: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
                        + "\n",
                    "content/units/annan.yaml": "name: E\ndepartment: D\nyears: " + String(repeating: "{a: ", count: 10_000) + "1"
                        + String(repeating: "}", count: 10_000) + "\n",
                ]
            }, outcome: .error("content/units/annan.yaml:3:")),
        Bomb(
            name: "a line of a million characters",
            files: {
                [
                    "content/a.md": "---\ntitle: A\n---\n\n" + String(repeating: "ordet ", count: 170_000) + "\n",
                    "content/b.md": "---\ntitle: " + String(repeating: "B", count: 1_000_000) + "\n---\n\n" + String(repeating: "|a", count: 500_000)
                        + "\n|-|\n",
                    "content/units/enhet.yaml": "name: " + String(repeating: "N", count: 1_000_000) + "\ndepartment: D\n",
                ]
            }, outcome: .builds),
        Bomb(
            name: "100,000 activity plans",
            files: {
                let plan = "      - title: Aktivitet\n        responsible: Person\n        status: in_progress\n        due: 2026-12-31\n"
                return ["content/units/enhet.yaml": "name: E\ndepartment: D\nyears:\n  2026:\n    activity_plans:\n" + String(repeating: plan, count: 100_000)]
            }, outcome: .error("content/units/enhet.yaml:6:7: error: 100000 activity plans in one year")),
    ]

    @Test(arguments: bombs)
    func getsAnErrorOrASiteWithinBounds(_ bomb: Bomb) throws {
        let source = TestSupport.minimalSource(bomb.files())
        defer { try? FileManager.default.removeItem(at: source) }
        let output = TestSupport.temporaryFolder("bomb").appendingPathComponent("site")
        let started = Date()
        let run = try Self.limited(["build", "--source", source.path, "--output", output.path, "--as-of", "2026-11-25"])
        let seconds = Date().timeIntervalSince(started)
        #expect(seconds < 120, "\(bomb.name) took \(Int(seconds)) s")
        switch bomb.outcome {
        case .builds:
            #expect(run.status == 0, "\(bomb.name): \(run.stderr.prefix(500))")
        case .error(let expected):
            #expect(run.status == 1, "\(bomb.name) ended with \(run.status): \(run.stderr.prefix(500))")
            #expect(run.stderr.contains(expected), "\(bomb.name): \(run.stderr.prefix(500))")
        }
        // Whatever the outcome, every line it printed about the content has a position.
        for line in run.stderr.split(separator: "\n") where line.contains(": error: ") {
            #expect(line.range(of: #"^content/[^:]+:\d+:\d+: error: "#, options: .regularExpression) != nil, "\(line.prefix(200))")
        }
    }

    /// Runs valgrund with its address space and time limited; a crash from running out shows as a failed status.
    static func limited(_ arguments: [String]) throws -> Command.Run {
        let quoted = arguments.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        return try Command.shell("ulimit -v 2000000; exec timeout -s KILL 120 '\(Command.binary.path)' \(quoted)")
    }
}
