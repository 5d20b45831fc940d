import Foundation
import Testing
import ValgrundTestSupport

/// `valgrund serve` under load: 200 clients at once get every answer, its memory stays flat, and an
/// edit made meanwhile is built and served. CI runs it for a few seconds; `VALGRUND_LOAD_SECONDS=30`
/// gives the long run of docs/reliability.md.
@Suite struct ServeLoadTests {
    static let seconds = Double(ProcessInfo.processInfo.environment["VALGRUND_LOAD_SECONDS"] ?? "") ?? 4
    static let clients = 200

    final class Tally: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var answered = 0
        private(set) var failures: [String] = []
        func add(ok: Bool, _ what: @autoclosure () -> String) {
            lock.lock(); defer { lock.unlock() }
            if ok { answered += 1 } else if failures.count < 20 { failures.append(what()) } else { failures[19] = what() }
            if !ok { failedCount += 1 }
        }
        private(set) var failedCount = 0
    }

    @Test func twoHundredClientsGetEveryAnswerAndAnEditIsServed() throws {
        let source = try TestSupport.sampleCopy()
        let output = TestSupport.temporaryFolder("load").appendingPathComponent("site")
        let server = try Command.Serving(source: source, output: output)
        defer { server.stop() }
        let port = server.port
        let pages = [
            "/", "/index.html", "/handbok/uppstart.html", "/enheter/index.html", "/enheter/hagaskolan.html",
            "/assets/valgrund.css", "/nyckeltal/index.html", "/skriv-ut.html", "/sok.html", "/goda-exempel/atom.xml",
            "/finns-inte.html",
        ]
        let tally = Tally()
        let stop = Date().addingTimeInterval(Self.seconds)
        let group = DispatchGroup()
        for client in 0..<Self.clients {
            let thread = Thread {
                defer { group.leave() }
                var request = client
                while Date() < stop {
                    // Each client keeps its connection for a while, then opens a new one.
                    guard let connection = try? RawHTTP(port: port, timeout: 20) else {
                        tally.add(ok: false, "client \(client) could not connect")
                        continue
                    }
                    for _ in 0..<20 where Date() < stop {
                        let page = pages[request % pages.count]
                        request += 1
                        do {
                            try connection.send("GET \(page) HTTP/1.1\r\nHost: localhost:\(port)\r\n\r\n")
                            let response = try connection.readResponse()
                            let expected = page == "/finns-inte.html" ? 404 : 200
                            tally.add(ok: response.status == expected && !response.body.isEmpty, "\(page): \(response.status)")
                        } catch {
                            tally.add(ok: false, "\(page): \(error)")
                            break
                        }
                    }
                }
            }
            thread.stackSize = 256 * 1024
            group.enter()
            thread.start()
        }

        // Memory while the load runs, and an edit half-way through that must reach the readers.
        var samples: [Int] = []
        var editServedAfter: Double?
        let marker = "Ändrad under last \(UUID().uuidString.prefix(6))"
        var edited: Date?
        while Date() < stop {
            Thread.sleep(forTimeInterval: 0.25)
            samples.append(server.residentKB)
            if edited == nil, Date() > stop.addingTimeInterval(-Self.seconds / 2) {
                let index = source.appendingPathComponent("content/index.md")
                try Data((try String(contentsOf: index, encoding: .utf8) + "\n\n\(marker)\n").utf8).write(to: index)
                edited = Date()
            }
            if let edited, editServedAfter == nil,
                let page = try? RawHTTP.get("/", port: port), String(decoding: page.body, as: UTF8.self).contains(marker)
            {
                editServedAfter = Date().timeIntervalSince(edited)
            }
        }
        group.wait()
        if let edited, editServedAfter == nil {
            // The load is over; the edit must still be served within a few seconds.
            let deadline = Date().addingTimeInterval(10)
            while Date() < deadline, editServedAfter == nil {
                if let page = try? RawHTTP.get("/", port: port), String(decoding: page.body, as: UTF8.self).contains(marker) {
                    editServedAfter = Date().timeIntervalSince(edited)
                }
                Thread.sleep(forTimeInterval: 0.1)
            }
        }

        #expect(tally.failedCount == 0, "\(tally.failedCount) failed requests: \(tally.failures)")
        #expect(tally.answered > Self.clients * 5, "only \(tally.answered) answers")
        #expect(editServedAfter != nil, "the edit made during the load was never served")
        // Flat memory: the second half of the run holds no more than the first half plus a margin.
        let half = samples.count / 2
        let early = samples.prefix(max(1, half)).max() ?? 0, late = samples.suffix(max(1, samples.count - half)).max() ?? 0
        #expect(late < early + 60_000, "memory grew from \(early / 1024) MB to \(late / 1024) MB under load")
        print(
            "serve under load: \(Self.clients) clients, \(Int(Self.seconds)) s, \(tally.answered) answers, \(tally.failedCount) failed, "
                + "memory \(early / 1024)–\(late / 1024) MB, edit served after \(String(format: "%.2f", editServedAfter ?? -1)) s")
    }
}
