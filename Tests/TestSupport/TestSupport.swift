import Diagnostics
import Foundation
import Model
@testable import Site
import Testing
import Write

/// Builds sites into temporary folders for tests and reads what came out. Shared by every test
/// target; the fixtures are read from Tests/Fixtures in the checkout.
public enum TestSupport {
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The folder of the built products (`valgrund`, `valgrund-fuzz`): the one holding the test runner.
    public static let productsFolder: URL = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()

    public static func fixture(_ name: String) -> URL {
        repositoryRoot.appendingPathComponent("Tests/Fixtures/\(name)")
    }

    /// A bad-data case (Tests/Fixtures/bad-data) laid out as a site: the base with the case's files
    /// over it, and the lines `check` must print for it in English (expected.txt) and in Swedish (expected.sv.txt).
    public static func badDataCase(_ name: String) -> (source: URL, expected: [String], expectedSwedish: [String]) {
        let root = fixture("bad-data")
        let source = temporaryFolder("bad-\(name)")
        let fm = FileManager.default
        try! fm.removeItem(at: source)
        try! fm.copyItem(at: root.appendingPathComponent("base"), to: source)
        let caseFolder = root.appendingPathComponent("cases/\(name)")
        var expected: [String] = [], expectedSwedish: [String] = []
        for case let relative as String in fm.enumerator(atPath: caseFolder.path)! {
            let from = caseFolder.appendingPathComponent(relative)
            var isFolder: ObjCBool = false
            _ = fm.fileExists(atPath: from.path, isDirectory: &isFolder)
            if isFolder.boolValue { continue }
            if relative == "expected.txt" || relative == "expected.sv.txt" {
                let lines = (try! String(contentsOf: from, encoding: .utf8)).split(separator: "\n").map(String.init)
                if relative == "expected.txt" { expected = lines } else { expectedSwedish = lines }
                continue
            }
            let to = source.appendingPathComponent(relative)
            try? fm.createDirectory(at: to.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? fm.removeItem(at: to)
            try! fm.copyItem(at: from, to: to)
        }
        return (source, expected, expectedSwedish)
    }

    public static func temporaryFolder(_ label: String = "test") -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("valgrund-\(label)-\(UUID().uuidString.prefix(8))")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A SOURCE folder holding exactly these files (paths relative to SOURCE).
    public static func source(_ files: [String: String]) -> URL {
        let root = temporaryFolder("source")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try! FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try! Data(text.utf8).write(to: url)
        }
        return root
    }

    public static let siteYAML = """
        title: Testsajt
        organisation: Testby kommun
        language: sv
        perspectives: [Medborgare, Medarbetare]

        """

    /// The smallest valid site plus `files`.
    public static func minimalSource(_ files: [String: String] = [:]) -> URL {
        var all = ["content/site.yaml": siteYAML, "content/index.md": "---\ntitle: Start\n---\n\nHej.\n"]
        all.merge(files) { $1 }
        return source(all)
    }

    /// The sample data is written as of this date; tests fix it so they do not age.
    public static let sampleDate = Day(year: 2026, month: 11, day: 25)!

    public static func build(_ source: URL, output: URL? = nil, audience: Audience = .intranet, drafts: Bool = false) -> (BuildReport, URL) {
        let out = output ?? temporaryFolder("out").appendingPathComponent("site")
        let report = SiteBuilder.build(BuildOptions(source: source, output: out, audience: audience, includeDrafts: drafts, asOf: sampleDate))
        return (report, out)
    }

    public static func check(_ source: URL) -> BuildReport {
        SiteBuilder.check(BuildOptions(source: source, asOf: sampleDate))
    }

