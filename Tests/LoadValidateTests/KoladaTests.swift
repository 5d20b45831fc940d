import Diagnostics
import Foundation
import Model
import Testing
@testable import Site
import ValgrundTestSupport

/// Kolada's saved responses: every mistake the contract names at its line and column, what is
/// ignored with a warning, and what the merge puts into the typed site.
@Suite struct KoladaTests {
    static let site =
        TestSupport.siteYAML + """
            min_group_size: 5
            kolada:
              municipality: "2083"
              compare: [{id: "0000", name: Riket}, {id: "G124026", name: Liknande kommuner}]

            """

    static let figures = """
        - id: heltid
          name: Andel som arbetar heltid
          perspective: Medarbetare
          measure: percent
          better: higher
          groups: [women, men]
          kolada: N00206
          kolada_unit: N15033
          years:
            2025: {value: {women: 68}}
        - id: trygg
          name: Trygga elever
          perspective: Medborgare
          measure: percent
          better: higher
          groups: [girls, boys, total]
          kolada: N15613

        """

    static let unit = """
        name: Enheten
        department: Förvaltningen
        kolada: V15E208300101
        years:
          2025:
            key_figures:
              heltid: {n: {women: 5, men: 4}}
          2026:
            key_figures:
              heltid: {value: {men: 90}, n: {women: 20, men: 6}}

        """

    static func source(_ files: [String: String]) -> URL {
        TestSupport.minimalSource(
            ["content/site.yaml": site, "content/key-figures.yaml": figures, "content/units/enheten.yaml": unit].merging(files) { $1 })
    }

    static func entry(_ kpi: String, _ who: String, _ period: String, _ values: String, key: String = "municipality") -> String {
        #"{"kpi": "\#(kpi)", "\#(key)": "\#(who)", "period": \#(period), "values": [\#(values)]}"#
    }

    static func response(_ entries: [String]) -> String {
        "{\"values\": [\n" + entries.joined(separator: ",\n") + "\n], \"count\": \(entries.count), \"next_page\": null}\n"
    }

    static func diagnostics(_ files: [String: String]) -> [String] {
        // The test unit leaves a perspective uncovered; that warning is not this suite's.
        TestSupport.check(source(files)).diagnostics.map(\.description).filter { $0.hasPrefix("content/kolada/") }
    }

