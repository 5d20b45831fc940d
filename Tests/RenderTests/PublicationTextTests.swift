import Diagnostics
import Foundation
import Model
import Testing
@testable import Render
@testable import Site
import ValgrundTestSupport

/// Text that leaves the site says what the data says: no template placeholders in counts, one topic
/// per tag however it is written, Swedish and English plurals, no internal ids.
@Suite struct PublicationTextTests {
    /// A copy of the repository's sample site.
    static func sampleCopy() -> URL {
        let source = TestSupport.temporaryFolder("sample")
        for folder in ["content", "themes"] {
            try! FileManager.default.copyItem(
                at: TestSupport.repositoryRoot.appendingPathComponent(folder),
                to: source.appendingPathComponent(folder))
        }
        return source
    }

    static func text(_ html: String) -> String {
        html.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
    }

    @Test func aNewUnitFileIsWarnedAboutAndCountedNowhere() throws {
        let source = Self.sampleCopy()
        _ = try UnitTemplate.create(
            id: "test-unit", name: nil, department: nil,
            options: BuildOptions(source: source, asOf: TestSupport.sampleDate))
        let warnings = TestSupport.check(source).diagnostics.filter { $0.severity == .warning }.map(\.description)
        #expect(warnings.contains { $0.hasPrefix("content/units/test-unit.yaml:7:13: warning: 'Ange förvaltning' is what `valgrund new unit` writes") })
        #expect(warnings.contains { $0.hasPrefix("content/units/test-unit.yaml:12:5: warning: 2026 holds only what `valgrund new unit` writes") })
        let (report, site) = TestSupport.build(source)
        #expect(TestSupport.errors(report) == [])
        let annual = TestSupport.read(site, "arsredovisning/2026.html")
        #expect(annual.contains("8 enheter arbetade med Välgrundad verksamhet 2026"))
        #expect(!annual.contains("9 enheter"))
        #expect(!annual.contains("Ange förvaltning"))
        let overview = TestSupport.read(site, "enheter/index.html")
        #expect(overview.contains("Var 8 enheter står i processen 2026"))
        #expect(!overview.contains("Test unit"))
    }

    /// With its department named, the unit is listed, but its template year counts in nothing;
    /// one step under way (or an empty follow-up block beside it) is the edge where it starts to count.
    @Test(arguments: [("", 8), ("in_progress", 9)])
    func aUnitYearCountsFromItsFirstRealEntry(status: String, expected: Int) throws {
        let source = Self.sampleCopy()
        let path = try UnitTemplate.create(
            id: "test-unit", name: nil, department: "Skolförvaltningen",
            options: BuildOptions(source: source, asOf: TestSupport.sampleDate))
        let url = source.appendingPathComponent(path)
        var file = try String(contentsOf: url, encoding: .utf8)
        if !status.isEmpty { file = file.replacingOccurrences(of: "uppstart: {status: planned, date: }", with: "uppstart: {status: \(status), date: }") }
        try Data(file.utf8).write(to: url)
        let (report, site) = TestSupport.build(source)
        #expect(TestSupport.errors(report) == [])
        let annual = TestSupport.read(site, "arsredovisning/2026.html")
        #expect(annual.contains("\(expected) enheter arbetade med Välgrundad verksamhet 2026"))
        // The template's empty `learning_follow_up:` block is no follow-up held: the sentence is the sample's.
        let sample = TestSupport.read(TestSupport.build(Self.sampleCopy()).1, "arsredovisning/2026.html")
        #expect(Self.followUpSentence(annual) != nil)
        #expect(Self.followUpSentence(annual) == Self.followUpSentence(sample))
    }

    static func followUpSentence(_ html: String) -> String? {
        html.range(of: #"[^>]*höll lärande uppföljning 2026"#, options: .regularExpression).map { String(html[$0]) }
    }
}

extension PublicationTextTests {
    @Test func tagsWrittenInTwoWaysAreOneTopicWithAWarning() {
        let example = { (name: String, tag: String) in
            "---\ntitle: \(name)\ndate: 2026-10-01\ntags: [\(tag), Heltid]\n---\n\nText.\n"
        }
        let source = TestSupport.minimalSource([
            "content/examples/a.md": example("A", "Delaktighet"),
            "content/examples/b.md": example("B", "Delaktighet"),
            "content/examples/c.md": example("C", "delaktighét"),
        ])
        let warnings = TestSupport.check(source).diagnostics.filter { $0.severity == .warning }.map(\.description)
        #expect(
            warnings == [
                "content/examples/c.md:4:8: warning: the tag 'delaktighét' is written 'Delaktighet' elsewhere; both are the topic 'Delaktighet' (write it one way)"
            ])
        let (report, site) = TestSupport.build(source)
        #expect(TestSupport.errors(report) == [])
        let topics = TestSupport.files(in: site).keys.filter { $0.contains("/amne/") }.sorted()
        #expect(topics.count == 2)
        let page = topics.first { $0.contains("delaktighet") }.map { TestSupport.read(site, $0) } ?? ""
        #expect(page.contains("Delaktighet"))
        #expect(["a.html", "b.html", "c.html"].allSatisfy { page.contains($0) })
    }

