import Foundation
import Testing
@testable import Site
import ValgrundTestSupport

/// Mistakes in Markdown pages get a precise `path:line:column: error: message`, all in one run.
@Suite struct PageErrorTests {
    func errors(_ files: [String: String]) -> [String] {
        TestSupport.errors(TestSupport.check(TestSupport.minimalSource(files)))
    }

    @Test func brokenLinkPointsAtTheLink() {
        let errors = errors([
            "content/guide/a.md": "---\ntitle: A\n---\n\nSe [båda](b.md) och [Föret](../saknas.md).\n",
            "content/guide/b.md": "---\ntitle: B\n---\n",
        ])
        #expect(errors == ["content/guide/a.md:5:21: error: the link '../saknas.md' points to 'saknas.md', which does not exist"])
    }

    @Test func linkToAMissingHeading() {
        let errors = errors([
            "content/a.md": "---\ntitle: A\n---\n\n## Före\n\n[x](b.md#fore) [y](b.md#efter)\n",
            "content/b.md": "---\ntitle: B\n---\n\n## Före\n\n## Eftre\n",
        ])
        #expect(errors == ["content/a.md:7:16: error: the link 'b.md#efter' points to a heading '#efter' that the page does not have (did you mean 'eftre'?)"])
    }

    @Test func rootAbsoluteLinksAreRefused() {
        let errors = errors(["content/a.md": "---\ntitle: A\n---\n[x](/handbok/a.html)\n"])
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("content/a.md:4:1: error: the link '/handbok/a.html' starts with '/'") == true)
    }

    @Test func missingTitleIsReportedAtTheOpeningFence() {
        let errors = errors(["content/a.md": "\n---\nsummary: x\n---\n"])
        // A page whose first line is not `---` has no front matter at all.
        #expect(errors == ["content/a.md:1:1: error: the page has no front matter: start it with a `---` line, `title: …` and another `---` line"])
        let missing = self.errors(["content/b.md": "---\nsummary: x\n---\n"])
        #expect(missing == ["content/b.md:1:1: error: 'title' is missing: every page needs a title, e.g. `title: Uppstart`"])
    }

    @Test func misspeltKeyNamesTheIntendedOne() {
        let errors = errors(["content/a.md": "---\ntitle: A\nordr: 2\n---\n"])
        #expect(errors == ["content/a.md:3:1: error: unknown key 'ordr' in the front matter (did you mean 'order'?)"])
    }

    @Test func unclosedFrontMatterAndYAMLSyntax() {
        #expect(errors(["content/a.md": "---\ntitle: A\n"]) == ["content/a.md:1:1: error: the front matter that starts here has no closing '---' line"])
        let syntax = errors(["content/a.md": "---\ntitle: A\nsummary: [unclosed\n---\n"])
        #expect(syntax.count == 1)
        #expect(syntax.first?.hasPrefix("content/a.md:4:1: error: YAML syntax error") == true)
    }

    @Test func wrongTypesPointAtTheValue() {
        let errors = errors(["content/a.md": "---\ntitle: A\norder: first\ndraft: maybe\n---\n"])
        #expect(
            errors == [
                "content/a.md:3:8: error: 'order' must be a whole number, not 'first'",
                "content/a.md:4:8: error: 'draft' must be true or false, not 'maybe'",
            ])
    }

    @Test func duplicateStepAndQuestionIDs() {
        let errors = errors([
            "content/p/a.md": "---\ntitle: A\nstep: start\n---\n",
            "content/p/b.md": "---\ntitle: B\nstep: start\n---\n",
            "content/q/c.md": "---\ntitle: C\nquestion: q1\nassessment: Hur?\n---\n",
            "content/q/d.md": "---\ntitle: D\nquestion: q1\n---\n",
        ])
        #expect(
            errors == [
                "content/p/b.md:3:7: error: the step id 'start' is already used by content/p/a.md",
                "content/q/d.md:1:1: error: 'assessment' is missing: a question page needs the question people rate, e.g. `assessment: I vilken mån …?`",
            ])
    }

    @Test func everyErrorOfEveryFileInOneRun() {
        let errors = errors([
            "content/a.md": "---\ntitle: A\n---\n[x](nope.md)\n",
            "content/b.md": "---\ntitel: B\n---\n",
        ])
        // The misspelt key is reported once, not again as a missing 'title'.
        #expect(errors.count == 2)
        #expect(errors.first?.hasPrefix("content/a.md:4:1:") == true)
        #expect(errors.last == "content/b.md:2:1: error: unknown key 'titel' in the front matter (did you mean 'title'?)")
    }

    @Test func notUTF8IsReportedAtItsLine() {
        let source = TestSupport.minimalSource()
        try! Data("---\ntitle: A\n---\nr\u{E4}tt\n".utf8.map { $0 }.replacing([0xC3, 0xA4], with: [0xE4])).write(
            to: source.appendingPathComponent("content/latin1.md"))
        let errors = TestSupport.errors(TestSupport.check(source))
        #expect(errors == ["content/latin1.md:4:2: error: this file is not UTF-8 text; save it as UTF-8"])
    }

    @Test func siteYAMLErrors() {
        let source = TestSupport.source([
            "content/site.yaml": "title: T\nlanguage: fi\ntheme: fancy\nrating_scale: {min: 5, max: 3}\n",
            "content/index.md": "---\ntitle: S\n---\n",
        ])
        let errors = TestSupport.errors(TestSupport.check(source))
        #expect(
            errors == [
                "content/site.yaml:1:1: error: 'organisation' is missing: the municipality's name, e.g. `organisation: Hedemora kommun`",
                "content/site.yaml:3:8: error: there is no theme 'fancy': add the folder themes/fancy/ or write `theme: default`",
                "content/site.yaml:4:29: error: 'max' must be greater than 'min' (5)",
            ])
    }

    /// `search: weights:` takes a number from 0 to 5 per known part of the site; anything else is an
    /// error at its line and column, and the weights given are used.
    @Test func searchWeightErrors() throws {
        let yaml = TestSupport.siteYAML + "search:\n  weights:\n    handbook: 6\n    units: 0,5\n    unit: 1\n    examples: 3\n    key_figures: 0.5\n"
        let source = TestSupport.source(["content/site.yaml": yaml, "content/index.md": "---\ntitle: S\n---\n"])
        let line = yaml.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("search:") }! + 1
        let errors = TestSupport.errors(TestSupport.check(source))
        #expect(
            errors == [
                "content/site.yaml:\(line + 2):15: error: 'handbook' must be a weight from 0 to 5 (the default is 4), not 6",
                "content/site.yaml:\(line + 3):12: error: 'units' must be a number written with a decimal point: 0.5",
                "content/site.yaml:\(line + 4):5: error: unknown key 'unit' in 'search: weights' (did you mean 'units'?)",
            ])
        // The weights given are used: a handbook page and a question page with the same one mention of
        // a word swap places when the handbook weighs more than the question guide's 1.5 times its weight.
        func first(_ weights: String) throws -> String? {
            let source = TestSupport.source([
                "content/site.yaml": TestSupport.siteYAML + weights,
                "content/index.md": "---\ntitle: S\n---\n",
                "content/a.md": "---\ntitle: A\n---\n\nOm kolibrier.\n",
                "content/guide/q.md": "---\ntitle: Q\nquestion: q\nassessment: \"Hur?\"\n---\n\nOm kolibrier.\n",
            ])
            let (report, output) = TestSupport.build(source)
            #expect(TestSupport.errors(report) == [])
            return try SearchRanking(site: output).rank("kolibrier").first
        }
        #expect(try first("") == "guide/q.html")
        #expect(try first("search: {weights: {handbook: 5, question_guide: 1}}\n") == "a.html")
    }
}
