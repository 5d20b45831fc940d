import Diagnostics
import Foundation

/// What open pages wait for: a new site (they reload) or new errors (they show them).
final class LiveState: @unchecked Sendable {
    struct Snapshot: Sendable {
        /// Goes up with every successful build.
        var version: Int
        /// Goes up with every build, failed or not.
        var attempt: Int
        var errors: [String]
    }

    private let lock = NSLock()
    private var current = Snapshot(version: 0, attempt: 0, errors: [])
    private var waiters: [Int: @Sendable (Snapshot) -> Void] = [:]
    private var nextToken = 0

    var snapshot: Snapshot {
        lock.lock(); defer { lock.unlock() }
        return current
    }

    func publish(succeeded: Bool, errors: [String]) {
        lock.lock()
        current.attempt += 1
        if succeeded { current.version += 1 }
        current.errors = errors
        let snapshot = current
        let ready = waiters.values
        waiters = [:]
        lock.unlock()
        for callback in ready { callback(snapshot) }
    }

    /// Calls back at once when the state has moved past `attempt`, else at the next build.
    /// - Returns: a token for `cancel`, so a waiter that timed out does not linger.
    @discardableResult
    func wait(after attempt: Int, _ callback: @escaping @Sendable (Snapshot) -> Void) -> Int {
        lock.lock()
        if current.attempt != attempt || attempt < 0 {
            let snapshot = current
            lock.unlock()
            callback(snapshot)
            return -1
        }
        nextToken += 1
        let token = nextToken
        waiters[token] = callback
        lock.unlock()
        return token
    }

    func cancel(_ token: Int) {
        lock.lock()
        waiters[token] = nil
        lock.unlock()
    }

    var waiting: Int {
        lock.lock(); defer { lock.unlock() }
        return waiters.count
    }
}
