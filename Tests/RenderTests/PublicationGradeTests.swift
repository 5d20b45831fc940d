import Foundation
import Testing
@testable import Render
@testable import Site
import ValgrundTestSupport

/// What leaves the site is publication grade: chart axes with round, distinct ticks, tables whose
/// headers sit like their columns, no empty download, and CSV number columns that hold numbers.
/// Checked on the sample site and on a second municipality, so no rule fits only one content.
@Suite struct PublicationGradeTests {
    static let sites: [(name: String, output: URL)] = [
        ("sample", TestSupport.build(TestSupport.repositoryRoot).1),
        ("other-municipality", TestSupport.build(TestSupport.fixture("other-municipality")).1),
    ]

    static func pages(_ site: URL) -> [(String, String)] {
        TestSupport.files(in: site).filter { $0.key.hasSuffix(".html") }
            .map { ($0.key, String(decoding: $0.value, as: UTF8.self)) }.sorted { $0.0 < $1.0 }
    }

    static func matches(_ pattern: String, in text: String) -> [[String]] {
        let expression = try! NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
        return expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { match in
            (0..<match.numberOfRanges).map { index in Range(match.range(at: index), in: text).map { String(text[$0]) } ?? "" }
        }
    }

    /// A tick label as a number: `1 000`, `2,5 %`, `200 000 kr` → 1000, 2.5, 200000.
    static func number(_ label: String) -> Double? {
        let digits = label.replacingOccurrences(of: "&#160;", with: " ").filter { "0123456789,.-−".contains($0) }
            .replacingOccurrences(of: ",", with: ".").replacingOccurrences(of: "−", with: "-")
        return Double(digits)
    }

