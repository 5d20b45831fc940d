import Foundation
import Testing
@testable import Site
import ValgrundTestSupport

/// The overview, the departments and the key figures for every year with data (issue 18): each
/// year's page as it stood, a year switcher that keeps the reader on the same page, links that
/// stay in the year, and only the current year in the search index.
@Suite struct YearPageTests {
    /// Alfa works in 2025 and 2026, Gamma only in 2025 (both Avdelning A); Beta, in Avdelning B,
    /// was added in 2026. The build date is in 2026.
    static func files(years: [Int] = [2025, 2026]) -> [String: String] {
        func only(_ year: Int, _ text: String) -> String { years.contains(year) ? text : "" }
        return [
            "content/site.yaml": TestSupport.siteYAML + "url: https://intranat.example/valgrundat/\n",
            "content/process/index.md": "---\ntitle: Processen\n---\n\nSteg.\n",
            "content/process/start.md": "---\ntitle: Start\nstep: start\norder: 1\n---\n\nText.\n",
            "content/process/plan.md": "---\ntitle: Plan\nstep: plan\norder: 2\n---\n\nText.\n",
            "content/key-figures.yaml": """
            - id: heltid
              name: Andel som arbetar heltid
              perspective: Medarbetare
              measure: percent
              better: higher
              groups: [women, men]
              years:
            \(only(2025, "    2025: {value: {women: 61, men: 81}}\n"))\(only(2026, "    2026: {value: {women: 66, men: 86}}\n"))
            """,
            "content/units/alfa.yaml": """
            name: Alfa
            department: Avdelning A
            years:
            \(only(2025, "  2025:\n    steps: {start: {status: done}}\n    self_assessment: 30\n    key_figures:\n      heltid: {value: {women: 52, men: 72}}\n"))\(only(2026, "  2026:\n    steps: {start: {status: done}, plan: {status: in_progress}}\n    self_assessment: 41\n    key_figures:\n      heltid: {value: {women: 57, men: 77}}\n"))
            """,
            "content/units/gamma.yaml": """
            name: Gamma
            department: Avdelning A
            years:
              2025:
                self_assessment: 25

            """,
            "content/units/beta.yaml": """
            name: Beta
            department: Avdelning B
            years:
              2026:
                self_assessment: 20

            """,
        ]
    }

    static let built: (report: BuildReport, output: URL) = TestSupport.build(TestSupport.minimalSource(files()))

    func page(_ path: String) -> String {
        #expect(FileManager.default.fileExists(atPath: Self.built.output.appendingPathComponent(path).path), "\(path) is missing")
        return TestSupport.read(Self.built.output, path)
    }

    /// The page's own part, without the sidebar (which lists every department and unit).
    func main(_ html: String) -> String {
        guard let start = html.range(of: "<main"), let end = html.range(of: "</main>") else { return "" }
        return String(html[start.lowerBound..<end.upperBound])
    }

