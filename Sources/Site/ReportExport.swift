import Diagnostics
import Foundation
import Render

/// `valgrund export annual-report`: one year's report, or one section, in one format, to one file.
public enum ReportExport {
    public enum Failure: Error, CustomStringConvertible {
        /// The content has errors (printed as diagnostics).
        case content([Diagnostic])
        case noReport(year: Int, available: [Int])
        case unknownSection(String, available: [String])
        case cannotWrite(String)

        public var description: String {
            switch self {
            case .content(let diagnostics): return diagnostics.map(\.description).joined(separator: "\n")
            case let .noReport(year, available):
                let years = available.isEmpty ? "there are none" : "there are: " + available.map(String.init).joined(separator: ", ")
                return "there is no annual report for \(year) (content/annual-report/\(year).md); \(years)"
            case let .unknownSection(name, available):
                return "there is no section '\(name)'\(Suggestion.hint(for: name, in: available)); the sections are: \(available.joined(separator: ", "))"
            case .cannotWrite(let why): return why
            }
        }

        public var isUsageError: Bool {
            if case .unknownSection = self { return true }
            return false
        }
    }

    public static func export(_ options: BuildOptions, year: Int, format: ExportFormat, section: String?, to output: URL) throws(Failure) -> [Diagnostic] {
        let log = DiagnosticLog()
        guard let prepared = SiteBuilder.prepare(options, log: log), !log.hasErrors else {
            throw .content(log.all.filter { $0.severity == .error })
        }
        guard prepared.site.annualReports.contains(where: { $0.year == year }) else {
            throw .noReport(year: year, available: prepared.site.annualReports.map(\.year).sorted())
        }
        if let section, !prepared.renderer.reportSectionIDs.contains(section) {
            throw .unknownSection(section, available: prepared.renderer.reportSectionIDs)
        }
        guard let data = prepared.renderer.exportReport(year: year, section: section, format: format), !log.hasErrors else {
            throw .content(log.all.filter { $0.severity == .error })
        }
        // Written beside the target and renamed, so a reader never finds half a file.
        let temporary = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).valgrund-\(getpid())")
        do {
            try data.write(to: temporary)
            _ = try? FileManager.default.removeItem(at: output)
            try FileManager.default.moveItem(at: temporary, to: output)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw .cannotWrite("cannot write \(output.path): \(error.localizedDescription)")
        }
        return log.all
    }
}
