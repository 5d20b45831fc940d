import Diagnostics
import Foundation
import Render
import Write

/// `valgrund export annual-report`: one year's report, or one section, in one format, to one file.
public enum ReportExport {
    public enum Failure: Error, CustomStringConvertible {
        /// The content has errors (printed as diagnostics).
        case content([Diagnostic])
        case noReport(year: Int, available: [Int])
        case unknownSection(String, available: [String])
        /// The report or section holds nothing this format carries (CSV of a part without tables).
        case nothingToExport(format: String, section: String?, available: [String])
        /// `--output` names something the export must not replace (path, why); nothing was written.
        case refused(String, Message)
        /// The file could not be written (the system's reason); nothing was left behind.
        case cannotWrite(Message)

        /// What went wrong in `language`: the content's diagnostics one per line, or one message.
        public func description(in language: Language) -> String {
            switch self {
            case .content(let diagnostics): return diagnostics.map { $0.description(in: language) }.joined(separator: "\n")
            case let .noReport(year, available):
                let years =
                    available.isEmpty ? Message("there are none") : Message("there are: \(available.map(String.init).joined(separator: ", "))")
                return Message("there is no annual report for \(year) (content/annual-report/\(year).md); \(years)").text(in: language)
            case let .unknownSection(name, available):
                return Message(
                    "there is no section '\(name)'\(Suggestion.hint(for: name, in: available)); the sections are: \(available.joined(separator: ", "))"
                ).text(in: language)
            case let .nothingToExport(format, section, available):
                let what = section.map { Message("the section '\($0)'") } ?? Message("the report")
                return Message("\(what) holds no table, so there is no \(format) of it; it can be exported as \(available.joined(separator: ", "))")
                    .text(in: language)
            case let .refused(path, why): return Message("will not write the export to \(path): \(why)").text(in: language)
            case .cannotWrite(let why): return why.text(in: language)
            }
        }

        public var description: String { description(in: .english) }
    }

    public static func export(_ options: BuildOptions, year: Int, format: ExportFormat, section: String?, to output: URL) throws(Failure) -> [Diagnostic] {
        // Refused before anything is read, so a mistyped path costs nothing and touches nothing.
        let target = try checkedTarget(output, source: options.source)
        let log = DiagnosticLog()
        guard let prepared = SiteBuilder.prepare(options, log: log, commitDates: false), !log.hasErrors else {
            throw .content(log.all.filter { $0.severity == .error })
        }
        guard prepared.site.annualReports.contains(where: { $0.year == year }) else {
            throw .noReport(year: year, available: prepared.site.annualReports.map(\.year).sorted())
        }
        if let section, !prepared.renderer.reportSectionIDs.contains(section) {
            throw .unknownSection(section, available: prepared.renderer.reportSectionIDs)
        }
        let formats = prepared.renderer.reportFormats(year: year, section: section)
        guard formats.contains(format.rawValue) else {
            throw .nothingToExport(format: format.rawValue, section: section, available: formats)
        }
        guard let data = prepared.renderer.exportReport(year: year, section: section, format: format), !log.hasErrors else {
            throw .content(log.all.filter { $0.severity == .error })
        }
        // Written beside the target under a name of its own and renamed over it, so a reader never
        // finds half a file and two exports to one file at once both succeed (the last one wins).
        let failure = FolderIO.replaceFile(target.path, with: data)
        if failure != 0 { throw .cannotWrite("cannot write \(output.path): \(FolderIO.reason(failure))") }
        return log.all
    }

    /// The target with its folder's symbolic links resolved, or why the export may not write there:
    /// it replaces one regular file and never a folder, a link, a file people write (SOURCE's
    /// content/ and themes/) or a file of a site Valgrund built (the next build would remove it).
    static func checkedTarget(_ output: URL, source: URL) throws(Failure) -> URL {
        let shown = output.path
        let name = output.lastPathComponent
        if output.hasDirectoryPath || name.isEmpty || name == "." || name == ".." {
            throw .refused(shown, "that names a folder; give the name of the file to write, e.g. \(shown.hasSuffix("/") ? shown : shown + "/")arsrapport.docx")
        }
        if name == OutputWriter.markerName {
            throw .refused(shown, "\(name) is the file that marks a folder as a site Valgrund built")
        }
        let parent = output.deletingLastPathComponent()
        guard let folder = realPath(parent) else {
            throw .refused(shown, "there is no folder \(parent.path) to write it in")
        }
        let target = URL(fileURLWithPath: folder, isDirectory: true).appendingPathComponent(name, isDirectory: false)
        var info = stat()
        if lstat(target.path, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFREG: break
            case S_IFDIR: throw .refused(shown, "that is a folder; an export replaces only a file, never a folder")
            case S_IFLNK: throw .refused(shown, "that is a symbolic link; give the path of the file itself, or another name")
            default: throw .refused(shown, "that is not a regular file")
            }
        }
        if let root = realPath(source) {
            for protected in ["content", "themes"] where (folder + "/").hasPrefix(root + "/" + protected + "/") {
                throw .refused(shown, "it is inside SOURCE's \(protected)/ folder, which holds what people write")
            }
        }
        var above = URL(fileURLWithPath: folder, isDirectory: true)
        while true {
            if FileManager.default.fileExists(atPath: above.appendingPathComponent(OutputWriter.markerName).path) {
                throw .refused(shown, "it is inside \(above.path), a site Valgrund built, which the next build replaces; write the export beside it")
            }
            if above.path == "/" { break }
            above = above.deletingLastPathComponent()
        }
        return target
    }

    /// The absolute path of an existing folder with symbolic links resolved; nil when there is none.
    private static func realPath(_ url: URL) -> String? {
        guard let resolved = realpath(url.path, nil) else { return nil }
        defer { free(resolved) }
        var isFolder: ObjCBool = false
        let path = String(cString: resolved)
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue ? path : nil
    }
}

/// The operating system's words for why reading or writing a file failed ("No space left on device"),
/// rather than Foundation's "The operation could not be completed".
func systemReason(_ error: any Error) -> String {
    let wrapped = (error as NSError).userInfo[NSUnderlyingErrorKey] as? any Error
    for candidate in [wrapped, error].compactMap({ $0 }) {
        let described = candidate as NSError
        if described.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(described.code))) }
    }
    return error.localizedDescription
}
