import Diagnostics
import Foundation
import Model
import Testing
@testable import Site
import ValgrundTestSupport

/// Every kind of mistake in the data files, one per case, with its exact position and message.
@Suite struct DataErrorTests {
    static let root = TestSupport.fixture("bad-data")
    static let caseNames: [String] =
        (try? FileManager.default.contentsOfDirectory(
            atPath: root.appendingPathComponent("cases").path
        ).sorted()) ?? []

    static func run(_ name: String) -> (expected: [String], actual: [String]) {
        let (expected, _, diagnostics) = check(name)
        return (expected, diagnostics.map(\.description))
    }

    /// The case's expected lines in English and in Swedish, and what `check` reports.
    static func check(_ name: String) -> (expected: [String], expectedSwedish: [String], diagnostics: [Diagnostic]) {
        let (source, expected, expectedSwedish) = TestSupport.badDataCase(name)
        let report = SiteBuilder.check(BuildOptions(source: source, asOf: Day(year: 2026, month: 11, day: 25)))
        return (expected, expectedSwedish, report.diagnostics)
    }

    @Test func theBaseIsClean() {
        let report = SiteBuilder.check(
            BuildOptions(
                source: Self.root.appendingPathComponent("base"),
                asOf: Day(year: 2026, month: 11, day: 25)))
        #expect(report.diagnostics.map(\.description) == [])
    }

    @Test func thereAreCasesOfEveryKind() {
        #expect(Self.caseNames.count >= 40)
    }

    @Test(arguments: caseNames)
    func reportsExactlyTheMistake(_ name: String) {
        let (expected, actual) = Self.run(name)
        #expect(!expected.isEmpty, "\(name) has no expected.txt")
        #expect(actual == expected, "\(name)")
    }

    /// The same mistakes in Swedish (what `check` prints when the environment's language is Swedish):
    /// the case's expected.sv.txt, at exactly the positions of expected.txt, with `error:` and `warning:` as they are.
    @Test(arguments: caseNames)
    func reportsTheMistakeInSwedish(_ name: String) {
        let (expected, expectedSwedish, diagnostics) = Self.check(name)
        let swedish = diagnostics.map { $0.description(in: .swedish) }
        #expect(!expectedSwedish.isEmpty, "\(name) has no expected.sv.txt")
        #expect(swedish == expectedSwedish, "\(name)")
        func place(_ line: String) -> Substring {
            let marker = line.range(of: ": error: ") ?? line.range(of: ": warning: ")
            return marker.map { line[..<$0.upperBound] } ?? Substring(line)
        }
        #expect(expectedSwedish.map(place) == expected.map(place), "\(name): the positions differ between the languages")
        #expect(swedish != expected, "\(name): the Swedish lines are the English ones")
    }

    @Test func faultsInTwoFilesAreBothReported() {
        let (_, actual) = Self.run("faults-in-two-files")
        let files = Set(actual.filter { $0.contains(": error: ") }.map { $0.prefix { $0 != ":" } })
        #expect(files == ["content/key-figures.yaml", "content/units/good.yaml"])
    }
}
