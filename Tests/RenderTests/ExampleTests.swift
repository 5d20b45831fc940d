import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif
import Testing
@testable import Site
import ValgrundTestSupport

/// Good examples as readers and feed readers get them.
@Suite struct ExampleTests {
    var output: URL { TestSupport.builtSample.output }
    func page(_ path: String) -> String { TestSupport.readText(output, path) }

    @Test func listIsNewestFirstWithoutDrafts() {
        let html = page("goda-exempel/index.html")
        let order = [
            "Rastvärdar och samtal om skojbråk", "Långa pass åt alla", "HR-avdelningen vände statistiken",
            "Aktivitetsbidraget når fler flickor", "Tjejkvällar och en egen musikstudio",
        ]
        let positions = order.map { html.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        #expect(!html.contains("Utkast"))
        #expect(html.contains(#"<link rel="alternate" type="application/atom+xml""#))
    }

    @Test func linksBothWays() {
        let example = page("goda-exempel/langa-pass-lika-fordelade.html")
        #expect(example.contains(#"<a href="../enheter/bemanningsenheten.html">Bemanningsenheten</a>"#))
        #expect(example.contains(#"<a href="../nyckeltal/heltid.html">"#))
        #expect(page("enheter/bemanningsenheten.html").contains(#"<a href="../goda-exempel/langa-pass-lika-fordelade.html">"#))
        #expect(page("nyckeltal/heltid.html").contains(#"<a href="../goda-exempel/langa-pass-lika-fordelade.html">"#))
        #expect(example.contains(#"<a href="../arsredovisning/2026.html">Med i årsredovisningen 2026</a>"#))
    }

    @Test func tagPagesListTheirExamples() {
        let html = page("goda-exempel/amne/statistik.html")
        #expect(html.contains("<h1>Goda exempel: statistik</h1>"))
        #expect(TestSupport.count(#"<li class="example-card">"#, in: html) == 4)
    }

    @Test func feedIsWellFormedAtom() throws {
        let data = Data(page("goda-exempel/atom.xml").utf8)
        let parser = XMLParser(data: data)
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        let xml = String(decoding: data, as: UTF8.self)
        #expect(xml.contains(#"<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="sv">"#))
        #expect(TestSupport.count("<entry>", in: xml) == 5)
        #expect(
            xml.contains(
                "<link rel=\"alternate\" type=\"text/html\" href=\"https://intranat.hedemora.example/valgrundat/goda-exempel/rastvardar-och-skojbrak.html\"/>"))
        #expect(xml.contains("<updated>2026-11-18T00:00:00Z</updated>"))
    }

    @Test func draftsAppearWithDrafts() {
        let (report, output) = TestSupport.build(TestSupport.repositoryRoot, drafts: true)
        #expect(report.succeeded)
        #expect(TestSupport.read(output, "goda-exempel/index.html").contains("Utkast: Samma behov"))
    }

    @Test func exampleErrors() {
        let errors = TestSupport.errors(
            TestSupport.check(
                TestSupport.minimalSource([
                    "content/examples/a.md": "---\ntitle: A\ndate: 2026-13-01\nunit: okand\n---\n",
                    "content/annual-report/tjugo.md": "---\ntitle: R\n---\n",
                ])))
        #expect(
            errors == [
                "content/annual-report/tjugo.md:1:1: error: an annual report's file is named after its year, e.g. 2026.md",
                "content/examples/a.md:3:7: error: 'date' must be a date written YYYY-MM-DD, not '2026-13-01'",
                "content/examples/a.md:4:7: error: no unit 'okand'; units are named by their file in units/",
            ])
    }
}
