import Foundation
import Diagnostics
import NIOCore
import Testing
@testable import Serve
import ValgrundTestSupport

/// The preview server listens on 127.0.0.1 only, answers only to localhost (DNS rebinding), never
/// serves a byte from outside the built site, and cannot be held by large or slow requests.
@Suite struct PreviewServerTests {
    /// A small built site, with a secret next to it and a link inside it that points at the secret.
    static func servedSite() throws -> (root: URL, secret: URL) {
        let (report, output) = TestSupport.build(TestSupport.minimalSource(["content/guide/a.md": "---\ntitle: A\n---\n\nText.\n"]))
        #expect(report.succeeded)
        let secret = output.deletingLastPathComponent().appendingPathComponent("secret.txt")
        try Data("TOPSECRET".utf8).write(to: secret)
        try FileManager.default.createSymbolicLink(atPath: output.appendingPathComponent("link.txt").path, withDestinationPath: secret.path)
        try FileManager.default.createSymbolicLink(atPath: output.appendingPathComponent("etc").path, withDestinationPath: "/etc")
        return (output, secret)
    }

    static func withServer(
        _ configure: (inout PreviewServer.Configuration) -> Void = { _ in },
        _ body: (Int, URL) throws -> Void
    ) throws {
        let (root, _) = try servedSite()
        var configuration = PreviewServer.Configuration(port: 0)
        configure(&configuration)
        let server = PreviewServer(root: root, configuration: configuration)
        let port = try server.start()
        defer { server.stop() }
        try body(port, root)
    }

    @Test func listensOnLoopbackOnly() throws {
        try Self.withServer { port, _ in
            let hexPort = String(format: "%04X", port)
            // /proc/net/tcp: "sl local_address rem_address st ..."; st 0A is LISTEN.
            let table = try String(contentsOfFile: "/proc/net/tcp", encoding: .utf8)
            var listening: [String] = []
            for line in table.split(separator: "\n") {
                let fields = line.split(separator: " ").map(String.init)
                if fields.count > 3, fields[1].hasSuffix(":" + hexPort), fields[3] == "0A" { listening.append(fields[1]) }
            }
            #expect(listening == ["0100007F:" + hexPort], "listening on \(listening)")
            let six = (try? String(contentsOfFile: "/proc/net/tcp6", encoding: .utf8)) ?? ""
            #expect(!six.split(separator: "\n").contains { $0.split(separator: " ").dropFirst().first?.hasSuffix(":" + hexPort) == true })
            #expect(try RawHTTP.get("/", port: port).status == 200)
        }
    }

    @Test func answersOnlyToLocalhost() throws {
        try Self.withServer { port, _ in
            for host in ["localhost:\(port)", "127.0.0.1:\(port)", "localhost", "LOCALHOST:\(port)", "[::1]:\(port)"] {
                #expect(try RawHTTP.get("/", port: port, host: host).status == 200, "\(host)")
            }
            for host in [
                "evil.example", "evil.example:\(port)", "localhost.evil.example", "127.0.0.1.nip.io:\(port)",
                "localhost:1", "127.0.0.2:\(port)", "", "localhost:\(port)@evil.example",
            ] {
                let response = try RawHTTP.get("/", port: port, host: host)
                #expect(response.status == 421, "\(host) got \(response.status)")
                #expect(!String(decoding: response.body, as: UTF8.self).contains("<html"))
            }
            // No Host at all (HTTP/1.0 style).
            let client = try RawHTTP(port: port)
            try client.send("GET / HTTP/1.0\r\n\r\n")
            #expect(try client.readResponse().status == 421)
        }
    }

    @Test func neverServesAnythingOutsideTheSite() throws {
        try Self.withServer { port, _ in
            let targets = [
                "/../secret.txt", "/../../../../etc/passwd", "/%2e%2e/secret.txt", "/%2E%2E/%2e%2e/etc/passwd", "/%2e%2e%2fsecret.txt",
                "/..%2fsecret.txt", "/%252e%252e/secret.txt", "/%25252e%25252e/secret.txt", "/..\\secret.txt", "/%5c..%5csecret.txt",
                "/%c0%ae%c0%ae/secret.txt", "/%c0%ae%c0%ae%c0%afsecret.txt", "/%e0%80%ae%e0%80%ae/secret.txt", "/%c1%9c..%c1%9csecret.txt",
                "/link.txt", "/etc/passwd", "/./../secret.txt", "//etc/passwd", "/guide/../../secret.txt", "/%00../secret.txt",
                "/.valgrund/manifest", "/.valgrund-site", "http://localhost/../secret.txt", "../secret.txt", "*", "/guide/..;/..;/secret.txt",
            ]
            for target in targets {
                let response = try RawHTTP.get(target, port: port)
                let body = String(decoding: response.body, as: UTF8.self)
                #expect(response.status != 200, "\(target) was served")
                #expect(!body.contains("TOPSECRET") && !body.contains("root:"), "\(target) leaked \(body.prefix(80))")
            }
            #expect(try RawHTTP.get("/guide/a.html", port: port).status == 200)
            #expect(try RawHTTP.get("/guide/", port: port).status == 200)
        }
    }

