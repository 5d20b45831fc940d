import Search
import Testing

/// How the index splits a page into words and scores them (`WordScores`): what is a word, how it
/// is lowercased, and what each part of the page adds.
@Suite struct WordTokenizerTests {
    /// The page's words as text, with their scores.
    private func words(title: String = "", headings: [String] = [], text: String = "", weight: Double = 1) -> [String: Int] {
        let vocabulary = Vocabulary()
        let page = IndexedPage(
            SearchDocument(url: "a.html", title: title, kind: "Sida", headings: headings, text: text, weight: weight),
            vocabulary: vocabulary)
        var result: [String: Int] = [:]
        page.forEachWord { hash, score in result[vocabulary.text(of: hash) ?? "?"] = score }
        return result
    }

    @Test func wordsAreLettersAndDigitsLowercased() {
        #expect(words(text: "Plan, PLAN; plan-2026 (x) e-post") == ["plan": 3, "2026": 1, "post": 1])
    }

    @Test func swedishAndOtherLettersBelongToWords() {
        #expect(
            words(text: "ÅR år Ärende ÖVERSYN straße Ωmega ΣΟΦΙΑ Łódź") == ["år": 2, "ärende": 1, "översyn": 1, "straße": 1, "ωmega": 1, "σοφια": 1, "łódź": 1])
    }

    @Test func punctuationAndSymbolsSplitWords() {
        // × and ÷ are Latin-1 but not letters; a dash, quotes and emoji are not letters either.
        #expect(words(text: "3×4 a÷bc ett–två ”citat” ok🙂ja") == ["bc": 1, "ett": 1, "två": 1, "citat": 1, "ok": 1, "ja": 1])
    }

    @Test func veryShortAndVeryLongWordsAreLeftOut() {
        let sixty = String(repeating: "a", count: 60), sixtyOne = String(repeating: "b", count: 61)
        // Length counts bytes: "ö" (two bytes) is a word, "i" is not, and 30 å are 60 bytes.
        #expect(words(text: "i ö \(sixty) \(sixtyOne) ab") == [sixty: 1, "ab": 1, "ö": 1])
        let åå = String(repeating: "å", count: 30), ååå = String(repeating: "å", count: 31)
        #expect(words(text: "\(åå) \(ååå)") == [åå: 1])
    }

    /// A title word counts 12 (once), a heading word 6 (at most twice), a lead word 4 (once), a word
    /// of the text 1 (at most four times); the page's weight scales the sum.
    @Test func partsScoreUpToTheirCaps() {
        let vocabulary = Vocabulary()
        let page = IndexedPage(
            SearchDocument(
                url: "a.html", title: "Plan plan plan", kind: "Sida", headings: ["Plan", "plan plan plan"],
                lead: "En plan, en plan.", text: String(repeating: "plan ", count: 15) + "mål"),
            vocabulary: vocabulary)
        var scores: [String: Int] = [:]
        page.forEachWord { hash, score in scores[vocabulary.text(of: hash) ?? "?"] = score }
        #expect(scores == ["plan": 12 + 2 * 6 + 4 + 4 * 1, "mål": 1, "en": 4])
        #expect(words(title: "Plan", text: "plan mål", weight: 2) == ["plan": 26, "mål": 2])
        // Down-weighted pages keep every word findable: no score falls below 1.
        #expect(words(text: "mål", weight: 0.1) == ["mål": 1])
    }

    /// Pages know their words by the FNV-1a hash of the lowercase bytes; the build's cache keeps
    /// them, so they must be the same in every run.
    @Test func wordsAreKnownByTheirFNV1aHash() {
        let vocabulary = Vocabulary()
        let page = IndexedPage(SearchDocument(url: "a.html", title: "", kind: "", headings: [], text: "PLAN Översyn"), vocabulary: vocabulary)
        var hashes: [UInt64] = []
        page.forEachWord { hash, _ in hashes.append(hash) }
        func fnv1a(_ text: String) -> UInt64 {
            text.utf8.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01B3 }
        }
        #expect(Set(hashes) == [fnv1a("plan"), fnv1a("översyn")])
        #expect(vocabulary.text(of: fnv1a("översyn")) == "översyn")
    }

    /// A page with many distinct words (the table grows several times) keeps every one.
    @Test func manyWordsAreAllCounted() {
        let text = (0..<5_000).map { "ord\($0)" }.joined(separator: " ")
        let scores = words(title: "ord7", text: text + " ord42")
        #expect(scores.count == 5_000)
        #expect(scores["ord7"] == 13 && scores["ord42"] == 2 && scores["ord4999"] == 1)
    }
}