    func switcher(current: Int, other: Int, href: String) -> [String] {
        [#"<li><span aria-current="page">\#(current)</span></li>"#, #"<li><a href="\#(href)">\#(other)</a></li>"#]
    }

    @Test func everyYearHasItsOverviewWithThatYearsValues() {
        #expect(Self.built.report.succeeded, "\(TestSupport.errors(Self.built.report))")
        let current = page("enheter/index.html")
        #expect(current.contains(#"<h1>Enheter <span class="year">2026</span></h1>"#))
        #expect(current.contains("<title>Enheter 2026"))
        #expect(current.contains(#"<td class="num">41 (+11)</td>"#))
        for line in switcher(current: 2026, other: 2025, href: "index-2025.html") { #expect(current.contains(line), "\(line)") }

        let earlier = page("enheter/index-2025.html")
        #expect(earlier.contains(#"<h1>Enheter <span class="year">2025</span></h1>"#))
        #expect(earlier.contains("<title>Enheter 2025"))
        #expect(earlier.contains("Var 2 enheter står i processen 2025, per förvaltning."))
        #expect(earlier.contains("0 av 2 enheter har Välgrundat-stämpeln 2025."))
        #expect(earlier.contains(#"<td class="num">30</td>"#) && !earlier.contains("41 (+11)"))
        // The switcher keeps the reader on the overview.
        for line in switcher(current: 2025, other: 2026, href: "index.html") { #expect(earlier.contains(line), "\(line)") }
        // As it stood: Beta came in 2026, and so did Avdelning B.
        #expect(!main(earlier).contains("Beta") && !main(earlier).contains("Avdelning B"))
        #expect(main(current).contains("Beta") && main(current).contains("Avdelning B"))
        // Links stay in 2025: to Alfa's 2025 page, to Gamma's only page (2025) and to the department's 2025 page.
        #expect(earlier.contains(#"<th scope="row"><a href="alfa-2025.html">Alfa</a>"#))
        #expect(earlier.contains(#"<th scope="row"><a href="gamma.html">Gamma</a>"#))
        #expect(earlier.contains(#"<a href="../forvaltningar/avdelning-a-2025.html">Avdelning A</a>"#))
        #expect(earlier.contains(#"<a href="../data/overview-2025.json">"#))
        #expect(current.contains(#"<th scope="row"><a href="alfa.html">Alfa</a>"#))
        #expect(current.contains(#"<a href="../forvaltningar/avdelning-a.html">Avdelning A</a>"#))
    }

    @Test func everyYearHasItsDepartmentPage() {
        let current = page("forvaltningar/avdelning-a.html")
        let earlier = page("forvaltningar/avdelning-a-2025.html")
        #expect(earlier.contains(#"<h1>Avdelning A <span class="year">2025</span></h1>"#))
        #expect(earlier.contains(#"<td class="num">30</td>"#) && earlier.contains(#"<td class="num">25</td>"#))
        #expect(current.contains(#"<td class="num">41 (+11)</td>"#))
        for line in switcher(current: 2025, other: 2026, href: "avdelning-a.html") { #expect(earlier.contains(line), "\(line)") }
        for line in switcher(current: 2026, other: 2025, href: "avdelning-a-2025.html") { #expect(current.contains(line), "\(line)") }
        #expect(earlier.contains(#"<a href="../enheter/alfa-2025.html">Alfa</a>"#))
        // The breadcrumbs lead to the overview of the same year.
        #expect(earlier.contains(#"<li><a href="../enheter/index-2025.html">Enheter</a></li>"#))
        // Avdelning B has only 2026: one page, no switcher.
        let only = page("forvaltningar/avdelning-b.html")
        #expect(!only.contains(#"class="year-nav""#))
        #expect(!FileManager.default.fileExists(atPath: Self.built.output.appendingPathComponent("forvaltningar/avdelning-b-2025.html").path))
    }

    @Test func everyYearHasItsKeyFigurePages() {
        let current = page("nyckeltal/heltid.html")
        let earlier = page("nyckeltal/heltid-2025.html")
        #expect(earlier.contains(#"<h1>Andel som arbetar heltid <span class="year">2025</span></h1>"#))
        // The municipality's series ends with the year; the units' values are that year's, linking to that year's unit page.
        #expect(current.contains(#"<th scope="rowgroup" rowspan="2">2026</th>"#))
        #expect(!earlier.contains(#"<th scope="rowgroup" rowspan="2">2026</th>"#))
        #expect(earlier.contains(#"<th scope="rowgroup" rowspan="2">2025</th>"#))
        #expect(earlier.contains(#"<th scope="row"><a href="../enheter/alfa-2025.html">Alfa</a></th>"#))
        #expect(earlier.contains(#"<td class="num">52"#) && !earlier.contains(#"<td class="num">57"#))
        #expect(current.contains(#"<th scope="row"><a href="../enheter/alfa.html">Alfa</a></th>"#) && current.contains(#"<td class="num">57"#))
        for line in switcher(current: 2025, other: 2026, href: "heltid.html") { #expect(earlier.contains(line), "\(line)") }
        for line in switcher(current: 2026, other: 2025, href: "heltid-2025.html") { #expect(current.contains(line), "\(line)") }

        let index = page("nyckeltal/index-2025.html")
        #expect(index.contains(#"<a href="heltid-2025.html">Andel som arbetar heltid</a>"#))
        #expect(index.contains("1 enhet prioriterar nyckeltalet 2025"))
        for line in switcher(current: 2025, other: 2026, href: "index.html") { #expect(index.contains(line), "\(line)") }
        #expect(page("nyckeltal/index.html").contains(#"<a href="heltid.html">Andel som arbetar heltid</a>"#))
        // A unit's earlier year links to the key figure and the department of that year.
        let unit = page("enheter/alfa-2025.html")
        #expect(unit.contains(#"href="../nyckeltal/heltid-2025.html""#))
        #expect(unit.contains(#"<p class="eyebrow"><a href="../forvaltningar/avdelning-a-2025.html">Avdelning A</a></p>"#))
        #expect(unit.contains(#"<li><a href="index-2025.html">Enheter</a></li>"#))
        #expect(earlier.contains(#"<td><a href="../forvaltningar/avdelning-a-2025.html">Avdelning A</a></td>"#))
    }

    @Test func eachYearHasItsDataOnlyTheCurrentYearIsSearchedAndTheSitemapHasThemAll() throws {
        let data = page("data/overview-2025.json")
        #expect(data.contains(#""year" : 2025"#) && data.contains(#""id" : "gamma""#) && !data.contains(#""id" : "beta""#))
        #expect(!data.contains(#""year" : 2026"#), "the key figures end with 2025")
        #expect(page("data/overview.json").contains(#""id" : "beta""#))

        let files = TestSupport.files(in: Self.built.output)
        let documents = files.filter { $0.key.hasPrefix("search/d-") }.values.map { String(decoding: $0, as: UTF8.self) }.joined()
        #expect(
            documents.contains("enheter/index.html") && documents.contains("nyckeltal/heltid.html")
                && documents.contains("forvaltningar/avdelning-a.html"))
        for earlier in ["enheter/index-2025.html", "forvaltningar/avdelning-a-2025.html", "nyckeltal/heltid-2025.html", "nyckeltal/index-2025.html"] {
            #expect(!documents.contains(earlier), "\(earlier) is in the search index")
        }
        // A unit's earlier year has texts of its own and stays searchable.
        #expect(documents.contains("enheter/alfa-2025.html"))

        let sitemap = page("sitemap.xml")
        for path in ["enheter/index.html", "enheter/index-2025.html", "forvaltningar/avdelning-a-2025.html", "nyckeltal/heltid-2025.html"] {
            #expect(sitemap.contains("<loc>https://intranat.example/valgrundat/\(path)</loc>"), "\(path)")
        }
    }

    @Test func aSiteWithOneYearHasNoSwitcherAndNoYearPages() {
        let (report, output) = TestSupport.build(TestSupport.minimalSource(Self.files(years: [2026]).filter { $0.key != "content/units/gamma.yaml" }))
        #expect(report.succeeded, "\(TestSupport.errors(report))")
        for path in ["enheter/index.html", "forvaltningar/avdelning-a.html", "nyckeltal/index.html", "nyckeltal/heltid.html", "enheter/alfa.html"] {
            let html = TestSupport.read(output, path)
            #expect(html.contains(#"<span class="year">2026</span>"#), "\(path)")
            #expect(!html.contains(#"class="year-nav""#), "\(path) has a year switcher")
        }
        let yearPages = TestSupport.files(in: output).keys.filter { $0.contains("-2025") || $0.contains("-2026") }
        #expect(yearPages.isEmpty, "\(yearPages.sorted())")
    }

    /// A change to a unit's earlier year reaches that year's pages in a rebuild, as in a build from scratch.
    @Test func aRebuildRendersTheEarlierYearsAgain() throws {
        let source = TestSupport.minimalSource(Self.files())
        let output = TestSupport.temporaryFolder("years").appendingPathComponent("site")
        #expect(TestSupport.build(source, output: output).0.succeeded)
        try TestSupport.edit(source, "content/units/gamma.yaml") { $0.replacingOccurrences(of: "self_assessment: 25", with: "self_assessment: 27") }
        let (report, _) = TestSupport.build(source, output: output)
        #expect(report.succeeded && report.renderedCount < report.pageCount, "\(report.renderedCount) of \(report.pageCount)")
        #expect(TestSupport.read(output, "enheter/index-2025.html").contains(#"<td class="num">27</td>"#))
        #expect(TestSupport.read(output, "forvaltningar/avdelning-a-2025.html").contains(#"<td class="num">27</td>"#))
        TestSupport.expectSameAsFromScratch(source, output, "an earlier year changed")
    }
}
