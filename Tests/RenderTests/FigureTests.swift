import Foundation
import Testing
@testable import Site
import ValgrundTestSupport

/// Figures a page declares in its text, drawn at build time, and a page's blank worksheet form.
@Suite struct FigureTests {
    static let cyclePage = """
        ---
        title: Hemmaplan
        ---

        Inledning.

        ```cycle
        title: Förbättringscykeln
        - Välj område
        - Samla fakta & siffror
        - Jämställdhetsintegreringsarbete
        ```

        ```flow
        title: Programlogik
        column: Resurser
        - Tid
        column: Aktiviteter
        column: Effekter
        - Lika villkor
        backwards: Planera från effekterna
        ```

        """

    func built(_ files: [String: String]) -> URL {
        let (report, output) = TestSupport.build(TestSupport.minimalSource(files))
        #expect(report.succeeded, "\(TestSupport.errors(report))")
        return output
    }

    /// The text of each `<tspan>`, in the order of the file.
    static func tspans(_ svg: Substring) -> [String] {
        svg.components(separatedBy: "<tspan").dropFirst().compactMap { part in
            part.split(separator: ">", maxSplits: 1).last.map { String($0.prefix { $0 != "<" }) }
        }
    }

    static func svg(_ html: String, class name: String) -> Substring? {
        guard let start = html.range(of: "<svg class=\"\(name)\""), let end = html[start.lowerBound...].range(of: "</svg>") else { return nil }
        return html[start.lowerBound..<end.upperBound]
    }