    public static func read(_ folder: URL, _ path: String) -> String {
        (try? String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)) ?? ""
    }

    /// A built page as readers copy its text: without the soft hyphens the build puts into long
    /// words (docs/themes.md, "Hyphenation"), for tests about what the page says.
    public static func readText(_ folder: URL, _ path: String) -> String {
        read(folder, path).replacingOccurrences(of: "\u{AD}", with: "")
    }

    /// Every file of a built site, by path.
    public static func files(in folder: URL) -> [String: Data] {
        var result: [String: Data] = [:]
        let base = folder.resolvingSymlinksInPath().path
        guard let walker = FileManager.default.enumerator(atPath: base) else { return [:] }
        for case let relative as String in walker {
            var isFolder: ObjCBool = false
            let full = base + "/" + relative
            if FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue {
                result[relative] = FileManager.default.contents(atPath: full)
            }
        }
        return result
    }

    public static func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    /// The `href`, `src` and `action` values of an HTML text.
    public static func links(in html: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: #"(?:href|src|action)="([^"]*)""#)
        let range = NSRange(html.startIndex..., in: html)
        return pattern.matches(in: html, range: range).compactMap { match in
            Range(match.range(at: 1), in: html).map { String(html[$0]) }
        }
    }

    public static func errors(_ report: BuildReport) -> [String] {
        report.diagnostics.filter { $0.severity == .error }.map(\.description)
    }

    /// The repository's sample site, built once for every test that reads it.
    public static let builtSample: (report: BuildReport, output: URL) = build(repositoryRoot)

    /// A copy of the repository's sample content to change or break.
    public static func sampleCopy() throws -> URL {
        let source = temporaryFolder("sample")
        try FileManager.default.copyItem(
            at: repositoryRoot.appendingPathComponent("content"),
            to: source.appendingPathComponent("content"))
        return source
    }

    /// The site's files: all but the marker, which says which build made the site (and so differs
    /// from build to build). What a rebuild remembers is kept outside the output.
    public static func siteFiles(_ output: URL) -> [String: Data] {
        files(in: output).filter { $0.key != OutputWriter.markerName }
    }

    /// Builds `source` into a fresh folder and expects the incremental output to be the same.
    public static func expectSameAsFromScratch(_ source: URL, _ incremental: URL, _ label: String) {
        let (report, scratch) = build(source)
        #expect(report.succeeded, "\(label): \(errors(report))")
        let expected = siteFiles(scratch), actual = siteFiles(incremental)
        #expect(Set(expected.keys) == Set(actual.keys), "\(label): \(Set(expected.keys).symmetricDifference(actual.keys).sorted().prefix(5))")
        let differing = expected.keys.filter { expected[$0] != actual[$0] }.sorted()
        #expect(differing.isEmpty, "\(label): these files differ from a build from scratch: \(differing.prefix(5))")
    }

    public static func edit(_ source: URL, _ path: String, _ change: (String) -> String) throws {
        let url = source.appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        let changed = change(text)
        #expect(changed != text, "the edit of \(path) changed nothing")
        try Data(changed.utf8).write(to: url)
    }
}

/// The `valgrund` executable as people run it, for tests of exit codes, error output and files.
public enum Command {
    public static var binary: URL {
        TestSupport.productsFolder.appendingPathComponent("valgrund")
    }

    public struct Run: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// The variables that choose the language of messages, by POSIX precedence.
    public static let languageVariables = ["LC_ALL", "LC_MESSAGES", "LANG"]

    /// - Parameter language: the language variables the command sees (the test's own are not
    ///   passed on); English unless a test asks for another.
    public static func valgrund(_ arguments: [String], in folder: URL? = nil, language: [String: String] = ["LANG": "C.UTF-8"]) throws -> Run {
        try run(binary, arguments, in: folder, language: language)
    }

    /// A command line through /bin/sh, for limits (`ulimit`) and signals.
    public static func shell(_ command: String) throws -> Run {
        try run(URL(fileURLWithPath: "/bin/sh"), ["-c", command])
    }

    public static func run(_ executable: URL, _ arguments: [String], in folder: URL? = nil, language: [String: String] = ["LANG": "C.UTF-8"]) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment(language: language)
        if let folder { process.currentDirectoryURL = folder }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// This process's environment with `language` in place of its own language variables.
    static func environment(language: [String: String]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        for name in languageVariables { environment[name] = nil }
        return environment.merging(language) { _, new in new }
    }

    /// The running `valgrund serve` process.
    public final class Serving {
        public let process = Process()
        public let port: Int
        /// What it printed up to the line that says where it serves from.
        public let announced: String

        /// - Parameter output: its `--output`, or nil for its own default.
        public init(source: URL, output: URL?) throws {
            process.executableURL = Command.binary
            process.environment = Command.environment(language: ["LANG": "C.UTF-8"])
            process.arguments =
                ["serve", "--source", source.path, "--port", "0", "--as-of", "2026-11-25"]
                + (output.map { ["--output", $0.path] } ?? [])
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            try process.run()
            var text = ""
            let deadline = Date().addingTimeInterval(60)
            while !text.contains("Serving "), Date() < deadline {
                let data = out.fileHandleForReading.availableData
                if data.isEmpty { break }
                text += String(decoding: data, as: UTF8.self)
            }
            guard let range = text.range(of: #"127\.0\.0\.1:(\d+)/"#, options: .regularExpression) else {
                process.terminate()
                throw RawHTTP.Failure.connect
            }
            port = Int(text[range].dropFirst("127.0.0.1:".count).dropLast())!
            announced = text
            // Keep reading what it prints so that it never blocks on a full pipe.
            out.fileHandleForReading.readabilityHandler = { handle in _ = handle.availableData }
        }

        /// Resident memory in kilobytes.
        public var residentKB: Int {
            let status = (try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8)) ?? ""
            let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
            return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
        }

        public func stop() {
            process.terminate()
            process.waitUntilExit()
        }
    }
}

/// A small random generator with a seed, so that a failing run can be repeated.
public struct SeededGenerator: RandomNumberGenerator {
    public var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        // SplitMix64.
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
