import Foundation
import Testing
@testable import Site
@testable import Write
import Model
import ValgrundTestSupport

/// Names from the content never make Valgrund write outside the output folder, and the output
/// folder is never something Valgrund did not make.
@Suite struct PathSafetyTests {
    /// Names a person (or an attacker) could give files, slugs and tags.
    static let hostileNames = [
        "..", "../../../../tmp/valgrund-escape", "/tmp/valgrund-escape", "..\\..\\valgrund-escape", "C:\\Windows\\x",
        "con", "CON", "nul", "aux", "prn", "com1", "lpt9", "con.txt", "a/b", "a\0b", "\u{202E}lmth.exe", "e\u{301}nhet",
        "%2e%2e", "%2e%2e%2fx", "..%2f..%2fx", "~", "$HOME", "-rf", " ", "\u{FEFF}", "🙂", String(repeating: "å", count: 300),
    ]

    /// Builds a site full of hostile names next to a sentinel folder and returns the report and every path
    /// written anywhere under the test's own temporary folder.
    func buildHostileSite() throws -> (BuildReport, URL, [String]) {
        var files = [
            "content/key-figures.yaml": """
            - id: heltid
              name: Heltid
              perspective: Medarbetare
              measure: percent
              better: higher
              groups: [women, men]

            """
        ]
        let quotedTags = Self.hostileNames.map { "\"" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\0", with: "\\0") + "\"" }
        for (index, name) in Self.hostileNames.enumerated() {
            let yamlName = quotedTags[index]
            files["content/examples/exempel-\(index).md"] =
                "---\ntitle: Exempel \(index)\ndate: 2026-01-0\(index % 9 + 1)\nslug: \(yamlName)\ntags: [\(yamlName)]\n---\n\nText.\n"
            files["content/sida-\(index).md"] = "---\ntitle: Sida \(index)\nslug: \(yamlName)\n---\n\nText.\n"
            // File names cannot hold '/' or NUL; everything else is a possible file name.
            if !name.contains("/") && !name.contains("\0") && name != ".." && name.utf8.count < 200 {
                files["content/units/\(name).yaml"] = "name: Enhet\ndepartment: Förvaltning\n"
                files["content/\(name).md"] = "---\ntitle: Fil \(index)\n---\n"
            }
        }
        let source = TestSupport.minimalSource(files)
        let parent = TestSupport.temporaryFolder("paths")
        let output = parent.appendingPathComponent("site")
        let (report, _) = TestSupport.build(source, output: output)
        let written = (FileManager.default.enumerator(atPath: parent.path)?.allObjects as? [String]) ?? []
        return (report, output, written)
    }

    @Test func hostileNamesNeverWriteOutsideTheOutputFolder() throws {
        let (report, output, written) = try buildHostileSite()
        #expect(!FileManager.default.fileExists(atPath: "/tmp/valgrund-escape"))
        let outside = written.filter { !($0 == "site" || $0.hasPrefix("site/") || $0.hasPrefix(".site") || $0.hasPrefix(".output")) }
        #expect(outside.isEmpty, "written outside the output folder: \(outside.prefix(5))")
        // Every mistake is reported where it was made, in one run.
        for diagnostic in report.diagnostics {
            #expect(diagnostic.location.path.hasPrefix("content/"), "\(diagnostic)")
            #expect(diagnostic.location.line >= 1, "\(diagnostic)")
        }
        if report.succeeded {
            let names = TestSupport.files(in: output).keys.flatMap { $0.split(separator: "/") }
            for name in names {
                let base = name.prefix { $0 != "." }.uppercased()
                #expect(!PortableName.windowsReserved.contains(base), "a file Windows cannot hold: \(name)")
                #expect(!name.contains("\\") && !name.unicodeScalars.contains { $0.value < 0x20 }, "an odd file name: \(name)")
            }
        }
    }

    @Test func hostileSlugsAreRefusedWithTheirPosition() throws {
        let (report, _, _) = try buildHostileSite()
        let errors = TestSupport.errors(report)
        // Each example's and page's hostile slug is refused at its own line.
        for (index, name) in Self.hostileNames.enumerated() where name.contains("/") || name.hasPrefix(".") {
            #expect(errors.contains { $0.hasPrefix("content/examples/exempel-\(index).md:4:") && $0.contains("slug") }, "exempel-\(index): \(name)")
            #expect(errors.contains { $0.hasPrefix("content/sida-\(index).md:3:") && $0.contains("slug") }, "sida-\(index): \(name)")
        }
        #expect(errors.contains { $0.hasPrefix("content/units/con.yaml:1:1: error:") }, "a unit named like a Windows device")
    }

    @Test func windowsDeviceNamesAreRecognised() {
        for name in ["con", "CON", "Nul", "aux", "prn", "com1", "COM9", "lpt1", "con.html", "aux.tar.gz"] {
            #expect(PortableName.isWindowsReserved(name), "\(name)")
        }
        for name in ["contact", "console", "com", "com10", "lpt", "nulla", "a-con"] {
            #expect(!PortableName.isWindowsReserved(name), "\(name)")
        }
    }

