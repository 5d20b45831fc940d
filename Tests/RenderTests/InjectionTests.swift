import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif
import Testing
@testable import Document
import Markdown
@testable import Site
import ValgrundTestSupport

/// Every text from the content reaches the reader as text, never as markup or script: names,
/// titles, tags, alternative texts, chart labels, the search index, JSON, the feed and the sitemap.
@Suite struct InjectionTests {
    /// Markup that would run if any output let it through unescaped.
    static let hostile = #"<script>alert(1)</script><img src=x onerror=alert(2)></script><!--"#
    /// What must never appear in an HTML, SVG, XML, JSON or JS file of the built site.
    static let signs = ["<script>alert", "<img src=x", "</script><!--"]

    /// The sample site with the hostile text put into every kind of field a person writes.
    static func hostileSample() throws -> URL {
        let source = try TestSupport.sampleCopy()
        let quoted = "\"" + hostile.replacingOccurrences(of: "\"", with: "\\\"") + "\""
        func edit(_ path: String, _ change: (String) -> String) throws {
            try TestSupport.edit(source, "content/" + path, change)
        }
        func replacingFirst(_ pattern: String, in text: String, with template: String) -> String {
            let expression = try! NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines])
            let range = NSRange(text.startIndex..., in: text)
            guard let match = expression.firstMatch(in: text, range: range), let found = Range(match.range, in: text) else { return text }
            return text.replacingCharacters(in: found, with: expression.replacementString(for: match, in: text, offset: 0, template: template))
        }
        // A unit: its name, department, manager, team, activity plan titles and responsible people.
        try edit("units/fritidsgarden-pulsen.yaml") { text in
            var text = replacingFirst(#"^name: .*$"#, in: text, with: "name: \(quoted)")
            text = replacingFirst(#"^department: .*$"#, in: text, with: "department: \(quoted)")
            text = replacingFirst(#"^manager: .*$"#, in: text, with: "manager: \(quoted)")
            text = replacingFirst(#"^(\s+- title: ).*$"#, in: text, with: "$1\(quoted)")
            return replacingFirst(#"^(\s+responsible: ).*$"#, in: text, with: "$1\(quoted)")
        }
        // A key figure's name, source and description.
        try edit("key-figures.yaml") { text in
            var text = replacingFirst(#"^(  name: ).*$"#, in: text, with: "$1\(quoted)")
            text = replacingFirst(#"^(  source: ).*$"#, in: text, with: "$1\(quoted)")
            return replacingFirst(#"^(  description: ).*$"#, in: text, with: "$1\(quoted)")
        }
        // A good example: title, summary, tags, and Markdown with an image whose alternative text is hostile.
        try edit("examples/tjejkvallar-pa-pulsen.md") { text in
            var text = replacingFirst(#"^title: .*$"#, in: text, with: "title: \(quoted)")
            text = replacingFirst(#"^summary: .*$"#, in: text, with: "summary: \(quoted)")
            text = replacingFirst(#"^tags: \[(.*)\]$"#, in: text, with: "tags: [$1, \(quoted)]")
            return text
                + "\n\n![\(hostile)](https://example.org/bild.png \"\(hostile.replacingOccurrences(of: "\"", with: "\\\""))\")\n\n`\(hostile)` och \\<b\\>fet\\</b\\>\n"
        }
        // Handbook pages (title, summary, headings, text) and the annual report's text.
        try edit("handbook/uppstart.md") { text in
            var text = replacingFirst(#"^title: .*$"#, in: text, with: "title: \(quoted)")
            text += "\n\n## \(hostile)\n\n\(hostile) [länk \(hostile)](nu-och-framat.md \"\(hostile.replacingOccurrences(of: "\"", with: "\\\""))\")\n"
            return text
        }
        try edit("annual-report/2025.md") { text in
            text + "\n\n## \(hostile)\n\n\(hostile)\n"
        }
        try edit("site.yaml") { text in
            replacingFirst(#"^organisation: .*$"#, in: text, with: "organisation: \(quoted)")
        }
        return source
    }

    @Test func hostileTextIsEscapedInEveryFileOfTheSite() throws {
        let source = try Self.hostileSample()
        let (report, output) = TestSupport.build(source)
        #expect(report.succeeded, "\(TestSupport.errors(report).prefix(5))")
        let files = TestSupport.files(in: output)
        var checked = 0, mentions = 0
        for (path, data) in files where ["html", "svg", "xml", "json", "js"].contains((path as NSString).pathExtension) {
            let text = String(decoding: data, as: UTF8.self)
            checked += 1
            for sign in Self.signs {
                #expect(!text.contains(sign), "\(path) lets '\(sign)' through")
            }
            if text.contains("alert(1)") { mentions += 1 }
        }
        // The hostile text is there, as text, in many files: the test did reach those fields.
        #expect(checked > 100)
        #expect(mentions > 40, "the hostile text reached only \(mentions) files")
        let unit = TestSupport.read(output, "enheter/fritidsgarden-pulsen.html")
        #expect(unit.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        let feed = TestSupport.read(output, "goda-exempel/atom.xml")
        #expect(feed.contains("&lt;script&gt;alert(1)"))
        #expect((try? XMLDocument(data: Data(feed.utf8))) != nil, "the feed is no longer well-formed XML")
        #expect((try? XMLDocument(data: Data(TestSupport.read(output, "sitemap.xml").utf8))) != nil)
        for (path, data) in files where path.hasSuffix(".json") {
            #expect((try? JSONSerialization.jsonObject(with: data)) != nil, "\(path) is no longer valid JSON")
        }
    }

    @Test func exportsKeepHostileTextInert() throws {
        let source = try Self.hostileSample()
        let (report, output) = TestSupport.build(source)
        #expect(report.succeeded)
        let markdown = TestSupport.read(output, "arsredovisning/2025/arsredovisning-2025.md")
        #expect(!markdown.isEmpty)
        // Rendered by a Markdown tool that lets raw HTML through, the export still shows the text.
        let rendered = MarkdownRenderer.render(markdown, options: MarkdownOptions(allowRawHTML: true)).html
        #expect(rendered.contains("alert(1)"))
        for sign in Self.signs {
            #expect(!rendered.contains(sign), "the Markdown export lets '\(sign)' through")
        }
        let csv = TestSupport.read(output, "arsredovisning/2025/arsredovisning-2025.csv")
        #expect(!csv.isEmpty)
    }

    @Test(arguments: [
        "[x](javascript:alert(1))", "[x](JavaScript:alert(1))", "[x](JAVASCRIPT:alert(1))",
        "[x](&#106;avascript:alert(1))", "[x](java&#x09;script:alert(1))", "[x](<java\tscript:alert(1)>)",
        "[x](&#x20;javascript:alert(1))", "[x](vbscript:msgbox(1))", "[x](VBScript:msgbox(1))",
        "[x](data:text/html;base64,PHNjcmlwdD4=)", "![x](data:image/svg+xml;base64,PHN2Zz4=)",
        "<javascript:alert(1)>", "[x][ref]\n\n[ref]: javascript:alert(1)", "[x](\u{1}javascript:alert(1))",
    ])
    func dangerousLinkSchemesAreRefusedWithTheirPosition(_ link: String) {
        let source = TestSupport.minimalSource(["content/a.md": "---\ntitle: A\n---\n\nText \(link)\n"])
        let errors = TestSupport.errors(TestSupport.check(source))
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.hasPrefix("content/a.md:5:") == true, "\(errors)")
        #expect(errors.first?.contains("scheme") == true, "\(errors)")
    }

    @Test func ordinaryLinksStillWork() {
        let source = TestSupport.minimalSource([
            "content/a.md": "---\ntitle: A\n---\n\n[x](https://example.org/javascript:x) [y](mailto:a@b.se) [z](data-and-more.md)\n",
            "content/data-and-more.md": "---\ntitle: D\n---\n",
        ])
        #expect(TestSupport.errors(TestSupport.check(source)).isEmpty)
    }

    @Test(arguments: ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "=HYPERLINK(\"http://x\")"])
    func csvCellsThatASpreadsheetWouldRunAreNeutralised(_ text: String) {
        let field = CSVWriter.field(text, separator: ";")
        let unquoted = field.hasPrefix("\"") ? String(field.dropFirst().dropLast()) : field
        #expect(unquoted.hasPrefix("'"), "'\(field)' would be run by a spreadsheet")
        #expect(CSVWriter.field("Hemtjänsten", separator: ";") == "Hemtjänsten")
    }
}
