import ArgumentParser
import Diagnostics
import Foundation
import Kolada
import Model
import Render
import Serve
import Site

@main
struct Valgrund: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "valgrund",
        abstract: "Builds the Välgrundad verksamhet handbook and progress site from content/.",
        subcommands: [Build.self, Check.self, Serve.self, New.self, Kolada.self, Export.self, Schema.self]
    )

    /// The contract's exit codes, 0 success, 1 content errors, 2 wrong usage, and Valgrund's own 3:
    /// files could not be read or written (no space, no permission, a name too long).
    static let contentErrors = ExitCode(1)
    static let wrongUsage = ExitCode(2)
    static let cannotReadOrWrite = ExitCode(3)

    /// The exit code of a build whose output could not be put in place: the content's errors come
    /// first; a refused output folder is wrong usage; anything else failed on the disk.
    static func exitCode(forOutputFailureOf report: BuildReport) -> ExitCode {
        if report.diagnostics.contains(where: { $0.severity == .error }) { return contentErrors }
        return report.outputRefused ? wrongUsage : cannotReadOrWrite
    }

    static func main() async {
        do {
            var command = try parseAsRoot()
            if var command = command as? AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(wrongUsage.rawValue)
        }
    }
}

struct SourceOptions: ParsableArguments {
    @Option(name: .long, help: "The folder that holds content/ (and optionally themes/).")
    var source: String = "."

    var sourceURL: URL { URL(fileURLWithPath: source).standardizedFileURL }

    func validate() throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: sourceURL.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw ValidationError(Message("--source \(source): no such folder").text(in: .current))
        }
    }
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build the site into the output folder.")

    @OptionGroup var sourceOptions: SourceOptions

    @Option(name: .long, help: "Where to write the site (default: SOURCE/output).")
    var output: String?

    @Option(name: .long, help: "intranet (everything) or public (no names, no internal texts).")
    var audience: String = "intranet"

    @Flag(name: .long, help: "Include pages marked `draft: true`.")
    var drafts = false

    @OptionGroup var date: DateOptions

    func validate() throws {
        guard Audience(rawValue: audience) != nil else {
            throw ValidationError(Message("--audience must be intranet or public, not '\(audience)'").text(in: .current))
        }
    }

    func run() throws {
        let started = Date()
        let options = BuildOptions(
            source: sourceOptions.sourceURL,
            output: output.map { URL(fileURLWithPath: $0).standardizedFileURL },
            audience: Audience(rawValue: audience) ?? .intranet,
            includeDrafts: drafts,
            asOf: date.day)
        let report = SiteBuilder.build(options)
        Report.print(report)
        if let problem = report.outputError {
            Report.stderr("error: \(problem.text(in: .current))")
            throw Valgrund.exitCode(forOutputFailureOf: report)
        }
        guard report.succeeded else { throw Valgrund.contentErrors }
        let seconds = Date().timeIntervalSince(started)
        Report.stdout(Report.summary(report, output: options.outputFolder, seconds: seconds))
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check all content and write nothing.")

    @OptionGroup var sourceOptions: SourceOptions
    @OptionGroup var date: DateOptions

    func run() throws {
        let report = SiteBuilder.check(BuildOptions(source: sourceOptions.sourceURL, asOf: date.day))
        Report.print(report)
        guard report.succeeded else { throw Valgrund.contentErrors }
        Report.stdout(Message("No errors: \(report.pageCount) pages checked").text(in: .current))
    }
}

struct DateOptions: ParsableArguments {
    @Option(name: .customLong("as-of"), help: "The date to build as of (YYYY-MM-DD), for reproducible builds (default: SOURCE_DATE_EPOCH or today).")
    var asOf: String?

    var day: Day? { asOf.flatMap { Day(iso: $0) } }

    func validate() throws {
        if let asOf, Day(iso: asOf) == nil { throw ValidationError(Message("--as-of must be a date written YYYY-MM-DD, not '\(asOf)'").text(in: .current)) }
    }
}

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create a file to fill in.", subcommands: [NewUnit.self])
}

