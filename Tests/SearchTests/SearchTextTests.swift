import Search
import Testing

/// What the index takes from a built page (`SearchText.extract`): headings, the lead, all the
/// readable text, and the prose that snippets come from.
@Suite struct SearchTextTests {
    static let page = """
        <html><body><nav class="sidebar"><a href="x.html">Meny</a></nav><main id="vg-main">
        <nav class="breadcrumbs"><a href="index.html">Start</a></nav>
        <header class="page-header"><p class="eyebrow">Steg 1 av 6</p><h1>Uppstart</h1>
        <p class="lead">Chefen gör självskattningen.</p></header>
        <h2>Resultat</h2>
        <figure class="chart-figure"><svg><text>1</text><text>2</text></svg><figcaption>Poäng 1 2 3 4 5</figcaption></figure>
        <table><tr><th>År</th><td>2025</td></tr><tr><td><p>34</p></td></tr></table>
        <form><label>Betyg</label><select><option>1</option></select></form>
        <p>Gör självskattningen &amp; mejla den.</p><ul><li>Boka datum</li></ul>
        <section class="legend-box"><h2>Teckenförklaring</h2><ul class="legend-list"><li>✓ klart</li></ul></section>
        </main><footer>Sidfot</footer></body></html>
        """

    @Test func proseLeavesOutChartsTablesFormsLegendsAndNavigation() {
        let extracted = SearchText.extract(fromHTML: Self.page)
        #expect(extracted.prose == "Chefen gör självskattningen. Gör självskattningen & mejla den. Boka datum")
        #expect(extracted.lead == "Chefen gör självskattningen.")
        #expect(extracted.headings == ["Uppstart", "Resultat", "Teckenförklaring"])
        // All the text still counts for finding the page; navigation and pictures do not.
        #expect(extracted.text.contains("Poäng 1 2 3 4 5") && extracted.text.contains("2025") && extracted.text.contains("Betyg"))
        #expect(!extracted.text.contains("Meny") && !extracted.text.contains("Start ") && !extracted.text.contains("Sidfot"))
    }

    @Test func theLeadIsOnlyAParagraphOfThatClass() {
        #expect(SearchText.extract(fromHTML: #"<main><p class="leader">A</p><p class="x lead">B</p><div class="lead">C</div></main>"#).lead == "B")
        #expect(SearchText.extract(fromHTML: "<main><p>Ingen</p></main>").lead == "")
    }

    /// Only an excerpt's worth of prose is kept, to the byte (a word is cut at the limit); all the text is kept.
    @Test func theProseStopsAtTheExcerptsLength() {
        let limit = SearchIndex.excerptLength * 2
        // Words of ten letters and a space: the limit falls inside a word.
        let words = String(repeating: "abcdefghij ", count: limit / 11 + 100)
        let extracted = SearchText.extract(fromHTML: "<main><p>\(words)</p></main>")
        #expect(extracted.prose.utf8.count == limit)
        #expect(extracted.prose.hasPrefix("abcdefghij abcdefghij") && extracted.prose.hasSuffix(" abcdefgh"))
        #expect(extracted.text.utf8.count == words.utf8.count - 1)
        // A byte under the limit, the whole paragraph; a byte over it, all but that byte.
        for (count, kept) in [(limit - 1, limit - 1), (limit, limit), (limit + 1, limit)] {
            let text = String(repeating: "abcdefghij ", count: count / 11) + String(repeating: "x", count: count % 11)
            #expect(SearchText.extract(fromHTML: "<main><p>\(text)</p></main>").prose.utf8.count == kept, "\(count)")
        }
    }

    /// Entities, no-break spaces and soft hyphens between words and inside them.
    @Test func entitiesAndSpecialSpacesInText() {
        let extracted = SearchText.extract(fromHTML: "<main><p>Nu&amp;framåt\u{A0}steg\u{202F}två för\u{AD}valtning\n\t x&lt;y</p></main>")
        #expect(extracted.text == "Nu&framåt steg två förvaltning x<y")
        #expect(extracted.prose == extracted.text)
    }

    /// A result's snippet comes from the prose, so a page whose text starts with a chart shows its words instead.
    @Test func theExcerptIsTheProse() {
        let page = IndexedPage(
            SearchDocument(
                url: "a.html", title: "A", kind: "Enhet", group: "units", headings: [],
                text: "1 2 3 4 5 6 7 8 9 10 Text", prose: "Text"))
        #expect(page.excerpt == "Text")
        #expect(page.group == "units")
    }
}
