import Foundation
import Model
import Testing
@testable import Site
import ValgrundTestSupport

/// Every number in the content is read against a range (docs/content-format.md, "Numbers"), so
/// that nothing computed from it can overflow or trap: `9223372036854775808` as a count once
/// stopped the build with "Double value cannot be converted to Int", and a rating scale of
/// ±9223372036854775807 with an arithmetic overflow. Each limit is tried one below, at and one above.
@Suite struct NumberRangeTests {
    static let base = TestSupport.fixture("bad-data").appendingPathComponent("base")

    /// The bad-data base with `old` replaced by `new` in `file` (which must hold it).
    static func source(_ file: String, replacing old: String, with new: String) -> URL {
        let source = TestSupport.temporaryFolder("numbers")
        try! FileManager.default.removeItem(at: source)
        try! FileManager.default.copyItem(at: base, to: source)
        let url = source.appendingPathComponent(file)
        let text = try! String(contentsOf: url, encoding: .utf8)
        precondition(text.contains(old), "\(file) has no '\(old)'")
        try! text.replacingOccurrences(of: old, with: new).write(to: url, atomically: true, encoding: .utf8)
        return source
    }

    static func errors(in file: String, replacing old: String, with new: String) -> [String] {
        let source = source(file, replacing: old, with: new)
        defer { try? FileManager.default.removeItem(at: source) }
        let report = SiteBuilder.check(BuildOptions(source: source, asOf: TestSupport.sampleDate))
        return report.diagnostics.filter { $0.severity == .error }.map(\.description)
    }

    static let unit = "content/units/good.yaml"

    @Test(
        arguments: [
            ("1000000000000", []),
            ("999999999999", []),
            ("1000000000001", ["content/units/good.yaml:17:30: error: 'girls' in 'value' must be between 0 and 1000000000000, not '1000000000001'"]),
            (
                "9223372036854775808",
                ["content/units/good.yaml:17:30: error: 'girls' in 'value' must be between 0 and 1000000000000, not '9223372036854775808'"]
            ),
            (
                String(repeating: "9", count: 400),
                ["content/units/good.yaml:17:30: error: 'girls' is too large a number: '9999999999999999999999999999999999999999…'"]
            ),
            (".nan", ["content/units/good.yaml:17:30: error: 'girls' must be a number, not '.nan'"]),
            (".inf", ["content/units/good.yaml:17:30: error: 'girls' must be a number, not '.inf'"]),
            ("-1", ["content/units/good.yaml:17:30: error: 'girls' in 'value' must be a whole number, at least 0, not '-1'"]),
        ] as [(String, [String])])
    func countsAreWholeNumbersUpToATrillion(_ value: String, _ expected: [String]) {
        #expect(Self.errors(in: Self.unit, replacing: "besok: {value: {girls: 120", with: "besok: {value: {girls: \(value)") == expected)
    }

    @Test(
        arguments: [
            ("1000000000000", []),
            ("1000000000001", ["content/units/good.yaml:15:20: error: 'women' in 'n' must be between 0 and 1000000000000, not '1000000000001'"]),
            ("9223372036854775808", ["content/units/good.yaml:15:20: error: 'women' in 'n' must be between 0 and 1000000000000, not '9223372036854775808'"]),
        ] as [(String, [String])])
    func groupSizesAreCountsToo(_ value: String, _ expected: [String]) {
        #expect(Self.errors(in: Self.unit, replacing: "n: {women: 24", with: "n: {women: \(value)") == expected)
    }

    @Test(
        arguments: [
            ("-1000000000000", []),
            ("1000000000000", []),
            (
                "-1000000000001",
                ["content/units/good.yaml:18:32: error: 'total' in 'value' must be between -1000000000000 and 1000000000000, not '-1000000000001'"]
            ),
            (
                "1000000000000.5",
                ["content/units/good.yaml:18:32: error: 'total' in 'value' must be between -1000000000000 and 1000000000000, not '1000000000000.5'"]
            ),
        ] as [(String, [String])])
    func numbersLieWithinATrillionEitherWay(_ value: String, _ expected: [String]) {
        #expect(Self.errors(in: Self.unit, replacing: "{total: 2150.5}", with: "{total: \(value)}") == expected)
    }

    @Test(
        arguments: [
            ("{min: 0, max: 100}", []),
            ("{min: -90, max: 10}", []),
            ("{min: 0, max: 101}", ["content/site.yaml:5:29: error: the scale may span at most 100 steps, not 101 (0 to 101)"]),
            ("{min: -1000, max: 1000}", ["content/site.yaml:5:33: error: the scale may span at most 100 steps, not 2000 (-1000 to 1000)"]),
            ("{min: -1001, max: 10}", ["content/site.yaml:5:21: error: 'min' must be between -1000 and 1000, not -1001"]),
            (
                "{min: -9223372036854775807, max: 9223372036854775807}",
                [
                    "content/site.yaml:5:21: error: 'min' must be between -1000 and 1000, not -9223372036854775807",
                    "content/site.yaml:5:48: error: 'max' must be between -1000 and 1000, not 9223372036854775807",
                ]
            ),
            ("{min: 1, max: 9223372036854775808}", ["content/site.yaml:5:29: error: 'max' must be between -1000 and 1000, not '9223372036854775808'"]),
            ("{min: .nan, max: 10}", ["content/site.yaml:5:21: error: 'min' must be a whole number, not '.nan'"]),
        ] as [(String, [String])])
    func ratingScalesAreSmall(_ scale: String, _ expected: [String]) {
        #expect(Self.errors(in: "content/site.yaml", replacing: "{min: 1, max: 10}", with: scale) == expected)
    }

    @Test(
        arguments: [
            ("1000000", []),
            ("-1000000", []),
            ("1000001", ["content/process/start.md:4:8: error: 'order' must be between -1000000 and 1000000, not 1000001"]),
            ("99999999999999999999", ["content/process/start.md:4:8: error: 'order' must be between -1000000 and 1000000, not '99999999999999999999'"]),
        ] as [(String, [String])])
    func orderIsBounded(_ order: String, _ expected: [String]) {
        #expect(Self.errors(in: "content/process/start.md", replacing: "order: 1", with: "order: \(order)") == expected)
    }

    /// The largest count there may be is written out on the unit's page, grouped in thousands.
    @Test func theLargestCountIsShown() {
        let source = Self.source(Self.unit, replacing: "besok: {value: {girls: 120", with: "besok: {value: {girls: 1000000000000")
        let (report, output) = TestSupport.build(source)
        #expect(TestSupport.errors(report) == [])
        #expect(TestSupport.read(output, "enheter/good.html").contains("1\u{00A0}000\u{00A0}000\u{00A0}000\u{00A0}000"))
    }
}
