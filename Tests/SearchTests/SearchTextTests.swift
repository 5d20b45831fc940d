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
