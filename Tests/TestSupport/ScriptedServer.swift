import Foundation
import Synchronization
#if canImport(Glibc)
    import Glibc
#endif

/// An HTTP server on 127.0.0.1 that answers each request target (path and query) from a script,
/// for testing clients against answers a real server gives only on a bad day: an error status, a
/// body cut off, no answer at all. Each target's answers are given in turn; the last one repeats.
/// Every connection is answered once and closed.
public final class ScriptedServer: Sendable {
    public enum Answer: Sendable, Equatable {
        /// A whole answer with this status and body; `{server}` in the body becomes the server's
        /// address (`http://127.0.0.1:PORT`).
        case answer(Int, String)
        /// Status 200 and a Content-Length of the whole `body`, but only its first `sent` bytes.
        case cutOff(String, sent: Int)
        /// Nothing at all for this many seconds, then the connection is closed.
        case silence(Double)
    }

    public let port: Int
    private let listener: Int32
    private struct State {
        var script: [String: [Answer]]
        var requests: [String] = []
        var stopped = false
    }
    private let state: Mutex<State>

    public init(_ script: [String: [Answer]]) throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(listener, 16) == 0 else {
            close(listener)
            throw RawHTTP.Failure.connect
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        self.listener = listener
        port = Int(UInt16(bigEndian: address.sin_port))
        state = Mutex(State(script: script))
        Thread.detachNewThread { [self] in acceptLoop() }
    }

    deinit { stop() }

    /// `http://127.0.0.1:PORT`.
    public var address: String { "http://127.0.0.1:\(port)" }

    /// The request targets asked for, in order.
    public var requests: [String] { state.withLock { $0.requests } }

    /// Stops listening (connections being answered finish).
    public func stop() {
        let first = state.withLock { state in
            defer { state.stopped = true }
            return !state.stopped
        }
        if first {
            shutdown(listener, Int32(SHUT_RDWR))
            close(listener)
        }
    }

    private func acceptLoop() {
        while true {
            let connection = accept(listener, nil, nil)
            if connection < 0 {
                if errno == EINTR { continue }
                return
            }
            Thread.detachNewThread { [self] in answer(connection) }
        }
    }

    private func answer(_ connection: Int32) {
        defer { close(connection) }
        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while received.range(of: Data("\r\n\r\n".utf8)) == nil {
            let count = recv(connection, &buffer, buffer.count, 0)
            if count <= 0 { return }
            received.append(contentsOf: buffer[0..<count])
        }
        let requestLine = String(decoding: received.prefix { $0 != UInt8(ascii: "\r") }, as: UTF8.self).split(separator: " ")
        let target = requestLine.count > 1 ? String(requestLine[1]) : ""
        let answer = state.withLock { state -> Answer in
            state.requests.append(target)
            guard var answers = state.script[target], !answers.isEmpty else { return .answer(404, "no such address: \(target)") }
            let next = answers.removeFirst()
            if answers.isEmpty { answers = [next] }
            state.script[target] = answers
            return next
        }
        switch answer {
        case let .answer(status, body):
            send(connection, status: status, body: Data(body.replacingOccurrences(of: "{server}", with: address).utf8))
        case let .cutOff(body, sent):
            let bytes = Data(body.replacingOccurrences(of: "{server}", with: address).utf8)
            send(connection, status: 200, body: bytes.prefix(sent), length: bytes.count)
        case .silence(let seconds):
            Thread.sleep(forTimeInterval: seconds)
        }
    }

    private func send(_ connection: Int32, status: Int, body: Data, length: Int? = nil) {
        let head =
            "HTTP/1.1 \(status) \(status == 200 ? "OK" : "Status \(status)")\r\nContent-Type: application/json\r\n"
            + "Content-Length: \(length ?? body.count)\r\nConnection: close\r\n\r\n"
        let bytes = Data(head.utf8) + body
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { Glibc.send(connection, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL)) }
            if sent <= 0 { return }
            offset += sent
        }
    }
}