struct NewUnit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unit", abstract: "Create content/units/ID.yaml with every key and a comment on each.")

    @Argument(help: "The unit's id: lowercase letters, digits and hyphens (it becomes the file name).")
    var id: String

    @Option(name: .long, help: "The unit's name (default: made from the id).")
    var name: String?

    @Option(name: .long, help: "The unit's department (förvaltning).")
    var department: String?

    @OptionGroup var sourceOptions: SourceOptions
    @OptionGroup var date: DateOptions

    func run() throws {
        do {
            let path = try UnitTemplate.create(
                id: id, name: name, department: department,
                options: BuildOptions(source: sourceOptions.sourceURL, asOf: date.day))
            Report.stdout(Message("Created \(path): fill it in, then run `valgrund check`").text(in: .current))
        } catch {
            // The content's diagnostics carry their own `path:line:column: error:`.
            if case .content = error { Report.stderr(error.description(in: .current)) } else { Report.stderr("error: \(error.description(in: .current))") }
            switch error {
            case .invalidID, .exists: throw Valgrund.wrongUsage
            case .content: throw Valgrund.contentErrors
            case .cannotWrite: throw Valgrund.cannotReadOrWrite
            }
        }
    }
}

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the JSON Schemas of site.yaml, key-figures.yaml and unit files, for editors.",
        discussion:
            "Writes site.schema.json, key-figures.schema.json and unit.schema.json into DIR. `valgrund new unit` points its files to SOURCE/schemas/unit.schema.json."
    )

    @Option(name: .long, help: ArgumentHelp("The folder to write the schemas into, e.g. SOURCE/schemas.", valueName: "DIR"))
    var output: String

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Also name this site's step, question and key-figure ids, perspectives and ranges (read from SOURCE's content).", valueName: "SOURCE"))
    var source: String?

    @OptionGroup var date: DateOptions

    var sourceURL: URL? { source.map { URL(fileURLWithPath: $0).standardizedFileURL } }

    func validate() throws {
        var isFolder: ObjCBool = false
        if let source, let url = sourceURL, !(FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) && isFolder.boolValue) {
            throw ValidationError("--source \(source): no such folder")
        }
    }

    func run() throws {
        do {
            let names = try SchemaFiles.write(
                to: URL(fileURLWithPath: output).standardizedFileURL, site: sourceURL.map { BuildOptions(source: $0, asOf: date.day) })
            print("Wrote \(names.joined(separator: ", ")) into \(output)")
        } catch {
            Report.stderr(error.description)
            switch error {
            case .content: throw Valgrund.contentErrors
            case .cannotWrite: throw Valgrund.cannotReadOrWrite
            }
        }
    }
}

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build, serve on 127.0.0.1, rebuild on every change and reload the open pages.")

    @OptionGroup var sourceOptions: SourceOptions

    @Option(name: .long, help: "The port (0 picks a free one).")
    var port: Int = 4000

    @Option(name: .long, help: "Where to write the preview (default: SOURCE/.valgrund-cache/preview, the preview's own folder, never the one `build` writes).")
    var output: String?

    @Flag(name: .long, help: "Include pages marked `draft: true`.")
    var drafts = false

    @OptionGroup var date: DateOptions

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError(Message("--port must be between 0 and 65535").text(in: .current)) }
    }

    func run() throws {
        // The preview builds into its own folder, so it never changes a site meant to be published.
        let folder = output.map { URL(fileURLWithPath: $0).standardizedFileURL } ?? BuildCache.previewFolder(source: sourceOptions.sourceURL)
        let options = BuildOptions(source: sourceOptions.sourceURL, output: folder, includeDrafts: drafts, asOf: date.day)
        let session = BuildSession(options: options)
        let first = session.build()
        Report.print(first)
        if let problem = first.outputError {
            Report.stderr("error: \(problem.text(in: .current))")
            throw Valgrund.exitCode(forOutputFailureOf: first)
        }
        let server = PreviewServer(root: options.outputFolder, configuration: PreviewServer.Configuration(port: port))
        let bound: Int
        do {
            bound = try server.start()
        } catch {
            Report.stderr("error: " + Message("cannot listen on 127.0.0.1:\(port): \(error)").text(in: .current))
            throw Valgrund.wrongUsage
        }
        server.published(succeeded: first.succeeded, diagnostics: first.diagnostics, outputError: nil)
        server.watch(source: options.source) { changes in
            let started = Date()
            let report: BuildReport
            let cause: Message
            switch changes {
            case .files(let paths):
                report = session.build(changed: paths)
                cause = paths.count == 1 ? Message("1 change") : Message("\(paths.count) changes")
            case .unknown:
                // The watcher lost events: no list of changed files can be trusted, every file is looked at.
                report = session.build()
                cause = Message("changes the watcher could not list")
            }
            Report.print(report)
            let milliseconds = Int(Date().timeIntervalSince(started) * 1000)
            if report.succeeded {
                let files = report.fileCount == 1 ? Message("1 file changed") : Message("\(report.fileCount) files changed")
                Report.stdout(
                    Message("Rebuilt after \(cause) in \(milliseconds) ms: \(report.renderedCount) of \(report.pageCount) pages rendered, \(files)")
                        .text(in: .current))
            }
            return RebuildResult(succeeded: report.succeeded, diagnostics: report.diagnostics, outputError: report.outputError)
        }
        Report.stdout(Message("Serving \(options.outputFolder.path) at http://127.0.0.1:\(bound)/ (Ctrl-C to stop)").text(in: .current))
        StopSignal.wait()
        server.stop()
        session.flush()
        Report.stdout(Message("Stopped").text(in: .current))
    }
}