    static func strings(_ language: String) throws -> Strings {
        let path = TestSupport.repositoryRoot.appendingPathComponent("themes/default/i18n/\(language).yaml")
        return try #require(Strings.parse(try Data(contentsOf: path), path: path.path, log: DiagnosticLog()))
    }

    @Test func countsAreWrittenInTheRightPluralForm() throws {
        let sv = try Self.strings("sv"), en = try Self.strings("en")
        func units(_ strings: Strings, _ count: Int) -> String {
            strings.plural("report.learning_follow_up.description", count: count, ["count": String(count)])
        }
        #expect(units(sv, 0).contains("(0 enheter)"))
        #expect(units(sv, 1).contains("(1 enhet)"))
        #expect(units(sv, 2).contains("(2 enheter)"))
        #expect(units(en, 0).contains("(0 units)"))
        #expect(units(en, 1).contains("(1 unit)"))
        #expect(units(en, 2).contains("(2 units)"))
        let figure = KeyFigure(id: "heltid", name: "Heltid", perspective: "Medarbetare", measure: .percent, better: .higher, groups: [.women, .men])
        #expect(sv.difference(1, figure) == "+1\u{00A0}procentenhet")
        #expect(sv.difference(-1, figure) == "−1\u{00A0}procentenhet")
        #expect(sv.difference(2, figure) == "+2\u{00A0}procentenheter")
        #expect(sv.difference(0.5, figure) == "+0,5\u{00A0}procentenheter")
        #expect(en.difference(1, figure) == "+1\u{00A0}percentage point")
        #expect(en.difference(2, figure) == "+2\u{00A0}percentage points")
        // A text without plural forms is used for every count.
        #expect(sv.plural("overview.not_started", count: 1, [:]) == "Inte påbörjat")
    }

    @Test func theProgramLogicShowsTextsNotIds() {
        let (_, site) = TestSupport.build(Self.sampleCopy())
        let page = Self.text(TestSupport.read(site, "enheter/hagaskolan-2025.html"))
        #expect(page.contains("Vuxna rastvärdar på otrygga platser"))
        for id in ["r1", "r2", "a1", "a2", "res1", "res2", "e1"] {
            #expect(page.range(of: "\\b\(id)\\b", options: .regularExpression) == nil, "\(id) is visible")
        }
    }
}

extension PublicationTextTests {
    @Test func hand_written_figures_are_the_generated_ones_everywhere() throws {
        let source = Self.sampleCopy()
        let (report, site) = TestSupport.build(source)
        #expect(TestSupport.errors(report) == [])
        let page = TestSupport.readText(site, "arsredovisning/2026.html")
        let generated = try #require(page.firstMatch(of: /(\d+) enheter arbetade med Välgrundad verksamhet 2026 \((\d+) år 2025\)/))
        let written = try #require(page.firstMatch(of: /Under året arbetade (\d+) enheter i (\d+) förvaltningar med processen, mot (\d+) året innan/))
        #expect(written.1 == generated.1)
        #expect(written.3 == generated.2)
        #expect(!page.contains("{%"))
        let export = TestSupport.temporaryFolder("export").appendingPathComponent("r.md")
        _ = try ReportExport.export(BuildOptions(source: source, asOf: TestSupport.sampleDate), year: 2026, format: .md, section: nil, to: export)
        let markdown = try String(contentsOf: export, encoding: .utf8)
        #expect(markdown.contains("Under året arbetade \(generated.1) enheter"))
        #expect(!markdown.contains("{%"))
        let search = TestSupport.files(in: site).filter { $0.key.hasPrefix("search/") }.values.map { String(decoding: $0, as: UTF8.self) }
        #expect(!search.isEmpty && !search.contains { $0.contains("{%") })
    }

