import Diagnostics
import Foundation
import Mustache
import Testing
@testable import Render
@testable import Search
@testable import Site

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
        #expect(InlinedStrings.inline("<p>{{t.a.b}}|{{{t.a.b}}}|{{& t.a.b}}|{{ t.a.b }}</p>", strings: strings)
                == "<p>x &lt; y|x < y|x < y|x &lt; y</p>")
        // Unknown keys, lists, text with `{{` or a newline, and other names stay for Mustache.
        for kept in ["{{t.missing}}", "{{t.list}}", "{{t.brace}}", "{{t.lines}}", "{{#t.a}}{{/t.a}}", "{{title}}"] {
            #expect(InlinedStrings.inline(kept, strings: strings) == kept)
        }
        #expect(InlinedStrings.inline("{{=<% %>=}}<% t.a.b %>{{t.a.b}}", strings: strings) == "{{=<% %>=}}<% t.a.b %>{{t.a.b}}")
    }

    @Test func standalonePartialsAreNotIndented() {
        #expect(UnindentedPartials.strip("<div>\n    {{> partials/legend}}\n  <p>{{> x}} y</p>\n</div>")
                == "<div>\n{{> partials/legend}}\n  <p>{{> x}} y</p>\n</div>")
        #expect(UnindentedPartials.strip("\t{{>a}}  \n") == "{{>a}}  \n")
    }

    /// A theme's own step track and plan table replace the ones Valgrund writes.
    @Test func aThemeCanWriteTheStepTrackAndPlansItself() throws {
        let source = try CommandLineTests.sampleCopy()
        for (name, text) in [("steps", "<ol class=\"own-steps\">{{#steps.items}}<li>{{number}}{{#status.late}}!{{/status.late}}</li>{{/steps.items}}</ol>"),
                             ("plans", "<ul class=\"own-plans\">{{#plans}}<li>{{title}}{{#overdue}} (sen){{/overdue}}</li>{{/plans}}</ul>")] {
            let url = source.appendingPathComponent("themes/default/templates/partials/\(name).mustache")
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let (report, output) = TestSupport.build(source)
        #expect(report.succeeded, "\(TestSupport.errors(report))")
        let html = TestSupport.read(output, "enheter/arbetsmarknadsenheten.html")
        #expect(html.contains("<ol class=\"own-steps\"><li>1</li>"))
        #expect(html.contains("!</li>"))
        #expect(!html.contains("class=\"step-track\""))
        #expect(TestSupport.count("(sen)</li>", in: html) == 4)
        #expect(!html.contains("<table class=\"plans\">"))
    }

    /// The sidebar Valgrund writes is the built-in templates' sidebar; a theme's own templates replace it.
    @Test func theSidebarIsTheTemplatesUnlessAThemeHasItsOwn() throws {
        let files = ["content/a.md": "---\ntitle: A & B\n---\nText.\n", "content/sub/b.md": "---\ntitle: B\n---\nText.\n"]
        let (report, output) = TestSupport.build(TestSupport.minimalSource(files))
        #expect(report.succeeded, "\(TestSupport.errors(report))")
        let strings = try #require(Self.theme.strings["sv"])
        let nav: [[String: Any]] = [["classes": "folder open", "title": "Sub <x>", "href": "sub/index.html", "hasChildren": true,
                                     "children": [["classes": Nothing(), "title": "B", "href": "sub/b.html", "hasChildren": false, "children": []]]],
                                    ["classes": Nothing(), "title": "A & B", "href": "a.html", "hasChildren": false, "children": []]]
        let view: [String: Any] = ["root": "../", "t": strings.tree, "nav": nav]
        #expect(PageChrome.sidebarHTML(nav, root: "../", start: strings["start"]) == Self.theme.templates(for: "sv").render(view, withTemplate: "partials/sidebar"))
        #expect(TestSupport.read(output, "a.html").contains("<a href=\"a.html\" aria-current=\"page\">A &amp; B</a>"))

        let own = TestSupport.minimalSource(files.merging(["themes/default/templates/partials/nav-item.mustache": "<li class=\"own\">{{title}}</li>\n"]) { $1 })
        let (ownReport, ownOutput) = TestSupport.build(own)
        #expect(ownReport.succeeded, "\(TestSupport.errors(ownReport))")
        #expect(TestSupport.read(ownOutput, "a.html").contains("<li class=\"own\">A &amp; B</li>"))
    }

    /// The key-figure sections Valgrund writes are what partials/key-figures and partials/figure
    /// write; a theme's own figure partial is used in them.
    @Test func keyFigureSectionsAreTheTemplatesUnlessAThemeHasItsOwn() throws {
        func words(_ html: String) -> String { html.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        let plain = try CommandLineTests.sampleCopy()
        let (report, output) = TestSupport.build(plain)
        #expect(report.succeeded, "\(TestSupport.errors(report))")
        let own = try CommandLineTests.sampleCopy()
        let figure = try #require(DefaultThemeFiles.base64.first { $0.path == "templates/partials/figure.mustache" }.flatMap { Data(base64Encoded: $0.contents) })
        let url = own.appendingPathComponent("themes/default/templates/partials/figure.mustache")
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try (figure + Data("<!-- own -->\n".utf8)).write(to: url)
        let (ownReport, ownOutput) = TestSupport.build(own)
        #expect(ownReport.succeeded, "\(TestSupport.errors(ownReport))")
        for page in ["enheter/hagaskolan.html", "enheter/arbetsmarknadsenheten-2025.html"] {
            let written = TestSupport.read(output, page), templated = TestSupport.read(ownOutput, page)
            #expect(TestSupport.count("<!-- own -->", in: templated) == TestSupport.count("<section class=\"key-figure\"", in: written))
            #expect(words(written) == words(templated.replacingOccurrences(of: "<!-- own -->", with: "")), "\(page)")
        }
    }

    @Test func linksAreTakenApartOnBytes() {
        #expect(LinkPath.normalize(folder: "a/b", relative: "../../c/d.md") == "c/d.md")
        #expect(LinkPath.normalize(folder: "a", relative: "./x/../y.md") == "a/y.md")
        #expect(LinkPath.normalize(folder: "a", relative: "x//y.md") == "a/x/y.md")
        #expect(LinkPath.normalize(folder: "", relative: "sub/") == "sub/")
        #expect(LinkPath.normalize(folder: "a", relative: "../../out.md") == nil)
        #expect(LinkPath.normalize(folder: "å", relative: "ö.md") == "å/ö.md")
        for (text, scheme) in [("https://x", true), ("mailto:a@b", true), ("c++:x", true), ("1http:x", false),
                               (":x", false), ("a/b:c", false), ("åäö:x", false), ("plain.md", false)] {
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
        for text in [String(repeating: "a", count: length + 10), String(repeating: "å", count: length + 10),
                     String(repeating: "a", count: length) + "\u{301}xyz", String(repeating: "e\u{301}", count: length),
                     String(repeating: "a", count: length - 1) + "\r\nb", "short",
                     String(repeating: "åäö ", count: length), String(repeating: "ö", count: length) + "\u{308}",
                     String(repeating: "ab", count: length / 2) + "😀x", String(repeating: "ä", count: length - 2) + "🇸🇪🇸🇪"] {
            #expect(IndexedPage.excerpt(of: text) == String(text.prefix(length)))
        }
    }
}
