import Diagnostics
import Foundation
import Synchronization

/// What open pages wait for: a new site (they reload) or new errors (they show them).
final class LiveState: Sendable {
    struct Snapshot: Sendable, Encodable {
        /// Goes up with every successful build.
        var version: Int
        /// Goes up with every build, failed or not.
        var attempt: Int
        var errors: [String]
    }

    private struct State {
        var current = Snapshot(version: 0, attempt: 0, errors: [])
        var waiters: [Int: @Sendable (Snapshot) -> Void] = [:]
        var nextToken = 0
    }

    private let state = Mutex(State())

    var snapshot: Snapshot { state.withLock { $0.current } }

    func publish(succeeded: Bool, errors: [String]) {
        let (snapshot, ready) = state.withLock { state in
            state.current.attempt += 1
            if succeeded { state.current.version += 1 }
            state.current.errors = errors
            defer { state.waiters = [:] }
            return (state.current, Array(state.waiters.values))
        }
        // Called outside the lock: a callback may wait again at once.
        for callback in ready { callback(snapshot) }
    }

    /// Calls back at once when the state has moved past `attempt`, else at the next build.
    /// - Returns: a token for `cancel`, so a waiter that timed out does not linger.
    @discardableResult
    func wait(after attempt: Int, _ callback: @escaping @Sendable (Snapshot) -> Void) -> Int {
        let (token, ready) = state.withLock { state -> (Int, Snapshot?) in
            if state.current.attempt != attempt || attempt < 0 { return (-1, state.current) }
            state.nextToken += 1
            state.waiters[state.nextToken] = callback
            return (state.nextToken, nil)
        }
        if let ready { callback(ready) }
        return token
    }

    func cancel(_ token: Int) {
        state.withLock { _ = $0.waiters.removeValue(forKey: token) }
    }

    var waiting: Int { state.withLock { $0.waiters.count } }
}
