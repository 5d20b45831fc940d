import Diagnostics
import Foundation
import Markup
import Render
import Search

/// What the last successful build read and wrote, kept outside the site (`BuildCache`): the
/// identity of the site it describes, the inputs' sizes and times, a hash of everything else the
/// build depended on, every file of the site, and a record per page.
struct BuildManifest: Sendable {
    /// Changes whenever the layout below does; an older manifest is ignored.
    static let format: UInt64 = 0x5647_4d41_4e49_0005

    /// The site it describes (the identity in the output's marker): a manifest is trusted only
    /// while that site is the one in the output folder.
    var siteID: String
    var environment: UInt64
    var inputs: InputSnapshot
    var pageCount: Int
    /// Every file of the site, relative to the output folder.
    var outputs: [String]
    /// The warnings of that build, said again when nothing has changed.
    var warnings: [Diagnostic]
    var records: [PageRecord]

    /// Writes the manifest to the new file `path`, a buffer at a time, with the site's files as
    /// `outputs` gives them, asked for last: a build writes the manifest while the search index
    /// (whose files are among them) is made.
    /// - Returns: 0, or the `errno` of what failed.
    func write(to path: String, outputs: () -> [String]) -> Int32 {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { return errno }
        var writer = BinaryWriter(writingTo: descriptor)
        encode(to: &writer)
        writer.strings(outputs())
        var failure = writer.flush()
        if close(descriptor) != 0 && failure == 0 { failure = errno }
        return failure
    }

    /// Everything but the outputs, which come last.
    private func encode(to writer: inout BinaryWriter) {
        writer.uint64(Self.format)
        writer.string(siteID)
        writer.uint64(environment)
        inputs.write(to: &writer)
        writer.int(pageCount)
        writer.int(warnings.count)
        for warning in warnings {
            writer.string(warning.location.path)
            writer.int(warning.location.line)
            writer.int(warning.location.column)
            Self.write(warning.message, to: &writer)
        }
        // The words of all pages once, then each page's words by number.
        var vocabulary = WordNumbers()
        for record in records { record.search?.forEachWord { hash, _ in vocabulary.number(of: hash) } }
        writer.int(vocabulary.words.count)
        for word in vocabulary.words { writer.uint64(word.hash); writer.string(word.text) }
        writer.int(records.count)
        for record in records { Self.write(record, to: &writer, vocabulary: vocabulary) }
    }

    /// A warning's message as its template and values, so that it is written in the language of the next run.
    private static func write(_ message: Message, to writer: inout BinaryWriter) {
        writer.string(message.template)
        writer.int(message.arguments.count)
        for argument in message.arguments {
            switch argument {
            case .text(let text):
                writer.int(0)
                writer.string(text)
            case .message(let inner):
                writer.int(1)
                write(inner, to: &writer)
            }
        }
    }

    private static func readMessage(from reader: inout BinaryReader, depth: Int = 0) throws -> Message {
        let template = try reader.string()
        let arguments = try (0..<reader.count()).map { _ -> Message.Argument in
            switch try reader.int() {
            case 0: return .text(try reader.string())
            case 1 where depth < 8: return .message(try readMessage(from: &reader, depth: depth + 1))
            default: throw BinaryReader.Damaged()
            }
        }
        return Message(template: template, arguments: arguments)
    }

    /// The manifest in the file at `path`, or nil when there is none or it is damaged.
    static func read(from path: String) -> BuildManifest? {
        guard var reader = BinaryReader(contentsOf: path) else { return nil }
        do {
            guard try reader.uint64() == format else { return nil }
            let siteID = try reader.string()
            let environment = try reader.uint64()
            let inputs = try InputSnapshot.read(from: &reader)
            let pageCount = try reader.int()
            let warningCount = try reader.count()
            let warnings = try (0..<warningCount).map { _ in
                let location = SourceLocation(path: try reader.string(), line: try reader.int(), column: try reader.int())
                return Diagnostic.warning(try readMessage(from: &reader), at: location)
            }
            let vocabularySize = try reader.count()
            let vocabulary = try (0..<vocabularySize).map { _ in
                let hash = try reader.uint64(), text = try reader.string()
                Vocabulary.shared.register(hash) { text }
                return hash
            }
            let count = try reader.count()
            let records = try (0..<count).map { _ in try read(from: &reader, vocabulary: vocabulary) }
            let outputs = try reader.strings()
            guard reader.isAtEnd else { return nil }
            return BuildManifest(
                siteID: siteID, environment: environment, inputs: inputs, pageCount: pageCount, outputs: outputs,
                warnings: warnings, records: records)
        } catch {
            return nil
        }
    }

    private static func write(_ record: PageRecord, to writer: inout BinaryWriter, vocabulary: WordNumbers) {
        writer.string(record.url)
        writer.uint64(record.fingerprint)
        writer.strings(record.ids)
        writer.int(record.links.count)
        for link in record.links {
            writer.string(link.target)
            writer.string(link.fragment)
            writer.string(link.location.path)
            writer.int(link.location.line)
            writer.int(link.location.column)
            writer.string(link.written)
        }
        guard let search = record.search else { writer.int(0); return }
        writer.int(1)
        writer.string(search.title)
        writer.string(search.kind)
        writer.string(search.group)
        writer.string(search.excerpt)
        writer.int(search.wordCount)
        search.forEachWord { hash, score in
            writer.int(vocabulary.numbers[hash]!)
            writer.int(score)
        }
    }

    private static func read(from reader: inout BinaryReader, vocabulary: [UInt64]) throws -> PageRecord {
        let url = try reader.string()
        let fingerprint = try reader.uint64()
        let ids = try reader.strings()
        let linkCount = try reader.count()
        let links = try (0..<linkCount).map { _ in
            ExpectedLink(
                from: url, target: try reader.string(), fragment: try reader.string(),
                location: SourceLocation(path: try reader.string(), line: try reader.int(), column: try reader.int()),
                written: try reader.string())
        }
        var search: IndexedPage?
        if try reader.int() == 1 {
            let title = try reader.string(), kind = try reader.string(), group = try reader.string(), excerpt = try reader.string()
            let wordCount = try reader.count()
            let words = try (0..<wordCount).map { _ in
                let number = try reader.int()
                guard vocabulary.indices.contains(number) else { throw BinaryReader.Damaged() }
                return IndexedPage.Word(hash: vocabulary[number], score: try reader.int())
            }
            search = IndexedPage(url: url, title: title, kind: kind, group: group, excerpt: excerpt, words: words)
        }
        return PageRecord(url: url, fingerprint: fingerprint, ids: ids, links: links, search: search)
    }
}

/// Numbers for the words of all pages, in the order they are first met.
private struct WordNumbers {
    var words: [(hash: UInt64, text: String)] = []
    var numbers = HashSlots(capacity: 1 << 16)

    mutating func number(of hash: UInt64) {
        if numbers.insert(hash).inserted {
            words.append((hash, Vocabulary.shared.text(of: hash) ?? ""))
        }
    }
}
