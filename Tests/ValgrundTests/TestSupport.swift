import Diagnostics
import Foundation
import Model
@testable import Site

/// Builds sites into temporary folders for tests and reads what came out.
enum TestSupport {
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func fixture(_ name: String) -> URL {
        Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil)!
    }

    static func temporaryFolder(_ label: String = "test") -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("valgrund-\(label)-\(UUID().uuidString.prefix(8))")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A SOURCE folder holding exactly these files (paths relative to SOURCE).
    static func source(_ files: [String: String]) -> URL {
        let root = temporaryFolder("source")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try! FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try! Data(text.utf8).write(to: url)
        }
        return root
    }

    static let siteYAML = """
        title: Testsajt
        organisation: Testby kommun
        language: sv
        perspectives: [Medborgare, Medarbetare]

        """

    /// The smallest valid site plus `files`.
    static func minimalSource(_ files: [String: String] = [:]) -> URL {
        var all = ["content/site.yaml": siteYAML, "content/index.md": "---\ntitle: Start\n---\n\nHej.\n"]
        all.merge(files) { $1 }
        return source(all)
    }

    /// The sample data is written as of this date; tests fix it so they do not age.
    static let sampleDate = Day(year: 2026, month: 11, day: 25)!

    static func build(_ source: URL, output: URL? = nil, audience: Audience = .intranet, drafts: Bool = false) -> (BuildReport, URL) {
        let out = output ?? temporaryFolder("out").appendingPathComponent("site")
        let report = SiteBuilder.build(BuildOptions(source: source, output: out, audience: audience, includeDrafts: drafts, asOf: sampleDate))
        return (report, out)
    }

    static func check(_ source: URL) -> BuildReport {
        SiteBuilder.check(BuildOptions(source: source, asOf: sampleDate))
    }

    static func read(_ folder: URL, _ path: String) -> String {
        (try? String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)) ?? ""
    }

    /// Every file of a built site, by path.
    static func files(in folder: URL) -> [String: Data] {
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

    static func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    /// The `href`, `src` and `action` values of an HTML text.
    static func links(in html: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: #"(?:href|src|action)="([^"]*)""#)
        let range = NSRange(html.startIndex..., in: html)
        return pattern.matches(in: html, range: range).compactMap { match in
            Range(match.range(at: 1), in: html).map { String(html[$0]) }
        }
    }

    static func errors(_ report: BuildReport) -> [String] {
        report.diagnostics.filter { $0.severity == .error }.map(\.description)
    }
}
