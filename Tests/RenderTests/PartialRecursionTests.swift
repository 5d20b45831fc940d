import Foundation
import Testing
@testable import Site
import ValgrundTestSupport

/// A theme partial that includes itself, or two that include each other, once made swift-mustache
/// recurse until the stack ran out (a segmentation fault, no message). Now it is an error naming
/// the chain, found before anything is rendered, and every recursion stops at 32 levels.
@Suite struct PartialRecursionTests {
    /// A page template that places `partials/x` in the page.
    static let page = "{{<layout}}\n{{$main}}\n<main>{{> partials/x}}</main>\n{{/main}}\n{{/layout}}\n"

    static func check(_ templates: [String: String]) -> [String] {
        var files = ["content/a.md": "---\ntitle: A\n---\nText.\n", "themes/default/templates/page.mustache": page]
        for (name, text) in templates { files["themes/default/templates/\(name).mustache"] = text }
        let report = TestSupport.check(TestSupport.minimalSource(files))
        return report.diagnostics.filter { $0.severity == .error }.map(\.description)
    }

    @Test func aPartialThatIncludesItselfIsAnError() {
        #expect(
            Self.check(["partials/x": "<p>\n  {{> partials/x}}\n</p>\n"]) == [
                "themes/default/templates/partials/x.mustache:2:3: error: the partial 'partials/x' includes itself (partials/x > partials/x), which never ends"
            ])
    }

    @Test func partialsThatIncludeEachOtherAreAnError() {
        // The second changes its delimiters: its tag is found all the same.
        #expect(
            Self.check([
                "partials/x": "{{> partials/y}}\n",
                "partials/y": "{{=<% %>=}}\n<p><%> partials/x %></p>\n",
            ]) == [
                "themes/default/templates/partials/x.mustache:1:1: error: the partial 'partials/x' includes itself (partials/x > partials/y > partials/x), which never ends"
            ])
    }

    /// Inside a section the data decides; `site` is found again on every level, so it never ends.
    @Test func recursionWhoseDataNeverEndsStopsAtTheLimit() {
        #expect(
            Self.check(["partials/x": "{{#site}}<div>{{> partials/x}}</div>{{/site}}\n"]) == [
                "themes/default/templates/partials/x.mustache:1:15: error: the partial 'partials/x' includes itself (partials/x > partials/x) inside a section whose data does not end: partials nested more than 32 deep"
            ])
    }

    @Test func aPartialNameFromTheDataIsRefused() {
        #expect(
            Self.check(["partials/x": "{{>*page.title}}\n"]) == [
                "themes/default/templates/partials/x.mustache:1:1: error: template error: a partial whose name comes from the data ({{>*…}}) cannot be checked for recursion; name the partial"
            ])
    }

    /// `page` > `partials/c1` > … > `partials/cN`: 32 levels are rendered, 33 are an error.
    @Test(arguments: [31, 32, 33])
    func chainsOfPartialsAreBounded(_ levels: Int) {
        var templates: [String: String] = [:]
        for level in 1...levels {
            templates["partials/c\(level)"] = level == levels ? "<b>bottom</b>" : "{{> partials/c\(level + 1)}}"
        }
        var files = [
            "content/a.md": "---\ntitle: A\n---\nText.\n",
            "themes/default/templates/page.mustache": Self.page.replacingOccurrences(of: "partials/x", with: "partials/c1"),
        ]
        for (name, text) in templates { files["themes/default/templates/\(name).mustache"] = text }
        let (report, output) = TestSupport.build(TestSupport.minimalSource(files))
        if levels <= 32 {
            #expect(TestSupport.errors(report) == [])
            #expect(TestSupport.read(output, "a.html").contains("<main><b>bottom</b></main>"))
        } else {
            #expect(
                TestSupport.errors(report) == [
                    "themes/default/templates/page.mustache:3:7: error: the partials are nested 33 deep (page > partials/c1 > partials/c2 > partials/c3 > …); at most 32 levels"
                ])
        }
    }

    /// A partial may include itself for each level of data that ends: here the levels of a
    /// site's own strings, `{{#.sub}}` looking only in the level at hand (a name without the dot
    /// would be found again further out, and never end).
    @Test func recursionOverDataThatEndsStillWorks() {
        let levels = (1...5).reduce("leaf: botten") { inner, _ in "sub: {\(inner)}" }
        let (report, output) = TestSupport.build(
            TestSupport.minimalSource([
                "content/a.md": "---\ntitle: A\n---\nText.\n",
                "themes/default/i18n/sv.yaml": "tree: {\(levels)}\n",
                "themes/default/templates/page.mustache":
                    "{{<layout}}\n{{$main}}\n<main>{{#t.tree}}{{> partials/walk}}{{/t.tree}}</main>\n{{/main}}\n{{/layout}}\n",
                "themes/default/templates/partials/walk.mustache": "<i data-own>{{#.sub}}{{> partials/walk}}{{/.sub}}{{.leaf}}</i>",
            ]))
        #expect(TestSupport.errors(report) == [])
        let html = TestSupport.read(output, "a.html")
        #expect(html.contains("<main>" + String(repeating: "<i data-own>", count: 6) + "botten" + String(repeating: "</i>", count: 6) + "</main>"))
    }
}
