import Diagnostics
import Foundation
import Render
import Search
import Testing
@testable import Site
import ValgrundTestSupport

/// The build manifest's binary encoding (`BuildManifest`, `BinaryWriter`, `BinaryReader`): what is
/// written is read back exactly, and a damaged or foreign file is refused (the build then starts
/// afresh) instead of trusted or crashing.
@Suite struct ManifestCodecTests {
    static func manifest() -> BuildManifest {
        let words = IndexedPage(
            SearchDocument(
                url: "handbok/uppstart.html", title: "Uppstart", kind: "Handbok",
                headings: ["Så börjar ni"], text: "Likabehandling och jämställdhet, steg för steg.",
                weight: 2))
        let link = ExpectedLink(
            from: "handbok/uppstart.html", target: "handbok/kartlagga.html", fragment: "risker",
            location: SourceLocation(path: "content/handbook/uppstart.md", line: 12, column: 5),
            written: "kartlagga.md#risker")
        let inputs = InputSnapshot(
            files: [
                .init(
                    path: "content/handbook/uppstart.md", size: 4_096, modified: 1_764_000_000_123_456_789,
                    changed: 1_764_000_000_987_654_321, inode: UInt64.max - 7),
                .init(path: "content/site.yaml", size: 0, modified: 0, changed: -1, inode: 0),
            ], taken: 1_764_000_001_000_000_000, commit: "4b825dc642cb6eb9a060e54bf8d69288fbee4904")
        return BuildManifest(
            siteID: "0123456789abcdef0123456789abcdef", environment: 0xFEED_FACE_CAFE_BEEF, inputs: inputs, pageCount: 3,
            outputs: ["index.html", "handbok/uppstart.html", "search/meta.js", "enheter/å.html"],
            warnings: [
                .warning("nyckeln \"titel\" är okänd", at: SourceLocation(path: "content/units/a.yaml", line: 3, column: 1)),
                // A message with values and a message inside it, read back so that it is written in the next run's language.
                .warning(
                    "unknown key '\("namn")' in \(Message("a unit file"))\(Suggestion.hint("name"))",
                    at: SourceLocation(path: "content/units/b.yaml", line: 2, column: 1)),
            ],
            records: [
                PageRecord(url: "handbok/uppstart.html", fingerprint: 42, ids: ["sa-borjar-ni", "steg"], links: [link], search: words),
                PageRecord(url: "index.html", fingerprint: UInt64.max),
                PageRecord(url: "tom.html", fingerprint: 0, ids: [""], links: [], search: nil),
            ])
    }

    static func write(_ manifest: BuildManifest) throws -> String {
        let path = TestSupport.temporaryFolder("manifest").appendingPathComponent("manifest").path
        #expect(manifest.write(to: path, outputs: { manifest.outputs }) == 0)
        return path
    }

    @Test func aManifestReadsBackAsItWasWritten() throws {
        let written = Self.manifest()
        let read = try #require(BuildManifest.read(from: try Self.write(written)))
        #expect(read.siteID == written.siteID)
        #expect(read.environment == written.environment)
        #expect(read.inputs.files == written.inputs.files)
        #expect(read.inputs.taken == written.inputs.taken)
        #expect(read.pageCount == written.pageCount)
        #expect(read.outputs == written.outputs)
        #expect(read.warnings == written.warnings)
        #expect(read.warnings[1].description(in: .swedish) == "content/units/b.yaml:2:1: warning: okänd nyckel 'namn' i en enhetsfil (menade du 'name'?)")
        #expect(read.records == written.records)
        // The words come back with their texts, which the next build's search index needs.
        let words = try #require(read.records[0].search)
        #expect(words.wordCount > 3)
        words.forEachWord { hash, _ in #expect(Vocabulary.shared.text(of: hash) != nil) }
    }

    @Test func aDamagedOrForeignManifestIsRefused() throws {
        let path = try Self.write(Self.manifest())
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        func read(_ data: Data) throws -> BuildManifest? {
            try data.write(to: URL(fileURLWithPath: path))
            return BuildManifest.read(from: path)
        }
        #expect(try read(bytes) != nil)
        // Cut short anywhere, it is refused: every read checks its bounds.
        for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 97)) {
            #expect(try read(bytes.prefix(length)) == nil, "cut at \(length) of \(bytes.count) bytes")
        }
        #expect(try read(bytes + [0]) == nil, "a byte too many")
        var otherFormat = bytes
        otherFormat[0] ^= 1
        #expect(try read(otherFormat) == nil, "another format's number")
        // A count larger than the bytes left (a flipped high bit in the site ID's length) is refused before it is read.
        var hugeCount = bytes
        hugeCount[8] = 0xFF
        #expect(try read(hugeCount) == nil)
        #expect(BuildManifest.read(from: path + ".missing") == nil)
    }

    @Test func numbersAndTextsKeepEveryValue() throws {
        let path = TestSupport.temporaryFolder("binary").appendingPathComponent("numbers").path
        let numbers = [0, 1, -1, 63, -64, 64, 127, 128, 300, -300, Int(Int32.max), Int(Int32.min), Int.max, Int.min]
        let texts = ["", "a", "Jämställdhet & likabehandling", String(repeating: "å", count: 70_000)]
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        var writer = BinaryWriter(writingTo: descriptor)
        for number in numbers { writer.int(number) }
        writer.uint64(0x0102_0304_0506_0708)
        writer.strings(texts)
        #expect(writer.flush() == 0)
        close(descriptor)
        // Little-endian on disk, whatever the machine.
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let small = numbers.prefix(4).count
        #expect(bytes[..<small] == [0, 2, 1, 0x7E])

        var reader = try #require(BinaryReader(contentsOf: path))
        #expect(try numbers.map { _ in try reader.int() } == numbers)
        #expect(try reader.uint64() == 0x0102_0304_0506_0708)
        #expect(try reader.strings() == texts)
        #expect(reader.isAtEnd)
        #expect(throws: BinaryReader.Damaged.self) { try reader.int() }
    }
}
