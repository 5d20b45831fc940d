import Document
import Foundation
import Markup
import Model
import Synchronization

/// The annual report (or one section of it) in the formats the communications department takes
/// into its own documents.
public enum ExportFormat: String, Sendable, CaseIterable {
    case docx, html, md, csv

    public var fileExtension: String { rawValue }
}

struct ReportExporter {
    let context: RenderContext
    let theme: Theme
    let pictures: PictureCache

    var css: String { theme.otherFiles["export/report.css"].map { String(decoding: $0, as: UTF8.self) } ?? "" }

    func export(_ document: ReportDocument, as format: ExportFormat) throws -> Data {
        let labels = ExportLabels(chart: context.strings["report.chart"])
        switch format {
        case .md:
            return Data(MarkdownWriter.write(document, labels: labels).utf8)
        case .csv:
            return Data(CSVWriter.write(document, decimalSeparator: context.strings["number.decimal"]).utf8)
        case .html:
            return Data(HTMLWriter.standalone(document, css: css).utf8)
        case .docx:
            let date = Date(timeIntervalSince1970: TimeInterval(context.options.asOf.ordinal) * 86_400)
            return try DocxWriter.write(document, labels: labels, date: date) { chart in
                pictures.png(chart, css: css)
            }
        }
    }
}

/// Charts drawn once per build even when several documents hold them, and report documents built
/// once per year even though every download needs one.
/// Both are made outside the lock, so charts are drawn in parallel.
final class PictureCache: Sendable {
    private let pictures = Mutex<[String: PNGImage?]>([:])
    private let documents = Mutex<[String: ReportDocument]>([:])

    /// - Parameter key: the year and how links are written (documents differ only in that).
    func document(_ key: String, make: () -> ReportDocument?) -> ReportDocument? {
        if let cached = documents.withLock({ $0[key] }) { return cached }
        guard let document = make() else { return nil }
        documents.withLock { $0[key] = document }
        return document
    }

    /// Draws every chart of the documents, in parallel, before the Word files are written.
    func prepare(_ documents: [ReportDocument], css: String) {
        var seen = Set<String>()
        var charts: [Chart] = []
        for document in documents {
            for section in document.sections {
                for case .chart(let chart) in section.blocks where seen.insert(chart.svg).inserted { charts.append(chart) }
            }
        }
        let unique = charts
        concurrentForEach(unique.count) { index in
            _ = png(unique[index], css: css)
        }
    }

    func png(_ chart: Chart, css: String) -> PNGImage? {
        if let cached = pictures.withLock({ $0[chart.svg] }) { return cached }
        // The picture is drawn without the site's stylesheet, so the export styles go inside the SVG.
        var svg = chart.svg
        if let end = svg.range(of: ">") {
            svg.insert(contentsOf: "<style>\(css)</style>", at: end.upperBound)
        }
        let image = SVGRasterizer.shared.png(svg, width: chart.width, height: chart.height)
        pictures.withLock { $0[chart.svg] = image }
        return image
    }
}
