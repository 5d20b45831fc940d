import Diagnostics
import Foundation
import Load
import Model
import Testing
import Validate
@testable import Site
import ValgrundTestSupport

/// The progress pages of the sample units, as rendered.
@Suite struct ProgressPageTests {
    var output: URL { TestSupport.builtSample.output }
    func page(_ path: String) -> String { TestSupport.readText(output, path) }

    @Test func stampedUnitShowsStepsStampAndEarlierYears() {
        let html = page("enheter/hagaskolan.html")
        #expect(html.contains("5 av 6 steg är klara."))
        #expect(html.contains(#"beviljades <time datetime="2026-03-04">4 mars 2026</time>"#))
        #expect(html.contains(#"<li><span aria-current="page">2026</span></li>"#))
        #expect(html.contains(#"<li><a href="hagaskolan-2025.html">2025</a></li>"#))
        #expect(html.contains(#"<a href="../handbok/uppfoljning.html">6. Uppföljning</a>"#))
        #expect(html.contains(#"<tr><th scope="row">2026</th><td class="num">45</td><td class="num">+8</td></tr>"#))
        #expect(html.contains(#"<a href="../forvaltningar/barn-och-utbildningsforvaltningen.html">Barn- och utbildningsförvaltningen</a>"#))
        #expect(html.contains("Programlogiken hänger ihop, utan luckor."))
        // The earlier year's page exists and links back.
        #expect(page("enheter/hagaskolan-2024.html").contains(#"<a href="hagaskolan.html">2026</a>"#))
    }

