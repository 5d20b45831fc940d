import Foundation
import Testing
@testable import Site
import ValgrundTestSupport

/// A site's themes/ folder overrides the built-in theme file by file.
@Suite struct ThemeTests {
    @Test func ownFilesReplaceBuiltInOnesOneByOne() {
        let source = TestSupport.minimalSource([
            "content/a.md": "---\ntitle: A\n---\nText.\n",
            "themes/default/templates/partials/breadcrumbs.mustache": "<p class=\"own-crumbs\">{{page.title}}</p>\n",
            "themes/default/i18n/sv.yaml": "skip_to_content: Direkt till texten\n",
            "themes/default/static/assets/extra.css": "body { color: #000; }\n",
        ])
        let (report, output) = TestSupport.build(source)
        #expect(report.succeeded, "\(TestSupport.errors(report))")
        let html = TestSupport.read(output, "a.html")
        #expect(html.contains("<p class=\"own-crumbs\">A</p>"))
        #expect(!html.contains("class=\"breadcrumbs\""))
        #expect(html.contains("Direkt till texten"))
        // Everything not overridden is still the built-in theme's.
        #expect(html.contains("Tillgänglighetsredogörelse"))
        #expect(TestSupport.read(output, "assets/extra.css").contains("color"))
        #expect(TestSupport.read(output, "assets/valgrund.css").contains("@media print"))
    }

    @Test func aNamedThemeOverridesTheDefault() {
        let source = TestSupport.source([
            "content/site.yaml": TestSupport.siteYAML + "theme: kommunen\n",
            "content/index.md": "---\ntitle: Start\n---\n",
            "themes/kommunen/static/favicon.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n",
        ])
        let (report, output) = TestSupport.build(source)
        #expect(report.succeeded, "\(TestSupport.errors(report))")
        #expect(TestSupport.read(output, "favicon.svg") == "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n")
        #expect(TestSupport.read(output, "index.html").contains("Hoppa till innehållet"))
    }

    @Test func templateErrorsHaveTheirPosition() {
        let source = TestSupport.minimalSource([
            "themes/default/templates/page.mustache": "<p>\n{{#broken}}\n",
            "content/a.md": "---\ntitle: A\n---\n",
        ])
        let errors = TestSupport.errors(TestSupport.check(source))
        #expect(errors == ["themes/default/templates/page.mustache:3:1: error: template error: a section {{#…}} or {{^…}} is never closed with {{/…}}"])
    }
}
