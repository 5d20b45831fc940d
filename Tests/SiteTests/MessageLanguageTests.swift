import Foundation
import Testing
import ValgrundTestSupport

/// `valgrund` speaks the language of its environment (LC_ALL, then LC_MESSAGES, then LANG): the same
/// lines at the same places, in Swedish or in English, `error:` and `warning:` as they are.
@Suite struct MessageLanguageTests {
    static let swedish = ["LANG": "sv_SE.UTF-8"]

    /// A case with an error and one with a warning, checked the way a person runs `check`.
    static func check(_ name: String, language: [String: String]) throws -> (run: Command.Run, expected: [String], expectedSwedish: [String]) {
        let (source, expected, expectedSwedish) = TestSupport.badDataCase(name)
        let run = try Command.valgrund(["check", "--source", source.path, "--as-of", "2026-11-25"], language: language)
        return (run, expected, expectedSwedish)
    }

    @Test func checkWritesSwedishInASwedishEnvironment() throws {
        let (run, _, expectedSwedish) = try Self.check("misspelt-key", language: Self.swedish)
        #expect(run.status == 1)
        #expect(run.stderr == (expectedSwedish + ["1 fel; ingenting skrevs"]).joined(separator: "\n") + "\n")
        #expect(run.stderr.contains("content/units/good.yaml:2:1: error: okänd nyckel 'departmnet' i en enhetsfil (menade du 'department'?)"))

        let (clean, _, _) = try Self.check("warning-year-without-data", language: Self.swedish)
        #expect(clean.status == 0)
        #expect(clean.stderr == "content/units/good.yaml:6:8: warning: året 2025 har inga uppgifter ännu\n")
        #expect(clean.stdout.hasPrefix("Inga fel: "))
    }

    @Test func theFirstSetAndNonEmptyVariableDecides() throws {
        let english = try Self.check("misspelt-key", language: ["LANG": "C.UTF-8"])
        let englishLines = (english.expected + ["1 error; nothing was written"]).joined(separator: "\n") + "\n"
        let swedishLines = (english.expectedSwedish + ["1 fel; ingenting skrevs"]).joined(separator: "\n") + "\n"
        #expect(english.run.stderr == englishLines)
        for (language, expected) in [
            (["LC_ALL": "C", "LANG": "sv_SE.UTF-8"], englishLines),
            (["LC_ALL": "", "LANG": "sv_SE.UTF-8"], swedishLines),
            (["LC_MESSAGES": "sv", "LANG": "en_US.UTF-8"], swedishLines),
            (["LC_ALL": "sv_FI.UTF-8", "LC_MESSAGES": "en_GB.UTF-8"], swedishLines),
            ([:], englishLines),
        ] {
            let run = try Self.check("misspelt-key", language: language).run
            #expect(run.stderr == expected, "\(language)")
        }
    }

    @Test func usageAndOutputErrorsAreSwedishToo() throws {
        let wrongDate = try Command.valgrund(["check", "--as-of", "25/11/2026"], language: Self.swedish)
        #expect(wrongDate.status == 2)
        #expect(wrongDate.stderr.contains("--as-of måste vara ett datum skrivet ÅÅÅÅ-MM-DD, inte '25/11/2026'"), "\(wrongDate.stderr)")

        let source = TestSupport.minimalSource()
        let intoSource = try Command.valgrund(["build", "--source", source.path, "--output", source.path], language: Self.swedish)
        #expect(intoSource.status == 2)
        #expect(intoSource.stderr == "error: skriver inte webbplatsen till \(source.standardizedFileURL.path): det är SOURCE själv\n")

        let badID = try Command.valgrund(["new", "unit", "Förskola", "--source", source.path], language: Self.swedish)
        #expect(badID.status == 2)
        #expect(badID.stderr.hasPrefix("error: 'Förskola' kan inte vara ett enhets-id: det innehåller versalen 'F', "), "\(badID.stderr)")

        let noReport = try Command.valgrund(
            ["export", "annual-report", "--year", "1999", "--format", "md", "--source", source.path, "--output", source.path + "/r.md"],
            language: Self.swedish)
        #expect(noReport.status == 1)
        #expect(noReport.stderr.hasPrefix("error: det finns ingen årsrapport för 1999 (content/annual-report/1999.md); "), "\(noReport.stderr)")
    }
}
