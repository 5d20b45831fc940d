import Foundation
import Markup
import NIOCore
import NIOHTTP1
import NIOPosix
import Write

/// One connection of the preview server: GET and HEAD of the built site, the live-reload script
/// and its event stream. Refuses other hosts (DNS rebinding), request bodies and unsafe paths.
final class HTTPHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let root: String
    private let port: Int
    private let state: LiveState
    private let longPoll: TimeAmount
    /// The live-reload script, in the language of the person running the preview.
    private let script: String
    private var request: HTTPRequestHead?
    private var refused = false

    init(root: String, port: Int, state: LiveState, longPoll: TimeAmount, script: String) {
        self.root = root
        self.port = port
        self.state = state
        self.longPoll = longPoll
        self.script = script
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            request = head
            refused = false
        case .body:
            // Nothing here takes a body: answer and close rather than read an unbounded upload.
            if !refused {
                refused = true
                respond(context, status: .payloadTooLarge, body: "request bodies are not accepted\n", keepAlive: false)
            }
        case .end:
            guard let head = request, !refused else { return }
            request = nil
            handle(head, context: context)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        context.close(promise: nil)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        // The idle timeout: a client that sends nothing (a slow or stuck one) is disconnected.
        if event is IdleStateHandler.IdleStateEvent { context.close(promise: nil) } else { context.fireUserInboundEventTriggered(event) }
    }

    private func handle(_ head: HTTPRequestHead, context: ChannelHandlerContext) {
        let keepAlive = head.isKeepAlive
        guard Self.isLocalHost(head.headers.first(name: "host"), port: port) else {
            respond(context, status: .misdirectedRequest, body: "this server answers only to localhost\n", keepAlive: false)
            return
        }
        guard head.method == .GET || head.method == .HEAD else {
            respond(context, status: .methodNotAllowed, body: "only GET and HEAD\n", keepAlive: keepAlive, extra: [("Allow", "GET, HEAD")])
            return
        }
        let path = head.uri.split(separator: "?", maxSplits: 1).first.map(String.init) ?? head.uri
        if path == LiveReloadScript.path {
            respond(
                context, status: .ok, body: script, type: "text/javascript; charset=utf-8", keepAlive: keepAlive, head: head.method == .HEAD)
            return
        }
        if path == LiveReloadScript.eventsPath {
            events(head, context: context)
            return
        }
        // Finding and reading the file blocks on the disk: it is done on NIO's thread pool, and
        // the event loop answers when it is done, free meanwhile for the other connections.
        let loop = context.eventLoop
        let bound = NIOLoopBound(context, eventLoop: loop)
        let handler = NIOLoopBound(self, eventLoop: loop)
        let isHead = head.method == .HEAD
        NIOThreadPool.singleton.runIfActive(eventLoop: loop) { [root] in
            Self.answer(head.uri, root: root)
        }.whenComplete { result in
            let context = bound.value
            switch result {
            case .success(.file(let data, let type)):
                var buffer = context.channel.allocator.buffer(capacity: data.count)
                buffer.writeBytes(data)
                handler.value.respond(context, status: .ok, buffer: buffer, type: type, keepAlive: keepAlive, head: isHead)
            case .success(.notFound(let page)):
                handler.value.respond(context, status: .notFound, body: page, type: "text/html; charset=utf-8", keepAlive: keepAlive, head: isHead)
            case .success(.badRequest):
                handler.value.respond(context, status: .badRequest, body: "bad path\n", keepAlive: keepAlive)
            case .failure:
                context.close(promise: nil)
            }
        }
    }

    /// What a request for a file of the site gets.
    enum Answer: Sendable {
        case file(Data, type: String)
        case notFound(page: String)
        case badRequest
    }

    /// Finds and reads the file `uri` asks for (the live-reload script added to HTML); blocks on the disk.
    static func answer(_ uri: String, root: String) -> Answer {
        let file: String
        do {
            file = try SafePath.resolve(uri, root: root)
        } catch .badRequest {
            return .badRequest
        } catch {
            return .notFound(page: notFoundPage(root: root))
        }
        // Only a plain file is served (not a pipe or a device that happens to be in the folder).
        guard var data = FolderIO.read(file, in: AT_FDCWD) else { return .notFound(page: notFoundPage(root: root)) }
        let type = contentType(of: file)
        if type.hasPrefix("text/html") { data = withLiveReload(data) }
        return .file(data, type: type)
    }

    private static func notFoundPage(root: String) -> String {
        (FolderIO.read(root + "/404.html", in: AT_FDCWD).map { String(decoding: withLiveReload($0), as: UTF8.self) })
            ?? "not found\n"
    }

    /// Long poll: answers when a build finishes after `after`, or after a while with the current state.
    private func events(_ head: HTTPRequestHead, context: ChannelHandlerContext) {
        let query = head.uri.split(separator: "?", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
        let after =
            query.split(separator: "&").compactMap { pair -> Int? in
                let parts = pair.split(separator: "=", maxSplits: 1)
                return parts.count == 2 && parts[0] == "after" ? Int(parts[1]) : nil
            }.first ?? -1
        let loop = context.eventLoop
        let bound = NIOLoopBound(context, eventLoop: loop)
        let handler = NIOLoopBound(self, eventLoop: loop)
        let answered = NIOLoopBoundBox(false, eventLoop: loop)
        let keepAlive = head.isKeepAlive
        let send: @Sendable (LiveState.Snapshot) -> Void = { snapshot in
            loop.execute {
                guard !answered.value else { return }
                answered.value = true
                let json = Self.json(snapshot)
                handler.value.respond(bound.value, status: .ok, body: json, type: "application/json", keepAlive: keepAlive)
            }
        }
        let token = state.wait(after: after, send)
        loop.scheduleTask(in: longPoll) { [state] in
            state.cancel(token)
            send(state.snapshot)
        }
    }

    /// The answer to a page waiting for the next build: `{"attempt":…,"errors":[…],"version":…}`.
    static func json(_ snapshot: LiveState.Snapshot) -> String {
        JSON.object(["version": .int(snapshot.version), "attempt": .int(snapshot.attempt), "errors": JSON(snapshot.errors)]).compact
    }

    static func withLiveReload(_ data: Data) -> Data {
        let html = String(decoding: data, as: UTF8.self)
        guard let end = html.range(of: "</body>", options: .backwards) else { return Data((html + LiveReloadScript.tag).utf8) }
        return Data((html[..<end.lowerBound] + LiveReloadScript.tag + html[end.lowerBound...]).utf8)
    }

    /// Only `localhost`, `127.0.0.1` or `[::1]`, with this server's port or none: a page on another
    /// site that points a DNS name at 127.0.0.1 cannot read the preview.
    static func isLocalHost(_ host: String?, port: Int) -> Bool {
        guard let host = host?.lowercased() else { return false }
        for name in ["localhost", "127.0.0.1", "[::1]"] where host == name || host == "\(name):\(port)" { return true }
        return false
    }

    static func contentType(of path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "svg": return "image/svg+xml"
        case "xml": return "application/xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "pdf": return "application/pdf"
        case "csv": return "text/csv; charset=utf-8"
        case "md": return "text/markdown; charset=utf-8"
        case "txt": return "text/plain; charset=utf-8"
        case "docx": return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        default: return "application/octet-stream"
        }
    }

    func respond(
        _ context: ChannelHandlerContext, status: HTTPResponseStatus, body: String, type: String = "text/plain; charset=utf-8",
        keepAlive: Bool, head: Bool = false, extra: [(String, String)] = []
    ) {
        var buffer = context.channel.allocator.buffer(capacity: body.utf8.count)
        buffer.writeString(body)
        respond(context, status: status, buffer: buffer, type: type, keepAlive: keepAlive, head: head, extra: extra)
    }

    func respond(
        _ context: ChannelHandlerContext, status: HTTPResponseStatus, buffer: ByteBuffer, type: String,
        keepAlive: Bool, head: Bool = false, extra: [(String, String)] = []
    ) {
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: type)
        headers.add(name: "Content-Length", value: String(buffer.readableBytes))
        headers.add(name: "Cache-Control", value: "no-store")
        headers.add(name: "X-Content-Type-Options", value: "nosniff")
        headers.add(name: "Connection", value: keepAlive ? "keep-alive" : "close")
        for (name, value) in extra { headers.add(name: name, value: value) }
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: status, headers: headers))), promise: nil)
        if !head { context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil) }
        let done = context.writeAndFlush(wrapOutboundOut(.end(nil)))
        if !keepAlive {
            let channel = context.channel
            done.whenComplete { _ in channel.close(promise: nil) }
        }
    }
}
