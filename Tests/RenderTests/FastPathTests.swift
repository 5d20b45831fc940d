import Diagnostics
import Foundation
import Mustache
import Testing
@testable import Render
@testable import Search
@testable import Site
import ValgrundTestSupport

/// What Valgrund does to be fast must not be visible: every shortcut gives what the plain way gives.
@Suite struct FastPathTests {
    static let theme = Theme.load(name: "default", source: TestSupport.temporaryFolder("theme"), log: DiagnosticLog())!

    /// Every built-in template, with the strings written in, renders what looking them up renders.
    @Test func inlinedStringsRenderWhatLookupsRender() throws {
        let strings = try #require(Self.theme.strings["sv"])
        let view: [String: Any] = [
            "t": strings.tree, "lang": "sv", "root": "../", "bodyClass": "x",
            "site": ["title": "Sajt", "organisation": "Kommun"], "page": ["title": "Sida <1>", "summary": "Om & annat"],
            "links": ["accessibility": "a.html", "print": "p.html", "search": "s.html"],
            "hasYears": true, "years": [["year": 2026, "current": true]], "hasPlans": true, "hasKeyFigures": true,
            "perspectives": [["name": "Medborgare", "covered": false]], "noData": false, "hasToc": true,
        ]
        let names = DefaultThemeFiles.base64.map(\.path).filter { $0.hasPrefix("templates/") && $0.hasSuffix(".mustache") }
            .map { String($0.dropFirst("templates/".count).dropLast(".mustache".count)) }
        #expect(names.count > 20)
        var inlinedSomething = false
        for name in names {
            let looked = Self.theme.templates.render(view, withTemplate: name)
            let inlined = Self.theme.templates(for: "sv").render(view, withTemplate: name)
            #expect(looked == inlined, "\(name)")
            inlinedSomething = inlinedSomething || (looked?.contains(strings["skip_to_content"]) ?? false)
        }
        #expect(inlinedSomething)
    }

