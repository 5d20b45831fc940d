import Foundation
import Render
import Search
import Testing
@testable import Site
import ValgrundTestSupport

/// What intranet readers expect of a page: headings to link to, a way back to the top of a long
/// page, and previous/next between good examples.
@Suite struct ReaderAidsTests {
    func built(_ files: [String: String]) -> URL {
        let (report, output) = TestSupport.build(TestSupport.minimalSource(files))
        #expect(report.succeeded, "\(TestSupport.errors(report))")
        return output
    }

    static let headings = """
        ---
        title: Uppstart
        ---

        Inledning.

        ## Mål och syfte

        Text.

        ### Före mötet

        Text.

        #### En detalj

        ##### Femte nivån

        - ## I en lista
        """

    @Test func headingsLinkToThemselvesOutsideTheHeading() {
        let output = built(["content/handbok/uppstart.md": Self.headings])
        let html = TestSupport.read(output, "handbok/uppstart.html")
        #expect(
            html.contains(
                ##"<div class="heading heading-2">\##n<h2 id="mal-och-syfte">Mål och syfte</h2><a class="heading-link" href="#mal-och-syfte" aria-label="Länk till avsnittet ”Mål och syfte”"><svg aria-hidden="true" focusable="false""##
            ))
        #expect(
            html.contains(
                ##"<div class="heading heading-3">\##n<h3 id="fore-motet">Före mötet</h3><a class="heading-link" href="#fore-motet" aria-label="Länk till avsnittet ”Före mötet”">"##
            ))
        #expect(html.contains(##"<h4 id="en-detalj">En detalj</h4><a class="heading-link" href="#en-detalj""##))
        // Level 5 and up have none; a heading inside a list has one like any other.
        #expect(html.contains(#"<h5 id="femte-nivan">Femte nivån</h5>"#))
        #expect(!html.contains(##"href="#femte-nivan""##))
        #expect(html.contains(##"<h2 id="i-en-lista">I en lista</h2><a class="heading-link" href="#i-en-lista""##))
        #expect(TestSupport.count(#"class="heading-link""#, in: html) == 4)

        // The table of contents lists the headings, not their links.
        let toc = html.components(separatedBy: #"<nav class="toc""#).dropFirst().first?.components(separatedBy: "</nav>").first ?? ""
        #expect(toc.contains(##"<a href="#mal-och-syfte">Mål och syfte</a>"##))
        #expect(!toc.contains("heading-link") && !toc.contains("Länk till"))

        // The search index reads the headings as written (h1 to h4), and no link's name.
        let extracted = SearchText.extract(fromHTML: html)
        #expect(extracted.headings == ["Uppstart", "Mål och syfte", "Före mötet", "En detalj", "I en lista"])
        #expect(!extracted.text.contains("Länk") && !extracted.text.contains("#"))
    }

    @Test func theLinksNameComesFromTheThemeInEnglishToo() {
        let output = built([
            "content/site.yaml": TestSupport.siteYAML.replacingOccurrences(of: "language: sv", with: "language: en"),
            "content/a.md": "---\ntitle: A\n---\n\n## Goals & aims\n",
        ])
        #expect(
            TestSupport.read(output, "a.html").contains(
                ##"<h2 id="goals-aims">Goals &amp; aims</h2><a class="heading-link" href="#goals-aims" aria-label="Link to the section “Goals &amp; aims”">"##
            ))
    }

    /// The print view, the feed and the annual report's exports keep their headings bare; the web pages
    /// of an example and of the report's introduction have the links.
    @Test func noLinksInPrintFeedOrExports() throws {
        let source = TestSupport.minimalSource([
            "content/site.yaml": TestSupport.siteYAML + "print: [handbok]\n",
            "content/handbok/index.md": "---\ntitle: Handbok\n---\n\n## Om handboken\n",
            "content/handbok/uppstart.md": Self.headings,
            "content/examples/a.md": "---\ntitle: Exemplet\ndate: 2026-01-01\n---\n\n## Så gjorde vi\n\nText.\n",
            "content/annual-report/2026.md": "---\ntitle: Årsredovisning 2026\n---\n\n## Bakgrund\n\nText.\n",
        ])
        let (report, output) = TestSupport.build(source)
        #expect(report.succeeded, "\(TestSupport.errors(report))")
        #expect(
            TestSupport.read(output, "goda-exempel/a.html").contains(##"<h2 id="sa-gjorde-vi">Så gjorde vi</h2><a class="heading-link" href="#sa-gjorde-vi""##))
        #expect(TestSupport.read(output, "arsredovisning/2026.html").contains(##"<a class="heading-link" href="#bakgrund""##))

        let print = TestSupport.read(output, "skriv-ut.html")
        #expect(print.contains("Mål och syfte</h2>"))
        let feed = TestSupport.read(output, "goda-exempel/atom.xml")
        #expect(feed.contains("Så gjorde vi"))
        for format in [ExportFormat.html, .md] {
            let file = TestSupport.temporaryFolder("export").appendingPathComponent("report.\(format.rawValue)")
            _ = try ReportExport.export(BuildOptions(source: source, asOf: TestSupport.sampleDate), year: 2026, format: format, section: nil, to: file)
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(text.contains("Bakgrund"), "\(format)")
            #expect(!text.contains("heading-link") && !text.contains("Länk till avsnittet"), "\(format)")
        }
        for text in [print, feed] {
            #expect(!text.contains("heading-link") && !text.contains("Länk till avsnittet"))
        }
    }

    /// 1,500 characters of text make a page long; characters, not bytes (an "å" is two bytes).
    @Test func backToTopOnLongPagesOnly() {
        let page = { (characters: Int) in "---\ntitle: T\n---\n\n" + String(repeating: "å", count: characters) + "\n" }
        let output = built([
            "content/long.md": page(1500),
            "content/short.md": page(1499),
            "content/examples/long.md": "---\ntitle: L\ndate: 2026-01-01\n---\n\n" + String(repeating: "ord ", count: 376) + "\n",
            "content/folder/index.md": page(1500),
        ])
        let long = TestSupport.read(output, "long.html")
        #expect(long.contains(##"<footer class="back-to-top"><a href="#vg-main">Till början av sidan</a></footer>"##))
        #expect(long.contains(#"<main id="vg-main""#))
        #expect(!TestSupport.read(output, "short.html").contains("back-to-top"))
        #expect(TestSupport.read(output, "goda-exempel/long.html").contains(#"<footer class="back-to-top">"#))
        #expect(TestSupport.read(output, "folder/index.html").contains(#"<footer class="back-to-top">"#))
        // The link stands in a footer, which the search index leaves out like the page's other footer.
        #expect(!SearchText.extract(fromHTML: long).text.contains("Till början"))
    }

    /// Previous and next follow the list of examples: newest first, then by title.
    @Test func examplesPagerFollowsTheList() {
        let example = { (title: String, date: String) in "---\ntitle: \(title)\ndate: \(date)\n---\n\nText.\n" }
        let output = built([
            "content/examples/forsta.md": example("Första", "2026-03-01"),
            "content/examples/andra.md": example("Andra", "2026-02-01"),
            "content/examples/tredje.md": example("Tredje", "2026-02-01"),
            "content/examples/sista.md": example("Sista", "2025-12-31"),
        ])
        func pager(_ slug: String) -> String {
            let html = TestSupport.read(output, "goda-exempel/\(slug).html")
            return html.components(separatedBy: #"<nav class="pager""#).dropFirst().first?.components(separatedBy: "</nav>").first ?? ""
        }
        let list = TestSupport.read(output, "goda-exempel/index.html")
        let order = ["Första", "Andra", "Tredje", "Sista"].map { list.range(of: ">\($0)<")?.lowerBound }
        #expect(order.allSatisfy { $0 != nil } && order.compactMap { $0 } == order.compactMap { $0 }.sorted())

        let first = pager("forsta")
        #expect(!first.contains(#"rel="prev""#))
        #expect(
            first.contains(#"<a class="next" href="andra.html" rel="next"><span class="pager-label">Nästa</span> <span class="pager-title">Andra</span></a>"#))
        let middle = pager("andra")
        #expect(
            middle.contains(
                #"<a class="previous" href="forsta.html" rel="prev"><span class="pager-label">Föregående</span> <span class="pager-title">Första</span></a>"#))
        #expect(middle.contains(#"<a class="next" href="tredje.html" rel="next">"#))
        let last = pager("sista")
        #expect(last.contains(#"<a class="previous" href="tredje.html" rel="prev">"#))
        #expect(!last.contains(#"rel="next""#))
    }

    @Test func oneExampleHasNoPager() {
        let output = built(["content/examples/a.md": "---\ntitle: A\ndate: 2026-01-01\n---\n\nText.\n"])
        let html = TestSupport.read(output, "goda-exempel/a.html")
        #expect(html.contains("<h1>A</h1>"))
        #expect(!html.contains(#"class="pager""#))
    }
}
