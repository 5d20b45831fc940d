import Diagnostics
import Foundation
import Model
import Site

/// One fuzz input, checked as part of a small site: the first byte chooses which file of the site
/// the rest of the bytes become, the whole site is checked (load, validate, plan, render), and
/// the result must be diagnostics, each with a file and a position. Used by the libFuzzer target
/// (scripts/fuzz.sh) and by the test suite, which replays the kept corpus and every input that
/// ever broke something.
public final class FuzzHarness: @unchecked Sendable {
    /// The file each first byte (modulo the count) stands for, and whether it replaces a file of the base site.
    public static let targets = [
        "content/fuzz.md",                  // a handbook page: front matter and Markdown
        "content/units/fuzz.yaml",          // a unit's data file
        "content/key-figures.yaml",         // the catalogue
        "content/site.yaml",                // the site's settings
        "content/examples/fuzz.md",         // a good example
        "content/annual-report/2026.md",    // the annual report's text
    ]

    public struct Violation: Error, CustomStringConvertible {
        public var description: String
    }

    private let source: URL
    private let session: BuildSession
    private let lock = NSLock()

    public init() {
        let root = FileManager.default.fileExists(atPath: "/dev/shm") ? URL(fileURLWithPath: "/dev/shm") : FileManager.default.temporaryDirectory
        Self.removeLeftovers(in: root)
        source = root.appendingPathComponent("valgrund-fuzz-\(getpid())-\(UUID().uuidString.prefix(6))")
        session = BuildSession(options: BuildOptions(source: source, asOf: Day(year: 2026, month: 11, day: 25)))
        Self.writeBase(to: source)
    }

    deinit {
        try? FileManager.default.removeItem(at: source)
    }

    /// A harness kept for the life of a process (the test suite's is static) is never
    /// deinitialised, so its site is removed by the next harness, once its process has ended.
    static func removeLeftovers(in root: URL) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? [] where name.hasPrefix("valgrund-fuzz-") {
            guard let pid = Int32(name.dropFirst("valgrund-fuzz-".count).prefix { $0 != "-" }),
                  kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(at: root.appendingPathComponent(name))
        }
    }

    static func writeBase(to source: URL) {
        try? FileManager.default.removeItem(at: source)
        for (path, text) in FuzzBaseSite.files {
            let url = source.appendingPathComponent(path)
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? Data((text + "\n").utf8).write(to: url)
        }
    }

    /// Checks the site with `input` in it and returns its diagnostics; throws when a guarantee is broken.
    @discardableResult
    public func run(_ input: [UInt8]) throws -> [Diagnostic] {
        lock.lock()
        defer { lock.unlock() }
        guard let selector = input.first else { return [] }
        let target = Self.targets[Int(selector) % Self.targets.count]
        let url = source.appendingPathComponent(target)
        let original = FuzzBaseSite.files[target].map { Data(($0 + "\n").utf8) }
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(input.dropFirst()).write(to: url)
        defer {
            if let original { try? original.write(to: url) } else { try? FileManager.default.removeItem(at: url) }
        }
        let report = session.check()
        for diagnostic in report.diagnostics {
            let location = diagnostic.location
            guard !location.path.isEmpty, location.line >= 1, location.column >= 1 else {
                throw Violation(description: "a diagnostic without a position: \(diagnostic)")
            }
            guard !diagnostic.message.isEmpty else { throw Violation(description: "a diagnostic without a message at \(location)") }
        }
        return report.diagnostics
    }

    /// Fuzz inputs made from the files of a site: each file with the first byte that selects its kind.
    public static func seeds(fromSource folder: URL) -> [[UInt8]] {
        var seeds: [[UInt8]] = []
        let content = folder.appendingPathComponent("content")
        let files = (FileManager.default.enumerator(atPath: content.path)?.allObjects as? [String]) ?? []
        for relative in files.sorted() {
            guard let target = target(standingFor: relative), let selector = targets.firstIndex(of: target),
                  let data = FileManager.default.contents(atPath: content.appendingPathComponent(relative).path) else { continue }
            seeds.append([UInt8(selector)] + [UInt8](data))
        }
        return seeds
    }

    /// Which of `targets` a file of content/ is the same kind of file as.
    static func target(standingFor relative: String) -> String? {
        if relative == "site.yaml" { return "content/site.yaml" }
        if relative == "key-figures.yaml" { return "content/key-figures.yaml" }
        if relative.hasPrefix("units/") && relative.hasSuffix(".yaml") { return "content/units/fuzz.yaml" }
        if relative.hasPrefix("examples/") && relative.hasSuffix(".md") { return "content/examples/fuzz.md" }
        if relative.hasPrefix("annual-report/") && relative.hasSuffix(".md") { return "content/annual-report/2026.md" }
        return relative.hasSuffix(".md") ? "content/fuzz.md" : nil
    }

    /// Writes the seeds of the site in `source` as files of `folder`, for libFuzzer's corpus.
    public static func writeSeeds(fromSource source: URL, to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (index, seed) in seeds(fromSource: source).enumerated() {
            try Data(seed).write(to: folder.appendingPathComponent("seed-\(index)"))
        }
    }
}
