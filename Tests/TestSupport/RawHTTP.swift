import Foundation
#if canImport(Glibc)
    import Glibc
#endif

/// A client that sends bytes exactly as written (no URL clean-up, unlike URLSession), for testing
/// what the preview server does with odd and hostile requests.
public final class RawHTTP {
    public struct Response {
        public var status: Int
        public var headers: [String: String]
        public var body: Data
    }

    public enum Failure: Error { case connect, closed, timeout, malformed }

    private let socket: Int32
    private var pending = Data()

    public init(port: Int, timeout: TimeInterval = 10) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure.connect }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var time = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - timeout.rounded(.down)) * 1_000_000))
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { close(socket); throw Failure.connect }
    }

    deinit { close(socket) }

    public func send(_ text: String) throws {
        try send(Data(text.utf8))
    }

    public func send(_ data: Data) throws {
        var offset = 0
        while offset < data.count {
            let sent = data.withUnsafeBytes { Glibc.send(socket, $0.baseAddress! + offset, data.count - offset, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { throw Failure.closed }
            offset += sent
        }
    }

    /// Reads more bytes; false when the server closed the connection.
    private func fill() throws -> Bool {
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = recv(socket, &buffer, buffer.count, 0)
        if count == 0 { return false }
        if count < 0 { throw errno == EAGAIN || errno == EWOULDBLOCK ? Failure.timeout : Failure.closed }
        pending.append(contentsOf: buffer[0..<count])
        return true
    }

    /// Whether the server has closed the connection (waits up to the socket's timeout for it).
    public func isClosed() -> Bool {
        do { return try !fill() } catch Failure.timeout { return false } catch { return true }
    }

    public func readResponse(head isHead: Bool = false) throws -> Response {
        let separator = Data("\r\n\r\n".utf8)
        while pending.range(of: separator) == nil {
            guard try fill() else { throw Failure.closed }
        }
        let end = pending.range(of: separator)!
        let head = String(decoding: pending[pending.startIndex..<end.lowerBound], as: UTF8.self)
        pending = Data(pending[end.upperBound...])
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { throw Failure.malformed }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let length = isHead ? 0 : Int(headers["content-length"] ?? "0") ?? 0
        while pending.count < length {
            guard try fill() else { throw Failure.closed }
        }
        let body = Data(pending.prefix(length))
        pending = Data(pending.dropFirst(length))
        return Response(status: status, headers: headers, body: body)
    }

    /// One GET with the given target and Host, on a fresh connection.
    public static func get(_ target: String, port: Int, host: String? = nil) throws -> Response {
        let client = try RawHTTP(port: port)
        try client.send("GET \(target) HTTP/1.1\r\nHost: \(host ?? "localhost:\(port)")\r\nConnection: close\r\n\r\n")
        return try client.readResponse()
    }
}
