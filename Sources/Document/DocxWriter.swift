import Foundation
import Markup
import ZIPFoundation

/// A picture of a chart for Word, which cannot show SVG everywhere.
public struct PNGImage: Sendable {
    public var data: Data
    public var pixelWidth: Int
    public var pixelHeight: Int

    public init(data: Data, pixelWidth: Int, pixelHeight: Int) {
        self.data = data
        self.pixelWidth = pixelWidth
        self.pixelHeight = pixelHeight
    }
}

/// A report as a Word document (Office Open XML): real headings in the built-in styles Heading 1–3,
/// so a report template restyles them; real tables with a repeated header row; charts as pictures
/// with their alternative text.
public enum DocxWriter {
    public enum Failure: Error { case zip(String) }

    /// - Parameters:
    ///   - picture: a PNG for each chart; without one the chart's text alternative stands in its place.
    ///   - date: stored as the file's date, so the same content gives the same bytes.
    public static func write(
        _ document: ReportDocument, labels: ExportLabels, date: Date,
        picture: @escaping (Chart) -> PNGImage?
    ) throws -> Data {
        var body = DocumentBody(labels: labels, picture: picture)
        body.paragraph(style: "Title", runs: [DocumentBody.Run.text(document.title)])
        body.paragraph(style: "Subtitle", runs: [DocumentBody.Run.text(document.organisation)])
        for section in document.sections {
            body.paragraph(style: "Heading1", runs: [DocumentBody.Run.text(section.title)])
            for block in section.blocks { body.add(block) }
        }
        let documentXML = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document \(namespaces)><w:body>\(body.xml)<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1418" w:right="1418" w:bottom="1418" w:left="1418" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr></w:body></w:document>
            """
        var relationships = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdNumbering" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>
            """
        for image in body.images {
            relationships +=
                "<Relationship Id=\"\(image.id)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/\(image.name)\"/>"
        }
        for link in body.links {
            relationships +=
                "<Relationship Id=\"\(link.id)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" Target=\"\(XML.escape(link.url))\" TargetMode=\"External\"/>"
        }
        relationships += "</Relationships>"

        var files: [(String, Data)] = [
            ("[Content_Types].xml", Data(contentTypes.utf8)),
            ("_rels/.rels", Data(packageRelationships.utf8)),
            ("docProps/core.xml", Data(core(document, date: date).utf8)),
            ("docProps/app.xml", Data(app(labels).utf8)),
            ("word/document.xml", Data(documentXML.utf8)),
            ("word/styles.xml", Data(styles(language: document.language).utf8)),
            ("word/numbering.xml", Data(numbering(body.numberings).utf8)),
            ("word/settings.xml", Data(settings(language: document.language).utf8)),
            ("word/_rels/document.xml.rels", Data(relationships.utf8)),
        ]
        for image in body.images { files.append(("word/media/\(image.name)", image.data)) }
        return try zip(files, date: date)
    }

    static func zip(_ files: [(String, Data)], date: Date) throws -> Data {
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for (path, data) in files {
                // PNGs are compressed already; deflating them again only costs time.
                let method: CompressionMethod = path.hasSuffix(".png") ? .none : .deflate
                try archive.addEntry(
                    with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                    compressionMethod: method
                ) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = archive.data else { throw Failure.zip("no data") }
            return data
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure.zip("\(error)")
        }
    }

    static let namespaces =
        #"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture""#
}

/// The body of document.xml, built block by block.
struct DocumentBody {
    let labels: ExportLabels
    let picture: (Chart) -> PNGImage?
    var xml = ""
    var images: [(id: String, name: String, data: Data)] = []
    var links: [(id: String, url: String)] = []
    /// Each ordered list gets its own numbering so it starts from 1.
    var numberings: [Bool] = []
    private var drawingID = 0

    init(labels: ExportLabels, picture: @escaping (Chart) -> PNGImage?) {
        self.labels = labels
        self.picture = picture
    }

    enum Run {
        case text(String)
        case bold(String)
        case italic(String)
        case code(String)
        case link(String, String)
    }

    mutating func paragraph(style: String?, runs: [Run], extra: String = "") {
        xml += "<w:p>"
        if style != nil || !extra.isEmpty {
            xml += "<w:pPr>" + (style.map { "<w:pStyle w:val=\"\($0)\"/>" } ?? "") + extra + "</w:pPr>"
        }
        for run in runs { xml += render(run) }
        xml += "</w:p>"
    }