    @Test func refusesLargeRequests() throws {
        try Self.withServer { port, _ in
            let large = try RawHTTP(port: port)
            try? large.send("GET / HTTP/1.1\r\nHost: localhost\r\nX-Filler: " + String(repeating: "a", count: 40_000) + "\r\n\r\n")
            #expect((try? large.readResponse().status) == 431)
            #expect(large.isClosed())

            let upload = try RawHTTP(port: port)
            try upload.send("POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100000000\r\n\r\n" + String(repeating: "x", count: 1000))
            #expect(try upload.readResponse().status == 413)
            #expect(upload.isClosed())

            // The server still answers others.
            #expect(try RawHTTP.get("/", port: port).status == 200)
        }
    }

    @Test func slowAndSilentClientsAreDisconnected() throws {
        try Self.withServer({
            $0.idleTimeout = .milliseconds(600); $0.headDeadline = .milliseconds(1500)
        }) { port, _ in
            // Silent: connects and sends nothing.
            let silent = try RawHTTP(port: port, timeout: 8)
            var started = Date()
            #expect(silent.isClosed())
            #expect(Date().timeIntervalSince(started) < 6, "a silent client held its connection")

            // Slow: a byte every 0.2 s keeps the idle timer happy, but the head never ends.
            let slow = try RawHTTP(port: port, timeout: 0.2)
            started = Date()
            var closed = false
            let request = Array("GET / HTTP/1.1\r\nHost: localhost\r\nX-Slow: " + String(repeating: "a", count: 100))
            for character in request {
                if (try? slow.send(String(character))) == nil || slow.isClosed() { closed = true; break }
                if Date().timeIntervalSince(started) > 8 { break }
            }
            // Generous bounds: the deadline is 1.5 s, and a busy test machine may be slow to notice.
            #expect(closed, "a client sending a byte every 0.2 s held its connection for 8 s")
            #expect(try RawHTTP.get("/", port: port).status == 200)
        }
    }

    /// A file that takes long to read (here a named pipe, whose opening waits for a writer) holds
    /// only its own request: files are read off the server's event loops, which answer everyone
    /// else meanwhile.
    @Test func aSlowFileHoldsOnlyItsOwnRequest() throws {
        try Self.withServer { port, root in
            let pipe = root.appendingPathComponent("langsam.html").path
            #expect(mkfifo(pipe, 0o644) == 0)
            // A writer that opens the pipe and goes lets its reader on (also when this test fails).
            func release() -> Bool {
                let writer = open(pipe, O_WRONLY | O_NONBLOCK)
                if writer >= 0 { close(writer) }
                return writer >= 0
            }
            defer { _ = release() }
            let waiting = try RawHTTP(port: port, timeout: 20)
            try waiting.send("GET /langsam.html HTTP/1.1\r\nHost: localhost\r\n\r\n")
            Thread.sleep(forTimeInterval: 0.2)
            // Connections are spread over both event loops: each would wait if its loop read the pipe.
            for _ in 0..<6 {
                let started = Date()
                let client = try RawHTTP(port: port, timeout: 3)
                try client.send("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n")
                #expect(try client.readResponse().status == 200)
                #expect(Date().timeIntervalSince(started) < 3)
            }
            // Its reader is waiting in open(), so a writer can open the pipe. Then the reader sees
            // that it is no plain file, which is never served.
            #expect(release())
            #expect(try waiting.readResponse().status == 404)
        }
    }

    /// Open pages wait for the next build and get its state as JSON: they reload on a new version,
    /// or show the errors.
    @Test func aWaitingPageIsToldOfTheNextBuild() throws {
        let (root, _) = try Self.servedSite()
        let server = PreviewServer(root: root, configuration: .init(port: 0))
        let port = try server.start()
        defer { server.stop() }
        func events(after attempt: Int) throws -> String {
            String(decoding: try RawHTTP.get("/__valgrund/events?after=\(attempt)", port: port).body, as: UTF8.self)
        }
        #expect(try events(after: -1) == #"{"attempt":0,"errors":[],"version":0}"#)
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) {
            server.published(
                succeeded: false, diagnostics: [.error("okänd nyckel \"titel\"", at: SourceLocation(path: "content/a/b.md", line: 2, column: 1))],
                outputError: nil)
        }
        #expect(try events(after: 0) == #"{"attempt":1,"errors":["content/a/b.md:2:1: error: okänd nyckel \"titel\""],"version":0}"#)
        server.published(succeeded: true, diagnostics: [], outputError: nil)
        #expect(try events(after: 1) == #"{"attempt":2,"errors":[],"version":1}"#)
    }

    /// The errors over the page and the script's own words are in the language of the person running the preview.
    @Test func theErrorsOverThePageAreInTheRunnersLanguage() throws {
        try Self.withServer({ $0.language = .swedish }) { port, _ in
            let script = String(decoding: try RawHTTP.get("/__valgrund/live.js", port: port).body, as: UTF8.self)
            #expect(script.contains(#"title.textContent = "Valgrund: innehållet har fel; detta är den senaste felfria versionen av webbplatsen.";"#))
            #expect(!script.contains("TITLE"))
        }
        #expect(LiveReloadScript.source(in: .english).contains(#""Valgrund: the content has errors; this is the last good site.""#))
        var configuration = PreviewServer.Configuration(port: 0)
        configuration.language = .swedish
        let server = PreviewServer(root: try Self.servedSite().root, configuration: configuration)
        let lines = server.errorLines(
            [.error("the year \(2025) has no data yet", at: SourceLocation(path: "content/units/a.yaml", line: 6, column: 8))],
            .verbatim("No space left on device"))
        #expect(lines == ["content/units/a.yaml:6:8: error: året 2025 har inga uppgifter ännu", "error: No space left on device"])
    }
}
