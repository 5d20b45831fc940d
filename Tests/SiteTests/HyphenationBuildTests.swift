import Foundation
import Testing
@testable import Site
import ValgrundTestSupport

/// Long words get soft hyphens (U+00AD) in the text and navigation readers see, and nowhere else:
/// not in `<title>`, meta or attributes, code, the search index, the JSON copies or the feed.
@Suite struct HyphenationBuildTests {
    static let softHyphen = "\u{AD}"
    static let broken = "Kom\u{AD}mun\u{AD}led\u{AD}nings\u{AD}för\u{AD}valt\u{AD}ning\u{AD}en"

    @Test func readingTextAndNavigationGetSoftHyphensOnly() throws {
        let source = TestSupport.minimalSource([
            "content/forvaltningen.md": """
            ---
            title: Kommunledningsförvaltningen
            summary: Om Kommunledningsförvaltningen
            ---

            ## Bemanningsenheten och Kommunledningsförvaltningen

            Kommunledningsförvaltningen leder arbetet. `Kommunledningsförvaltningen` är kod.

            ![Kommunledningsförvaltningen](bild.png)

            ## Andra rubriken
            """,
            "content/bild.png": "png",
        ])
        let (report, output) = TestSupport.build(source)
        #expect(report.succeeded, "\(TestSupport.errors(report))")
        let page = TestSupport.read(output, "forvaltningen.html")
        #expect(page.contains("<title>Kommunledningsförvaltningen – Testsajt</title>"))
        #expect(page.contains("<meta name=\"description\" content=\"Om Kommunledningsförvaltningen\">"))
        #expect(page.contains("<h1>\(Self.broken)</h1>"))
        #expect(page.contains("<p>\(Self.broken) leder arbetet. <code>Kommunledningsförvaltningen</code> är kod.</p>"))
        #expect(page.contains("alt=\"Kommunledningsförvaltningen\""))
        // The heading keeps its id; the table of contents and the breadcrumbs show the breaks too.
        #expect(
            page.contains(
                "<h2 id=\"bemanningsenheten-och-kommunledningsforvaltningen\">Be\u{AD}man\u{AD}nings\u{AD}en\u{AD}he\u{AD}ten och \(Self.broken)</h2>"))
        #expect(page.contains("<a href=\"#bemanningsenheten-och-kommunledningsforvaltningen\">Be\u{AD}man"))
        #expect(page.contains("<span aria-current=\"page\">\(Self.broken)</span>"))
        // The sidebar, on every page.
        let start = TestSupport.read(output, "index.html")
        #expect(start.contains("<a href=\"forvaltningen.html\">\(Self.broken)</a>"))
        // No soft hyphen outside the pages: search index, sitemap, marker.
        for (path, data) in TestSupport.files(in: output) where !path.hasSuffix(".html") && !path.hasSuffix(".png") {
            #expect(!String(decoding: data, as: UTF8.self).contains(Self.softHyphen), "\(path)")
        }
        let index = TestSupport.files(in: output).filter { $0.key.hasPrefix("search/") }
            .map { String(decoding: $0.value, as: UTF8.self) }.joined()
        #expect(index.contains("kommunledningsf"))
    }

    /// The sample's department and units: the sidebar and a unit page's heading; the JSON copies
    /// and the feed stay as written.
    @Test func sampleUnitsAndDepartmentsBreakWithHyphens() {
        let output = TestSupport.builtSample.output
        let unit = TestSupport.read(output, "enheter/bemanningsenheten.html")
        #expect(unit.contains("Be\u{AD}man\u{AD}nings\u{AD}en\u{AD}he\u{AD}ten"))
        #expect(unit.contains(">\(Self.broken)</a>"))
        #expect(unit.contains("<title>Bemanningsenheten"))
        let text = [".json", ".js", ".xml", ".csv", ".md", ".svg"]
        for (path, data) in TestSupport.siteFiles(output) where text.contains(where: path.hasSuffix) {
            #expect(!String(decoding: data, as: UTF8.self).contains(Self.softHyphen), "\(path)")
        }
    }

    @Test func anEnglishSiteUsesTheEnglishPatterns() {
        let source = TestSupport.minimalSource([
            "content/site.yaml": TestSupport.siteYAML.replacingOccurrences(of: "language: sv", with: "language: en"),
            "content/a.md": "---\ntitle: A\n---\n\nInternationalization matters.\n",
        ])
        let (report, output) = TestSupport.build(source)
        #expect(report.succeeded, "\(TestSupport.errors(report))")
        // The Swedish patterns would break it "in-ter-na-tio-na-li-za-tion".
        #expect(TestSupport.read(output, "a.html").contains("<p>In\u{AD}ter\u{AD}na\u{AD}tion\u{AD}al\u{AD}iza\u{AD}tion matters.</p>"))
    }
}
