import Diagnostics
import Foundation
import Model
import Site
import Synchronization

/// One fuzz input, checked as part of a small site: the first byte chooses which file of the site
/// the rest of the bytes become (`selectors`), the whole site is checked (load, validate, plan,
/// render), and the result must be diagnostics, each with a file and a position. Used by the
/// libFuzzer target (scripts/fuzz.sh) and by the test suite, which replays the kept corpus and
/// every input that ever broke something.
public final class FuzzHarness: Sendable {
    /// What an input becomes, by its first byte (modulo the count). Inputs kept from before the
    /// later kinds were added keep their meaning: their first byte is below 6.
    public enum Kind: Sendable, Equatable {
        /// The rest of the input is this file of the site.
        case file(String)
        /// Bytes 1 and 2 choose a number of the rest (a YAML file) and an edge value put in its place.
        case edgeNumber(String)
        /// A template of the site's theme (`themes/default/templates/`, overriding the built-in one),
        /// byte 1 choosing which; after a NUL byte, a second one the same way (partials that include each other).
        case templates
        /// The theme's Swedish strings (`themes/default/i18n/sv.yaml`), on top of the built-in ones.
        case strings
    }

    public static let selectors: [Kind] = [
        .file("content/fuzz.md"),  // a handbook page: front matter and Markdown
        .file("content/units/fuzz.yaml"),  // a unit's data file
        .file("content/key-figures.yaml"),  // the catalogue
        .file("content/site.yaml"),  // the site's settings
        .file("content/examples/fuzz.md"),  // a good example
        .file("content/annual-report/2026.md"),  // the annual report's text
        .edgeNumber("content/units/fuzz.yaml"),
        .edgeNumber("content/key-figures.yaml"),
        .edgeNumber("content/site.yaml"),
        .templates,
        .strings,
    ]

    /// The numbers at the edges of what machines and parsers hold, put in place of a number of a YAML file.
    public static let edgeNumbers: [String] = [
        "9223372036854775807", "-9223372036854775808", "9223372036854775808", "-9223372036854775809",
        "18446744073709551616", "2147483648", "-2147483649", "4294967296", "9007199254740993",
        "1e308", "-1e308", "1e309", "1.7976931348623157e308", "4.9e-324", "1E400", "1e15", "1e16", "1e-7",
        String(repeating: "9", count: 400), "0." + String(repeating: "0", count: 400) + "1", "99999999999999999999.5",
        "-0", "-0.0", "0", "-1", "0.1", "+5", ".nan", ".NaN", ".inf", "-.inf", "+.inf",
        "0x7fffffffffffffff", "0xFFFFFFFFFFFFFFFF", "0o777", "0b101", "1_000", "1_000_000_000_000", "1e3",
        "1000000000000", "1000000000001", "-1000000000000", "-1000000000001", "1000000", "1000001", "-1000001",
        "1000", "1001", "-1000", "-1001", "100", "101", "100000", "100001", "1899", "1900", "2200", "2201",
    ]

    /// The templates a `.templates` input can be: the built-in theme's and two it does not have.
    public static let templateNames = [
        "page", "layout", "section", "start", "404", "unit", "key-figure", "units",
        "partials/legend", "partials/pager", "partials/breadcrumbs", "partials/site-footer", "partials/children",
        "partials/cycle", "partials/example-list", "partials/site-header", "partials/fuzz-a", "partials/fuzz-b",
    ]

    public struct Violation: Error, CustomStringConvertible {
        public var description: String
    }

