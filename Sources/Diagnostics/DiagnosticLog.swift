import Synchronization

/// Collects diagnostics from every stage (and from parallel work) so a run reports all of them at once.
public final class DiagnosticLog: Sendable {
    private let items = Mutex<[Diagnostic]>([])

    public init() {}

    public func add(_ diagnostic: Diagnostic) {
        items.withLock { $0.append(diagnostic) }
    }

    public func add(contentsOf diagnostics: some Sequence<Diagnostic>) {
        items.withLock { $0.append(contentsOf: diagnostics) }
    }

    public func error(_ message: Message, at location: SourceLocation) {
        add(.error(message, at: location))
    }

    public func warning(_ message: Message, at location: SourceLocation) {
        add(.warning(message, at: location))
    }

    /// Sorted by file and position, duplicates removed.
    public var all: [Diagnostic] {
        Array(Set(items.withLock { $0 })).sorted()
    }

    public var hasErrors: Bool {
        items.withLock { $0.contains { $0.severity == .error } }
    }

    public var errorCount: Int {
        Set(items.withLock { $0.filter { $0.severity == .error } }).count
    }
}
