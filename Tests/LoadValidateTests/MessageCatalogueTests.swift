import Diagnostics
import Foundation
import Testing
import ValgrundTestSupport

/// Every message Valgrund can write has its Swedish text, with the same values in it. Messages added
/// later (at an `error(`/`warning(` call, as `Message("…")`, or for a `what:`/`required:` parameter)
/// fail here until SwedishMessages has them.
@Suite struct MessageCatalogueTests {
    static let sources = TestSupport.repositoryRoot.appendingPathComponent("Sources")

    @Test func everyMessageInTheSourcesHasSwedish() {
        let found = MessageTemplates.inSources(Self.sources)
        // The scan finds the messages of every stage; far fewer would mean it stopped seeing them.
        #expect(found.count > 250)
        let missing = found.filter { SwedishMessages.catalogue[$0.key] == nil }.map { "\($0.value): \($0.key)" }.sorted()
        #expect(missing == [], "no Swedish for:\n\(missing.joined(separator: "\n"))")
    }

    /// What the code really produces, nested parts (`what`, "did you mean", libyaml's words) included.
    @Test func everyMessageOfTheBadDataHasSwedish() {
        var missing: Set<String> = []
        for name in DataErrorTests.caseNames {
            for diagnostic in DataErrorTests.check(name).diagnostics {
                for template in diagnostic.message.templates where template.contains(where: \.isLetter) {
                    if SwedishMessages.catalogue[template] == nil { missing.insert(template) }
                }
            }
        }
        #expect(missing.isEmpty, "no Swedish for: \(missing.sorted())")
    }

    @Test func translationsKeepEveryValue() {
        for (english, swedish) in SwedishMessages.catalogue {
            #expect(Message.placeholders(in: english) == Message.placeholders(in: swedish), "\(english)")
            #expect(!swedish.isEmpty, "\(english)")
        }
    }

    @Test func theScanReadsCallsLikeTheCompiler() {
        let source = #"""
            log.error("unknown key '\(key)' in \(what)\(meant.map { " (x '\($0)')" } ?? "")", at: SourceLocation(path: "a/\(b)"))
            log.warning(exists ? "cannot read \"this\"" : "missing\tfile", at: place)
            // log.error("a comment is no message", at: place)
            let text = "not a message"
            _ = map.string("name", required: "the unit's name")
            let list = Message("\(a) and \(b)")
            context.log.error(problem.message, at: place)
            throw .refused(shown, "that is a folder")
            """#
        let found = MessageTemplates.templates(in: source).map(\.0)
        #expect(
            found == [
                "unknown key '{1}' in {2}{3}", "cannot read \"this\"", "missing\tfile", "the unit's name", "{1} and {2}", "that is a folder",
            ])
    }
}

/// Which language the environment asks for, by POSIX precedence.
@Suite struct LanguageTests {
    @Test func swedishLocalesAreSwedish() {
        for value in ["sv", "sv_SE", "sv_SE.UTF-8", "sv_FI", "sv_FI.utf8", "sv_SE@euro", "SV_se"] {
            #expect(Language(environment: ["LANG": value]) == .swedish, "\(value)")
        }
    }

    @Test func otherLocalesAreEnglish() {
        for value in ["C", "POSIX", "C.UTF-8", "en_GB.UTF-8", "en_US", "nb_NO", "fi_FI", "svenska", "s", ""] {
            #expect(Language(environment: ["LANG": value]) == .english, "\(value)")
        }
        #expect(Language(environment: [:]) == .english)
    }

    @Test func theFirstSetAndNonEmptyVariableDecides() {
        #expect(Language(environment: ["LC_ALL": "", "LANG": "sv_SE.UTF-8"]) == .swedish)
        #expect(Language(environment: ["LC_ALL": "", "LC_MESSAGES": "", "LANG": "sv_SE.UTF-8"]) == .swedish)
        #expect(Language(environment: ["LC_ALL": "C", "LANG": "sv_SE.UTF-8"]) == .english)
        #expect(Language(environment: ["LC_ALL": "sv_SE.UTF-8", "LC_MESSAGES": "en_GB", "LANG": "en_GB"]) == .swedish)
        #expect(Language(environment: ["LC_MESSAGES": "sv", "LANG": "en_US.UTF-8"]) == .swedish)
        #expect(Language(environment: ["LC_MESSAGES": "C", "LANG": "sv_SE.UTF-8"]) == .english)
        // Other categories do not choose the language of messages.
        #expect(Language(environment: ["LC_CTYPE": "sv_SE.UTF-8", "LC_TIME": "sv_SE.UTF-8", "LANG": "en_GB"]) == .english)
    }

    @Test func aMessageIsWrittenInEitherLanguage() {
        let what: Message = "a unit file"
        let message: Message = "unknown key '\("namn")' in \(what)\(Suggestion.hint(for: "namn", in: ["name", "team"]))"
        #expect(message.text(in: .english) == "unknown key 'namn' in a unit file (did you mean 'name'?)")
        #expect(message.text(in: .swedish) == "okänd nyckel 'namn' i en enhetsfil (menade du 'name'?)")
        #expect(message.templates == ["unknown key '{1}' in {2}{3}", "a unit file", " (did you mean '{1}'?)"])
        // Equal when they say the same in English, however they were built (as when messages were text).
        #expect(message == "unknown key 'namn' in a unit file (did you mean 'name'?)")
        #expect(Set([message, "unknown key 'namn' in a unit file (did you mean 'name'?)"]).count == 1)
        // Values are written as they are, even when they look like a template or a placeholder.
        let odd: Message = "'\("{2}")' is missing: \(Message.verbatim("a unit file"))"
        #expect(odd.text(in: .swedish) == "'{2}' saknas: a unit file")
        // A template the catalogue lacks stays English (the catalogue tests see that none does).
        let unknown: Message = "a message no catalogue has, \(7)"
        #expect(unknown.text(in: .swedish) == "a message no catalogue has, 7")
        #expect(Message.list(["images", "PDF", "fonts"]).text(in: .swedish) == "bilder, PDF-filer och typsnitt")
        #expect(Message.list(["images", "PDF", "fonts"]).text(in: .english) == "images, PDF and fonts")
    }

    @Test func aDiagnosticKeepsItsPlaceAndSeverityWordsInSwedish() {
        let diagnostic = Diagnostic.warning("the year \(2025) has no data yet", at: SourceLocation(path: "content/units/a.yaml", line: 6, column: 8))
        #expect(diagnostic.description == "content/units/a.yaml:6:8: warning: the year 2025 has no data yet")
        #expect(diagnostic.description(in: .swedish) == "content/units/a.yaml:6:8: warning: året 2025 har inga uppgifter ännu")
    }
}