    @Test func chartAxesHaveRoundDistinctTicks() {
        var charts = 0
        for site in Self.sites {
            for (path, html) in Self.pages(site.output) {
                for svg in Self.matches(#"<svg class="chart bar-chart".*?</svg>"#, in: html) {
                    charts += 1
                    let labels = Self.matches(#"<text class="axis-label" x="[^"]*" y="[^"]*" text-anchor="end">([^<]*)</text>"#, in: svg[0]).map { $0[1] }
                    #expect(Set(labels).count == labels.count, "\(site.name) \(path): ticks \(labels)")
                    let values = labels.compactMap(Self.number)
                    #expect(values.count == labels.count && values.count >= 2, "\(site.name) \(path): ticks \(labels)")
                    guard values.count >= 2 else { continue }
                    #expect(values[0] == 0, "\(site.name) \(path): bars start at 0, not \(labels[0])")
                    let step = values[1] - values[0]
                    let magnitude = pow(10, (log10(step)).rounded(.down))
                    #expect([1, 2, 2.5, 5, 10].contains { abs($0 * magnitude - step) < step * 1e-6 }, "\(site.name) \(path): step \(step)")
                    for (a, b) in zip(values, values.dropFirst()) where b - a < step * 0.999 || b - a > step * 1.001 {
                        Issue.record("\(site.name) \(path): uneven ticks \(labels)")
                    }
                }
            }
        }
        #expect(charts > 10)
    }

    /// The class that aligns a header or body cell: right for numbers, left otherwise.
    static func alignedRight(_ attributes: String) -> Bool {
        guard let classes = matches(#"class="([^"]*)""#, in: attributes).first?[1] else { return false }
        return classes.split(separator: " ").contains("num")
    }

    @Test func tableHeadersAlignWithTheirColumns() {
        var tables = 0
        for site in Self.sites {
            // The pages and the standalone HTML exports.
            for (path, html) in Self.pages(site.output) {
                for table in Self.matches(#"<table[^>]*>(.*?)</table>"#, in: html) {
                    tables += 1
                    var header: [Bool] = []
                    var carried: [Int: Int] = [:]  // column → rows still covered by a rowspan above
                    for row in Self.matches(#"<tr[^>]*>(.*?)</tr>"#, in: table[1]) {
                        var column = 0
                        var taken = carried.filter { $0.value > 0 }
                        for cell in Self.matches(#"<(th|td)((?: [^>]*)?)>"#, in: row[1]) {
                            while (taken[column] ?? 0) > 0 { column += 1 }
                            let attributes = cell[2]
                            if attributes.contains("colspan") { column += 1; continue }
                            if attributes.contains("scope=\"col\"") {
                                header.append(Self.alignedRight(attributes))
                            } else if column < header.count {
                                #expect(
                                    Self.alignedRight(attributes) == header[column],
                                    "\(site.name) \(path): column \(column + 1) of \"\(table[1].prefix(160))\"")
                            }
                            if let span = Self.matches(#"rowspan="(\d+)""#, in: attributes).first.flatMap({ Int($0[1]) }) {
                                taken[column] = span
                            }
                            column += 1
                        }
                        carried = taken.mapValues { $0 - 1 }
                    }
                }
            }
        }
        #expect(tables > 10)
    }

    @Test func everyLinkedDownloadHoldsSomething() {
        var downloads = 0
        for site in Self.sites {
            for (path, html) in Self.pages(site.output) {
                for link in Self.matches(##"<a href="([^"#]+\.(?:csv|docx|md|html))" download"##, in: html) {
                    downloads += 1
                    let file = site.output.appendingPathComponent(path).deletingLastPathComponent().appendingPathComponent(link[1]).standardizedFileURL
                    let data = FileManager.default.contents(atPath: file.path)
                    #expect(data != nil, "\(site.name) \(path) links to a missing \(link[1])")
                    let body = String(decoding: data ?? Data(), as: UTF8.self).replacingOccurrences(of: "\u{FEFF}", with: "")
                    #expect(!body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(site.name) \(path) offers an empty \(link[1])")
                }
            }
        }
        #expect(downloads > 10)
    }

    @Test func csvNumberColumnsHoldNumbersOrNothing() {
        var numbers = 0
        for site in Self.sites {
            for (path, data) in TestSupport.files(in: site.output) where path.hasSuffix(".csv") {
                let text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\u{FEFF}", with: "")
                // Tables follow each other: a title line, a header line, rows, an empty line.
                for block in text.components(separatedBy: "\r\n\r\n") {
                    let lines = block.components(separatedBy: "\r\n").filter { !$0.isEmpty }
                    guard lines.count > 2 else { continue }
                    let rows = lines.dropFirst(2).map { $0.components(separatedBy: ";") }
                    let isNumber = { (cell: String) in cell.range(of: #"^-?\d+(,\d+)?$"#, options: .regularExpression) != nil }
                    for column in 0..<(rows.map(\.count).max() ?? 0) {
                        let cells = rows.map { column < $0.count ? $0[column] : "" }
                        guard cells.contains(where: isNumber) else { continue }
                        numbers += 1
                        for cell in cells where !cell.isEmpty && !isNumber(cell) {
                            Issue.record("\(site.name) \(path): \"\(cell)\" in the number column \(lines[1].components(separatedBy: ";")[column])")
                        }
                    }
                }
            }
        }
        #expect(numbers > 5)
    }
}

/// `export` never writes an empty file either: a CSV of a part without tables is refused, naming the formats it has.
@Suite struct EmptyExportTests {
    @Test func csvOfTheIntroductionIsRefused() throws {
        let target = TestSupport.temporaryFolder("export").appendingPathComponent("inledning.csv")
        let options = BuildOptions(source: TestSupport.repositoryRoot, asOf: TestSupport.sampleDate)
        #expect(throws: ReportExport.Failure.self) {
            _ = try ReportExport.export(options, year: 2026, format: .csv, section: "inledning", to: target)
        }
        do {
            _ = try ReportExport.export(options, year: 2026, format: .csv, section: "inledning", to: target)
        } catch {
            #expect("\(error)" == "the section 'inledning' holds no table, so there is no csv of it; it can be exported as docx, html, md")
        }
        #expect(!FileManager.default.fileExists(atPath: target.path))
        // A section with tables still exports, with an empty cell where a number is missing.
        let figures = target.deletingLastPathComponent().appendingPathComponent("nyckeltal.csv")
        _ = try ReportExport.export(options, year: 2026, format: .csv, section: "nyckeltal", to: figures)
        let text = try String(contentsOf: figures, encoding: .utf8)
        #expect(text.contains(";2026;Kvinnor;;"))
        #expect(!text.contains(";–;") && !text.contains(";–\r\n"))
    }
}
