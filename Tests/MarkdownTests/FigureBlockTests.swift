import Synchronization
import Testing
@testable import Markdown

/// Figures a page declares as fenced blocks (```cycle, ```flow): how they are read, where their
/// mistakes are reported, and what the exports and the search get of them.
@Suite struct FigureBlockTests {
    /// The figures `render` hands to the drawer, and the problems it reports.
    func read(_ markdown: String, firstLine: Int = 1) -> (figures: [FigureBlock], ids: [String], problems: [String], html: String) {
        let drawn = Drawn()
        let options = MarkdownOptions(
            firstLine: firstLine, idPrefix: "p-",
            drawFigure: { figure, id in
                drawn.add(figure, id)
                return "<figure id=\"\(id)\"></figure>"
            })
        let rendered = MarkdownRenderer.render(markdown, options: options)
        return (drawn.figures, drawn.ids, rendered.problems.map(\.description), rendered.html)
    }

    static let cycle = """
        Text.

        ```cycle
        title: Förbättringscykeln
        - Välj ett område
        - Samla fakta
        - Analysera
        ```

        """

    @Test func aCycleIsReadInOrderAndReplacedByTheDrawing() {
        let (figures, ids, problems, html) = read(Self.cycle)
        #expect(problems.isEmpty)
        #expect(figures == [FigureBlock(kind: .cycle, title: "Förbättringscykeln", items: ["Välj ett område", "Samla fakta", "Analysera"])])
        #expect(ids == ["p-vg-figure-1"])
        #expect(html == "<p>Text.</p>\n<figure id=\"p-vg-figure-1\"></figure>\n")
    }

