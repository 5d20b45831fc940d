import Document
import Foundation
import Model
import Testing
@testable import Site
import ValgrundTestSupport

/// The comparison with other municipalities and the marks on values from Kolada, on the sample's
/// pages (made-up values in content/kolada/) and in the annual report's exports.
@Suite struct KoladaPageTests {
    static var site: URL { TestSupport.builtSample.output }

    /// Spaces as plain spaces: numbers are written with no-break spaces before their unit.
    static func plain(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{00A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " ")
    }

    /// The cells of the table whose caption starts with `caption`, row by row, tags removed.
    static func rows(_ html: String, caption: String) -> [[String]] {
        let html = plain(html)
        guard let start = html.range(of: "<caption>\(caption)"), let end = html.range(of: "</table>", range: start.upperBound..<html.endIndex) else {
            return []
        }
        let table = String(html[start.lowerBound..<end.lowerBound])
        let cell = try! NSRegularExpression(pattern: "<t[hd][^>]*>(.*?)</t[hd]>", options: [.dotMatchesLineSeparators])
        return table.components(separatedBy: "</tr>").dropLast().map { row in
            cell.matches(in: row, range: NSRange(row.startIndex..., in: row)).map { match in
                let inner = String(row[Range(match.range(at: 1), in: row)!])
                return inner.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression).trimmingCharacters(in: .whitespacesAndNewlines)
            }
        }
    }

    @Test func theKeyFigurePageComparesWomenAndMenOverTheYears() throws {
        let html = TestSupport.read(Self.site, "nyckeltal/heltid.html")
        #expect(html.contains("<h2 id=\"vg-comparison-title\">Jämförelse med andra kommuner</h2>"))
        let rows = Self.rows(html, caption: "Andel tillsvidareanställda som arbetar heltid per år och grupp, jämfört")
        #expect(rows.first == ["År", "Grupp", "Hedemora kommun", "Riket", "Avesta", "Fagersta"])
        // 2025 written in key-figures.yaml (no mark); 2023 from Kolada (marked); Avesta's null is missing.
        #expect(rows.contains(["2025", "Kvinnor", "71 %", "76 %", "67 %", "70 %"]))
        #expect(rows.contains(["Män", "81 %* från Kolada", "89 %", "–", "86 %"]))
        #expect(rows.contains(["2026", "Kvinnor", "74 %", "–", "–", "–"]))
        // One chart per municipality, the municipality first, each with its name.
        let captions = html.components(separatedBy: "<figcaption>").dropFirst().map { $0.prefix { $0 != "<" } }
        #expect(captions == ["Hedemora kommun", "Riket", "Avesta", "Fagersta"])
        #expect(html.contains(#"Källa: Kolada, <a href="https://www.kolada.se/verktyg/fri-sokning/?kpis=N00206">N00206</a>."#))
    }

    @Test func valuesFromKoladaAreMarkedInTheMunicipalitysOwnTable() {
        let html = TestSupport.read(Self.site, "nyckeltal/heltid.html")
        let rows = Self.rows(html, caption: "Andel tillsvidareanställda som arbetar heltid per år och grupp</caption>")
        #expect(rows.contains(["2022", "Kvinnor", "61 %* från Kolada", "–", "", ""]))
        #expect(rows.contains(["2024", "Kvinnor", "66 %", "70 %", "✗ nej", "↗ bättre"]))
        #expect(html.contains("* Värdet kommer från Kolada. Källa: Kolada,"))
    }

    /// Hemtjänsten Norr's 2026 satisfaction comes from Kolada (U21468); its file gives 4 men, below
    /// min_group_size, so the men's value from Kolada is suppressed like a written one.
    @Test func aUnitsValuesFromKoladaAreMarkedAndSuppressed() throws {
        let html = TestSupport.read(Self.site, "enheter/hemtjansten-norr.html")
        let rows = Self.rows(html, caption: "Andel brukare som är nöjda med hemtjänsten per år och grupp")
        #expect(rows.contains(["2026", "Kvinnor", "90 %* från Kolada", "93 %", "✗ nej", "↗ bättre", "90"]))
        #expect(rows.contains(["Män", "..* från Kolada", "93 %", "", "", "färre än 5"]))
        #expect(html.contains("kpis=U21468"))
        // The hidden value (86 from Kolada) is on neither the page nor in the unit's data file.
        #expect(!Self.plain(html).contains("86 %"))
        let data = try JSONSerialization.jsonObject(with: Data(TestSupport.read(Self.site, "data/units/hemtjansten-norr.json").utf8)) as? [String: Any]
        let years = try #require(data?["years"] as? [String: Any])
        let figures = try #require((years["2026"] as? [String: Any])?["key_figures"] as? [[String: Any]])
        let satisfaction = try #require(figures.first { $0["id"] as? String == "nojdhet-hemtjanst" })
        let men = (satisfaction["groups"] as? [String: Any])?["men"] as? [String: Any]
        #expect(men?["suppressed"] as? Bool == true)
        #expect(men?["value"] == nil)
    }

    @Test func theReportsExportsCarryTheComparison() throws {
        let md = Self.plain(String(decoding: try ExportTests.export(.md, section: "nyckeltal"), as: UTF8.self))
        #expect(md.contains("| År | Grupp | Hedemora kommun | Riket | Avesta | Fagersta |"))
        #expect(md.contains("| 2023 | Män | 81 %\\* | 89 % | – | 86 % |"))
        #expect(md.contains("Källa: Kolada, [N00206](https://www.kolada.se/verktyg/fri-sokning/?kpis=N00206)."))
        let csv = Self.plain(String(decoding: try ExportTests.export(.csv, section: "nyckeltal"), as: UTF8.self))
        #expect(csv.contains("Medarbetare;Andel tillsvidareanställda som arbetar heltid;2023;Män;Riket;89;Kolada N00206"))
        #expect(csv.contains("Medarbetare;Andel tillsvidareanställda som arbetar heltid;2025;Män;Hedemora kommun;84;\r\n"))
        let html = String(decoding: try ExportTests.export(.html, section: "nyckeltal"), as: UTF8.self)
        #expect(html.contains("Jämförelse med andra kommuner"))
        let word = String(
            decoding: try #require(try ExportTests.parts(try ExportTests.export(.docx, section: "nyckeltal"))["word/document.xml"]), as: UTF8.self)
        #expect(word.contains("Jämförelse med andra kommuner"))
        #expect(word.contains("Fagersta"))
    }
}