    static let figurePage = """
        ---
        title: Om arbetet
        summary: "{% units %} enheter"
        ---

        I år deltar {% units %} enheter, {% stamps 2025 %} fick stämpeln 2025 och {% steps_done.uppstart %} har gjort uppstarten.
        Så skriver du: `{% units %}` och \\{% units %}.

        Här är {% unit %} fel och {% units förra %} också.
        """

    static let figureUnits = [
        "content/handbook/uppstart.md": "---\ntitle: Uppstart\nstep: uppstart\norder: 1\n---\n\nText.\n",
        "content/units/a.yaml":
            "name: A\ndepartment: X\nyears:\n  2025: {stamp: 2025-05-01, steps: {uppstart: {status: done, date: 2025-02-01}}}\n  2026: {steps: {uppstart: {status: done, date: 2026-02-01}}}\n",
        "content/units/b.yaml": "name: B\ndepartment: X\nyears:\n  2026: {steps: {uppstart: {status: in_progress}}}\n",
    ]

    @Test func generatedFiguresInAnyPageWithYearsCodeAndMistakes() {
        var files = Self.figureUnits
        files["content/om.md"] = Self.figurePage
        let source = TestSupport.minimalSource(files)
        let errors = TestSupport.errors(TestSupport.check(source))
        #expect(
            errors == [
                "content/om.md:9:8: error: no generated figure 'unit' (did you mean 'units'?); the figures are units, stamps, departments, units_with_learning_follow_up, targets, targets_met, steps_done.uppstart",
                "content/om.md:9:27: error: 'förra' after the figure's name: only a year may stand there, e.g. `{% units 2026 %}`",
            ])
        files["content/om.md"] = Self.figurePage.replacingOccurrences(of: "\nHär är {% unit %} fel och {% units förra %} också.", with: "")
        let (report, site) = TestSupport.build(TestSupport.minimalSource(files))
        #expect(TestSupport.errors(report) == [])
        let page = TestSupport.read(site, "om.html")
        #expect(page.contains("I år deltar 2 enheter, 1 fick stämpeln 2025 och 1 har gjort uppstarten."))
        #expect(page.contains("<code>{% units %}</code> och {% units %}."))
        #expect(page.contains("content=\"2 enheter\""))
    }

    /// A rebuild notices that a page quoting figures changed with the units, though its file did not.
    @Test func aRebuildUpdatesQuotedFiguresWhenAUnitChanges() throws {
        var files = Self.figureUnits
        files["content/om.md"] = "---\ntitle: Om\n---\n\nI år har {% stamps %} stämpeln.\n"
        let source = TestSupport.minimalSource(files)
        let (_, site) = TestSupport.build(source)
        #expect(TestSupport.read(site, "om.html").contains("I år har 0 stämpeln."))
        // A stamp changes no page's title or address: only the fingerprint of the quoting page tells.
        try Data("name: B\ndepartment: X\nyears:\n  2026: {stamp: 2026-10-01, steps: {uppstart: {status: in_progress}}}\n".utf8)
            .write(to: source.appendingPathComponent("content/units/b.yaml"))
        let (report, _) = TestSupport.build(source, output: site)
        #expect(TestSupport.errors(report) == [])
        #expect(report.renderedCount < report.pageCount)
        #expect(TestSupport.read(site, "om.html").contains("I år har 1 stämpeln."))
    }
}

extension PublicationTextTests {
    @Test(arguments: [
        ("Sjukfrånvaro bland medarbetare", nil, "sjukfrånvaro bland medarbetare"),
        ("HR-ärenden per chef", nil, "HR-ärenden per chef"),
        ("Göteborgs bästa skolor", "Göteborgs bästa skolor", "Göteborgs bästa skolor"),
        ("andel som arbetar heltid", nil, "andel som arbetar heltid"),
        ("A", nil, "a"),
    ])
    func keyFigureNamesInsideSentences(name: String, written: String?, expected: String) {
        var figure = KeyFigure(id: "x", name: name, perspective: "P", measure: .percent, better: .higher, groups: [.women])
        figure.nameInSentenceWritten = written
        #expect(figure.nameInSentence == expected)
    }

    @Test func theUnitPageListsKeyFiguresInSentenceCase() {
        let (_, site) = TestSupport.build(Self.sampleCopy())
        let page = TestSupport.read(site, "enheter/bemanningsenheten.html")
        #expect(page.contains("<strong>Medarbetare:</strong> andel tillsvidareanställda som arbetar heltid och sjukfrånvaro bland medarbetare"))
        #expect(!page.contains(" och Sjukfrånvaro"))
    }
}
