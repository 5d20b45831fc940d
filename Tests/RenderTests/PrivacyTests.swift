import Foundation
import Model
import Render
import Testing
import ZIPFoundation
@testable import Site
import ValgrundTestSupport

/// Privacy by construction: a share hidden because its group is small cannot be worked out from its
/// complement (or a gap, a change, a size), and a learning follow-up's ratings are shown one by one
/// only when enough people took part; in every audience and every file a build or an export writes.
@Suite struct PrivacyTests {
    /// Girls 93.7 % and boys 6.3 % of `people` boys, and `people` participants in the learning
    /// follow-up, in the catalogue (for the annual report) and in a unit (for its page and data).
    static func source(people: Int) -> URL {
        let ratings = Array([2, 9, 3, 8, 2, 9].prefix(people)).map(String.init).joined(separator: ", ")
        return TestSupport.minimalSource([
            "content/guide/utgangspunkt.md": "---\ntitle: Utgångspunkt\nquestion: utgangspunkt\nassessment: I vilken mån?\n---\n\nText.\n",
            "content/guide/effekter.md": "---\ntitle: Effekter\nquestion: effekter\nassessment: I vilken mån?\n---\n\nText.\n",
            "content/annual-report/2025.md": "---\ntitle: Årsredovisning 2025\n---\n\nInledning.\n",
            "content/key-figures.yaml": """
            - id: fordelning
              name: Fördelning av bidraget
              perspective: Medborgare
              measure: percent
              better: higher
              distribution: true
              groups: [girls, boys]
              years:
                2024: {value: {girls: 61.2, boys: 38.8}, n: {girls: 30, boys: 19}}
                2025: {value: {girls: 93.7, boys: 6.3}, n: {girls: 45, boys: \(people)}, target: {girls: 50, boys: 50}}

            """,
            "content/units/liten.yaml": """
            name: Lilla enheten
            department: Förvaltningen
            years:
              2024:
                key_figures:
                  fordelning: {value: {girls: 61.2, boys: 38.8}, n: {girls: 30, boys: 19}}
              2025:
                key_figures:
                  fordelning:
                    value: {girls: 93.7, boys: 6.3}
                    n: {girls: 45, boys: \(people)}
                    target: {girls: 50, boys: 50}
                learning_follow_up:
                  date: 2025-11-12
                  ratings: {utgangspunkt: [\(ratings)], effekter: [\(ratings)]}
                  agreed: {utgangspunkt: 6, effekter: 7}

            """,
        ])
    }

    /// The hidden shares, their difference (87.4) in either notation, as numbers on their own.
    static let hiddenShares = try! NSRegularExpression(pattern: #"(?<![0-9])(93[.,]7|6[.,]3|87[.,]4)(?![0-9])"#)
    /// The participants' ratings in a row, as the page lists them or a data file writes them.
    static let ratingsInARow = try! NSRegularExpression(pattern: #"2,\s*9,\s*3,\s*8"#)

    static func matches(_ pattern: NSRegularExpression, _ text: String) -> [String] {
        pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { Range($0.range, in: text).map { String(text[$0]) } }
    }

    /// Every file a build writes and every export of the annual report, as text (a Word file by its document.xml).
    static func outputs(people: Int, audience: Audience) throws -> [String: String] {
        let source = Self.source(people: people)
        let (report, output) = TestSupport.build(source, audience: audience)
        #expect(report.succeeded, "\(TestSupport.errors(report))")
        var texts = TestSupport.files(in: output).mapValues { String(decoding: $0, as: UTF8.self) }
        for format in ExportFormat.allCases {
            let file = TestSupport.temporaryFolder("export").appendingPathComponent("report.\(format.rawValue)")
            _ = try ReportExport.export(
                BuildOptions(source: source, audience: audience, asOf: TestSupport.sampleDate),
                year: 2025, format: format, section: nil, to: file)
            var data = try Data(contentsOf: file)
            if format == .docx {
                let archive = try Archive(data: data, accessMode: .read)
                let entry = try #require(archive["word/document.xml"])
                data = Data()
                _ = try archive.extract(entry) { data.append($0) }
            }
            texts["export." + format.rawValue] = String(decoding: data, as: UTF8.self)
        }
        return texts
    }

    /// One below `min_group_size` both shares (and their gap) and each rating are nowhere; at the
    /// threshold and one above they are shown, so the scan would find them.
    @Test(arguments: [4, 5, 6], Audience.allCases)
    func theHiddenShareItsComplementAndTheRatingsAreNowhere(people: Int, audience: Audience) throws {
        let hidden = people < 5
        let texts = try Self.outputs(people: people, audience: audience)
        for (path, file) in texts {
            // The search index's term files hold lists of numbers (which page, where): only their words are text.
            let isTermFile = path.hasPrefix("search/t-")
            let text = isTermFile ? file.replacingOccurrences(of: #"\[[0-9,]*\]"#, with: "[]", options: .regularExpression) : file
            if hidden, isTermFile {
                #expect(!text.contains("\"93\"") && !text.contains("\"87\""), "\(path) indexes a hidden share")
            }
            if hidden {
                #expect(Self.matches(Self.hiddenShares, text).isEmpty, "\(path) holds \(Self.matches(Self.hiddenShares, text))")
                #expect(Self.matches(Self.ratingsInARow, text).isEmpty, "\(path) lists the ratings")
            }
        }
        let page = try #require(texts["enheter/liten.html"])
        let data = try #require(texts["data/units/liten.json"])
        let overview = try #require(texts["data/overview.json"])
        // The two questions' dots and the legend's; a legend lists only what the chart draws.
        let dots = TestSupport.count(#"<circle class="rating""#, in: page)
        if hidden {
            #expect(dots == 0)
            #expect(page.contains("visas inte: färre än 5 deltog"))
            #expect(page.contains("Deltagarnas enskilda bedömningar visas bara när minst 5"))
            #expect(!page.contains("2–9"), "no spread of the hidden ratings")
            // The joint assessment is still there.
            #expect(page.contains(#"<td class="num">6</td>"#) && page.contains(#"<td class="num">7</td>"#))
            #expect(data.contains("\"ratings_suppressed\" : [\n"))
            // No size of the distribution's groups: 45 girls and 93.7 % would give the boys.
            #expect(!data.contains("\"n\" : 45") && !overview.contains("\"n\" : 45"))
            // The year before is still shown: only the hidden year goes.
            #expect(page.contains("61,2"))
            #expect(!page.contains("Skillnaden har ökat"), "no gap compared with the hidden year")
        } else {
            #expect(dots == 1 + 2 * people)
            #expect(page.contains("93,7\u{00A0}%") && page.contains("6,3\u{00A0}%"))
            #expect(page.contains(Array([2, 9, 3, 8, 2, 9].prefix(people)).map(String.init).joined(separator: ", ")))
            #expect(data.contains("\"n\" : 45") && overview.contains("\"n\" : 45"))
            #expect(texts["export.csv"]?.contains("93,7") == true)
            #expect(!page.contains("visas inte: färre än"))
        }
    }
}
