import Diagnostics
import Foundation
import Synchronization
#if canImport(Glibc)
    import Glibc
#endif

/// Parsed files kept between the builds of one process (the live preview), so that an edit
/// re-reads only the file that changed.
public final class LoadCache: Sendable {
    struct Entry: Sendable {
        var stamp: FileStamp
        var value: any Sendable
        var diagnostics: [Diagnostic]
        var hash: UInt64?
    }

    private let entries = Mutex<[String: Entry]>([:])

    public init() {}

    func entry(for path: String) -> Entry? {
        entries.withLock { $0[path] }
    }

    func store(_ entry: Entry, for path: String) {
        entries.withLock { $0[path] = entry }
    }
}

/// A file's size, modification and inode change times and identity: when all are the same, so
/// are (almost surely) its bytes. The change time is there because the modification time can be
/// set back (`touch -r`, tools that keep times), and then an edit that keeps the size looks like none.
struct FileStamp: Equatable, Sendable {
    var size: Int
    var modified: Int
    var changed: Int
    var inode: UInt64

    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        size = Int(info.st_size)
        modified = Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec)
        changed = Int(info.st_ctim.tv_sec) * 1_000_000_000 + Int(info.st_ctim.tv_nsec)
        inode = UInt64(info.st_ino)
    }
}
