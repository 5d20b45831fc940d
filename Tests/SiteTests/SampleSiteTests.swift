import Foundation
import Model
import Testing
@testable import Site
import ValgrundTestSupport

/// The repository's own sample site, built as a reader gets it.
@Suite struct SampleSiteTests {

    var output: URL { TestSupport.builtSample.output }
    func page(_ path: String) -> String { TestSupport.readText(output, path) }

    @Test func buildsWithoutErrors() {
        #expect(TestSupport.errors(TestSupport.builtSample.report) == [])
        #expect(TestSupport.builtSample.report.succeeded)
    }

    @Test func stepPageShowsItsPlaceInTheCycle() {
        let html = page("handbok/nu-och-framat.html")
        #expect(html.contains("<p class=\"eyebrow\">Steg 2 av 6</p>"))
        #expect(html.contains("<h1>Nu &amp; framåt</h1>"))
        // The cycle marks this step as current, in the picture and in the narrow-screen list.
        #expect(TestSupport.count("aria-current=\"step\"", in: html) == 2)
        #expect(html.contains(#"<a href="nu-och-framat.html" aria-current="step" class="step current">"#))
        // Previous and next within the handbook.
        #expect(html.contains(#"<a class="previous" href="uppstart.html" rel="prev">"#))
        #expect(html.contains(#"<a class="next" href="hemmaplan-1.html" rel="next">"#))
        // The table of contents lists the step's sections, which have ids.
        for (id, title) in [("mal-och-syfte", "Mål och syfte"), ("fore", "Före"), ("under", "Under"), ("efter", "Efter")] {
            #expect(html.contains("<a href=\"#\(id)\">\(title)</a>"))
            #expect(html.contains("<h2 id=\"\(id)\">\(title)</h2>"))
        }
    }

    @Test func cycleOnStartPageAndHandbookFrontPage() {
        for path in ["index.html", "handbok/index.html"] {
            let html = page(path)
            let svg = html.components(separatedBy: "<svg class=\"cycle\"").dropFirst().first?.components(separatedBy: "</svg>").first ?? ""
            #expect(TestSupport.count("<a href=", in: svg) == 6, "\(path)")
            #expect(svg.contains("<desc id=\"vg-cycle-svg-desc\">Processen har 6 steg som upprepas varje år: 1 Uppstart, 2 Nu &amp; framåt"), "\(path)")
            #expect(!svg.contains("aria-current"), "\(path)")
        }
        #expect(page("handbok/index.html").contains(#"<a href="uppstart.html" class="step">"#))
        #expect(page("index.html").contains(#"<a href="handbok/uppstart.html" class="step">"#))
    }

    @Test func questionPagesLinkTheAssessmentForm() {
        let html = page("larande-uppfoljning/utgangspunkt.html")
        #expect(html.contains("Del 1 – Uppföljningsfrågor utifrån programlogik · Fråga 1 av 9"))
        #expect(html.contains(#"<a href="personlig-bedomning.html">"#))
    }

    @Test func assessmentFormHasOneScalePerQuestion() {
        let html = page("larande-uppfoljning/personlig-bedomning.html")
        #expect(TestSupport.count("<fieldset class=\"question\">", in: html) == 9)
        #expect(TestSupport.count("type=\"radio\"", in: html) == 90)
        #expect(html.contains(#"<input type="radio" name="q-utgangspunkt" value="10">"#))
        #expect(html.contains("I vilken mån leder ert arbete med jämställdhetsintegrering till ökad jämställdhet?"))
        #expect(html.contains("<h2>Del 2 – Strukturer och processer</h2>"))
        // It is in the sidebar, marked as the current page.
        #expect(html.contains(#"<a href="personlig-bedomning.html" aria-current="page">Personlig bedömning</a>"#))
    }

    @Test func printViewHoldsTheHandbookInReadingOrder() {
        let html = page("skriv-ut.html")
        let titles = ["Handboken", "Uppstart", "Nu &amp; framåt", "Uppföljning", "Lärande uppföljning", "Programlogik", "Samlad bedömning"]
        var last = html.startIndex
        for title in titles {
            guard let range = html.range(of: "class=\"print-article-title\" id=", range: last..<html.endIndex),
                let found = html.range(of: ">\(title)</h2>", range: range.upperBound..<html.endIndex)
            else {
                Issue.record("\(title) missing or out of order"); return
            }
            last = found.upperBound
        }
        // Links between printed pages stay inside the document.
        #expect(html.contains(##"href="#p-larande-uppfoljning-programlogik""##))
        #expect(!html.contains(".md\""))
        // Every id is unique on the page.
        let ids = html.components(separatedBy: " id=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(Set(ids).count == ids.count)
        #expect(TestSupport.count("print-article break-before", in: html) >= 20)
    }

    @Test func accessibilityStatementFromSiteYAML() {
        let html = page("tillganglighet.html")
        #expect(html.contains(#"<a href="mailto:mangfaldsstrateg@hedemora.example">"#))
        #expect(html.contains("Den senaste granskningen av webbplatsen gjordes 20 november 2026."))
        // Linked from every page's footer.
        for path in ["index.html", "handbok/uppstart.html", "larande-uppfoljning/index.html", "skriv-ut.html"] {
            #expect(page(path).contains("tillganglighet.html\">Tillgänglighetsredogörelse</a>"), "\(path)")
        }
    }

    @Test func everyLinkIsRelativeAndNoMarkdownLinkSurvives() {
        let files = TestSupport.files(in: output)
        for (path, data) in files where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            for link in TestSupport.links(in: html) {
                #expect(!link.hasPrefix("/"), "\(path): \(link)")
                // The one address outside the site: a value's source on Kolada's site (content-format.md,
                // "Key figures from Kolada"), which tells more but is never needed to read the value.
                if link.hasPrefix(KoladaLink.kpi("")) { continue }
                #expect(!link.hasPrefix("http:") && !link.hasPrefix("https:"), "\(path): \(link)")
                // A link to a Markdown file is only right for the report's Markdown downloads, which exist.
                if link.hasSuffix(".md") {
                    let folder = URL(fileURLWithPath: "/" + path).deletingLastPathComponent()
                    let target = String(URL(fileURLWithPath: link, relativeTo: folder).standardizedFileURL.path.dropFirst())
                    #expect(files[target] != nil, "\(path): \(link)")
                }
            }
        }
    }

    @Test func sitemapFaviconAnd404() {
        let sitemap = page("sitemap.xml")
        #expect(sitemap.contains("<loc>https://intranat.hedemora.example/valgrundat/handbok/uppstart.html</loc>"))
        #expect(!sitemap.contains("404.html"))
        #expect(page("favicon.svg").hasPrefix("<svg"))
        let notFound = page("404.html")
        #expect(notFound.contains("<style>"))
        #expect(!notFound.contains("stylesheet"))
        #expect(notFound.contains("<a href=\"index.html\">Gå till startsidan</a>"))
        #expect(page("assets/valgrund.css").contains("@media print"))
    }

    @Test func sidebarOpensOnlyTheFoldersAboveThePage() {
        let html = page("handbok/uppstart.html")
        let sidebar = html.components(separatedBy: "<nav id=\"vg-menu\"").last?.components(separatedBy: "</nav>").first ?? ""
        #expect(sidebar.contains(#"<a href="nu-och-framat.html">Nu &amp; framåt</a>"#))
        #expect(sidebar.contains(#"<a href="../larande-uppfoljning/index.html">Lärande uppföljning</a>"#))
        #expect(!sidebar.contains("programlogik.html"))
        #expect(html.contains(#"<li><a href="index.html">Handboken</a></li>"#))
    }
}
