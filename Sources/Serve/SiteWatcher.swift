import Foundation
import Synchronization
#if canImport(Glibc)
    import Glibc
#endif

/// What changed under content/ and themes/, as the watcher tells it.
public enum Changes: Sendable, Equatable {
    /// These files (absolute paths, sorted) changed.
    case files([String])
    /// Which files changed is not known (the kernel lost events): the whole site must be looked at.
    case unknown

    /// The changes of both.
    func merged(with other: Changes) -> Changes {
        guard case .files(let mine) = self, case .files(let theirs) = other else { return .unknown }
        return .files(Set(mine).union(theirs).sorted())
    }
}

/// Notices edits under content/ and themes/: from the kernel's events where it reports them,
/// otherwise by comparing modification times every few hundred milliseconds (which works on
/// every file system; a scan of thousands of files takes milliseconds).
final class SiteWatcher: Sendable {
    private let folders: [String]
    private let interval: TimeInterval
    /// A file's modification and inode change times (nanoseconds) and size: the change time too,
    /// because an edit whose modification time is set back afterwards changes only that.
    private typealias Stamp = (modified: Int, changed: Int, size: Int)
    private struct State {
        /// Every file's stamp, when polling.
        var snapshot: [String: Stamp] = [:]
        var timer: DispatchSourceTimer?
        var events: FolderEvents?
        /// Changes seen and not told yet: they are told together once edits settle.
        var pending: Changes?
    }
    private let state: Mutex<State>
    private let queue: DispatchQueue
    /// Editors save in several steps (write a copy, rename it over the file): events that come
    /// this close together are one change.
    private let settle: TimeInterval = 0.015

    /// - Parameter queue: where changes are told (a serial queue of the watcher's own by default).
    init(source: URL, interval: TimeInterval = 0.2, queue: DispatchQueue = DispatchQueue(label: "valgrund.watcher")) {
        folders = ["content", "themes"].map { source.appendingPathComponent($0).path }
        self.interval = interval
        self.queue = queue
        // The source folder is watched too, so a themes/ folder made later is noticed.
        var state = State()
        state.events = FolderEvents(folders: folders, parent: source.path, queue: queue)
        if state.events == nil { state.snapshot = Self.scan(folders) }
        self.state = Mutex(state)
    }

    /// Calls `changed` (on the watcher's queue) with what changed, after edits settle.
    func start(changed: @escaping @Sendable (Changes) -> Void) {
        let started = state.withLock { state -> Bool in
            guard let events = state.events else { return false }
            events.start { [weak self] batch in
                guard let self else { return }
                let paths = batch.paths.filter { path in self.folders.contains { path == $0 || path.hasPrefix($0 + "/") } }
                if batch.overflowed { self.add(.unknown, changed) } else if !paths.isEmpty { self.add(.files(paths), changed) }
            }
            return true
        }
        guard !started else { return }
        state.withLock { state in
            let timer = DispatchSource.makeTimerSource(queue: queue)
            timer.schedule(deadline: .now() + interval, repeating: interval)
            timer.setEventHandler { [weak self] in
                guard let self else { return }
                let now = Self.scan(self.folders)
                let paths = self.state.withLock { state -> [String] in
                    var paths = now.keys.filter { key in state.snapshot[key].map { $0 != now[key]! } ?? true }
                    paths += state.snapshot.keys.filter { now[$0] == nil }
                    state.snapshot = now
                    return paths
                }
                if !paths.isEmpty { changed(.files(paths.sorted())) }
            }
            timer.resume()
            state.timer = timer
        }
    }

    /// Adds to what is pending; the first change after a quiet time starts the wait for edits to settle.
    private func add(_ changes: Changes, _ changed: @escaping @Sendable (Changes) -> Void) {
        let first = state.withLock { state -> Bool in
            let first = state.pending == nil
            state.pending = state.pending?.merged(with: changes) ?? changes
            return first
        }
        guard first else { return }
        queue.asyncAfter(deadline: .now() + settle) { [weak self] in
            guard let self,
                let pending = self.state.withLock({ state in
                    defer { state.pending = nil }; return state.pending
                })
            else { return }
            // Each path once, sorted.
            changed(pending.merged(with: .files([])))
        }
    }

    func stop() {
        state.withLock { state in
            state.timer?.cancel()
            state.timer = nil
            state.events?.stop()
            state.events = nil
        }
    }

    /// The stamp of every file.
    private static func scan(_ folders: [String]) -> [String: Stamp] {
        var result: [String: Stamp] = [:]
        for folder in folders { walk(folder, into: &result) }
        return result
    }

    private static func walk(_ folder: String, into result: inout [String: Stamp]) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name.hasPrefix(".") { continue }
            let path = folder + "/" + name
            var info = stat()
            guard stat(path, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                walk(path, into: &result)
            } else {
                result[path] = (
                    Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec),
                    Int(info.st_ctim.tv_sec) * 1_000_000_000 + Int(info.st_ctim.tv_nsec), Int(info.st_size)
                )
            }
        }
    }
}