/// Blocks until Ctrl-C (SIGINT) or SIGTERM.
enum StopSignal {
    static func wait() {
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        let semaphore = DispatchSemaphore(value: 0)
        let sources = [SIGINT, SIGTERM].map { number -> DispatchSourceSignal in
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { semaphore.signal() }
            source.resume()
            return source
        }
        semaphore.wait()
        sources.forEach { $0.cancel() }
    }
}

struct Kolada: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Key figures from Kolada: the addresses the content needs, and fetching them into content/kolada/.",
        subcommands: [KoladaURLs.self, KoladaFetchCommand.self])
}

struct KoladaOptions: ParsableArguments {
    @OptionGroup var sourceOptions: SourceOptions

    @Option(name: .long, help: "Kolada's API, or a server that answers as it does (a mirror, a test's).")
    var api: String = KoladaRequests.api

    /// The API's address without a trailing slash.
    var base: String { api.hasSuffix("/") ? String(api.dropLast()) : api }

    func validate() throws {
        guard let url = URL(string: api), ["http", "https"].contains(url.scheme ?? ""), url.host?.isEmpty == false,
            url.query == nil, url.fragment == nil
        else {
            throw ValidationError(
                Message("--api must be an http or https address without ?query or #fragment, such as \(KoladaRequests.api), not '\(api)'").text(in: .current))
        }
    }

    /// The addresses the content needs; the content's errors are printed as `check` prints them
    /// (its warnings are `check`'s to tell).
    func addresses() throws -> [KoladaRequests.Address] {
        let (site, diagnostics) = SiteBuilder.model(BuildOptions(source: sourceOptions.sourceURL))
        let errors = KoladaRequests.blockingErrors(in: diagnostics)
        guard let site, errors.isEmpty else {
            for error in errors { Report.stderr(error.description(in: .current)) }
            let summary = errors.count == 1 ? Message("1 error; nothing was asked of Kolada") : Message("\(errors.count) errors; nothing was asked of Kolada")
            Report.stderr(summary.text(in: .current))
            throw Valgrund.contentErrors
        }
        do {
            let addresses = try KoladaRequests.addresses(of: site, api: base)
            if addresses.isEmpty {
                Report.stderr(
                    Message(
                        "The content asks Kolada for nothing: no key figure has `kolada:` (with site.yaml's `kolada:`) or `kolada_unit:` (with units that have `kolada:`)"
                    ).text(in: .current))
            }
            return addresses
        } catch {
            Report.stderr("error: " + Message("\(error.message); use a shorter --api").text(in: .current))
            throw Valgrund.wrongUsage
        }
    }
}

struct KoladaURLs: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "urls", abstract: "Print the addresses of everything the content asks Kolada for, one per line.")

    @OptionGroup var options: KoladaOptions

    func run() throws {
        for address in try options.addresses() { Report.stdout(address.url) }
    }
}