    private mutating func render(_ run: Run) -> String {
        func r(_ text: String, _ properties: String = "") -> String {
            "<w:r>" + (properties.isEmpty ? "" : "<w:rPr>\(properties)</w:rPr>") + "<w:t xml:space=\"preserve\">\(XML.escape(text))</w:t></w:r>"
        }
        switch run {
        case .text(let text): return r(text)
        case .bold(let text): return r(text, "<w:b/>")
        case .italic(let text): return r(text, "<w:i/>")
        case .code(let text): return r(text, "<w:rFonts w:ascii=\"Consolas\" w:hAnsi=\"Consolas\"/>")
        case .link(let text, let url):
            guard url.hasPrefix("https://") || url.hasPrefix("http://") || url.hasPrefix("mailto:") else { return r(text) }
            let id = "rIdLink\(links.count + 1)"
            links.append((id, url))
            return "<w:hyperlink r:id=\"\(id)\">" + r(text, "<w:rStyle w:val=\"Hyperlink\"/>") + "</w:hyperlink>"
        }
    }

    static func runs(_ inlines: [Inline]) -> [Run] {
        inlines.map { item in
            switch item {
            case .text(let text): return .text(text)
            case .strong(let text): return .bold(text)
            case .emphasis(let text): return .italic(text)
            case .code(let text): return .code(text)
            case .link(let text, let url): return .link(text, url)
            }
        }
    }

    mutating func add(_ block: Block) {
        switch block {
        case .heading(let level, let text):
            paragraph(style: "Heading\(min(3, level))", runs: [.text(text)])
        case .paragraph(let inlines):
            paragraph(style: nil, runs: Self.runs(inlines))
        case .quote(let inlines):
            paragraph(style: "Quote", runs: Self.runs(inlines))
        case .list(let ordered, let items):
            numberings.append(ordered)
            let numID = numberings.count
            for item in items {
                paragraph(
                    style: "ListParagraph", runs: Self.runs(item),
                    extra: "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"\(numID)\"/></w:numPr>")
            }
        case .table(let table):
            add(table)
        case .chart(let chart):
            add(chart)
        }
    }

    private mutating func add(_ table: DataTable) {
        paragraph(style: "Caption", runs: [.text(table.caption)], extra: "<w:keepNext/>")
        xml +=
            "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:firstColumn=\"1\" w:lastRow=\"0\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>"
        xml += String(repeating: "<w:gridCol/>", count: table.header.count) + "</w:tblGrid>"
        xml += "<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>"
        let columns = table.columns
        for (index, name) in table.header.enumerated() {
            xml += cell(name, bold: true, kind: columns[index])
        }
        xml += "</w:tr>"
        for row in table.rows {
            xml += "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
            for (index, value) in row.enumerated() {
                xml += cell(value.display, bold: index < table.rowHeaderColumns, kind: index < columns.count ? columns[index] : .text)
            }
            xml += "</w:tr>"
        }
        xml += "</w:tbl>"
        paragraph(style: nil, runs: [])
    }

    /// A cell aligned as its column: numbers right; a date's cell does not wrap (`noWrap`), so
    /// Word widens the column rather than break `2026-11-18` at a hyphen.
    private func cell(_ text: String, bold: Bool, kind: ColumnKind) -> String {
        let run = "<w:r>" + (bold ? "<w:rPr><w:b/></w:rPr>" : "") + "<w:t xml:space=\"preserve\">\(XML.escape(text))</w:t></w:r>"
        return "<w:tc><w:tcPr><w:tcW w:w=\"0\" w:type=\"auto\"/>" + (kind == .date ? "<w:noWrap/>" : "")
            + "</w:tcPr><w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\"/>"
            + (kind.alignedRight ? "<w:jc w:val=\"right\"/>" : "") + "</w:pPr>\(run)</w:p></w:tc>"
    }

    private mutating func add(_ chart: Chart) {
        guard let image = picture(chart) else {
            paragraph(style: nil, runs: [.italic("\(labels.chart): \(chart.alt)")])
            return
        }
        drawingID += 1
        let id = "rIdImage\(images.count + 1)"
        let name = "chart\(images.count + 1).png"
        images.append((id, name, image.data))
        // 16 cm wide at most, keeping the proportions (EMU: 914400 per inch, 360000 per cm).
        let widthEMU = min(16 * 360_000, Int(chart.width * 9525))
        let heightEMU = Int(Double(widthEMU) * Double(image.pixelHeight) / Double(max(1, image.pixelWidth)))
        let alt = XML.escape(chart.alt)
        xml += """
            <w:p><w:pPr><w:keepNext/></w:pPr><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="\(widthEMU)" cy="\(heightEMU)"/><wp:docPr id="\(drawingID)" name="\(name)" descr="\(alt)" title="\(alt)"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="\(drawingID)" name="\(name)" descr="\(alt)"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="\(id)"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="\(widthEMU)" cy="\(heightEMU)"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>
            """
    }
}
