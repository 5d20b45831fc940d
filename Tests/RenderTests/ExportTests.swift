import Document
import Foundation
import Model
import Render
import Testing
import ZIPFoundation
@testable import Site
import ValgrundTestSupport

/// The annual report's exports, opened as the programs that read them would.
@Suite struct ExportTests {
    static let source = TestSupport.repositoryRoot

    static func export(_ format: ExportFormat, section: String? = nil, audience: Audience = .public) throws -> Data {
        let output = TestSupport.temporaryFolder("export").appendingPathComponent("report.\(format.rawValue)")
        _ = try ReportExport.export(
            BuildOptions(source: source, audience: audience, asOf: TestSupport.sampleDate),
            year: 2026, format: format, section: section, to: output)
        return try Data(contentsOf: output)
    }

    /// The files of a Word document (a zip of XML).
    static func parts(_ docx: Data) throws -> [String: Data] {
        let archive = try Archive(data: docx, accessMode: .read)
        var parts: [String: Data] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            parts[entry.path] = data
        }
        return parts
    }

    @Test func wordHasRealHeadingsTablesAndPictures() throws {
        let parts = try Self.parts(try Self.export(.docx))
        let document = String(decoding: try #require(parts["word/document.xml"]), as: UTF8.self)
        let styles = String(decoding: try #require(parts["word/styles.xml"]), as: UTF8.self)
        #expect(parts["[Content_Types].xml"] != nil)
        #expect(styles.contains(#"<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>"#))
        #expect(styles.contains(#"w:styleId="Heading2"><w:name w:val="heading 2"/>"#))
        #expect(document.contains(#"<w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t xml:space="preserve">Nyckeltal</w:t>"#))
        #expect(document.contains(#"<w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t xml:space="preserve">Medarbetare</w:t>"#))
        #expect(document.contains(#"<w:pStyle w:val="Heading3"/>"#))
        #expect(document.contains("<w:tbl>"))
        #expect(document.contains("<w:tblHeader/>"))
        #expect(document.contains(">Andel tillsvidareanställda som arbetar heltid 2026</w:t>"))
        // Charts are pictures with their text alternative.
        let pictures = parts.keys.filter { $0.hasPrefix("word/media/") && $0.hasSuffix(".png") }
        #expect(pictures.count >= 10)
        if let first = pictures.sorted().first, let png = parts[first] {
            #expect(png.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        }
        #expect(document.contains(#"descr="Andel tillsvidareanställda som arbetar heltid, 2022, 2023, 2024, 2025, 2026. År 2026: Kvinnor 74"#))
        let relationships = String(decoding: try #require(parts["word/_rels/document.xml.rels"]), as: UTF8.self)
        #expect(relationships.contains("media/chart1.png"))
    }

    @Test func oneSectionAlone() throws {
        let parts = try Self.parts(try Self.export(.docx, section: "processen"))
        let document = String(decoding: try #require(parts["word/document.xml"]), as: UTF8.self)
        #expect(document.contains(">Processen under året</w:t>"))
        #expect(!document.contains(">Nyckeltal</w:t>"))
    }

    @Test func csvForSwedishExcel() throws {
        let data = try Self.export(.csv, section: "nyckeltal")
        #expect(data.prefix(3) == Data([0xEF, 0xBB, 0xBF]))
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines.contains("Styrperspektiv;Nyckeltal;År;Grupp;Utfall;Mål;Mål nått?"))
        #expect(lines.contains("Medarbetare;Andel tillsvidareanställda som arbetar heltid;2025;Kvinnor;71;75;nej"))
        #expect(lines.contains { $0.hasPrefix("Medarbetare;Sjukfrånvaro bland medarbetare;2025;Kvinnor;") && $0.contains(",") })
    }

    @Test func csvDefusesFormulasAndQuotes() {
        #expect(CSVWriterProbe.field("=SUM(A1)") == "'=SUM(A1)")
        #expect(CSVWriterProbe.field("@cmd") == "'@cmd")
        #expect(CSVWriterProbe.field("-2+3") == "'-2+3")
        #expect(CSVWriterProbe.field("a;b") == "\"a;b\"")
        #expect(CSVWriterProbe.field("säg \"hej\"") == "\"säg \"\"hej\"\"\"")
    }

    @Test func standaloneHTMLCarriesItsStyles() throws {
        let html = String(decoding: try Self.export(.html), as: UTF8.self)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<style>"))
        #expect(!html.contains("<link rel=\"stylesheet\""))
        #expect(html.contains("<svg class=\"chart bar-chart\""))
        #expect(html.contains("<section class=\"report-section\" id=\"nyckeltal\""))
    }

    @Test func markdownExport() throws {
        let md = String(decoding: try Self.export(.md), as: UTF8.self)
        #expect(md.hasPrefix("# "))
        #expect(md.contains("\n## Nyckeltal\n"))
        #expect(md.contains("\n### Medarbetare\n"))
        #expect(md.contains("| Grupp | Utfall 2026 |"))
        #expect(md.contains("*Diagram: "))
    }

    @Test func exportsArePublicUnlessAsked() throws {
        let md = String(decoding: try Self.export(.md), as: UTF8.self)
        let intranet = String(decoding: try Self.export(.md, audience: .intranet), as: UTF8.self)
        #expect(!md.isEmpty && !intranet.isEmpty)
    }
}

/// Test access to the CSV writer's quoting.
enum CSVWriterProbe {
    static func field(_ text: String) -> String {
        let document = ReportDocumentProbe.single(text)
        let csv = CSVWriter.write(document)
        return String(csv.dropFirst().components(separatedBy: "\r\n")[2])
    }
}
