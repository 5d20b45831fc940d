import Foundation
import Kolada
import Model
import Site
import Testing
import ValgrundTestSupport

/// `valgrund kolada fetch` against a local server that plays Kolada: paging, errors, answers cut
/// off and no answer at all. content/kolada/ is replaced only when every page arrived.
@Suite struct KoladaFetchTests {
    static let years = "2022,2023,2024,2025,2026"
    static let municipal = "/v2/data/kpi/N00206,N00207/municipality/2083,0000,G124026/year/\(years)"
    static let units = "/v2/oudata/kpi/N15033/ou/V15E208300202,V15E208300101/year/\(years)"

    /// A data response page with one value per id, and `next` as its next_page (a target on the server).
    static func page(_ kpi: String, ids: [String], idKey: String = "municipality", period: Int, next: String? = nil) -> String {
        let values = ids.map { id in
            #"{"kpi": "\#(kpi)", "\#(idKey)": "\#(id)", "period": \#(period), "values": [{"count": 1, "gender": "K", "status": "", "value": 68.2}, {"count": 1, "gender": "M", "status": "", "value": null}]}"#
        }
        let nextPage = next.map { #", "next_page": "{server}\#($0)""# } ?? ""
        return #"{"count": \#(ids.count), "values": [\#(values.joined(separator: ", "))]\#(nextPage)}"#
    }

    static let page1 = page("N00206", ids: ["2083", "0000"], period: 2025, next: municipal + "?page=2&per_page=2")
    static let page2 = page("N00206", ids: ["G124026"], period: 2025, next: municipal + "?page=3&per_page=2")
    static let page3 = page("N00207", ids: ["2083"], period: 2024)
    static let unitPage = page("N15033", ids: ["V15E208300101"], idKey: "ou", period: 2025)

    /// Kolada on a good day: the municipal query in three pages, the units' in one.
    static func goodDay() -> [String: [ScriptedServer.Answer]] {
        [
            municipal: [.answer(200, page1)],
            municipal + "?page=2&per_page=2": [.answer(200, page2)],
            municipal + "?page=3&per_page=2": [.answer(200, page3)],
            units: [.answer(200, unitPage)],
        ]
    }

    /// The test site with a content/kolada/ that holds an earlier response and a README.
    static func source() throws -> URL {
        let source = KoladaRequestsTests.source()
        let folder = source.appendingPathComponent("content/kolada")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("notes"), withIntermediateDirectories: true)
        try Data("{\"values\": [], \"count\": 0}".utf8).write(to: folder.appendingPathComponent("old.json"))
        try Data("Svar från Kolada, hämtade med valgrund kolada fetch.\n".utf8).write(to: folder.appendingPathComponent("README.md"))
        try Data("kept\n".utf8).write(to: folder.appendingPathComponent("notes/a.txt"))
        return source
    }

    static func fetch(_ source: URL, server: ScriptedServer, timeout: Double = 30, retries: Int = 2) async throws(KoladaFetch.Failure) -> KoladaFetch.Outcome {
        let (site, _) = SiteBuilder.model(BuildOptions(source: source, asOf: TestSupport.sampleDate))
        let addresses = try! KoladaRequests.addresses(of: site!, api: server.address + "/v2")
        let client = KoladaClient(settings: KoladaClient.Settings(timeout: timeout, retries: retries, backoff: 0.01))
        return try await KoladaFetch.fetch(addresses, into: source.appendingPathComponent("content/kolada"), client: client)
    }