    @Test func theContractsMistakesAreReportedAtTheirPosition() {
        let files = [
            "content/kolada/a-syntax.json": "{\"values\": [\n  {\"kpi\": \"N00206\" \"period\": 2025}\n]}",
            "content/kolada/b-list.json": "[1, 2]",
            "content/kolada/c-metadata.json": "{\"values_count\": 1,\n \"kpis\": []}",
            "content/kolada/d-entries.json": Self.response([
                Self.entry("N00206", "2083", "20255", #"{"gender": "K", "value": 1}"#),
                Self.entry("N00206", "2083", #""2025""#, #"{"gender": "K", "value": 1}"#),
                Self.entry("N00206", "2083", "2025", #"{"gender": "W", "value": 1}"#),
                Self.entry("N00206", "2083", "2025", #"{"gender": "K", "value": "68"}"#),
                #"{"municipality": "2083", "period": 2025, "values": []}"#,
                #"{"kpi": "N00206", "period": 2025, "values": []}"#,
                #"{"kpi": 206, "municipality": "2083", "period": 2025, "values": []}"#,
                #"{"kpi": "N00206", "municipality": "2083", "ou": "V1", "period": 2025, "values": []}"#,
            ]),
            "content/kolada/README.md": "# Data från Kolada\n",
        ]
        #expect(
            Self.diagnostics(files) == [
                "content/kolada/a-syntax.json:2:20: error: not JSON: '\"' where ',' or '}' should be",
                "content/kolada/b-list.json:1:1: error: not a Kolada data response: the file must be an object with a list of `values` (`{\"values\": [...]}`), not a list",
                "content/kolada/c-metadata.json:1:1: error: not a Kolada data response: it has no list of `values` (is it an answer about KPIs or municipalities rather than their data?)",
                "content/kolada/d-entries.json:2:53: error: 'period' must be a year from 1900 to 2200 written as a number (`\"period\": 2025`), not 20255",
                "content/kolada/d-entries.json:3:53: error: 'period' must be a year from 1900 to 2200 written as a number (`\"period\": 2025`), not \"2025\"",
                "content/kolada/d-entries.json:4:81: error: unknown gender 'W'; Kolada's are K (women), M (men) and T (total)",
                "content/kolada/d-entries.json:5:95: error: 'value' must be a number or null, not a string",
                "content/kolada/d-entries.json:6:1: error: this entry has no 'kpi'; a data response's entries have kpi, municipality or ou, period and values",
                "content/kolada/d-entries.json:7:1: error: this entry has neither 'municipality' nor 'ou': whose values are they?",
                "content/kolada/d-entries.json:8:9: error: 'kpi' must be a string, not a number",
                "content/kolada/d-entries.json:9:1: error: this entry has both 'municipality' and 'ou'; a data response's entries have one of them",
            ])
    }

    @Test func valuesNothingAsksForAreWarnedAboutOncePerFile() {
        let files = [
            "content/kolada/data.json": Self.response([
                Self.entry("N00206", "2083", "2024", #"{"gender": "K", "value": 61}"#),
                Self.entry("N99999", "2083", "2024", #"{"gender": "K", "value": 1}"#),
                Self.entry("N99999", "2083", "2025", #"{"gender": "K", "value": 1}"#),
                Self.entry("N00206", "1982", "2024", #"{"gender": "K", "value": 1}"#),
                Self.entry("N15033", "V99", "2024", #"{"gender": "K", "value": 1}"#, key: "ou"),
                Self.entry("N00206", "V15E208300101", "2024", #"{"gender": "K", "value": 1}"#, key: "ou"),
                Self.entry("N00206", "2083", "2024", #"{"gender": "K", "value": 62}"#),
            ])
        ]
        #expect(
            Self.diagnostics(files) == [
                "content/kolada/data.json:3:1: warning: no key figure in key-figures.yaml has `kolada: N99999`, so this file's values of N99999 for municipalities are not used",
                "content/kolada/data.json:5:1: warning: '1982' is neither site.yaml's `kolada: municipality` nor one of its `compare` ids, so this file's values for it are not used",
                "content/kolada/data.json:6:1: warning: no unit file has `kolada: V99`, so this file's values for it are not used",
                "content/kolada/data.json:7:1: warning: no key figure in key-figures.yaml has `kolada_unit: N00206`, so this file's values of N00206 for units are not used",
                "content/kolada/data.json:8:1: warning: N00206 for '2083' in 2024 is already given at content/kolada/data.json:2; this entry is not used",
            ])
    }

    @Test func aSiteWithoutKoladaSaysOnceThatTheValuesAreUnused() {
        let source = TestSupport.minimalSource([
            "content/kolada/x.json": Self.response([
                Self.entry("N00206", "2083", "2024", #"{"gender": "K", "value": 61}"#),
                Self.entry("N00206", "2083", "2025", #"{"gender": "K", "value": 61}"#),
            ])
        ])
        #expect(
            TestSupport.check(source).diagnostics.map(\.description) == [
                "content/kolada/x.json:2:1: warning: site.yaml has no `kolada:`, so no values from Kolada are used"
            ])
    }

    @Test func otherFilesInTheFolderAreNotRead() {
        let diagnostics = Self.diagnostics(["content/kolada/README.md": "not json", "content/kolada/data.csv": "a;b", "content/kolada/sub/x.json": "{"])
        #expect(
            diagnostics == [
                "content/kolada/data.csv:1:1: warning: this file is neither read nor published: content/kolada/ holds only Kolada's responses (<name>.json) and notes about them (<name>.md)",
                "content/kolada/sub/x.json:1:1: warning: this file is neither read nor published: content/kolada/ holds only Kolada's responses (<name>.json) and notes about them (<name>.md)",
            ])
    }

    /// The merge, through the whole Load and Validate: YAML wins per group, null fills nothing,
    /// K and M fill girls and boys, T the total, and the origin of each value is kept.
    @Test func theMergeFillsWhatYAMLLeavesOpen() throws {
        let files = [
            "content/kolada/data.json": Self.response([
                Self.entry("N00206", "2083", "2025", #"{"gender": "K", "value": 70}, {"gender": "M", "value": 84}, {"gender": "T", "value": 80}"#),
                Self.entry("N00206", "2083", "2024", #"{"gender": "K", "value": null}, {"gender": "M", "value": 83.5}"#),
                Self.entry("N00206", "0000", "2024", #"{"gender": "K", "value": 72}, {"gender": "M", "value": 88}"#),
                Self.entry("N15613", "2083", "2023", #"{"gender": "K", "value": 80}, {"gender": "M", "value": 85}, {"gender": "T", "value": 82}"#),
                Self.entry("N15033", "V15E208300101", "2025", #"{"gender": "K", "value": 50}, {"gender": "M", "value": 60}"#, key: "ou"),
                Self.entry("N15033", "V15E208300101", "2026", #"{"gender": "K", "value": 51}, {"gender": "M", "value": 61}"#, key: "ou"),
                Self.entry("N15033", "V15E208300101", "2027", #"{"gender": "K", "value": 52}"#, key: "ou"),
            ])
        ]
        let options = BuildOptions(source: Self.source(files), asOf: TestSupport.sampleDate)
        let log = DiagnosticLog()
        let content = SiteBuilder.load(options.source, cache: nil, commitDates: false, log: log)
        let site = try #require(SiteBuilder.validate(content, options: options, log: log))
        #expect(log.all.map(\.description).filter { $0.hasPrefix("content/kolada/") } == [])
        #expect(log.errorCount == 0)
        let heltid = try #require(site.keyFigure("heltid"))
        // 2025: women written (68) wins over Kolada's 70; men from Kolada; T has no group here.
        #expect(heltid.years[2025]?.value?.values == [.women: 68, .men: 84])
        #expect(heltid.years[2025]?.value?.origin(.women) == .content)
        #expect(heltid.years[2025]?.value?.origin(.men) == .kolada(kpi: "N00206"))
        // 2024: null is no value.
        #expect(heltid.years[2024]?.value?.values == [.men: 83.5])
        let trygg = try #require(site.keyFigure("trygg"))
        #expect(trygg.years[2023]?.value?.values == [.girls: 80, .boys: 85, .total: 82])
        // The compared municipality is kept for the page, not merged.
        #expect(site.kolada.groupValues(kpi: "N00206", subject: .municipality("0000"), year: 2024, figure: heltid)?.values == [.women: 72, .men: 88])
        let unit = try #require(site.unit("enheten"))
        #expect(unit.years[2025]?.keyFigures.first?.value?.values == [.women: 50, .men: 60])
        // 2026: the unit wrote men (90); women from Kolada.
        #expect(unit.years[2026]?.keyFigures.first?.value?.values == [.women: 51, .men: 90])
        #expect(unit.years[2026]?.keyFigures.first?.value?.origin(.women) == .kolada(kpi: "N15033"))
        // A year the unit's file does not have is not made up.
        #expect(unit.years[2027] == nil)
    }
}