    @Test func aFlowHasColumnsBandsAndTheArrowBack() {
        let (figures, _, problems, _) = read(
            """
            ```flow
            title: APeL
            above: Struktur
            - Vad?
            - Hur?
            column: Aktiviteter
            - A
            - B
            column: Resultat
            column: Effekter
            - Varaktiga
            below: Process
            - Delaktighet: upplevd och faktisk
            backwards: Läs från höger till vänster
            ```
            """)
        #expect(problems.isEmpty)
        let flow = try? #require(figures.first)
        #expect(flow?.columns.map(\.title) == ["Aktiviteter", "Resultat", "Effekter"])
        #expect(flow?.columns.map(\.items) == [["A", "B"], [], ["Varaktiga"]])
        #expect(flow?.above == FigureBlock.Group(title: "Struktur", items: ["Vad?", "Hur?"]))
        // A colon inside an item is the item's text, not a setting.
        #expect(flow?.below == FigureBlock.Group(title: "Process", items: ["Delaktighet: upplevd och faktisk"]))
        #expect(flow?.backwards == "Läs från höger till vänster")
        // The reading order of its words: title, band above, columns left to right, band below, the arrow back.
        #expect(
            flow?.texts == [
                "APeL", "Struktur", "Vad?", "Hur?", "Aktiviteter", "A", "B", "Resultat", "Effekter", "Varaktiga", "Process",
                "Delaktighet: upplevd och faktisk", "Läs från höger till vänster",
            ])
    }

    @Test func twoFiguresGetTwoIdsAndHeadingsDoNotTakeThem() {
        let (_, ids, _, html) = read(Self.cycle + "\n# VG figure 2\n\n" + Self.cycle)
        #expect(ids == ["p-vg-figure-1", "p-vg-figure-2"])
        // A heading whose words make a figure's id gets another.
        #expect(html.contains(#"<h1 id="p-vg-figure-2-2">"#))
    }

    @Test func otherCodeBlocksStayCode() {
        let (figures, _, problems, html) = read("```swift\nlet cycle = 1\n```\n\n```\n- a\n```\n")
        #expect(figures.isEmpty && problems.isEmpty)
        #expect(html.contains(#"<pre><code class="language-swift">"#))
        // Without a drawer the block stays code, and its mistakes are still reported.
        let plain = MarkdownRenderer.render("```cycle\n- a\n```\n")
        #expect(plain.html.contains(#"<code class="language-cycle">"#))
        #expect(plain.problems.count == 1)
    }

    // MARK: Mistakes, each at its line and column in the file

    @Test func mistakesArePointedAt() {
        // The body starts on line 5 of its file (after four lines of front matter).
        let (figures, _, problems, _) = read(
            """
            Text.

            ```cycle
            titel: Cykeln
            - Ett
            -
            Två
              - Tre
            ```
            """, firstLine: 5)
        #expect(figures.isEmpty)
        #expect(
            problems == [
                "8:1: unknown setting 'titel' in a cycle figure (did you mean 'title'?); it has the setting 'title'",
                "10:1: this item is empty: write its text after '- '",
                "11:1: write each item on a line of its own starting with '- ', or a setting as `key: text` (the setting 'title')",
                "7:1: a cycle has 3 to 12 items, one on each line starting with '- '; this one has 2",
            ])
    }

    @Test(arguments: [(2, false), (3, true), (12, true), (13, false)])
    func aCycleHasThreeToTwelveItems(count: Int, valid: Bool) {
        let items = (1...count).map { "- Steg \($0)" }.joined(separator: "\n")
        let (figures, _, problems, _) = read("```cycle\n\(items)\n```\n")
        #expect(figures.count == (valid ? 1 : 0))
        #expect(problems == (valid ? [] : ["1:1: a cycle has 3 to 12 items, one on each line starting with '- '; this one has \(count)"]))
    }

    @Test func anItemHasAtMostAHundredCharacters() {
        let long = String(repeating: "å", count: 100)
        #expect(read("```cycle\n- \(long)\n- b\n- c\n```\n").problems.isEmpty)
        #expect(
            read("```cycle\n- \(long)x\n- b\n- c\n```\n").problems == [
                "2:3: this item has 101 characters, and a figure's item at most 100; shorten it and say the rest in the text"
            ])
    }

    @Test func aFlowsMistakes() {
        let (_, _, problems, _) = read(
            """
            > ```flow
            > - Utan kolumn
            > column: Ett
            > title: A
            > title: B
            > colum: Två
            > column:
            > above: Band
            > ```
            """)
        #expect(
            problems == [
                "2:3: an item must follow a 'column:', 'above:' or 'below:' line that names its group",
                "5:3: 'title' is written twice in this figure (first on line 4)",
                "6:3: unknown setting 'colum' in a flow figure (did you mean 'column'?); it has the settings 'title', 'column', 'above', 'below' and 'backwards'",
                "7:10: 'column' has no text: write it after the colon",
                "1:3: a flow has 2 to 6 columns, each started by a line `column: title`; this one has 1",
                "1:3: the band 'Band' has 0 items, and a band 1 to 4",
            ])
    }

    // MARK: Exports and search

    @Test func exportsGetTheFigureInWords() {
        #expect(
            MarkdownRenderer.blocks(Self.cycle) == [
                .paragraph([.text("Text.")]),
                .paragraph([.strong("Förbättringscykeln")]),
                .list(ordered: true, items: [[.text("Välj ett område")], [.text("Samla fakta")], [.text("Analysera")]]),
            ])
        let flow = "```flow\ncolumn: Resurser\n- Tid\n- Pengar\ncolumn: Effekter\nbackwards: Börja i effekterna\n```\n"
        #expect(
            MarkdownRenderer.blocks(flow) == [
                .list(ordered: true, items: [[.strong("Resurser"), .text(": Tid; Pengar")], [.strong("Effekter")]]),
                .paragraph([.text("Börja i effekterna")]),
            ])
    }

    @Test func searchGetsTheWordsNotTheSyntax() {
        let text = MarkdownRenderer.render(Self.cycle, options: MarkdownOptions(collectText: true)).text
        #expect(text.contains("Förbättringscykeln\nVälj ett område\nSamla fakta\nAnalysera"))
        #expect(!text.contains("title:") && !text.contains("- Samla"))
    }
}

/// Collects what the drawer is given.
private final class Drawn: Sendable {
    private let drawn = Mutex<[(FigureBlock, String)]>([])
    var figures: [FigureBlock] { drawn.withLock { $0.map(\.0) } }
    var ids: [String] { drawn.withLock { $0.map(\.1) } }
    func add(_ figure: FigureBlock, _ id: String) { drawn.withLock { $0.append((figure, id)) } }
}