    /// What content/ holds besides the site's files: nothing of a fetch may be left there.
    static func leftovers(_ source: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: source.appendingPathComponent("content").path).filter { $0.hasPrefix(".") }
    }

    @Test func fetchFollowsPagesAndReplacesTheResponses() async throws {
        let source = try Self.source()
        let server = try ScriptedServer(Self.goodDay())
        defer { server.stop() }
        let outcome = try await Self.fetch(source, server: server)
        #expect(outcome.files == ["data-001-page-001.json", "data-001-page-002.json", "data-001-page-003.json", "oudata-002-page-001.json"])
        #expect(outcome.kept == ["README.md", "notes"])
        #expect(outcome.values == 5)
        #expect(
            server.requests == [
                Self.municipal, Self.municipal + "?page=2&per_page=2", Self.municipal + "?page=3&per_page=2", Self.units,
            ])
        let files = TestSupport.files(in: source.appendingPathComponent("content/kolada"))
        #expect(
            files.keys.sorted() == [
                "README.md", "data-001-page-001.json", "data-001-page-002.json", "data-001-page-003.json", "notes/a.txt", "oudata-002-page-001.json",
            ])
        // Saved as they came.
        let server1 = { (text: String) in Data(text.replacingOccurrences(of: "{server}", with: server.address).utf8) }
        #expect(files["data-001-page-001.json"] == server1(Self.page1))
        #expect(files["data-001-page-002.json"] == server1(Self.page2))
        #expect(files["data-001-page-003.json"] == server1(Self.page3))
        #expect(files["oudata-002-page-001.json"] == server1(Self.unitPage))
        #expect(files["README.md"] == Data("Svar från Kolada, hämtade med valgrund kolada fetch.\n".utf8))
        #expect(try Self.leftovers(source).isEmpty)

        // Fetched again: the same names, the earlier pages replaced.
        let again = try await Self.fetch(source, server: server)
        #expect(again.files == outcome.files)
        #expect(TestSupport.files(in: source.appendingPathComponent("content/kolada")) == files)
    }

    @Test func fetchMakesTheFolderWhenThereIsNone() async throws {
        let source = KoladaRequestsTests.source()
        let server = try ScriptedServer(Self.goodDay())
        defer { server.stop() }
        let outcome = try await Self.fetch(source, server: server)
        #expect(outcome.kept.isEmpty)
        #expect(TestSupport.files(in: source.appendingPathComponent("content/kolada")).count == 4)
        #expect(try Self.leftovers(source).isEmpty)
    }

    /// What a killed fetch left (its folder named with a process id that is gone) is removed by the
    /// next; what a running one is filling is not.
    @Test func fetchRemovesWhatKilledFetchesLeft() async throws {
        let source = try Self.source()
        let content = source.appendingPathComponent("content")
        // pid_max is at most 4,194,304: no process has this id.
        let killed = content.appendingPathComponent(".kolada.valgrund-new-9999999-1")
        let running = content.appendingPathComponent(".kolada.valgrund-new-\(getpid())-1")
        for folder in [killed, running] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data("{}".utf8).write(to: folder.appendingPathComponent("data-001-page-001.json"))
        }
        let server = try ScriptedServer(Self.goodDay())
        defer { server.stop() }
        _ = try await Self.fetch(source, server: server)
        #expect(try Self.leftovers(source) == [running.lastPathComponent])
    }

    /// Each failure leaves content/kolada/ exactly as it was and nothing beside it, and says
    /// which address failed and why.
    @Test(arguments: [
        // HTTP 500 on the second page, retried twice, then given up.
        (
            "500", [Self.municipal + "?page=2&per_page=2": [ScriptedServer.Answer.answer(500, "oops")]],
            "?page=2&per_page=2: HTTP 500 Internal Server Error (asked 3 times)", 3
        ),
        // A body cut off: the Content-Length promised more than came.
        (
            "cut", [Self.units: [.cutOff(Self.unitPage, sent: 40)]],
            "oudata/kpi/N15033/ou/V15E208300202,V15E208300101/year/\(Self.years): the answer was cut off", 3
        ),
        // Whole by its Content-Length, but the JSON stops half way.
        (
            "json", [Self.units: [.answer(200, String(Self.unitPage.prefix(60)))]],
            "/year/\(Self.years): the answer is not JSON (cut off or damaged; 60 bytes arrived)", 3
        ),
        // JSON, but no data response: not asked again.
        (
            "notdata", [Self.units: [.answer(200, #"{"error": "unknown kpi"}"#)]],
            "the answer is not a data response: 1:1: not a Kolada data response: it has no list of `values`", 1
        ),
        (
            "value", [Self.units: [.answer(200, #"{"values": [{"kpi": "N15033", "municipality": "2083", "period": 2025, "values": []}]}"#)]],
            "an entry has 'municipality' where an answer about units has 'ou'", 1
        ),
        // 400 (an address Kolada finds too long) will not pass: not asked again.
        ("400", [Self.municipal: [.answer(400, "Bad Request")]], "/year/\(Self.years): HTTP 400 Bad Request", 1),
        // A next_page to another server is not followed.
        (
            "elsewhere", [Self.units: [.answer(200, #"{"values": [], "next_page": "http://example.org/v2/x"}"#)]],
            "its 'next_page' (http://example.org/v2/x) is not an address on the same server", 1
        ),
        // A next_page back to itself would never end.
        ("loop", [Self.units: [.answer(200, #"{"values": [], "next_page": "{server}\#(Self.units)"}"#)]], "leads back to a page already fetched", 1),
    ])
    func aFailureChangesNothing(_ label: String, _ script: [String: [ScriptedServer.Answer]], _ message: String, _ requests: Int) async throws {
        let source = try Self.source()
        let before = TestSupport.files(in: source.appendingPathComponent("content/kolada"))
        let server = try ScriptedServer(Self.goodDay().merging(script) { $1 })
        defer { server.stop() }
        do {
            _ = try await Self.fetch(source, server: server)
            Issue.record("\(label): the fetch succeeded")
        } catch {
            #expect(error.description.hasPrefix("cannot fetch \(server.address)/v2/"), "\(label): \(error)")
            #expect(error.description.contains(message), "\(label): \(error)")
        }
        let failing = script.keys.first!
        #expect(server.requests.filter { $0 == failing }.count == requests, "\(label): \(server.requests)")
        #expect(TestSupport.files(in: source.appendingPathComponent("content/kolada")) == before, "\(label)")
        #expect(try Self.leftovers(source).isEmpty, "\(label)")
    }

    @Test func aFailureThatPassesIsRetried() async throws {
        let source = try Self.source()
        var script = Self.goodDay()
        script[Self.units] = [.answer(503, "busy"), .cutOff(Self.unitPage, sent: 10), .answer(200, Self.unitPage)]
        let server = try ScriptedServer(script)
        defer { server.stop() }
        let outcome = try await Self.fetch(source, server: server, retries: 2)
        #expect(outcome.files.last == "oudata-002-page-001.json")
        #expect(server.requests.filter { $0 == Self.units }.count == 3)
    }

    /// A server that says nothing fails the request when its time is up (twice: tried once and
    /// once again), not after minutes. Run as a process of its own: inside the test runner, tests
    /// that block the few threads of Swift's task pool (2 on 2 cores) can hold any async wait back
    /// for minutes, which says nothing about the deadline.
    @Test func aSilentServerTimesOut() throws {
        let source = try Self.source()
        let before = TestSupport.files(in: source.appendingPathComponent("content/kolada"))
        var script = Self.goodDay()
        script[Self.municipal] = [.silence(60)]
        let server = try ScriptedServer(script)
        defer { server.stop() }
        let started = Date()
        let run = try Command.valgrund(["kolada", "fetch", "--source", source.path, "--api", server.address + "/v2", "--timeout", "0.5", "--retries", "1"])
        let seconds = Date().timeIntervalSince(started)
        #expect(run.status == 1)
        #expect(
            run.stderr
                == "error: cannot fetch \(server.address)\(Self.municipal): no complete answer within 0.5 s (--timeout) (asked 2 times); content/kolada/ was left as it was\n"
        )
        // URLSession alone would have waited 7 s for each (its own limit, a backstop, is later).
        #expect(seconds >= 1 && seconds < 10, "took \(seconds) s")
        #expect(server.requests == [Self.municipal, Self.municipal])
        #expect(TestSupport.files(in: source.appendingPathComponent("content/kolada")) == before)
    }

    /// The command line: what it prints, its exit status, and --api pointing at the local server.
    @Test func fetchCommand() throws {
        let source = try Self.source()
        let server = try ScriptedServer(Self.goodDay())
        defer { server.stop() }
        let run = try Command.valgrund(["kolada", "fetch", "--source", source.path, "--api", server.address + "/v2", "--retries", "0"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stdout.split(separator: "\n") == [
                "data-001-page-001.json: 2 values from \(server.address)\(Self.municipal)",
                "data-001-page-002.json: 1 value from \(server.address)\(Self.municipal)?page=2&per_page=2",
                "data-001-page-003.json: 1 value from \(server.address)\(Self.municipal)?page=3&per_page=2",
                "oudata-002-page-001.json: 1 value from \(server.address)\(Self.units)",
                "Fetched into content/kolada/: 4 response pages, 5 values, 2 addresses asked; kept README.md, notes",
            ])

        let before = TestSupport.files(in: source.appendingPathComponent("content/kolada"))
        let failing = try ScriptedServer(Self.goodDay().merging([Self.units: [.answer(500, "oops")]]) { $1 })
        defer { failing.stop() }
        let failed = try Command.valgrund(["kolada", "fetch", "--source", source.path, "--api", failing.address + "/v2", "--retries", "0"])
        #expect(failed.status == 1)
        #expect(
            failed.stderr == "error: cannot fetch \(failing.address)\(Self.units): HTTP 500 Internal Server Error; content/kolada/ was left as it was\n")
        #expect(TestSupport.files(in: source.appendingPathComponent("content/kolada")) == before)

        let usage = try Command.valgrund(["kolada", "fetch", "--source", source.path, "--timeout", "0"])
        #expect(usage.status == 2)
    }
}
