import Foundation
import Model
import Plan
import Testing
@testable import Site
import ValgrundTestSupport

/// Every address in the site is plain ASCII a file share can hold (`fika-för-jämställdhet.md` →
/// `fika-for-jamstalldhet.html`), made by one rule for pages, folders, examples, tags, departments
/// and copied files; links written to the original names still lead there.
@Suite struct AddressTests {
    /// Names with å, ä, ö, other Latin letters, another script, spaces and capitals, in every kind of
    /// file that gets an address; `examples` is the examples folder of the site.
    static func unicodeNamedFiles(examples: String = "examples") -> [String: String] {
        [
            "content/Fika för jämställdhet.md": """
            ---
            title: Fika för jämställdhet
            ---

            ![Förskolan vid Ålsjön](<Bilder på skolan/Förskolan Ål.JPG>)

            Se [Café Ñandú](<Ärenden/Café Ñandú.md#mal-och-syfte>), [Москва](<Ärenden/Москва.md>)
            och [blanketten](<Bilder på skolan/Blankett (ny) 2026.pdf>).

            """,
            "content/Ärenden/Café Ñandú.md": "---\ntitle: Café Ñandú\n---\n\n## Mål och syfte\n\nTillbaka till [fikat](<../Fika för jämställdhet.md>).\n",
            "content/Ärenden/Москва.md": "---\ntitle: Москва\n---\n\n## История\n\nText.\n",
            "content/Bilder på skolan/Förskolan Ål.JPG": "not really a picture",
            "content/Bilder på skolan/Blankett (ny) 2026.pdf": "%PDF-1.4",
            "content/\(examples)/fika-för-jämställdhet.md": """
            ---
            title: Fika för jämställdhet
            date: 2026-10-01
            tags: [Ökad delaktighet, Straße]
            ---

            Vi fikade, se [sidan](<../Fika för jämställdhet.md>).

            """,
        ]
    }

    static func copy(_ source: URL, adding files: [String: String]) throws -> URL {
        let copy = TestSupport.temporaryFolder("addresses")
        try FileManager.default.copyItem(at: source.appendingPathComponent("content"), to: copy.appendingPathComponent("content"))
        for (path, text) in files {
            let url = copy.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return copy
    }

    /// Characters an address keeps intact in a mail, on a file share and in an intranet platform.
    static func isPlain(_ path: String) -> Bool {
        path.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "-_./".unicodeScalars.contains($0)
        }
    }

    /// Every relative `href`/`src` of every HTML page that leads to a file that is not there.
    static func brokenLinks(in files: [String: Data]) -> [String] {
        var broken: [String] = []
        for (path, data) in files where path.hasSuffix(".html") {
            let folder = URLPath.folder(of: path)
            for link in TestSupport.links(in: String(decoding: data, as: UTF8.self)) {
                if link.isEmpty || link.hasPrefix("#") || link.contains(":") || link.hasPrefix("//") { continue }
                let target = String(link.prefix { $0 != "#" && $0 != "?" })
                let decoded = target.removingPercentEncoding ?? target
                var parts = folder.isEmpty ? [String]() : folder.split(separator: "/").map(String.init)
                for part in decoded.split(separator: "/", omittingEmptySubsequences: false) {
                    if part == ".." { _ = parts.popLast() } else if part != "." { parts.append(String(part)) }
                }
                var resolved = parts.joined(separator: "/")
                if resolved.hasSuffix("/") || decoded.isEmpty || decoded.hasSuffix("/") { resolved += resolved.isEmpty ? "index.html" : "/index.html" }
                if files[resolved] == nil { broken.append("\(path) → \(link)") }
            }
        }
        return broken.sorted()
    }

    @Test(arguments: [("sample", "goda-exempel"), ("other-municipality", "good-examples")])
    func everyOutputPathIsPlainASCII(site: String, examplesAddress: String) throws {
        let original = site == "sample" ? TestSupport.repositoryRoot : TestSupport.fixture(site)
        let source = try Self.copy(original, adding: Self.unicodeNamedFiles())
        let (report, output) = TestSupport.build(source)
        #expect(TestSupport.errors(report) == [])
        let files = TestSupport.files(in: output)
        #expect(files.count > 20)
        for path in files.keys.sorted() {
            #expect(Self.isPlain(path), "\(site): \(path) is not plain ASCII")
            #expect(PortableName.problem(inAddress: path) == nil, "\(site): \(path): \(PortableName.problem(inAddress: path) ?? "")")
        }
        for expected in [
            "fika-for-jamstalldhet.html", "arenden/cafe-nandu.html", "arenden/moskva.html",
            "bilder-pa-skolan/forskolan-al.jpg", "bilder-pa-skolan/blankett-ny-2026.pdf",
            "\(examplesAddress)/fika-for-jamstalldhet.html",
        ] {
            #expect(files[expected] != nil, "\(site): no \(expected)")
        }
        #expect(files.keys.contains { $0.hasSuffix("/okad-delaktighet.html") }, "\(site): no tag page okad-delaktighet")
        #expect(files.keys.contains { $0.hasSuffix("/strasse.html") }, "\(site): no tag page strasse")
        // Links written to the original names lead to the new addresses, from disk as from a server.
        #expect(Self.brokenLinks(in: files) == [], "\(site)")
        let page = TestSupport.read(output, "fika-for-jamstalldhet.html")
        #expect(page.contains(#"src="bilder-pa-skolan/forskolan-al.jpg""#))
        #expect(page.contains(#"href="arenden/cafe-nandu.html#mal-och-syfte""#))
        #expect(TestSupport.read(output, "arenden/moskva.html").contains(#"id="istoria""#))
    }

