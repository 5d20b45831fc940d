import Diagnostics
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// `valgrund serve`: builds the site, serves it on 127.0.0.1, rebuilds when content/ or themes/
/// change and makes open pages reload (or show the errors, over the last good site).
public final class PreviewServer: Sendable {
    public struct Configuration: Sendable {
        public var port: Int
        /// A connection that sends nothing for this long is closed.
        public var idleTimeout: TimeAmount = .seconds(30)
        /// How long a page's wait for the next build lasts before it asks again.
        public var longPoll: TimeAmount = .seconds(20)
        /// HTTP request heads larger than this are refused.
        public var maxHeaderBytes = 16_384
        /// A request head must arrive whole within this, however steadily its bytes trickle in
        /// (a "slowloris" client resets the idle timeout with every byte).
        public var headDeadline: TimeAmount = .seconds(10)
        /// The language of the errors shown over the page.
        public var language = Language.current

        public init(port: Int) {
            self.port = port
        }
    }

    let root: String
    let state = LiveState()
    private let configuration: Configuration
    private let group = MultiThreadedEventLoopGroup(numberOfThreads: 2)
    /// What runs: the listening channel and its port (known once bound, also when asked for port
    /// 0), and the watchers.
    private struct Running {
        var channel: Channel?
        var port: Int
        var watchers: [SiteWatcher] = []
    }
    private let running: Mutex<Running>
    /// Changes not yet built: those that come while a build runs are built together, once, after it.
    private let unbuilt = Mutex<Changes?>(nil)
    /// Rebuilds run here, one at a time.
    private let rebuilds = DispatchQueue(label: "valgrund.rebuild")

    public init(root: URL, configuration: Configuration) {
        self.root = root.standardizedFileURL.path
        self.configuration = configuration
        running = Mutex(Running(port: configuration.port))
    }

    /// Starts listening; returns the port (useful when asked for port 0).
    public func start() throws -> Int {
        let root = self.root
        let state = self.state
        let configuration = self.configuration
        let script = LiveReloadScript.source(in: configuration.language)
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let sync = channel.pipeline.syncOperations
                    try sync.addHandler(IdleStateHandler(readTimeout: configuration.idleTimeout))
                    try sync.configureHTTPServerPipeline(withErrorHandling: true)
                    try sync.addHandler(HeaderLimit(maxBytes: configuration.maxHeaderBytes, deadline: configuration.headDeadline), position: .first)
                    try sync.addHandler(
                        HTTPHandler(
                            root: root, port: self.port, state: state,
                            longPoll: configuration.longPoll, script: script))
                }
            }
            .childChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.maxMessagesPerRead, value: 4)
        let channel = try bootstrap.bind(host: "127.0.0.1", port: configuration.port).wait()
        let port = channel.localAddress?.port ?? configuration.port
        running.withLock { running in
            running.channel = channel
            running.port = port
        }
        return port
    }

    /// The port it listens on, for checking Host headers.
    private var port: Int { running.withLock { $0.port } }

    public func stop() {
        let (watchers, channel) = running.withLock { running in
            defer { running.watchers = []; running.channel = nil }
            return (running.watchers, running.channel)
        }
        for watcher in watchers { watcher.stop() }
        try? channel?.close().wait()
        try? group.syncShutdownGracefully()
    }

    /// Tells open pages about a finished build.
    public func published(succeeded: Bool, diagnostics: [Diagnostic], outputError: Message?) {
        state.publish(succeeded: succeeded, errors: errorLines(diagnostics, outputError))
    }

    /// The lines shown over the page: the errors, in the language of the person running the preview.
    func errorLines(_ diagnostics: [Diagnostic], _ outputError: Message?) -> [String] {
        let language = configuration.language
        var errors = diagnostics.filter { $0.severity == .error }.map { $0.description(in: language) }
        if let outputError { errors.append("error: \(outputError.text(in: language))") }
        return errors
    }

    /// Pages waiting for the next build (for tests of the server's memory under load).
    public var waitingPages: Int { state.waiting }
}

/// Closes connections whose request head grows beyond a bound, before the HTTP parser buffers it,
/// or takes longer than the deadline to arrive.
final class HeaderLimit: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    private let maxBytes: Int
    private let deadline: TimeAmount
    private var seen = 0
    /// The last four bytes, to spot the blank line (CR LF CR LF) that ends a request head.
    private var window: UInt32 = 0
    private var timer: Scheduled<Void>?

    init(maxBytes: Int, deadline: TimeAmount) {
        self.maxBytes = maxBytes
        self.deadline = deadline
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = unwrapInboundIn(data)
        // Count bytes up to the blank line that ends a request head; reset for the next request.
        for byte in buffer.readableBytesView {
            if seen == 0 && timer == nil { startTimer(context) }
            seen += 1
            window = window << 8 | UInt32(byte)
            if window == 0x0D0A_0D0A {
                seen = 0
                window = 0
                timer?.cancel()
                timer = nil
            }
            if seen > maxBytes {
                refuse(context, "431 Request Header Fields Too Large")
                return
            }
        }
        context.fireChannelRead(data)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        timer?.cancel()
    }

    func channelInactive(context: ChannelHandlerContext) {
        timer?.cancel()
        context.fireChannelInactive()
    }

    private func startTimer(_ context: ChannelHandlerContext) {
        let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
        let handler = NIOLoopBound(self, eventLoop: context.eventLoop)
        timer = context.eventLoop.scheduleTask(in: deadline) {
            handler.value.timer = nil
            handler.value.refuse(bound.value, "408 Request Timeout")
        }
    }

    private func refuse(_ context: ChannelHandlerContext, _ status: String) {
        timer?.cancel()
        timer = nil
        var response = context.channel.allocator.buffer(capacity: 80)
        response.writeString("HTTP/1.1 \(status)\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
        let channel = context.channel
        context.writeAndFlush(NIOAny(response)).whenComplete { _ in channel.close(promise: nil) }
    }
}

/// What a rebuild reports back to the server.
public struct RebuildResult: Sendable {
    public var succeeded: Bool
    public var diagnostics: [Diagnostic]
    public var outputError: Message?

    public init(succeeded: Bool, diagnostics: [Diagnostic], outputError: Message?) {
        self.succeeded = succeeded
        self.diagnostics = diagnostics
        self.outputError = outputError
    }
}

extension PreviewServer {
    /// Watches SOURCE's content/ and themes/ and calls `rebuild` after every change (one at a time;
    /// edits made during a build trigger one more), then tells open pages. When the watcher
    /// cannot tell which files changed (`Changes.unknown`), neither can `rebuild` trust a list.
    public func watch(source: URL, rebuild: @escaping @Sendable (Changes) -> RebuildResult) {
        watch(SiteWatcher(source: source), rebuild: rebuild)
    }

    func watch(_ watcher: SiteWatcher, rebuild: @escaping @Sendable (Changes) -> RebuildResult) {
        watcher.start { [self] changes in
            let first = unbuilt.withLock { unbuilt -> Bool in
                defer { unbuilt = unbuilt?.merged(with: changes) ?? changes }
                return unbuilt == nil
            }
            guard first else { return }
            rebuilds.async { [self] in
                guard
                    let changes = unbuilt.withLock({ unbuilt in
                        defer { unbuilt = nil }; return unbuilt
                    })
                else { return }
                let result = rebuild(changes)
                state.publish(succeeded: result.succeeded, errors: errorLines(result.diagnostics, result.outputError))
            }
        }
        running.withLock { $0.watchers.append(watcher) }
    }
}