    @Test func programLogicGapsAreVisible() {
        let html = page("enheter/bemanningsenheten.html")
        #expect(html.contains("<h3>Luckor i programlogiken</h3>"))
        for sentence in [
            "Aktiviteter som inte leder till något resultat:", "Resultat som ingen aktivitet leder till:",
            "Effekter som inget resultat leder till:", "Resurser som ingen aktivitet använder:",
            "Planerade aktiviteter som inte är genomförda:",
        ] {
            #expect(html.contains(sentence), "\(sentence)")
        }
        #expect(TestSupport.count(#"<li class="box has-gap">"#, in: html) == 5)
        // A box shows its state, what it uses and leads to, and its gaps.
        #expect(html.contains(#"<span class="box-state yes">Genomförd</span>"#))
        #expect(
            html.contains(
                #"<span class="box-link">Använder: Bemanningsplanerarnas tid</span><span class="box-link">Leder till: Fler kvinnor får så många timmar att de kan få heltid</span>"#
            ))
        #expect(html.contains(#"<strong class="box-gap"><span aria-hidden="true">⚠</span> Ingen aktivitet använder resursen</strong>"#))
        #expect(html.contains(#"<section class="worksheet-column effects" aria-labelledby="vg-pl-effects">"#))
    }

    @Test func learningFollowUpRatingsPerQuestion() {
        let html = page("enheter/hagaskolan.html")
        #expect(html.contains(#"<caption>Bedömningar per fråga</caption>"#))
        #expect(
            html.contains(
                #"<tr><th scope="row"><a href="../larande-uppfoljning/utgangspunkt.html">1. Utgångspunkter</a></th><td>8, 8, 7, 8, 9, 8</td><td class="num">7–9</td><td class="num">8</td></tr>"#
            ))
    }

    @Test func overduePlansAndLateStepsAreMarked() {
        let html = page("enheter/arbetsmarknadsenheten.html")
        #expect(TestSupport.count(#"<strong class="overdue-note">Försenad</strong>"#, in: html) == 4)
        #expect(html.contains("(datumet har passerat men steget är inte gjort)"))
        let overview = page("enheter/index.html")
        #expect(overview.contains("4 försenade aktiviteter"))
        #expect(overview.contains(#"<td class="status planned late">"#))
        // A late step's cell: the symbol with the late mark, and the words for screen readers.
        #expect(
            overview.contains(
                #"<td class="status planned late"><span aria-hidden="true">○!</span><span class="visually-hidden">Delårsavstämning: Planerat, datumet har passerat men steget är inte gjort</span></td>"#
            ))
    }

    @Test func overviewHasEveryUnitByDepartmentAndStep() {
        let html = page("enheter/index.html")
        #expect(TestSupport.count("<tr>\n          <th scope=\"row\"><a href=", in: html) == 8)
        #expect(TestSupport.count(#"<table class="matrix">"#, in: html) == 4)
        #expect(html.contains("1 av 8 enheter har Välgrundat-stämpeln 2026."))
        #expect(html.contains(#"<td class="num">45 (+8)</td>"#))
        #expect(html.contains(#"<td><span aria-hidden="true">✓</span> <time datetime="2026-03-04">4 mars 2026</time></td>"#))
        #expect(html.contains(#"<caption>Processens steg per enhet 2026: Barn- och utbildningsförvaltningen</caption>"#))
        #expect(html.contains(#"<span class="visually-hidden">1. Uppstart</span>"#))
        let department = page("forvaltningar/socialforvaltningen.html")
        #expect(TestSupport.count(#"<table class="matrix">"#, in: department) == 1)
        #expect(department.contains("Hemtjänsten Norr"))
        #expect(!department.contains("Hagaskolan"))
    }

    @Test func keyFigurePageShowsTheMunicipalityAndTheUnits() {
        let html = page("nyckeltal/heltid.html")
        #expect(html.contains("<caption>Andel tillsvidareanställda som arbetar heltid per år och grupp</caption>"))
        #expect(html.contains("Skillnad kvinnor–män: −11\u{00A0}procentenheter. Skillnaden har minskat sedan året före."))
        #expect(html.contains(#"<a href="../enheter/forskolan-solrosen.html">Förskolan Solrosen</a>"#))
        // A unit's row: its department, the year shown, and each group's value against its target.
        #expect(
            html.contains(
                "<td><a href=\"../forvaltningar/kommunledningsforvaltningen.html\">Kommunledningsförvaltningen</a></td>\n          <td>2026</td>\n          <td class=\"num\">48\u{A0}% <span class=\"target-note\">(mål 60\u{A0}%)</span> <span class=\"reached\"><span aria-hidden=\"true\">✗</span><span class=\"visually-hidden\">nej</span></span></td>"
            ))
        #expect(html.contains("<svg class=\"chart bar-chart\""))
        #expect(html.contains("<title id=\"vg-kf-title\">"))
        let index = page("nyckeltal/index.html")
        for perspective in ["Medborgare", "Medarbetare", "Verksamhet", "Ekonomi"] {
            #expect(index.contains(">\(perspective)</h2>"))
        }
    }

    @Test func distributionMarksTheEvenBand() {
        let html = page("nyckeltal/bidrag-fordelning.html")
        #expect(html.contains(#"<rect class="even-band""#))
        #expect(html.contains("jämn fördelning (40–60 %)"))
    }

    @Test func everySymbolHasALegend() {
        for path in ["enheter/hagaskolan.html", "enheter/index.html", "nyckeltal/heltid.html"] {
            let html = page(path)
            #expect(html.contains("<h2 id=\"vg-legend-title\">Teckenförklaring</h2>"), "\(path)")
            #expect(html.contains("uppgiften visas inte eftersom den gäller färre än 5 personer"), "\(path)")
        }
    }

    @Test func smallGroupsAreSuppressedOnThePage() {
        let html = page("enheter/forskolan-solrosen.html")
        #expect(html.contains(#"<td class="num suppressed">..</td>"#))
        #expect(html.contains("färre än 5"))
        #expect(html.contains("betyder att värdet inte visas"))
    }

    @Test func dataFilesAreValidJSON() throws {
        let unit = try JSONSerialization.jsonObject(with: Data(page("data/units/hagaskolan.json").utf8)) as? [String: Any]
        let years = unit?["years"] as? [String: Any]
        #expect(Set(years?.keys.map { $0 } ?? []) == ["2024", "2025", "2026"])
        let year = years?["2026"] as? [String: Any]
        #expect(year?["stamp"] as? String == "2026-03-04")
        #expect(year?["steps_done"] as? Int == 5)
        let overview = try JSONSerialization.jsonObject(with: Data(page("data/overview.json").utf8)) as? [String: Any]
        #expect((overview?["units"] as? [Any])?.count == 8)
        #expect(overview?["year"] as? Int == 2026)
        let suppressed = page("data/units/forskolan-solrosen.json")
        #expect(suppressed.contains("\"suppressed\" : true"))
    }
}

/// A value about fewer people than `min_group_size` appears in no built file at all.
@Suite struct SuppressionLeakTests {
    static let source = TestSupport.minimalSource([
        "content/key-figures.yaml": """
        - id: sjuk
          name: Sjukfrånvaro
          perspective: Medarbetare
          measure: percent
          better: lower
          groups: [women, men, total]
          years:
            2026: {value: {women: 6.1, men: 47.93, total: 9.37}, n: {women: 40, men: 3, total: 43}}
        """,
        "content/units/liten.yaml": """
        name: Lilla enheten
        department: Förvaltningen
        years:
          2025:
            key_figures:
              sjuk: {value: {women: 5.2, men: 38.61}, n: {women: 12, men: 2}}
          2026:
            key_figures:
              sjuk:
                value: {women: 4.4, men: 31.72, total: 6.63}
                n: {women: 12, men: 2, total: 14}
        """,
    ])