struct KoladaFetchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Download everything the content asks Kolada for into content/kolada/, replacing its responses only when every page arrived.")

    @OptionGroup var options: KoladaOptions

    @Option(name: .long, help: "Seconds one request may take, its whole answer included.")
    var timeout: Double = KoladaClient.Settings().timeout

    @Option(name: .long, help: "How many times a request that failed (no answer, cut off, HTTP 5xx) is sent again, after 1, 2, 4 … s.")
    var retries: Int = KoladaClient.Settings().retries

    func validate() throws {
        guard timeout > 0, timeout <= 3600 else { throw ValidationError(Message("--timeout must be more than 0 and at most 3600 seconds").text(in: .current)) }
        guard (0...10).contains(retries) else { throw ValidationError(Message("--retries must be between 0 and 10").text(in: .current)) }
    }

    func run() async throws {
        let addresses = try options.addresses()
        guard !addresses.isEmpty else { return }
        let folder = options.sourceOptions.sourceURL.appendingPathComponent("content/kolada")
        let client = KoladaClient(settings: KoladaClient.Settings(timeout: timeout, retries: retries))
        do {
            let outcome = try await KoladaFetch.fetch(addresses, into: folder, client: client) { Report.stdout($0.text(in: .current)) }
            let fetched: Message =
                "Fetched into content/kolada/: \(outcome.files.count) response pages, \(outcome.values) values, \(addresses.count) addresses asked"
            let kept = outcome.kept.isEmpty ? fetched : Message("\(fetched); kept \(outcome.kept.joined(separator: ", "))")
            Report.stdout(kept.text(in: .current))
        } catch {
            Report.stderr("error: " + Message("\(error.message); content/kolada/ was left as it was").text(in: .current))
            switch error {
            case .request: throw Valgrund.contentErrors
            case .cannotWrite: throw Valgrund.cannotReadOrWrite
            }
        }
    }
}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Export part of the site as a file.", subcommands: [ExportAnnualReport.self])
}

struct ExportAnnualReport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annual-report", abstract: "Export a year's annual report, or one section of it, as Word, HTML, Markdown or CSV.")

    @Option(name: .long, help: "The report's year.")
    var year: Int

    @Option(name: .long, help: "docx, html, md or csv.")
    var format: String

    @Option(name: .long, help: "Only this section (its id, e.g. nyckeltal).")
    var section: String?

    @Option(name: .long, help: "The file to write.")
    var output: String

    @Option(name: .long, help: "public (default: no names, no internal texts) or intranet.")
    var audience: String = "public"

    @OptionGroup var sourceOptions: SourceOptions
    @OptionGroup var date: DateOptions

    func validate() throws {
        guard ExportFormat(rawValue: format) != nil else {
            throw ValidationError(
                Message("--format must be one of \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", ")), not '\(format)'").text(in: .current))
        }
        guard Audience(rawValue: audience) != nil else {
            throw ValidationError(Message("--audience must be intranet or public, not '\(audience)'").text(in: .current))
        }
    }

    func run() throws {
        let options = BuildOptions(source: sourceOptions.sourceURL, audience: Audience(rawValue: audience) ?? .public, asOf: date.day)
        // A trailing slash says "a folder" even when there is none of that name yet.
        let target = URL(fileURLWithPath: output, isDirectory: output.hasSuffix("/")).standardizedFileURL
        do {
            let diagnostics = try ReportExport.export(options, year: year, format: ExportFormat(rawValue: format)!, section: section, to: target)
            for diagnostic in diagnostics { Report.stderr(diagnostic.description(in: .current)) }
            Report.stdout(Message("Wrote \(target.path)").text(in: .current))
        } catch {
            // The content's diagnostics carry their own `path:line:column: error:`.
            if case .content = error { Report.stderr(error.description(in: .current)) } else { Report.stderr("error: \(error.description(in: .current))") }
            switch error {
            case .content, .noReport: throw Valgrund.contentErrors
            case .unknownSection, .nothingToExport, .refused: throw Valgrund.wrongUsage
            case .cannotWrite: throw Valgrund.cannotReadOrWrite
            }
        }
    }
}

enum Report {
    static func print(_ report: BuildReport) {
        for diagnostic in report.diagnostics { stderr(diagnostic.description(in: .current)) }
        let errors = report.diagnostics.filter { $0.severity == .error }.count
        if errors > 0 { stderr((errors == 1 ? Message("1 error; nothing was written") : Message("\(errors) errors; nothing was written")).text(in: .current)) }
    }

    /// "Built 145 pages into output in 0.70 s (12 rendered, 3 files changed)".
    static func summary(_ report: BuildReport, output: URL, seconds: Double) -> String {
        let time = String(format: "%.2f", seconds)
        if report.renderedCount == 0 && report.fileCount == 0 {
            return Message("\(output.path) is up to date (\(report.pageCount) pages; nothing changed) in \(time) s").text(in: .current)
        }
        let files = report.fileCount == 1 ? Message("1 file changed") : Message("\(report.fileCount) files changed")
        return Message("Built \(report.pageCount) pages into \(output.path) in \(time) s (\(report.renderedCount) rendered, \(files))").text(in: .current)
    }

    /// Written at once (print() is buffered when standard output is a file or a pipe).
    static func stdout(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    static func stderr(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