    @Test func onlyWhatCanBeWrittenSafelyIsInlined() {
        let strings = Strings(tree: ["a": ["b": "x < y"], "brace": "{{no}}", "lines": "one\ntwo", "list": ["p", "q"]])
        #expect(
            InlinedStrings.inline("<p>{{t.a.b}}|{{{t.a.b}}}|{{& t.a.b}}|{{ t.a.b }}</p>", strings: strings)
                == "<p>x &lt; y|x < y|x < y|x &lt; y</p>")
        // Unknown keys, lists, text with `{{` or a newline, and other names stay for Mustache.
        for kept in ["{{t.missing}}", "{{t.list}}", "{{t.brace}}", "{{t.lines}}", "{{#t.a}}{{/t.a}}", "{{title}}"] {
            #expect(InlinedStrings.inline(kept, strings: strings) == kept)
        }
        #expect(InlinedStrings.inline("{{=<% %>=}}<% t.a.b %>{{t.a.b}}", strings: strings) == "{{=<% %>=}}<% t.a.b %>{{t.a.b}}")
    }

    @Test func standalonePartialsAreNotIndented() {
        #expect(
            UnindentedPartials.strip("<div>\n    {{> partials/legend}}\n  <p>{{> x}} y</p>\n</div>")
                == "<div>\n{{> partials/legend}}\n  <p>{{> x}} y</p>\n</div>")
        #expect(UnindentedPartials.strip("\t{{>a}}  \n") == "{{>a}}  \n")
    }

    /// The step track, plan table and key figures are Valgrund's own markup: a theme's partials
    /// of those names change nothing.
    @Test func theStepTrackPlansAndKeyFiguresAreValgrundsOwn() throws {
        let plain = try TestSupport.sampleCopy()
        let (report, output) = TestSupport.build(plain)
        #expect(report.succeeded, "\(TestSupport.errors(report))")
        let source = try TestSupport.sampleCopy()
        for name in ["steps", "plans", "key-figures", "figure", "toc"] {
            let url = source.appendingPathComponent("themes/default/templates/partials/\(name).mustache")
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("<p class=\"own\">{{page.title}}</p>".utf8).write(to: url)
        }
        let (ownReport, ownOutput) = TestSupport.build(source)
        #expect(ownReport.succeeded, "\(TestSupport.errors(ownReport))")
        for page in ["enheter/arbetsmarknadsenheten.html", "nyckeltal/aktivitetsbidrag.html", "handbok/hemmaplan-1.html"] {
            let html = TestSupport.read(ownOutput, page)
            #expect(html == TestSupport.read(output, page), "\(page)")
            #expect(!html.contains("class=\"own\""))
        }
        let unit = TestSupport.read(output, "enheter/arbetsmarknadsenheten.html")
        #expect(unit.contains("<ol class=\"step-track\">") && unit.contains("<table class=\"plans\">") && unit.contains("<section class=\"key-figure\""))
    }

    /// The key-figure sections: heading, perspective, then the figure (chart, gap, table,
    /// footnote); sections follow each other indented to stand in the unit page's section.
    @Test func keyFigureSectionsAreWrittenFromTheirViews() throws {
        let strings = try #require(Self.theme.strings["sv"])
        func figure(_ id: String, gap: String?, suppressed: Bool) -> FigureView {
            FigureView(
                chart: "<svg/>", tableCaption: "Tabell \"\(id)\"", table: "<table></table>", gap: gap, hasSuppressed: suppressed,
                hasSizes: false, suppressedNote: "Färre än 5",
                heading: FigureView.Heading(
                    id: "vg-figure-\(id)", name: "Mått <\(id)>",
                    href: "../nyckeltal/\(id).html", perspective: "Medarbetare"))
        }
        let first = figure("a", gap: "Skillnad & mer", suppressed: true), second = figure("b", gap: nil, suppressed: false)
        #expect(
            PageParts.figure(second) == """
                <figure class="chart-figure">
                <svg/>
                </figure>
                <div class="table-scroll" role="region" aria-label="Tabell &quot;b&quot;" tabindex="0">
                <table></table>
                </div>
                """)
        #expect(
            PageParts.keyFigures([first, second], strings: strings) == """
                <section class="key-figure" id="vg-figure-a" aria-labelledby="vg-figure-a-title">
                      <h3 id="vg-figure-a-title"><a href="../nyckeltal/a.html">Mått &lt;a&gt;</a></h3>
                      <p class="perspective">\(strings["key_figures.perspective"]): Medarbetare</p>
                <figure class="chart-figure">
                <svg/>
                </figure>
                <p class="gap">Skillnad &amp; mer</p>
                <div class="table-scroll" role="region" aria-label="Tabell &quot;a&quot;" tabindex="0">
                <table></table>
                </div>
                <p class="footnote">Färre än 5</p>
                    </section>
                    <section class="key-figure" id="vg-figure-b" aria-labelledby="vg-figure-b-title">
                      <h3 id="vg-figure-b-title"><a href="../nyckeltal/b.html">Mått &lt;b&gt;</a></h3>
                      <p class="perspective">\(strings["key_figures.perspective"]): Medarbetare</p>
                \(PageParts.figure(second))
                    </section>
                """)
        #expect(PageParts.keyFigures([], strings: strings) == "")
    }

    /// The sidebar is Valgrund's own markup: each page's link to itself is marked as the current
    /// page while it is written (the first such link, the start link included), and a theme's
    /// `partials/sidebar` or `partials/nav-item` changes nothing (themes restyle it with CSS).
    @Test func theSidebarMarksTheCurrentPageAsItIsWritten() throws {
        let sidebar = Sidebar(
            root: "../", start: "Start",
            entries: [
                Sidebar.Entry(
                    classes: "folder open", title: "Sub <x>", href: "index.html",
                    children: [
                        Sidebar.Entry(classes: nil, title: "B", href: "b.html", children: [])
                    ]),
                Sidebar.Entry(classes: nil, title: "A & B", href: "../a.html", children: []),
                Sidebar.Entry(classes: nil, title: "B again", href: "b.html", children: []),
            ])
        let written = sidebar.html(current: "b.html")
        #expect(
            written == """
                    <ul class="nav-tree">
                      <li><a href="../index.html">Start</a></li>
                <li class="folder open"><a href="index.html">Sub &lt;x&gt;</a><ul><li><a href="b.html" aria-current="page">B</a></li>
                </ul></li>
                <li><a href="../a.html">A &amp; B</a></li>
                <li><a href="b.html">B again</a></li>
                    </ul>

                """)
        #expect(TestSupport.count("aria-current", in: sidebar.html(current: "x.html")) == 0)
        let top = Sidebar(root: "", start: "Start", entries: [Sidebar.Entry(classes: nil, title: "Start", href: "index.html", children: [])])
        #expect(top.html(current: "index.html").contains("<li><a href=\"index.html\" aria-current=\"page\">Start</a></li>\n<li><a href=\"index.html\">"))

        let files = ["content/a.md": "---\ntitle: A & B\n---\nText.\n", "content/sub/b.md": "---\ntitle: B\n---\nText.\n"]
        let (report, output) = TestSupport.build(TestSupport.minimalSource(files))
        #expect(report.succeeded, "\(TestSupport.errors(report))")
        #expect(TestSupport.read(output, "a.html").contains("<a href=\"a.html\" aria-current=\"page\">A &amp; B</a>"))
        let own = TestSupport.minimalSource(
            files.merging([
                "themes/default/templates/partials/nav-item.mustache": "<li class=\"own\">{{title}}</li>\n",
                "themes/default/templates/partials/sidebar.mustache": "<ul class=\"own\"></ul>\n",
            ]) { $1 })
        let (ownReport, ownOutput) = TestSupport.build(own)
        #expect(ownReport.succeeded, "\(TestSupport.errors(ownReport))")
        #expect(TestSupport.read(ownOutput, "a.html") == TestSupport.read(output, "a.html"))
    }

    /// A theme's own pager is rendered with the page's view in its place; the table of contents is Valgrund's.
    @Test func aThemeCanWriteThePagerItself() {
        let files = [
            "content/a.md": "---\ntitle: A\n---\n## Ett\n\n### Två\n",
            "content/b.md": "---\ntitle: B\n---\nText.\n",
            "themes/default/templates/partials/toc.mustache": "<ul class=\"own-toc\">{{#toc}}<li>{{level}}:{{id}}</li>{{/toc}}</ul>",
            "themes/default/templates/partials/pager.mustache":
                "<p class=\"own-pager\">{{#pager.previous}}&lt; {{title}}{{/pager.previous}}{{#pager.next}}{{title}} &gt;{{/pager.next}}</p>",
        ]
        let (report, output) = TestSupport.build(TestSupport.minimalSource(files))
        #expect(report.succeeded, "\(TestSupport.errors(report))")
        let html = TestSupport.read(output, "a.html")
        #expect(html.contains("<li class=\"level-3\"><a href=\"#tva\">Två</a></li>"))
        #expect(html.contains("<p class=\"own-pager\">") && html.contains("B &gt;</p>\n"))
        #expect(!html.contains("own-toc") && !html.contains("class=\"pager\""))
    }

    /// A view's `child(named:)` gives Nothing for a value it has not (so Mustache does not look
    /// further out) and nil for a name it does not have (so `t`, `root` … are found further out).
    @Test func aViewsEmptyValuesDoNotShowAnOuterScopesValues() throws {
        let card = SectionPage.Card(title: "Kort", href: "k.html", summary: nil, number: nil)
        #expect(card.child(named: "summary") is Nothing)
        #expect(card.child(named: "root") == nil)
        let template = try MustacheTemplate(string: "{{#items}}[{{title}}|{{summary}}|{{root}}]{{/items}}")
        let view: [String: Any] = ["items": [card], "summary": "Sidans sammanfattning", "root": "../"]
        #expect(template.render(view) == "[Kort||../]")
    }

    @Test func linksAreTakenApartOnBytes() {
        #expect(LinkPath.normalize(folder: "a/b", relative: "../../c/d.md") == "c/d.md")
        #expect(LinkPath.normalize(folder: "a", relative: "./x/../y.md") == "a/y.md")
        #expect(LinkPath.normalize(folder: "a", relative: "x//y.md") == "a/x/y.md")
        #expect(LinkPath.normalize(folder: "", relative: "sub/") == "sub/")
        #expect(LinkPath.normalize(folder: "a", relative: "../../out.md") == nil)
        #expect(LinkPath.normalize(folder: "å", relative: "ö.md") == "å/ö.md")
        for (text, scheme) in [
            ("https://x", true), ("mailto:a@b", true), ("c++:x", true), ("1http:x", false),
            (":x", false), ("a/b:c", false), ("åäö:x", false), ("plain.md", false),
        ] {
            #expect(LinkPath.hasScheme(text) == scheme, "\(text)")
        }
        #expect(LinkPath.split("a.md#del") == ("a.md", "del"))
        #expect(LinkPath.split("a.md") == ("a.md", nil))
        #expect(LinkPath.decoded("mål%20och.md") == "mål och.md")
    }

    @Test func placeholdersAreFilledOnBytes() {
        #expect(Strings.fill("{a} och {b}", ["a": "ett", "b": "två"]) == "ett och två")
        #expect(Strings.fill("åäö {okänd} {a}", ["a": "x"]) == "åäö {okänd} x")
        #expect(Strings.fill("öppen { utan slut", ["a": "x"]) == "öppen { utan slut")
        #expect(Strings.fill("{a}{a}", ["a": "→"]) == "→→")
    }

    @Test func excerptsCountCharacters() {
        let length = SearchIndex.excerptLength
        for text in [
            String(repeating: "a", count: length + 10), String(repeating: "å", count: length + 10),
            String(repeating: "a", count: length) + "\u{301}xyz", String(repeating: "e\u{301}", count: length),
            String(repeating: "a", count: length - 1) + "\r\nb", "short",
            String(repeating: "åäö ", count: length), String(repeating: "ö", count: length) + "\u{308}",
            String(repeating: "ab", count: length / 2) + "😀x", String(repeating: "ä", count: length - 2) + "🇸🇪🇸🇪",
        ] {
            #expect(IndexedPage.excerpt(of: text) == String(text.prefix(length)))
        }
    }
}
