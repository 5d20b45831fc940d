import Markdown
import Testing

/// GitHub's alert syntax (`> [!TIP]`) becomes a callout box with the theme's title for the kind.
@Suite struct CalloutTests {
    static let titles = ["note": "Obs", "tip": "Tips", "important": "Viktigt", "warning": "Varning", "caution": "Se upp"]

    func html(_ markdown: String) -> String {
        MarkdownRenderer.render(markdown, options: MarkdownOptions(calloutTitles: Self.titles)).html
    }

    @Test(arguments: [("NOTE", "note", "Obs"), ("tip", "tip", "Tips"), ("Warning", "warning", "Varning"), ("CAUTION", "caution", "Se upp")])
    func eachKindGetsItsBoxAndTitle(marker: String, kind: String, title: String) {
        #expect(
            html("> [!\(marker)]\n> Boka lokalen *i god tid*.\n") == """
                <div class="callout callout-\(kind)" role="note">
                <p class="callout-title">\(title)</p>
                <p>Boka lokalen <em>i god tid</em>.</p>
                </div>

                """)
    }

    @Test func severalParagraphsAndAListStayInTheBox() {
        let out = html("> [!IMPORTANT]\n>\n> Första.\n>\n> - ett\n> - två\n\nEfter.\n")
        #expect(out.hasPrefix("<div class=\"callout callout-important\" role=\"note\">\n<p class=\"callout-title\">Viktigt</p>\n<p>Första.</p>\n<ul>"))
        #expect(out.hasSuffix("</ul>\n</div>\n<p>Efter.</p>\n"))
    }

    @Test func aQuoteThatIsNotACalloutStaysAQuote() {
        for text in ["> [!UNKNOWN]\n> Text.\n", "> [!TIP] and more on the line\n", "> Just a quote [!TIP]\n", "> [TIP]\n> Text.\n"] {
            #expect(html(text).hasPrefix("<blockquote>"), "\(text)")
        }
        // Without titles (a caller that does not ask for callouts) nothing changes.
        #expect(MarkdownRenderer.render("> [!TIP]\n> Text.\n").html.hasPrefix("<blockquote>\n<p>[!TIP]"))
    }

    @Test func theTitleIsEscaped() {
        let out = MarkdownRenderer.render("> [!TIP]\n> x\n", options: MarkdownOptions(calloutTitles: ["tip": "Tips & <råd>"])).html
        #expect(out.contains("<p class=\"callout-title\">Tips &amp; &lt;råd&gt;</p>"))
    }
}

/// In the exports (Word, Markdown, HTML export) a callout is a quote led by its title in bold.
@Suite struct CalloutBlockTests {
    @Test func aCalloutIsAQuoteWithItsTitle() {
        let blocks = MarkdownRenderer.blocks("> [!TIP]\n> Boka *i god tid*.\n", calloutTitles: CalloutTests.titles)
        #expect(blocks == [.quote([.strong("Tips"), .text(" "), .text("Boka "), .emphasis("i god tid"), .text(".")])])
        #expect(MarkdownRenderer.blocks("> [!TIP]\n> Boka.\n").first == .quote([.text("[!TIP]"), .text(" "), .text("Boka.")]))
    }
}
