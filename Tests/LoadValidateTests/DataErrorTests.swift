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
        let source = TestSupport.temporaryFolder("bad-\(name)")
        let fm = FileManager.default
        try! fm.removeItem(at: source)
        try! fm.copyItem(at: root.appendingPathComponent("base"), to: source)
        let caseFolder = root.appendingPathComponent("cases/\(name)")
        var expected: [String] = []
        for case let relative as String in fm.enumerator(atPath: caseFolder.path)! {
            let from = caseFolder.appendingPathComponent(relative)
            var isFolder: ObjCBool = false
            _ = fm.fileExists(atPath: from.path, isDirectory: &isFolder)
            if isFolder.boolValue { continue }
            if relative == "expected.txt" {
                expected = (try! String(contentsOf: from, encoding: .utf8)).split(separator: "\n").map(String.init)
                continue
            }
            let to = source.appendingPathComponent(relative)
            try? fm.createDirectory(at: to.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? fm.removeItem(at: to)
            try! fm.copyItem(at: from, to: to)
        }
        let report = SiteBuilder.check(BuildOptions(source: source, asOf: Day(year: 2026, month: 11, day: 25)))
        return (expected, report.diagnostics.map(\.description))
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

    @Test func faultsInTwoFilesAreBothReported() {
        let (_, actual) = Self.run("faults-in-two-files")
        let files = Set(actual.filter { $0.contains(": error: ") }.map { $0.prefix { $0 != ":" } })
        #expect(files == ["content/key-figures.yaml", "content/units/good.yaml"])
    }
}
