import Search
import Testing

/// The build puts soft hyphens (U+00AD) into long words; the index holds the words as readers type them.
@Suite struct SoftHyphenTests {
    @Test func extractedTextAndHeadingsHaveNoSoftHyphens() {
        let html =
            "<main><h1>Kom\u{AD}mun\u{AD}led\u{AD}nings\u{AD}för\u{AD}valt\u{AD}ning\u{AD}en</h1>"
            + "<p>Be\u{AD}man\u{AD}nings\u{AD}en\u{AD}he\u{AD}ten och jäm&shy;ställd&shy;hets&shy;arbete.</p></main>"
        let extracted = SearchText.extract(fromHTML: html)
        #expect(extracted.headings == ["Kommunledningsförvaltningen"])
        #expect(extracted.text == "Kommunledningsförvaltningen Bemanningsenheten och jämställdhetsarbete.")
        let vocabulary = Vocabulary()
        let page = IndexedPage(
            SearchDocument(url: "a.html", title: "T", kind: "Sida", headings: extracted.headings, text: extracted.text),
            vocabulary: vocabulary)
        var words: Set<String> = []
        page.forEachWord { hash, _ in words.insert(vocabulary.text(of: hash) ?? "?") }
        #expect(words.isSuperset(of: ["kommunledningsförvaltningen", "bemanningsenheten", "jämställdhetsarbete"]))
    }
}