    @Test func aCycleIsDrawnWithItsTextAlternativeAndAList() throws {
        let html = TestSupport.read(built(["content/hemmaplan.md": Self.cyclePage]), "hemmaplan.html")
        let svg = try #require(Self.svg(html, class: "cycle"))
        // A picture, named by its title and described in words that say what it says.
        #expect(svg.contains(#"role="img" aria-labelledby="vg-figure-1-title vg-figure-1-desc""#))
        #expect(svg.contains(#"<title id="vg-figure-1-title">Förbättringscykeln</title>"#))
        #expect(
            svg.contains(
                #"<desc id="vg-figure-1-desc">En cykel i 3 steg: 1 Välj område, 2 Samla fakta &amp; siffror och 3 Jämställdhetsintegreringsarbete. Efter det sista steget börjar cykeln om med det första.</desc>"#
            ))
        // The items in order, a long compound broken with a hyphen rather than cut; nothing is a link.
        #expect(Self.tspans(svg) == ["Välj område", "Samla fakta &amp;", "siffror", "Jämställdhetsin-", "tegreringsarbete"])
        #expect(!svg.contains("<a "))
        #expect(svg.contains(#"<text class="center-text""#) && svg.contains(">Förbättringscykeln</text>"))
        // The same items as a numbered list for narrow screens, and the title as the caption.
        #expect(html.contains(#"<li><span class="cycle-item"><span class="number">2</span> Samla fakta &amp; siffror</span></li>"#))
        #expect(html.contains("<figcaption>Förbättringscykeln</figcaption>"))
    }

    @Test func aFlowIsDrawnLeftToRightWithTheArrowBack() throws {
        let html = TestSupport.read(built(["content/hemmaplan.md": Self.cyclePage]), "hemmaplan.html")
        let svg = try #require(Self.svg(html, class: "flow"))
        #expect(svg.contains(#"role="img" aria-labelledby="vg-figure-2-title vg-figure-2-desc""#))
        #expect(
            svg.contains(
                #"<desc id="vg-figure-2-desc">3 led från vänster till höger, där varje leder till nästa: Resurser (Tid), som leder till Aktiviteter, som leder till Effekter (Lika villkor). En pil går tillbaka från Effekter till Resurser: Planera från effekterna</desc>"#
            ))
        // Reading order: each column's title, then its items, left to right; the arrow's text last.
        #expect(Self.tspans(svg) == ["Resurser", "Tid", "Aktiviteter", "Effekter", "Lika villkor", "Planera från effekterna"])
        // Two arrows between three columns, one back.
        #expect(TestSupport.count(#"<path class="flow-arrow""#, in: String(svg)) == 2)
        #expect(TestSupport.count(#"<path class="flow-back-line""#, in: String(svg)) == 1)
        #expect(html.contains(#"<li><span class="flow-column-title">Resurser</span><ul><li>Tid</li></ul></li>"#))
        #expect(html.contains(#"<p class="flow-backwards">Planera från effekterna</p>"#))
    }

    @Test func aStepPageWithItsOwnCycleHasDistinctIds() {
        let step = Self.cyclePage.replacingOccurrences(of: "title: Hemmaplan\n", with: "title: Hemmaplan\nstep: hemmaplan\n")
        let html = TestSupport.read(built(["content/handbook/hemmaplan.md": step]), "handbook/hemmaplan.html")
        // The process's cycle and the page's own figures: every id once.
        for id in ["vg-cycle-svg-title", "vg-figure-1-title", "vg-figure-2-title", "vg-figure-1-desc"] {
            #expect(TestSupport.count("id=\"\(id)\"", in: html) == 1, "\(id)")
        }
        // The process's cycle still leads to the steps.
        #expect(html.contains(#"role="group" aria-labelledby="vg-cycle-svg-title""#))
    }

    /// Reported at their lines, sorted by line as every error is.
    @Test func mistakesInABlockArePositionedAndStopTheBuild() {
        let report = TestSupport.check(
            TestSupport.minimalSource([
                "content/a.md": "---\ntitle: A\n---\n\n```flow\ncolumn: Ett\n- x\ncolum: Två\n```\n"
            ]))
        #expect(
            TestSupport.errors(report) == [
                "content/a.md:5:1: error: a flow has 2 to 6 columns, each started by a line `column: title`; this one has 1",
                "content/a.md:8:1: error: unknown setting 'colum' in a flow figure (did you mean 'column'?); it has the settings 'title', 'column', 'above', 'below' and 'backwards'",
            ])
    }

    // MARK: The worksheet

    static let worksheetPage = """
        ---
        title: Programlogik
        worksheet:
          title: Arbetsunderlag
          intro: Börja från höger.
          columns:
            - {title: Resurser, prompt: "Tid, pengar"}
            - {title: Effekter}
          rows: 3
          footer: "Bedömning:"
        ---

        Text.

        """

    @Test func theWorksheetIsAPageOfItsOwnLinkedFromItsPage() throws {
        let output = built(["content/guide/programlogik.md": Self.worksheetPage])
        let page = TestSupport.read(output, "guide/programlogik.html")
        #expect(page.contains(#"<p class="form-link"><a href="programlogik-arbetsunderlag.html">Arbetsunderlag, tomt formulär att skriva ut</a></p>"#))
        let form = TestSupport.read(output, "guide/programlogik-arbetsunderlag.html")
        #expect(form.contains("<h1>Arbetsunderlag</h1>"))
        #expect(form.contains(#"<p class="lead">Börja från höger.</p>"#))
        #expect(form.contains(#"<body class="form-page blank-form-page""#) || form.contains(#"form-page blank-form-page"#))
        #expect(
            form.contains(
                #"<th scope="col"><span class="blank-form-title">Resurser</span> <span class="blank-form-prompt">Tid, pengar</span></th>"#))
        #expect(form.contains(#"<th scope="col"><span class="blank-form-title">Effekter</span></th>"#))
        // Three empty rows of two boxes, and the footer under each column.
        #expect(TestSupport.count("<tr><td></td><td></td></tr>", in: form) == 3)
        #expect(form.contains("<tr><td>Bedömning:</td><td>Bedömning:</td></tr>"))
        #expect(form.contains(#"<a href="programlogik.html">Programlogik</a>"#))
        // In the sidebar, in its page's folder; and the theme prints it on a landscape A4 page.
        #expect(page.contains(#"href="programlogik-arbetsunderlag.html""#))
        let css = TestSupport.read(output, "assets/valgrund.css")
        #expect(css.contains("@page blank-form { size: A4 landscape;"))
        #expect(css.contains("body.blank-form-page { page: blank-form; }"))
    }

    @Test func theWorksheetsMistakes() {
        let report = TestSupport.check(
            TestSupport.minimalSource([
                "content/a.md": "---\ntitle: A\nworksheet:\n  titel: X\n  columns: []\n  rows: 30\n---\n",
                "content/b.md": "---\ntitle: B\nworksheet:\n  title: Y\n  columns: [{prompt: P}]\n---\n",
                "content/c.md": "---\ntitle: C\nworksheet: {title: Z}\n---\n",
            ]))
        #expect(
            TestSupport.errors(report) == [
                "content/a.md:4:3: error: unknown key 'titel' in 'worksheet' (did you mean 'title'?)",
                "content/a.md:5:12: error: 'columns' must list 1 to 6 columns, not 0",
                "content/a.md:6:9: error: 'rows' must be between 1 and 20, not 30",
                "content/b.md:5:13: error: 'title' is missing: the column's heading, e.g. `title: Resurser`",
                "content/c.md:3:12: error: 'columns' is missing: the form's columns, e.g. `columns: [{title: Resurser}, {title: Planerade aktiviteter}]`",
            ])
    }

    // MARK: Exports

    @Test func theAnnualReportsExportsCarryTheFigureInWords() throws {
        let source = TestSupport.minimalSource([
            "content/annual-report/2026.md": "---\ntitle: Årsredovisning 2026\n---\n\n" + Self.cyclePage.components(separatedBy: "---\n").last!
        ])
        let options = BuildOptions(source: source, asOf: TestSupport.sampleDate)
        let folder = TestSupport.temporaryFolder("export")
        let markdown = folder.appendingPathComponent("r.md")
        _ = try ReportExport.export(options, year: 2026, format: .md, section: nil, to: markdown)
        let text = try String(contentsOf: markdown, encoding: .utf8)
        #expect(text.contains("**Förbättringscykeln**\n\n1. Välj område\n2. Samla fakta & siffror\n3. Jämställdhetsintegreringsarbete"))
        #expect(text.contains("1. **Resurser**: Tid\n2. **Aktiviteter**\n3. **Effekter**: Lika villkor"))
        #expect(text.contains("Planera från effekterna"))
        let html = folder.appendingPathComponent("r.html")
        _ = try ReportExport.export(options, year: 2026, format: .html, section: nil, to: html)
        let exported = try String(contentsOf: html, encoding: .utf8)
        #expect(exported.contains("<ol>") && exported.contains("<li>Välj område</li>"))
        #expect(!exported.contains("title: Förbättringscykeln"))
    }
}
