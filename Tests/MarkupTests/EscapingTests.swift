import Markup
import Testing

/// One escaper per language the build writes; each is checked on what its language needs.
@Suite struct EscapingTests {
    @Test func htmlEscapesMarkupAndBothQuotes() {
        #expect(HTML.escape(#"<a href="x">Tom & 'Jerry'</a>"#) == "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;")
        // Already escaped text is escaped again: the escaper never guesses.
        #expect(HTML.escape("&amp;") == "&amp;amp;")
    }

    @Test func htmlLeavesOtherTextAsItIs() {
        for text in ["", "Jämställdhet år 2026", "🇸🇪 e\u{301} \u{0}\t\n"] {
            #expect(HTML.escape(text) == text)
        }
        // A substring (from a split) is escaped the same as a string.
        let line = "a<b c>d"
        #expect(HTML.escape(line.split(separator: " ")[0]) == "a&lt;b")
    }

    @Test func htmlAttributeQuotesAndEscapesItsValue() {
        #expect(HTML.attribute("title", #"Ett "citat" & <b>"#) == #"title="Ett &quot;citat&quot; &amp; &lt;b&gt;""#)
    }

    @Test func htmlBuilderEscapesTextButNotMarkup() {
        var builder = HTMLBuilder(capacity: 16)
        builder.raw("<tr>")
        builder.element("td", #"class="n""#, "1 < 2")
        builder.element("th", "", "Å & Ä")
        builder.text("<script>")
        builder.raw("</tr>")
        #expect(builder.html == #"<tr><td class="n">1 &lt; 2</td><th>Å &amp; Ä</th>&lt;script&gt;</tr>"#)
    }

    @Test func xmlEscapesAndDropsWhatXMLCannotHold() {
        #expect(XML.escape(#"<w:t a="1">R&D's</w:t>"#) == "&lt;w:t a=&quot;1&quot;&gt;R&amp;D's&lt;/w:t&gt;")
        // No entity may stand for most control characters in XML 1.0: they are left out; tab and line breaks stay.
        #expect(XML.escape("a\u{0}b\u{1}c\u{1F}d\te\nf\rg\u{7F}") == "abcd\te\nf\rg\u{7F}")
        #expect(XML.escape("😀 ö") == "😀 ö")
    }

    @Test func markdownBackslashesSyntax() {
        #expect(
            MarkdownText.escape(#"*a* _b_ `c` [d](e) <f> # g | h \ i"#)
                == ##"\*a\* \_b\_ \`c\` \[d\](e) \<f\> \# g \| h \\ i"##)
        #expect(MarkdownText.escape("vanlig text, 1.5 & ö") == "vanlig text, 1.5 & ö")
    }

    @Test func hrefEncodesOnlyWhatCannotStandInALink() {
        #expect(Href.escape("handbok/uppstart.html") == "handbok/uppstart.html")
        #expect(Href.escape(#"mapp med/fil #1?.html"#) == "mapp%20med/fil%20%231%3F.html")
        #expect(Href.escape(#"100%"<x>.pdf"#) == "100%25%22%3Cx%3E.pdf")
        // Non-ASCII stays readable; browsers encode it themselves.
        #expect(Href.escape("år/ö.html") == "år/ö.html")
        #expect(Href.escape("") == "")
    }
}
