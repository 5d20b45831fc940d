import Foundation
import Synchronization
import Testing
@testable import Serve
import ValgrundTestSupport
#if canImport(Glibc)
    import Glibc
#endif

/// The file watcher of `valgrund serve`: when the kernel loses events (its queue overflows), the
/// watcher says that it cannot tell which files changed, and the preview is then built from
/// every file instead of trusting an incomplete list.
@Suite struct WatcherTests {
    /// Collects what the watcher tells, from its queue.
    final class Told: Sendable {
        private let changes = Mutex<[Changes]>([])
        func add(_ change: Changes) { changes.withLock { $0.append(change) } }
        var all: [Changes] { changes.withLock { $0 } }
        /// What was told, short: "unknown" or the number of files.
        var summary: [String] { all.map { if case .files(let paths) = $0 { "\(paths.count) files" } else { "unknown" } } }

        /// Waits until `done` holds for what was told, or a few seconds have passed.
        func wait(until done: ([Changes]) -> Bool) -> [Changes] {
            let deadline = Date().addingTimeInterval(10)
            while !done(all), Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
            return all
        }
    }

    /// One record as the kernel writes it: `struct inotify_event`, then the name padded with zeros.
    static func record(watch: Int32, mask: Int32, name: String = "") -> [UInt8] {
        let padded = name.isEmpty ? 0 : (name.utf8.count / 16 + 1) * 16
        var event = inotify_event()
        event.wd = watch
        event.mask = UInt32(mask)
        event.len = UInt32(padded)
        var bytes = withUnsafeBytes(of: event) { [UInt8]($0) }
        bytes += Array(name.utf8) + [UInt8](repeating: 0, count: padded - name.utf8.count)
        return bytes
    }

    /// Makes more files in `folder` than the kernel queues events for: each gives two (made, closed after writing).
    static func overflow(_ folder: String) {
        let limit =
            Int(
                (try? String(contentsOfFile: "/proc/sys/fs/inotify/max_queued_events", encoding: .utf8))?
                    .trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? 16_384
        for number in 0...(limit / 2 + 100) {
            let descriptor = open(folder + "/sida-\(number).md", O_WRONLY | O_CREAT, 0o644)
            if descriptor >= 0 { close(descriptor) }
        }
    }

    static func site() throws -> URL {
        let source = TestSupport.temporaryFolder("watch")
        try FileManager.default.createDirectory(at: source.appendingPathComponent("content/handbook"), withIntermediateDirectories: true)
        return source
    }

    @Test func anOverflowRecordIsToldAndNotDropped() throws {
        let source = try Self.site()
        let content = source.appendingPathComponent("content").path
        let events = try #require(FolderEvents(folders: [content], parent: source.path, queue: DispatchQueue(label: "test")))
        // The watches the kernel gave: the parent's first, then content/ (the lowest numbers).
        func decode(_ bytes: [UInt8]) -> FolderEvents.Batch {
            var batch = FolderEvents.Batch()
            bytes.withUnsafeBytes { events.take($0, into: &batch) }
            return batch
        }
        let edit = Self.record(watch: 2, mask: IN_CLOSE_WRITE, name: "index.md")
        #expect(decode(edit) == FolderEvents.Batch(paths: [content + "/index.md"], overflowed: false))
        // The kernel's overflow record names no watch (-1) and no file.
        let overflow = Self.record(watch: -1, mask: IN_Q_OVERFLOW)
        #expect(decode(overflow) == FolderEvents.Batch(paths: [], overflowed: true))
        #expect(
            decode(edit + overflow + Self.record(watch: 2, mask: IN_DELETE, name: ".hidden.swp"))
                == FolderEvents.Batch(paths: [content + "/index.md"], overflowed: true))
    }

    @Test func changesThatCannotBeListedStayUnknown() {
        #expect(Changes.files(["/b", "/a"]).merged(with: .files(["/a", "/c"])) == .files(["/a", "/b", "/c"]))
        #expect(Changes.files(["/a"]).merged(with: .unknown) == .unknown)
        #expect(Changes.unknown.merged(with: .files(["/a"])) == .unknown)
    }

    /// A real overflow: while the watcher's queue is held, more files are made than the kernel
    /// queues events for (`/proc/sys/fs/inotify/max_queued_events`, 16384 by default).
    @Test func aKernelQueueOverflowIsToldAsUnknownChanges() throws {
        let source = try Self.site()
        let queue = DispatchQueue(label: "test.watcher")
        let watcher = SiteWatcher(source: source, queue: queue)
        defer { watcher.stop() }
        let told = Told()
        watcher.start { told.add($0) }
        let folder = source.appendingPathComponent("content/handbook").path
        queue.suspend()
        Self.overflow(folder)
        queue.resume()
        let all = told.wait { $0.contains(.unknown) }
        #expect(all.contains(.unknown), "told: \(told.summary)")

        // After it, an edit is listed again.
        let page = folder + "/sida-0.md"
        try Data("# Sida\n".utf8).write(to: URL(fileURLWithPath: page))
        let after = told.wait { $0.last.map { if case .files(let paths) = $0 { paths.contains(page) } else { false } } ?? false }
        #expect(after.last == .files([page]), "told: \(told.summary)")
    }

    /// The server hands an overflow to its rebuild as unknown changes, never as a list.
    @Test func theServerRebuildsEverythingAfterAnOverflow() throws {
        let source = try Self.site()
        let queue = DispatchQueue(label: "test.server.watcher")
        let server = PreviewServer(root: source, configuration: .init(port: 0))
        let told = Told()
        server.watch(SiteWatcher(source: source, queue: queue)) { changes in
            told.add(changes)
            return RebuildResult(succeeded: true, diagnostics: [], outputError: nil)
        }
        defer { server.stop() }
        let folder = source.appendingPathComponent("content/handbook").path
        queue.suspend()
        Self.overflow(folder)
        queue.resume()
        _ = told.wait { !$0.isEmpty }
        #expect(told.summary == ["unknown"])
    }
}
