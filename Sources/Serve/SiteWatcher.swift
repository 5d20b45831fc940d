import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Notices edits under content/ and themes/: from the kernel's events where it reports them,
/// otherwise by comparing modification times every few hundred milliseconds (which works on
/// every file system; a scan of thousands of files takes milliseconds).
final class SiteWatcher: @unchecked Sendable {
    private let folders: [String]
    private let interval: TimeInterval
    /// A file's modification and inode change times (nanoseconds) and size: the change time too,
    /// because an edit whose modification time is set back afterwards changes only that.
    private typealias Stamp = (modified: Int, changed: Int, size: Int)
    private var snapshot: [String: Stamp] = [:]
    private var timer: DispatchSourceTimer?
    private var events: FolderEvents?
    private var pending: [String] = []
    private var settling = false
    private let queue = DispatchQueue(label: "valgrund.watcher")
    /// Editors save in several steps (write a copy, rename it over the file): events that come
    /// this close together are one change.
    private let settle: TimeInterval = 0.015

    init(source: URL, interval: TimeInterval = 0.2) {
        folders = ["content", "themes"].map { source.appendingPathComponent($0).path }
        self.interval = interval
        // The source folder is watched too, so a themes/ folder made later is noticed.
        events = FolderEvents(folders: folders, parent: source.path, queue: queue)
        if events == nil { snapshot = scan() }
    }

    /// Calls `changed` (on the watcher's queue) with the paths that changed, after edits settle.
    func start(changed: @escaping @Sendable ([String]) -> Void) {
        if let events {
            events.start { [weak self] paths in
                guard let self else { return }
                self.pending += paths.filter { path in self.folders.contains { path == $0 || path.hasPrefix($0 + "/") } }
                guard !self.pending.isEmpty, !self.settling else { return }
                self.settling = true
                self.queue.asyncAfter(deadline: .now() + self.settle) {
                    self.settling = false
                    let paths = Array(Set(self.pending)).sorted()
                    self.pending = []
                    if !paths.isEmpty { changed(paths) }
                }
            }
            return
        }
        let timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now() + interval, repeating: interval)
        timer.setEventHandler { [weak self] in
            guard let self else { return }
            let now = self.scan()
            var paths = now.keys.filter { key in self.snapshot[key].map { $0 != now[key]! } ?? true }
            paths += self.snapshot.keys.filter { now[$0] == nil }
            guard !paths.isEmpty else { return }
            self.snapshot = now
            changed(paths.sorted())
        }
        self.timer = timer
        timer.resume()
    }

    func stop() {
        timer?.cancel()
        timer = nil
        events?.stop()
        events = nil
    }

    /// The stamp of every file.
    private func scan() -> [String: Stamp] {
        var result: [String: Stamp] = [:]
        for folder in folders { walk(folder, into: &result) }
        return result
    }

    private func walk(_ folder: String, into result: inout [String: Stamp]) {
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
                result[path] = (Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec),
                                Int(info.st_ctim.tv_sec) * 1_000_000_000 + Int(info.st_ctim.tv_nsec), Int(info.st_size))
            }
        }
    }
}