    @Test func namesThatMeetAfterTransliterationAreErrorsAtTheSecond() {
        let source = TestSupport.minimalSource([
            "content/fika-för.md": "---\ntitle: Fika ett\n---\n",
            "content/fika-for.md": "---\ntitle: Fika två\n---\n",
            "content/bilder/Bild å.png": "x",
            "content/bilder/bild-a.png": "y",
            "content/examples/möte.md": "---\ntitle: Ett\ndate: 2026-01-01\n---\n",
            "content/examples/mote.md": "---\ntitle: Två\ndate: 2026-01-02\n---\n",
        ])
        let errors = TestSupport.errors(TestSupport.check(source))
        #expect(errors.count == 3, "\(errors)")
        #expect(
            errors.contains {
                $0.hasPrefix("content/fika-f") && $0.contains("would get the address fika-for.html, which content/fika-f")
                    && $0.contains("give one of them another `slug`")
            }, "\(errors)")
        #expect(
            errors.contains { $0.hasPrefix("content/bilder/") && $0.contains("would get the address bilder/bild-a.png") && $0.hasSuffix("rename one of them") },
            "\(errors)")
        #expect(errors.contains { $0.contains("two examples would get the address 'mote'") }, "\(errors)")
    }

    @Test func aHandWrittenAddressOutsideASCIIIsAnErrorWithTheASCIIOne() {
        let source = TestSupport.minimalSource([
            "content/site.yaml": TestSupport.siteYAML + "paths:\n  units: förskolor\n",
            "content/fika.md": "---\ntitle: Fika\nslug: fika-för-jämställdhet\n---\n",
            "content/examples/fika.md": "---\ntitle: Fika\ndate: 2026-01-01\nslug: Café\n---\n",
            "content/ok.md": "---\ntitle: Ok\nslug: Fika_2026.v2\n---\n",
        ])
        let errors = TestSupport.errors(TestSupport.check(source))
        #expect(
            errors
                == [
                    "content/examples/fika.md:4:7: error: 'slug' must be one URL segment of plain ASCII letters, digits and hyphens (å, ä, ö and other letters break addresses in mail clients and on file shares), e.g. `cafe`",
                    "content/fika.md:3:7: error: 'slug' must be one URL segment of plain ASCII letters, digits and hyphens (å, ä, ö and other letters break addresses in mail clients and on file shares), e.g. `fika-for-jamstalldhet`",
                    "content/site.yaml:6:10: error: 'units' must be one URL segment of plain ASCII letters, digits and hyphens (å, ä, ö and other letters break addresses in mail clients and on file shares), e.g. `forskolor`",
                ].sorted(), "\(errors)")
    }

    @Test func theRuleForNames() {
        #expect(URLSegment.make("01-uppstart") == "01-uppstart")
        #expect(URLSegment.make("Fika för jämställdhet") == "fika-for-jamstalldhet")
        #expect(URLSegment.make("Ærø Øst Straße Ñandú") == "aero-ost-strasse-nandu")
        #expect(URLSegment.make("Москва") == "moskva")
        #expect(URLSegment.make("Αθήνα") == "athena")
        #expect(URLSegment.make("Min_mapp") == "min_mapp")
        #expect(URLSegment.make("con") == "con-")
        #expect(URLSegment.make("😀") == "page")
        #expect(URLSegment.fileName("Logo_2025.PNG") == "Logo_2025.PNG")
        #expect(URLSegment.fileName("Bild på förskolan.JPG") == "bild-pa-forskolan.jpg")
        #expect(URLSegment.fileName("con.png") == "con-.png")
        #expect(URLSegment.fileName("Rapport 2025.tar.gz") == "rapport-2025-tar.gz")
        // The same name gives the same address every time.
        #expect(URLSegment.make("Москва 北京") == URLSegment.make("Москва 北京"))
    }
}

extension AddressTests {
    @Test func generatedPagesWhoseNamesMeetGetNumbers() {
        var used = Set<String>()
        #expect(
            ["Förvaltning", "Forvaltning", "förvaltning!", "Annan"].map { URLSegment.unique($0, in: &used) }
                == ["forvaltning", "forvaltning-2", "forvaltning-3", "annan"])
    }
}
