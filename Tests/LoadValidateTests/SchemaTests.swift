import Foundation
import Markup
import Model
import Testing
@testable import Site
@testable import Validate
import ValgrundTestSupport

/// The JSON Schemas `valgrund schema` writes come from the descriptions the validator reads the
/// files by (`ContentShapes`); tests/schema/check_schemas.py runs the bad-data corpus through both.
/// Here: the few rules a schema writes as a regular expression agree with the validator's
/// functions at their edges, and a schema made from a site names its values.
@Suite struct SchemaTests {
    static func matches(_ pattern: String?, _ text: String) -> Bool {
        text.range(of: pattern!, options: .regularExpression) != nil
    }

    @Test func idPatternIsTheValidatorsRule() {
        let samples = [
            "heltid", "a", "0", "a-b_c", "9-a", "", "Heltid", "-a", "_a", "a b", "å", "a.b", "a/b", String(repeating: "a", count: 80),
            String(repeating: "a", count: 81),
        ]
        for sample in samples { #expect(Self.matches(TextForm.id.pattern, sample) == isID(sample), "\(sample)") }
    }

    @Test func segmentPatternIsTheValidatorsRule() {
        let samples = [
            "enheter", "a.b", "x-", "_x", "A1", "..", ".x", "-x", "enhetér", "a/b", "a b", "", String(repeating: "a", count: 100),
            String(repeating: "a", count: 101),
        ]
        for sample in samples { #expect(Self.matches(TextForm.segment.pattern, sample) == isSafeSegment(sample), "\(sample)") }
    }

    @Test func webAddressPatternIsTheValidatorsRule() {
        for sample in ["https://intranet.example/", "http://x", "ftp://x", "intranet/", "HTTPS://x", " https://x"] {
            let validator = sample.hasPrefix("https://") || sample.hasPrefix("http://")
            #expect(Self.matches(TextForm.webAddress.pattern, sample) == validator, "\(sample)")
        }
    }

    /// Years are read as numbers: `+2026` and `02026` are 2026; the range's ends and one beyond each.
    @Test func koladaPatternsAreTheValidatorsRules() {
        let samples = [
            "N00206", "n00206", "N0020", "N002066", "NN0206", "0000", "2083", "208", "20833", "G124026", "G", "G1", "G12345678901",
            "G123456789012", "g124026", "V15E208300101", "V15", "V15E", "v15E2", "V15e2", "V12345678901234567890123", "V123456789012345678901234",
            "", " 2083", "2083 ",
        ]
        for sample in samples {
            #expect(Self.matches(TextForm.koladaKPI.pattern, sample) == KoladaID.isKPI(sample), "\(sample)")
            #expect(Self.matches(TextForm.koladaMunicipality.pattern, sample) == KoladaID.isMunicipality(sample), "\(sample)")
            let comparison = KoladaID.isMunicipality(sample) || KoladaID.isMunicipalityGroup(sample)
            #expect(Self.matches(TextForm.koladaComparison.pattern, sample) == comparison, "\(sample)")
            #expect(Self.matches(TextForm.koladaUnit.pattern, sample) == KoladaID.isUnit(sample), "\(sample)")
        }
    }

    @Test func yearPatternIsTheValidatorsRule() {
        var samples = (1890...2210).map(String.init) + ["02026", "+2026", "-2026", " 2026", "2026 ", "20 26", "tjugo26", "1899", "2201"]
        samples += ["0", "99999"]
        for sample in samples {
            let validator = Int(sample).map(YearMap.years.contains) ?? false
            #expect(Self.matches(KeyKind.yearPattern, sample) == validator, "\(sample)")
        }
    }

    /// The pattern is the date's form; the calendar (`2026-02-30`) is the schema's `format: date`.
    @Test func dayPatternIsTheValidatorsForm() {
        for sample in ["2026-02-10", "2024-02-29", "0001-01-01", "2026-12-31"] {
            #expect(Day(iso: sample) != nil && Self.matches(ContentSchema.dayPattern, sample), "\(sample)")
        }
        for sample in [
            "2026-2-10", "2026-13-01", "2026-00-10", "2026-01-32", "26-01-01", "2026/01/01", "１２３４-01-01", "1 oktober 2026",
            "2026-01-011", "2026-01-0", "2026-01-01 ", " 2026-01-01", "2026-01-1a", "2026--01-01", "2026-011-1", "",
        ] {
            #expect(Day(iso: sample) == nil && !Self.matches(ContentSchema.dayPattern, sample), "\(sample)")
        }
    }

    static func schema(_ name: String, site: Site?) -> JSON? {
        ContentSchema.files(for: site).first { $0.name == name }?.json
    }

    @Test func withoutASiteValuesFromTheContentAreDescribed() {
        let unit = Self.schema("unit.schema.json", site: nil)
        let year = unit["properties", "years", "additionalProperties"]
        #expect(unit["properties", "years", "propertyNames", "pattern"] == .string(KeyKind.yearPattern))
        #expect(year["properties", "steps", "additionalProperties", "required"] == ["status"])
        #expect(year["properties", "steps", "description"].text?.contains("the id of a step") == true)
        #expect(year["properties", "self_assessment", "maximum"] == .int(NumberLimits.selfAssessmentMax.upperBound))
        #expect(year["properties", "self_assessment", "type"] == ["integer", "null"])
        let value = year["properties", "key_figures", "additionalProperties", "properties", "value"]
        #expect(value["propertyNames", "enum"] == JSON(Group.allCases.map(\.rawValue)))
        #expect(value["additionalProperties", "maximum"] == .double(NumberLimits.numbers.upperBound))
        #expect(unit["required"] == ["name", "department"])
        #expect(unit["additionalProperties"] == false)
    }

    @Test func fromASiteItsIDsAndRangesAreNamed() throws {
        let site = try #require(SiteBuilder.model(BuildOptions(source: TestSupport.fixture("bad-data").appendingPathComponent("base"))).site)
        let unit = Self.schema("unit.schema.json", site: site)
        let year = unit["properties", "years", "additionalProperties"]
        #expect(year["properties", "steps", "properties"].keys == ["plan", "start"])
        #expect(year["properties", "steps", "additionalProperties"] == false)
        #expect(year["properties", "self_assessment", "maximum"] == 60)
        #expect(year["properties", "learning_follow_up", "properties", "agreed", "properties", "aims", "minimum"] == 1)
        #expect(year["properties", "learning_follow_up", "properties", "agreed", "properties", "aims", "maximum"] == 10)
        // Each key figure's values by its own groups and measure.
        let heltid = year["properties", "key_figures", "properties", "heltid", "properties"]
        #expect(heltid["value", "propertyNames", "enum"] == ["women", "men"])
        #expect(heltid["value", "additionalProperties", "maximum"] == .double(100))
        #expect(heltid["n", "additionalProperties", "type"] == "integer")
        let besok = year["properties", "key_figures", "properties", "besok", "properties"]
        #expect(besok["target", "additionalProperties", "type"] == "integer")
        let plan = year["properties", "activity_plans", "items", "properties", "key_figure"]
        #expect(plan["enum"] == ["heltid", "besok", "kostnad", nil])
        let catalogue = Self.schema("key-figures.schema.json", site: site)
        #expect(catalogue["items", "properties", "perspective", "enum"] == ["Medborgare", "Medarbetare", "Ekonomi"])
    }
}

extension JSON? {
    fileprivate subscript(_ path: String...) -> JSON? {
        path.reduce(self) { value, key in
            if case .object(let members)? = value { return members[key] }
            return nil
        }
    }

    fileprivate var keys: [String]? {
        if case .object(let members)? = self { return members.keys.sorted() }
        return nil
    }

    fileprivate var text: String? {
        if case .string(let text)? = self { return text }
        return nil
    }
}