    @Test func theHiddenNumbersAreNowhere() throws {
        let (report, output) = TestSupport.build(Self.source)
        #expect(report.succeeded, "\(TestSupport.errors(report))")
        let files = TestSupport.files(in: output)
        #expect(files["enheter/liten.html"] != nil)
        for (path, data) in files {
            let text = String(decoding: data, as: UTF8.self)
            // Raw values (data files) and their displayed forms (pages); SVG coordinates use points, never commas.
            for hidden in ["47.93", "47,9", "38.61", "38,6", "31.72", "31,7", "9.37", "9,4", "6.63", "6,6"] {
                #expect(!text.contains(hidden), "\(path) contains \(hidden)")
            }
            // Neither the size of the small group.
            #expect(!text.contains("\"n\" : 2,") && !text.contains("\"n\" : 3,"), "\(path)")
        }
        #expect(TestSupport.read(output, "enheter/liten.html").contains("4,4\u{00A0}%"))
    }
}

/// The public build leaves out every person's name and every internal text.
@Suite struct PublicAudienceTests {
    @Test func noNameFromAnyUnitFileInAnyOutputFile() throws {
        let log = DiagnosticLog()
        let content = ContentLoader(source: TestSupport.repositoryRoot).load(log: log)
        let site = try #require(Validator.validate(content, context: ValidationContext(today: TestSupport.sampleDate), log: log))
        var names = Set<String>()
        var texts = Set<String>()
        for unit in site.units {
            names.formUnion(unit.team)
            if let manager = unit.manager { names.insert(manager) }
            for year in unit.years.values {
                names.formUnion(year.activityPlans.compactMap(\.responsible))
                if let report = year.interimReport { texts.insert(String(report.prefix(40))) }
                if let done = year.followUp?.done { texts.insert(String(done.prefix(40))) }
            }
        }
        #expect(names.count >= 16)
        #expect(!texts.isEmpty)
        let (report, output) = TestSupport.build(TestSupport.repositoryRoot, audience: .public)
        #expect(report.succeeded)
        for (path, data) in TestSupport.files(in: output) {
            let text = String(decoding: data, as: UTF8.self)
            for name in names { #expect(!text.contains(name), "\(path) names \(name)") }
            for secret in texts { #expect(!text.contains(secret), "\(path) holds an internal text") }
        }
        // No draft either, in any audience.
        for (path, data) in TestSupport.files(in: output) {
            #expect(!String(decoding: data, as: UTF8.self).contains("Utkast: Samma behov"), "\(path) holds a draft")
        }
        for (path, data) in TestSupport.files(in: TestSupport.builtSample.output) {
            #expect(!String(decoding: data, as: UTF8.self).contains("Utkast: Samma behov"), "\(path) holds a draft")
        }
        // The intranet build has them.
        #expect(TestSupport.read(TestSupport.builtSample.output, "enheter/hagaskolan.html").contains("Karin Lindberg"))
    }
}

/// The sidebar lists a department's units while the list is short enough to help.
@Suite struct SidebarUnitListTests {
    @Test func aLargeDepartmentIsOneEntryItsPageListsTheUnits() {
        var files: [String: String] = [:]
        for number in 1...61 {
            files["content/units/stor-\(number).yaml"] =
                "name: Stora enheten \(number)\ndepartment: Stora förvaltningen\nyears:\n  2026:\n    self_assessment: 3\n"
        }
        for number in 1...2 { files["content/units/liten-\(number).yaml"] = "name: Lilla enheten \(number)\ndepartment: Lilla förvaltningen\n" }
        let (report, output) = TestSupport.build(TestSupport.minimalSource(files))
        #expect(report.succeeded, "\(TestSupport.errors(report))")
        func sidebar(_ page: String) -> String {
            let html = TestSupport.readText(output, page)
            guard let start = html.range(of: "<nav id=\"vg-menu\""), let end = html.range(of: "</nav>", range: start.upperBound..<html.endIndex) else {
                return ""
            }
            return String(html[start.lowerBound..<end.upperBound])
        }
        let large = sidebar("enheter/stor-7.html"), small = sidebar("enheter/liten-1.html")
        #expect(large.contains("Stora förvaltningen"))
        #expect(!large.contains("Stora enheten 1<"))
        #expect(small.contains(">Lilla enheten 1</a>") && small.contains(">Lilla enheten 2</a>"))
        #expect(TestSupport.read(output, "forvaltningar/stora-forvaltningen.html").contains("Stora enheten 61"))
    }
}