    private let source: URL
    private let session: BuildSession
    /// One check at a time: every check writes its input into the same site.
    private let checking = Mutex(())

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
                kill(pid, 0) != 0, errno == ESRCH
            else { continue }
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
        try checking.withLock { _ in try check(input) }
    }

    private func check(_ input: [UInt8]) throws -> [Diagnostic] {
        guard let selector = input.first else { return [] }
        let kind = Self.selectors[Int(selector) % Self.selectors.count]
        let files = Self.files(kind, input.dropFirst())
        var originals: [URL: Data?] = [:]
        for (path, data) in files {
            let url = source.appendingPathComponent(path)
            if originals[url] == nil { originals[url] = .some(FuzzBaseSite.files[path].map { Data(($0 + "\n").utf8) }) }
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(data).write(to: url)
        }
        defer {
            for (url, original) in originals {
                if let original { try? original.write(to: url) } else { try? FileManager.default.removeItem(at: url) }
            }
        }
        // The session keeps its theme between checks; a theme input needs one that loads it afresh.
        let themed = kind == .templates || kind == .strings
        let report = themed ? BuildSession(options: session.options).check() : session.check()
        for diagnostic in report.diagnostics {
            let location = diagnostic.location
            guard !location.path.isEmpty, location.line >= 1, location.column >= 1 else {
                throw Violation(description: "a diagnostic without a position: \(diagnostic)")
            }
            guard !diagnostic.message.description.isEmpty else { throw Violation(description: "a diagnostic without a message at \(location)") }
        }
        return report.diagnostics
    }

    /// The files of the site an input (without its first byte) stands for, by their path in the site.
    static func files(_ kind: Kind, _ bytes: ArraySlice<UInt8>) -> [(String, ArraySlice<UInt8>)] {
        switch kind {
        case .file(let path):
            return [(path, bytes)]
        case .edgeNumber(let path):
            let position = Int(bytes.first ?? 0), edge = Int(bytes.dropFirst().first ?? 0)
            return [(path, ArraySlice(spliceEdgeNumber(into: bytes.dropFirst(2), position: position, edge: edge)))]
        case .templates:
            var result: [(String, ArraySlice<UInt8>)] = []
            var rest = bytes
            while let choice = rest.first, result.count < 2 {
                let text = rest.dropFirst().prefix { $0 != 0 }
                result.append(("themes/default/templates/\(templateNames[Int(choice) % templateNames.count]).mustache", text))
                rest = rest.dropFirst(1 + text.count + 1)
            }
            return result
        case .strings:
            return [("themes/default/i18n/sv.yaml", bytes)]
        }
    }

    /// `text` with its `position`-th number (modulo how many it has) replaced by an edge number.
    static func spliceEdgeNumber(into text: ArraySlice<UInt8>, position: Int, edge: Int) -> [UInt8] {
        var numbers: [Range<Int>] = []
        var index = text.startIndex
        func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
        func isWordByte(_ byte: UInt8) -> Bool { isDigit(byte) || byte == 46 || byte == 95 || (byte | 0x20 >= 97 && byte | 0x20 <= 122) || byte >= 0x80 }
        while index < text.endIndex {
            guard isWordByte(text[index]) else { index += 1; continue }
            let start = index
            while index < text.endIndex, isWordByte(text[index]) { index += 1 }
            let begin = start > text.startIndex && text[start - 1] == 45 ? start - 1 : start
            if text[start..<index].allSatisfy({ isDigit($0) || $0 == 46 }), text[start..<index].contains(where: isDigit) {
                numbers.append(begin..<index)
            }
        }
        var result = Array(text)
        guard !numbers.isEmpty else { return result }
        let chosen = numbers[position % numbers.count]
        result.replaceSubrange(
            (chosen.lowerBound - text.startIndex)..<(chosen.upperBound - text.startIndex),
            with: Array(edgeNumbers[edge % edgeNumbers.count].utf8))
        return result
    }

    /// Fuzz inputs made from the files of a site and of its default theme: each file with the first
    /// byte that selects its kind; the YAML data files also with a few edge numbers spliced in.
    public static func seeds(fromSource folder: URL) -> [[UInt8]] {
        var seeds: [[UInt8]] = []
        let content = folder.appendingPathComponent("content")
        let files = (FileManager.default.enumerator(atPath: content.path)?.allObjects as? [String]) ?? []
        for relative in files.sorted() {
            guard let target = target(standingFor: relative), let selector = selectors.firstIndex(of: .file(target)),
                let data = FileManager.default.contents(atPath: content.appendingPathComponent(relative).path)
            else { continue }
            seeds.append([UInt8(selector)] + [UInt8](data))
            if let numbers = selectors.firstIndex(of: .edgeNumber(target)) {
                for round in 0..<4 {
                    seeds.append(
                        [
                            UInt8(numbers), UInt8(truncatingIfNeeded: (seeds.count + round) * 7),
                            UInt8((seeds.count * 5 + round * 13) % edgeNumbers.count),
                        ] + [UInt8](data))
                }
            }
        }
        let theme = folder.appendingPathComponent("themes/default")
        let templates = selectors.firstIndex(of: .templates)!, strings = selectors.firstIndex(of: .strings)!
        for (index, name) in templateNames.enumerated() {
            guard let data = FileManager.default.contents(atPath: theme.appendingPathComponent("templates/\(name).mustache").path) else { continue }
            seeds.append([UInt8(templates), UInt8(index)] + [UInt8](data))
        }
        if let data = FileManager.default.contents(atPath: theme.appendingPathComponent("i18n/sv.yaml").path) {
            seeds.append([UInt8(strings)] + [UInt8](data))
        }
        return seeds
    }

    /// Which of the `.file` selectors a file of content/ is the same kind of file as.
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