    @Test func generatedAddressesStepAroundWindowsDeviceNames() {
        let source = TestSupport.minimalSource([
            "content/examples/ett.md": "---\ntitle: Ett\ndate: 2026-01-01\ntags: [CON, aux, Com1]\n---\n",
            "content/units/enhet.yaml": "name: Enhet\ndepartment: NUL\n",
            "content/prn/index.md": "---\ntitle: Mapp\n---\n",
        ])
        let (report, output) = TestSupport.build(source)
        #expect(report.succeeded, "\(TestSupport.errors(report))")
        let names = TestSupport.files(in: output).keys.flatMap { $0.split(separator: "/") }
        #expect(names.count > 10)
        #expect(names.filter { PortableName.isWindowsReserved($0) }.isEmpty)
    }

    @Test func linksInContentThatLeadOutOfSourceAreRefused() throws {
        let secret = TestSupport.temporaryFolder("secret")
        try Data("name: Hemlig\ndepartment: X\n".utf8).write(to: secret.appendingPathComponent("unit.yaml"))
        let source = TestSupport.minimalSource()
        let content = source.appendingPathComponent("content")
        try FileManager.default.createDirectory(at: content.appendingPathComponent("units"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: content.appendingPathComponent("units/hemlig.yaml").path,
            withDestinationPath: secret.appendingPathComponent("unit.yaml").path)
        try FileManager.default.createSymbolicLink(atPath: content.appendingPathComponent("lösenord.md").path, withDestinationPath: "/etc/passwd")
        try FileManager.default.createSymbolicLink(atPath: content.appendingPathComponent("utanfor").path, withDestinationPath: "../..")
        let errors = TestSupport.errors(TestSupport.check(source))
        #expect(errors.contains { $0.hasPrefix("content/units/hemlig.yaml:1:1: error:") && $0.contains("outside SOURCE") }, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("content/lösenord.md:1:1: error:") && $0.contains("outside SOURCE") }, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("content/utanfor:1:1: error:") && $0.contains("outside SOURCE") }, "\(errors)")
    }

    @Test func linksInAThemeThatLeadOutOfSourceAreRefused() throws {
        let source = TestSupport.minimalSource(["themes/default/static/own.css": "body {}\n"])
        try FileManager.default.createSymbolicLink(
            atPath: source.appendingPathComponent("themes/default/static/passwd.txt").path,
            withDestinationPath: "/etc/passwd")
        let (report, output) = TestSupport.build(source)
        let errors = TestSupport.errors(report)
        #expect(errors.contains { $0.hasPrefix("themes/default/static/passwd.txt:1:1: error:") && $0.contains("outside SOURCE") }, "\(errors)")
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("passwd.txt").path))
    }

    @Test func aLinkThatMakesALoopIsReportedNotFollowedForever() throws {
        let source = TestSupport.minimalSource(["content/guide/a.md": "---\ntitle: A\n---\n"])
        let content = source.appendingPathComponent("content")
        try FileManager.default.createSymbolicLink(atPath: content.appendingPathComponent("guide/igen").path, withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(atPath: content.appendingPathComponent("kalla").path, withDestinationPath: "..")
        let errors = TestSupport.errors(TestSupport.check(source))
        #expect(errors.contains { $0.hasPrefix("content/guide/igen:1:1: error:") && $0.contains("loop") }, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("content/kalla:1:1: error:") }, "\(errors)")
    }

    @Test func outputFoldersValgrundDidNotMakeAreRefused() throws {
        let source = TestSupport.minimalSource()
        let stranger = TestSupport.temporaryFolder("stranger")
        try Data("keep me".utf8).write(to: stranger.appendingPathComponent("thesis.docx"))
        let refused: [(URL, String)] = [
            (URL(fileURLWithPath: "/"), "root"),
            (FileManager.default.homeDirectoryForCurrentUser, "home"),
            (source, "SOURCE itself"),
            (source.deletingLastPathComponent(), "SOURCE is inside"),
            (source.appendingPathComponent("content"), "content/"),
            (source.appendingPathComponent("content/units/out"), "content/"),
            (stranger, "did not make it"),
            (stranger.appendingPathComponent("thesis.docx"), "a file"),
            (URL(fileURLWithPath: source.path + "/content/../content"), "content/"),
        ]
        for (output, why) in refused {
            let (report, _) = TestSupport.build(source, output: output)
            #expect(!report.succeeded, "\(output.path) was accepted")
            #expect(report.outputError?.description.contains(why) == true, "\(output.path): \(String(describing: report.outputError))")
        }
        #expect(try Data(contentsOf: stranger.appendingPathComponent("thesis.docx")) == Data("keep me".utf8))
        // A link to SOURCE is SOURCE.
        let link = TestSupport.temporaryFolder("link").appendingPathComponent("to-source")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: source.path)
        #expect(TestSupport.build(source, output: link).0.outputError?.description.contains("SOURCE itself") == true)
        // An empty folder, and a folder Valgrund made, are fine.
        let empty = TestSupport.temporaryFolder("empty")
        #expect(TestSupport.build(source, output: empty).0.succeeded)
        #expect(TestSupport.build(source, output: empty).0.succeeded)
    }

    @Test func unsafeRelativePathsAreRefusedByTheWriter() {
        for path in ["", "/etc/passwd", "../x", "a/../../x", "a/./b", "a//b", "a\\b", "a\0b", ".", "a/.."] {
            #expect(!OutputWriter.isSafeRelativePath(path), "\(path)")
        }
        #expect(OutputWriter.isSafeRelativePath("enheter/solrosen.html"))
    }
}
