import Foundation
import Synchronization

/// Where a build spends its time, by stage and page kind; printed when VALGRUND_TIMINGS is set.
public final class Timings: Sendable {
    public static let shared = Timings()
    public let enabled = ProcessInfo.processInfo.environment["VALGRUND_TIMINGS"] != nil
    private let totals = Mutex<[String: (seconds: Double, count: Int)]>([:])

    @discardableResult
    public func measure<T>(_ label: @autoclosure () -> String, _ work: () throws -> T) rethrows -> T {
        guard enabled else { return try work() }
        let label = label()
        let start = DispatchTime.now().uptimeNanoseconds
        let result = try work()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        totals.withLock { totals in
            totals[label, default: (0, 0)].seconds += seconds
            totals[label, default: (0, 0)].count += 1
        }
        return result
    }

    /// Prints the totals and starts counting afresh (the live preview builds many times).
    public func report() {
        guard enabled else { return }
        let totals = self.totals.withLock { totals in
            defer { totals = [:] }
            return totals
        }
        for (label, total) in totals.sorted(by: { $0.value.seconds > $1.value.seconds }) {
            FileHandle.standardError.write(Data(String(format: "%8.3f s %7d× %@\n", total.seconds, total.count, label).utf8))
        }
    }
}
