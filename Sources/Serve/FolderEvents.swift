import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Tells which files change under some folders, as the kernel reports them (Linux inotify): an
/// edit is seen at once, and watching costs nothing while nobody edits. New folders are watched
/// as they appear. Returns nil where inotify is not available, and the watcher polls instead.
final class FolderEvents: @unchecked Sendable {
    private let descriptor: Int32
    private var source: DispatchSourceRead?
    private var folderOfWatch: [Int32: String] = [:]
    private let queue: DispatchQueue
    private let folders: [String]
    private let parent: String

    /// - Parameters:
    ///   - folders: watched with every folder below them.
    ///   - parent: the folder that holds them, watched by itself so that they are noticed when made later.
    init?(folders: [String], parent: String, queue: DispatchQueue) {
        #if os(Linux)
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        self.queue = queue
        self.folders = folders
        self.parent = parent
        let parentWatch = inotify_add_watch(descriptor, parent, UInt32(IN_CREATE | IN_MOVED_TO))
        if parentWatch >= 0 { folderOfWatch[parentWatch] = parent }
        for folder in folders where !watchTree(folder) {
            close(descriptor)
            return nil
        }
        #else
        return nil
        #endif
    }

    deinit {
        source?.cancel()
    }

    private static let mask = UInt32(IN_CLOSE_WRITE | IN_MODIFY | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO
                                     | IN_DELETE_SELF | IN_MOVE_SELF | IN_ATTRIB)

    /// Watches `folder` and every folder below it; false when the kernel refuses (too many watches).
    private func watchTree(_ folder: String) -> Bool {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else { return true }
        let watch = inotify_add_watch(descriptor, folder, Self.mask)
        guard watch >= 0 else { return false }
        folderOfWatch[watch] = folder
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where !name.hasPrefix(".") {
            var info = stat()
            let path = folder + "/" + name
            if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR, !watchTree(path) { return false }
        }
        return true
    }

    /// Calls `changed` on the queue with the paths of every batch of events.
    func start(changed: @escaping @Sendable ([String]) -> Void) {
        let source = DispatchSource.makeReadSource(fileDescriptor: descriptor, queue: queue)
        source.setEventHandler { [weak self] in
            guard let self else { return }
            let paths = self.readEvents()
            if !paths.isEmpty { changed(paths) }
        }
        source.setCancelHandler { [descriptor] in close(descriptor) }
        self.source = source
        source.resume()
    }

    func stop() {
        source?.cancel()
        source = nil
    }

    private func readEvents() -> [String] {
        var paths: [String] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            var offset = 0
            buffer.withUnsafeBytes { bytes in
                while offset + MemoryLayout<inotify_event>.size <= count {
                    let event = bytes.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    let nameStart = offset + MemoryLayout<inotify_event>.size
                    let nameBytes = bytes[nameStart..<min(count, nameStart + Int(event.len))].prefix { $0 != 0 }
                    let name = String(decoding: nameBytes, as: UTF8.self)
                    offset = nameStart + Int(event.len)
                    guard let folder = folderOfWatch[event.wd] else { continue }
                    let path = name.isEmpty ? folder : folder + "/" + name
                    if !name.hasPrefix(".") { paths.append(path) }
                    // A new folder inside the watched ones is watched too; in the parent, only a watched one (themes/ made later).
                    if event.mask & UInt32(IN_ISDIR) != 0, event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0,
                       folder != parent || folders.contains(path) {
                        _ = watchTree(path)
                    }
                    if event.mask & UInt32(IN_IGNORED) != 0 { folderOfWatch[event.wd] = nil }
                }
            }
        }
        return paths
    }
}
