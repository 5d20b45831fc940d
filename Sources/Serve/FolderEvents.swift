import Foundation
import Synchronization
#if canImport(Glibc)
    import Glibc
#endif

/// Tells which files change under some folders, as the kernel reports them (Linux inotify): an
/// edit is seen at once, and watching costs nothing while nobody edits. New folders are watched
/// as they appear. Returns nil where inotify is not available, and the watcher polls instead.
///
/// The kernel keeps a bounded queue of events (`/proc/sys/fs/inotify/max_queued_events`); when
/// more come before they are read, it drops them and says so with one `IN_Q_OVERFLOW` record.
/// Such a batch is reported as `overflowed`: the list of paths is then incomplete, and the
/// site must be checked whole.
final class FolderEvents: Sendable {
    /// What one or more reads of the kernel's records told.
    struct Batch: Equatable {
        /// The paths events were about, in the order they came (hidden names left out).
        var paths: [String] = []
        /// Events were lost: other files than `paths` may have changed.
        var overflowed = false
    }

    private let descriptor: Int32
    private let folders: [String]
    private let parent: String
    private let queue: DispatchQueue
    /// Whether the kernel's records are read; the descriptor is closed once, when it stops.
    private enum Reading {
        case notStarted
        case reading(DispatchSourceRead)
        case stopped
    }
    /// The watched folders by watch descriptor, and whether they are read.
    private struct Watches {
        var folderOf: [Int32: String] = [:]
        var reading = Reading.notStarted
    }
    private let watches: Mutex<Watches>

    /// - Parameters:
    ///   - folders: watched with every folder below them.
    ///   - parent: the folder that holds them, watched by itself so that they are noticed when made later.
    init?(folders: [String], parent: String, queue: DispatchQueue) {
        #if os(Linux)
            let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
            guard descriptor >= 0 else { return nil }
            var folderOf: [Int32: String] = [:]
            let parentWatch = inotify_add_watch(descriptor, parent, UInt32(IN_CREATE | IN_MOVED_TO))
            if parentWatch >= 0 { folderOf[parentWatch] = parent }
            for folder in folders where !Self.watchTree(folder, descriptor: descriptor, into: &folderOf) {
                close(descriptor)
                return nil
            }
            self.descriptor = descriptor
            self.queue = queue
            self.folders = folders
            self.parent = parent
            watches = Mutex(Watches(folderOf: folderOf))
        #else
            return nil
        #endif
    }

    deinit {
        stop()
    }

    private static let mask = UInt32(
        IN_CLOSE_WRITE | IN_MODIFY | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO
            | IN_DELETE_SELF | IN_MOVE_SELF | IN_ATTRIB)

    /// Watches `folder` and every folder below it; false when the kernel refuses (too many watches).
    private static func watchTree(_ folder: String, descriptor: Int32, into folderOf: inout [Int32: String]) -> Bool {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else { return true }
        let watch = inotify_add_watch(descriptor, folder, mask)
        guard watch >= 0 else { return false }
        folderOf[watch] = folder
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where !name.hasPrefix(".") {
            var info = stat()
            let path = folder + "/" + name
            if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR,
                !watchTree(path, descriptor: descriptor, into: &folderOf)
            {
                return false
            }
        }
        return true
    }

    /// Calls `changed` on the queue with every batch of events that says something.
    func start(changed: @escaping @Sendable (Batch) -> Void) {
        watches.withLock { watches in
            guard case .notStarted = watches.reading else { return }
            let source = DispatchSource.makeReadSource(fileDescriptor: descriptor, queue: queue)
            source.setEventHandler { [weak self] in
                guard let self else { return }
                let batch = self.readEvents()
                if batch.overflowed || !batch.paths.isEmpty { changed(batch) }
            }
            source.setCancelHandler { [descriptor] in close(descriptor) }
            source.resume()
            watches.reading = .reading(source)
        }
    }

    func stop() {
        watches.withLock { watches in
            switch watches.reading {
            case .notStarted: close(descriptor)
            case .reading(let source): source.cancel()
            case .stopped: break
            }
            watches.reading = .stopped
        }
    }

    /// Reads every record the kernel holds.
    private func readEvents() -> Batch {
        var batch = Batch()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            buffer.withUnsafeBytes { take(UnsafeRawBufferPointer(rebasing: $0[..<count]), into: &batch) }
        }
        return batch
    }

    /// Decodes the records in `bytes` (each a `struct inotify_event` followed by its name's
    /// `len` bytes) into `batch`, and watches the folders they say were made.
    func take(_ bytes: UnsafeRawBufferPointer, into batch: inout Batch) {
        watches.withLock { watches in
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= bytes.count {
                let event = bytes.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                let nameStart = offset + MemoryLayout<inotify_event>.size
                let nameBytes = bytes[nameStart..<min(bytes.count, nameStart + Int(event.len))].prefix { $0 != 0 }
                let name = String(decoding: nameBytes, as: UTF8.self)
                offset = nameStart + Int(event.len)
                // Not about any watch (its descriptor is -1): the events that did not fit are gone.
                if event.mask & UInt32(IN_Q_OVERFLOW) != 0 {
                    batch.overflowed = true
                    continue
                }
                guard let folder = watches.folderOf[event.wd] else { continue }
                let path = name.isEmpty ? folder : folder + "/" + name
                if !name.hasPrefix(".") { batch.paths.append(path) }
                // A new folder inside the watched ones is watched too; in the parent, only a watched one (themes/ made later).
                if event.mask & UInt32(IN_ISDIR) != 0, event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0,
                    folder != parent || folders.contains(path),
                    !Self.watchTree(path, descriptor: descriptor, into: &watches.folderOf)
                {
                    // The kernel refused to watch it (too many watches): what happens in it is not seen.
                    batch.overflowed = true
                }
                if event.mask & UInt32(IN_IGNORED) != 0 { watches.folderOf[event.wd] = nil }
            }
        }
    }
}
