import Testing
import Hyphenation
@testable import Markdown

/// Soft hyphens from libhyphen's patterns (Debian's hyphen-sv and hyphen-en-us): where they go,
/// and where they never go.
@Suite struct HyphenationTests {
    let swedish = try! Hyphenator.forLanguage("sv")
    let english = try! Hyphenator.forLanguage("en")

    /// The text with each soft hyphen shown as "|".
    func shown(_ text: String) -> String { text.replacingOccurrences(of: "\u{AD}", with: "|") }

    @Test func longWordsBreakAtTheSwedishPatternsPoints() {
        #expect(shown(swedish.hyphenate("Kommunledningsförvaltningen")) == "Kom|mun|led|nings|för|valt|ning|en")
        #expect(shown(swedish.hyphenate("Bemanningsenheten har jämställdhetsarbete.")) == "Be|man|nings|en|he|ten har jäm|ställd|hets|ar|be|te.")
        // Capitals are kept; the patterns are looked up in lower case.
        #expect(shown(swedish.hyphenate("KOMMUNLEDNINGSFÖRVALTNINGEN")) == "KOM|MUN|LED|NINGS|FÖR|VALT|NING|EN")
        #expect(swedish.path.hasSuffix("/hyph_sv_SE.dic"))
    }

    @Test func shortWordsAndAddressesStayWhole() {
        // Eleven letters and fewer are left alone; so is a text with no long word.
        #expect(swedish.hyphenate("förvaltning och enheterna") == "förvaltning och enheterna")
        for address in [
            "https://example.se/kommunledningsforvaltningen", "kommunledningsforvaltningen@example.se",
            "www.kommunledningsforvaltningen.se", "content/units/kommunledningsforvaltningen.yaml",
        ] {
            #expect(swedish.hyphenate("Se \(address) nu") == "Se \(address) nu")
        }
        // A run of more than 64 letters is no word.
        let run = String(repeating: "förvaltning", count: 6)
        #expect(swedish.hyphenate(run) == run)
        #expect(swedish.hyphenate(String(run.prefix(60))) != String(run.prefix(60)))
        // An author's own soft hyphen decides the word's breaks.
        #expect(swedish.hyphenate("Kommunlednings\u{AD}förvaltningen") == "Kommunlednings\u{AD}förvaltningen")
        // A hyphen splits a compound into words, each judged on its own length.
        #expect(shown(swedish.hyphenate("HR-avdelningen jämställdhets-arbete")) == "HR-avdelningen jäm|ställd|hets-arbete")
    }

    /// Twelve letters is the edge, counted in letters, not bytes (å, ä and ö take two).
    @Test func twelveLettersIsTheShortestWordBroken() {
        #expect(swedish.hyphenate("verksamhets") == "verksamhets")
        #expect(shown(swedish.hyphenate("verksamheten")).contains("|"))
        #expect(swedish.hyphenate("ämställdhet") == "ämställdhet")
        #expect(shown(swedish.hyphenate("jämställdhet")).contains("|"))
        #expect(shown(swedish.hyphenate("13 jämställdhet")).hasPrefix("13 jäm|"))
    }

    /// Each stretch between spaces is judged on its own, wherever it stands in the text.
    @Test func everyLongWordOfATextIsFound() {
        #expect(
            shown(swedish.hyphenate("Se www.example.se och Kommunledningsförvaltningen, «Bemanningsenheten»"))
                == "Se www.example.se och Kom|mun|led|nings|för|valt|ning|en, «Be|man|nings|en|he|ten»")
        #expect(
            shown(swedish.hyphenate("Kommunledningsförvaltningen/Bemanningsenheten"))
                == "Kom|mun|led|nings|för|valt|ning|en/Be|man|nings|en|he|ten")
        #expect(
            shown(swedish.hyphenate("Bemanningsenheten Kommunlednings\u{AD}förvaltningen Bemanningsenheten"))
                == "Be|man|nings|en|he|ten Kommunlednings|förvaltningen Be|man|nings|en|he|ten")
    }

    @Test func englishSitesUseTheEnglishPatterns() {
        #expect(english.path.hasSuffix("/hyph_en_US.dic"))
        #expect(shown(english.hyphenate("internationalization")) == "in|ter|na|tion|al|iza|tion")
        #expect(shown(swedish.hyphenate("internationalization")) != "in|ter|na|tion|al|iza|tion")
    }

    @Test func aMissingDictionaryIsAClearError() {
        do {
            _ = try Hyphenator.forLanguage("sv", folder: "/nonexistent")
            Issue.record("the patterns were found in /nonexistent")
        } catch {
            let message = "\(error)"
            #expect(message.contains("/nonexistent/hyph_sv_SE.dic") && message.contains("install the Debian package hyphen-sv"))
        }
    }

    /// In Markdown only the text readers see is hyphenated: not code, not addresses, not an
    /// image's text (its `alt`); heading ids, the table of contents and the collected text stay plain.
    @Test func markdownHyphenatesTextNodesOnly() {
        let markdown = """
            ## Kommunledningsförvaltningen

            Text om [Bemanningsenheten](kommunledningsforvaltningen.md) och `Kommunledningsförvaltningen`.
            ![Kommunledningsförvaltningen](bild.png) <https://example.se/kommunledningsforvaltningen>

                Kommunledningsförvaltningen

            """
        let rendered = MarkdownRenderer.render(markdown, options: MarkdownOptions(collectText: true, hyphenator: swedish))
        let html = shown(rendered.html)
        #expect(html.contains("<h2 id=\"kommunledningsforvaltningen\">Kom|mun|led|nings|för|valt|ning|en</h2>"))
        #expect(html.contains("<a href=\"kommunledningsforvaltningen.md\">Be|man|nings|en|he|ten</a>"))
        #expect(html.contains("<code>Kommunledningsförvaltningen</code>"))
        #expect(html.contains("alt=\"Kommunledningsförvaltningen\""))
        #expect(html.contains(">https://example.se/kommunledningsforvaltningen</a>"))
        #expect(html.contains("<pre><code>Kommunledningsförvaltningen\n</code></pre>"))
        #expect(rendered.headings.map(\.text) == ["Kommunledningsförvaltningen"])
        #expect(!rendered.text.contains("\u{AD}") && rendered.text.contains("Bemanningsenheten"))
        // Without a hyphenator (the exports) nothing changes.
        #expect(!MarkdownRenderer.render(markdown).html.contains("\u{AD}"))
    }
}
