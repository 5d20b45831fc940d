import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Notices edits under content/ and themes/ by comparing modification times every few hundred
/// milliseconds: works on every file system, and a scan of thousands of files takes milliseconds.
final class SiteWatcher: @unchecked Sendable {
    private let folders: [String]
    private let interval: TimeInterval
    private var snapshot: [String: (Int, Int, Int)] = [:]
    private var timer: DispatchSourceTimer?
    private let queue = DispatchQueue(label: "valgrund.watcher")

    init(source: URL, interval: TimeInterval = 0.2) {
        folders = ["content", "themes"].map { source.appendingPathComponent($0).path }
        self.interval = interval
        snapshot = scan()
    }

    /// Calls `changed` (on the watcher's queue) with the paths that changed, after edits settle.
    func start(changed: @escaping @Sendable ([String]) -> Void) {
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
    }

    /// (modification seconds, nanoseconds, size) of every file.
    private func scan() -> [String: (Int, Int, Int)] {
        var result: [String: (Int, Int, Int)] = [:]
        for folder in folders { walk(folder, into: &result) }
        return result
    }

    private func walk(_ folder: String, into result: inout [String: (Int, Int, Int)]) {
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
                result[path] = (Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec), Int(info.st_size))
            }
        }
    }
}
