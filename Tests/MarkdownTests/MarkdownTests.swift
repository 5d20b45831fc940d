import Testing
@testable import Markdown

@Suite struct MarkdownRendererTests {
    @Test func headingsGetUniqueIDsAndTheTableOfContentsTheirText() {
        let rendered = MarkdownRenderer.render(
            "## Mål och syfte\n\n### *Före* `kod`\n\n## Mål och syfte\n\n> ## Citat\n\n## !!!\n",
            options: MarkdownOptions(reservedIDs: ["fore-kod"]))
        #expect(rendered.headings.map(\.id) == ["mal-och-syfte", "fore-kod-2", "mal-och-syfte-2", "citat", "h5"])
        #expect(rendered.headings.map(\.text) == ["Mål och syfte", "Före kod", "Mål och syfte", "Citat", "!!!"])
        #expect(rendered.headings.map(\.isTopLevel) == [true, true, true, false, true])
        #expect(rendered.html.contains("<h3 id=\"fore-kod-2\"><em>Före</em> <code>kod</code></h3>\n"))
    }

    /// Text placed under the page's own `<h2>` starts its headings lower; deeper ones stay as written.
    @Test func headingsStartAtTheLevelTheCallerGives() {
        let markdown = "# Ett\n\n## Två\n\nTre\n===\n\n#### Fyra\n\n> ## Citat\n\n`<h1>` och <h2>x</h2>\n"
        let html = MarkdownRenderer.render(markdown, options: MarkdownOptions(shallowestHeading: 3)).html
        #expect(html.contains("<h3 id=\"ett\">Ett</h3>\n<h3 id=\"tva\">Två</h3>\n<h3 id=\"tre\">Tre</h3>\n<h4 id=\"fyra\">Fyra</h4>"))
        #expect(html.contains("<blockquote>\n<h3 id=\"citat\">Citat</h3>"))
        #expect(html.contains("<code>&lt;h1&gt;</code>") && !html.contains("<h1") && !html.contains("<h2"))
        // The table of contents keeps the levels the text has.
        #expect(MarkdownRenderer.render(markdown, options: MarkdownOptions(shallowestHeading: 3)).headings.map(\.level) == [1, 2, 1, 4, 2])
        #expect(MarkdownRenderer.render(markdown).html.contains("<h1 id=\"ett\">Ett</h1>"))
    }

    @Test func idPrefixForSharedDocuments() {
        let rendered = MarkdownRenderer.render("## Före\n", options: MarkdownOptions(idPrefix: "p-steg-"))
        #expect(rendered.html == "<h2 id=\"p-steg-fore\">Före</h2>\n")
    }

    @Test func linksAreResolvedWithFilePositions() {
        var seen: [LinkReference] = []
        let rendered = MarkdownRenderer.render("Åäö [a](x.md#y)\n\n- ![bild](b.png)\n", options: MarkdownOptions(firstLine: 5)) { link in
            seen.append(link)
            return link.destination == "x.md#y" ? .replace("x.html#y") : .broken("no \(link.destination)")
        }
        #expect(seen.map(\.destination) == ["x.md#y", "b.png"])
        #expect(seen.map(\.line) == [5, 7])
        #expect(seen.map(\.column) == [5, 3])
        #expect(seen.map(\.isImage) == [false, true])
        #expect(rendered.html.contains("<a href=\"x.html#y\">a</a>"))
        #expect(rendered.problems == [MarkdownProblem(line: 7, column: 3, message: "no b.png")])
    }

    @Test func safeByDefault() {
        let markdown = "<script>alert(1)</script>\n\n[x](javascript:alert(1)) <b onclick=\"x\">b</b>\n"
        let safe = MarkdownRenderer.render(markdown).html
        #expect(!safe.contains("<script"))
        #expect(!safe.contains("javascript:"))
        #expect(!safe.contains("onclick"))
        let unsafe = MarkdownRenderer.render(markdown, options: MarkdownOptions(allowRawHTML: true)).html
        #expect(unsafe.contains("<script>"))
    }

    @Test func plainTextForSearch() {
        let rendered = MarkdownRenderer.render("# Rubrik\n\nEtt *stycke*\nmed radbrytning.\n", options: MarkdownOptions(collectText: true))
        #expect(rendered.text == "Rubrik\nEtt stycke med radbrytning.\n")
    }
}

@Suite struct FrontMatterTests {
    @Test func splitsYAMLAndBodyWithLines() throws {
        let split = try FrontMatter.split("---\ntitle: A\norder: 2\n---\n\nBody\n")
        #expect(split.yaml == "title: A\norder: 2\n")
        #expect(split.yamlFirstLine == 2)
        #expect(split.body == "\nBody\n")
        #expect(split.bodyFirstLine == 5)
    }

    @Test func noFrontMatterCRLFAndBOM() throws {
        #expect(try FrontMatter.split("Just text\n").yaml == nil)
        let crlf = try FrontMatter.split("\u{FEFF}---\r\ntitle: A\r\n---\r\nB")
        #expect(crlf.yaml == "title: A\r\n")
        #expect(crlf.body == "B")
        #expect(throws: FrontMatterError.unclosed) { try FrontMatter.split("---\ntitle: A\n") }
    }

    @Test func slugs() {
        #expect(Slug.make("Mål och syfte") == "mal-och-syfte")
        #expect(Slug.make("Nu & framåt") == "nu-framat")
        #expect(Slug.make("  Ärenden, år 2026!  ") == "arenden-ar-2026")
        #expect(Slug.make("Café Ørsted straße") == "cafe-orsted-strasse")
        #expect(Slug.make("–") == "")
    }
}
