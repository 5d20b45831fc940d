import Foundation
import Diagnostics
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// GET requests to Kolada, each with a deadline and retries.
///
/// Foundation's URLSession (libcurl on Linux) does the HTTP and TLS, so no package is added. On
/// Linux its `timeoutIntervalForRequest` only limits the silence between two packets, counts in
/// whole seconds (0.5 s times out at once, before anything is sent) and its
/// `timeoutIntervalForResource` is not applied at all (measured: an answer trickling one byte
/// every half second ran on for 50 s past a 3 s limit). So the whole request's deadline is a task
/// that races the request and cancels it; URLSession's own limit is set seconds behind it, as a
/// backstop.
public struct KoladaClient: Sendable {
    public struct Settings: Sendable {
        /// The longest one request (its answer's last byte included) may take, in seconds.
        public var timeout: Double
        /// How many times a request that failed in a way that may pass is sent again.
        public var retries: Int
        /// The wait before the first retry, in seconds; it doubles before each next one.
        public var backoff: Double

        public init(timeout: Double = 30, retries: Int = 3, backoff: Double = 1) {
            self.timeout = timeout
            self.retries = retries
            self.backoff = backoff
        }
    }

    /// Why a request failed, in a person's words ("HTTP 500 Internal Server Error", "no answer
    /// within 30 s"), and whether sending it again may help.
    public struct Failure: Error, Equatable, CustomStringConvertible {
        public var message: Message
        public var mayPass: Bool
        public var description: String { message.description }
    }

    public let settings: Settings
    private let session: URLSession

    public init(settings: Settings) {
        self.settings = settings
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = Self.backstop(settings.timeout)
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpAdditionalHeaders = ["Accept": "application/json"]
        session = URLSession(configuration: configuration)
    }

    /// The body of the answer to a GET of `address`, tried once and then up to `retries` times more
    /// while the failure may pass (no connection, a timeout, an answer cut off, HTTP 5xx, 408 or 429),
    /// and what `check` makes of it. A failure that will not pass (another status, such as 400
    /// for an address too long) is not retried.
    public func get<T>(_ address: URL, check: (Data) throws(Failure) -> T) async throws(Failure) -> (Data, T) {
        var attempt = 0
        while true {
            do {
                let data = try await getOnce(address)
                return (data, try check(data))
            } catch {
                guard error.mayPass, attempt < settings.retries else {
                    guard attempt > 0 else { throw error }
                    throw Failure(message: "\(error.message) (asked \(attempt + 1) times)", mayPass: error.mayPass)
                }
                let wait = settings.backoff * Double(1 << min(attempt, 10))
                try? await Task.sleep(for: .seconds(wait))
                attempt += 1
            }
        }
    }

    /// One GET, failed when it takes longer than the timeout.
    func getOnce(_ address: URL) async throws(Failure) -> Data {
        let request = URLRequest(url: address, timeoutInterval: Self.backstop(settings.timeout))
        let (session, timeout) = (self.session, settings.timeout)
        let outcome: Result<(Data, URLResponse), Failure> = await withTaskGroup(of: Result<(Data, URLResponse), Failure>?.self) { group in
            group.addTask {
                do {
                    return .success(try await session.data(for: request))
                } catch {
                    return Task.isCancelled ? nil : .failure(Self.failure(error, timeout: timeout))
                }
            }
            group.addTask {
                try? await Task.sleep(for: .seconds(timeout))
                return Task.isCancelled ? nil : .failure(Failure(message: Self.noAnswer(timeout), mayPass: true))
            }
            defer { group.cancelAll() }
            while let result = await group.next() {
                if let result { return result }
            }
            return .failure(Failure(message: "the request was cancelled", mayPass: false))
        }
        let (data, response) = try outcome.get()
        guard let http = response as? HTTPURLResponse else { throw Failure(message: "the answer is not HTTP", mayPass: false) }
        guard http.statusCode == 200 else {
            let status = http.statusCode
            throw Failure(
                message: "HTTP \(status) \(HTTPURLResponse.localizedString(forStatusCode: status))",
                mayPass: status >= 500 || status == 408 || status == 429)
        }
        return data
    }

    /// URLSession's own limit: whole seconds, well after the deadline (which a test can then tell apart).
    static func backstop(_ timeout: Double) -> Double {
        timeout.rounded(.up) * 2 + 5
    }

    static func noAnswer(_ timeout: Double) -> Message {
        Message("no complete answer within \(timeout == timeout.rounded() ? String(Int(timeout)) : String(timeout)) s (--timeout)")
    }

    /// URLSession's error, told as a person needs it; every one of them may pass.
    static func failure(_ error: any Error, timeout: Double) -> Failure {
        let error = error as NSError
        let description: Message
        switch error.code {
        case NSURLErrorTimedOut: description = noAnswer(timeout)
        case NSURLErrorCannotConnectToHost: description = Message("cannot connect to the server")
        case NSURLErrorCannotFindHost, NSURLErrorDNSLookupFailed: description = Message("cannot find the server (no such host, or no network)")
        case NSURLErrorNetworkConnectionLost: description = Message("the connection was lost: the answer was cut off")
        default:
            // libcurl's words, such as "transfer closed with 88 bytes remaining to read".
            let words = (error.userInfo[NSLocalizedDescriptionKey] as? String) ?? "error \(error.code)"
            description = words.hasPrefix("transfer closed") ? Message("the answer was cut off (\(words))") : Message("the request failed: \(words)")
        }
        return Failure(message: description, mayPass: true)
    }
}
