import Foundation
import FuzzHarness
import Testing
import ValgrundTestSupport

/// Any bytes in a page, a unit file, the catalogue or site.yaml give a site or diagnostics with
/// positions: never a crash, a hang or an error without a place. Replays what libFuzzer found
/// (scripts/fuzz.sh) and mutates the sample content with a seeded generator.
@Suite(.serialized) struct FuzzRegressionTests {
    static let harness = FuzzHarness()
    static let fixtures = TestSupport.fixture("fuzz")

    /// Seeded inputs; `VALGRUND_FUZZ_INPUTS` raises the count for a longer run.
    static let mutatedInputs = Int(ProcessInfo.processInfo.environment["VALGRUND_FUZZ_INPUTS"] ?? "") ?? 150

    static func inputs(in folder: String) -> [(String, [UInt8])] {
        let url = fixtures.appendingPathComponent(folder)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        return names.compactMap { name in
            FileManager.default.contents(atPath: url.appendingPathComponent(name).path).map { (name, [UInt8]($0)) }
        }
    }

    static func expectHandled(_ input: [UInt8], _ label: String) {
        let started = Date()
        do {
            try harness.run(input)
        } catch {
            Issue.record("\(label): \(error)")
        }
        let seconds = Date().timeIntervalSince(started)
        #expect(seconds < 10, "\(label) took \(Int(seconds)) s")
    }

    /// Where scripts/fuzz.sh writes what broke something: read from the repository itself, so an
    /// input added there is replayed without a rebuild.
    static let crashes = TestSupport.repositoryRoot.appendingPathComponent("Tests/Fixtures/fuzz/crashes")

    /// Each input in its own `valgrund-fuzz` process: a crash that came back would end this test
    /// process, so it is the child's signal or failure that fails the test.
    @Test func everyInputThatOnceBrokeSomethingIsHandled() throws {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: Self.crashes.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        #expect(names.count >= 6, "the recorded crashes are missing from \(Self.crashes.path)")
        let replay = TestSupport.productsFolder.appendingPathComponent("valgrund-fuzz")
        for name in names {
            let started = Date()
            let process = Process()
            process.executableURL = replay
            process.arguments = [Self.crashes.appendingPathComponent(name).path]
            process.standardOutput = FileHandle.nullDevice
            let errors = Pipe()
            process.standardError = errors
            try process.run()
            let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            let seconds = Date().timeIntervalSince(started)
            #expect(
                process.terminationReason == .exit && process.terminationStatus == 0,
                "crashes/\(name): \(process.terminationReason == .uncaughtSignal ? "killed by signal" : "exit") \(process.terminationStatus): \(said.suffix(400))"
            )
            #expect(seconds < 10, "crashes/\(name) took \(Int(seconds)) s")
        }
    }

    @Test func theKeptCorpusIsHandled() {
        let corpus = Self.inputs(in: "corpus")
        #expect(!corpus.isEmpty, "the kept corpus is missing: run scripts/fuzz.sh --keep")
        // The whole corpus with VALGRUND_FUZZ_REPLAY=all; otherwise a fixed tenth of it.
        let all = ProcessInfo.processInfo.environment["VALGRUND_FUZZ_REPLAY"] == "all"
        for (index, (name, input)) in corpus.enumerated() where all || index % 10 == 0 {
            Self.expectHandled(input, "corpus/\(name)")
        }
    }

    @Test func mutatedSampleContentIsHandled() {
        let seeds = FuzzHarness.seeds(fromSource: TestSupport.repositoryRoot)
        #expect(seeds.count > 20)
        var generator = SeededGenerator(seed: UInt64(ProcessInfo.processInfo.environment["VALGRUND_FUZZ_SEED"] ?? "") ?? 8)
        for round in 0..<Self.mutatedInputs {
            var input = seeds[Int.random(in: 0..<seeds.count, using: &generator)]
            for _ in 0..<Int.random(in: 1...8, using: &generator) { Mutator.mutate(&input, using: &generator) }
            Self.expectHandled(input, "mutation \(round) (seed \(input.first ?? 0)): \(String(decoding: input.prefix(120), as: UTF8.self))")
        }
    }
}

/// Changes of the kinds that break parsers: flipped bits, dropped and repeated stretches, and the
/// bytes that mean something in YAML, Markdown and UTF-8.
enum Mutator {
    static let tokens: [[UInt8]] =
        [
            "---\n", ":", ": ", "- ", "[", "]", "{", "}", "&a", "*a", "!!binary", "|", ">", "#", "\"", "'", "\t", "\r", "\0", "\n\n",
            "](", "![", "`", "***", "<script>", "javascript:", "../", "%2e%2e", "2026-02-30", "-1", "1e309", "NaN", "~", "null",
            "\u{FEFF}", "\u{202E}", "é", "\u{301}",
        ].map { Array($0.utf8) } + [[0xC0, 0xAE], [0xFF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80]]

    static func mutate(_ input: inout [UInt8], using generator: inout SeededGenerator) {
        // The first byte chooses the file; keep it.
        guard input.count > 1 else { input.append(contentsOf: tokens.randomElement(using: &generator)!); return }
        let position = Int.random(in: 1..<input.count, using: &generator)
        switch Int.random(in: 0..<6, using: &generator) {
        case 0: input[position] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &generator)
        case 1: input.insert(contentsOf: tokens.randomElement(using: &generator)!, at: position)
        case 2: input.removeSubrange(position..<min(input.count, position + Int.random(in: 1...64, using: &generator)))
        case 3:
            let end = min(input.count, position + Int.random(in: 1...64, using: &generator))
            let stretch = Array(input[position..<end])
            input.insert(contentsOf: Array(repeating: stretch, count: Int.random(in: 2...20, using: &generator)).joined(), at: position)
        case 4: input[position] = UInt8.random(in: 0...255, using: &generator)
        default:
            // Swap two lines' order, which moves keys between mappings and changes indentation.
            let lines = input.dropFirst().split(separator: 10, omittingEmptySubsequences: false)
            guard lines.count > 2 else { return }
            var shuffled = Array(lines)
            let a = Int.random(in: 0..<shuffled.count, using: &generator), b = Int.random(in: 0..<shuffled.count, using: &generator)
            shuffled.swapAt(a, b)
            input = [input[0]] + Array(shuffled.joined(separator: [10]))
        }
    }
}
