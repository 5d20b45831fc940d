import Foundation
import Load

/// The size, times and inode of every file a build reads (content/ and the site's themes/),
/// taken before loading: when nothing differs from the last build, there is nothing to do.
///
/// The size and modification time alone can be fooled: an edit that keeps the size, followed by
/// `touch -r` or an editor or tool that sets the old time back (`utime`), looks like no edit. The
/// inode change time cannot be set back by anyone (the kernel sets it on every write, rename or
/// time change), and the inode number changes when an editor saves by writing a new file and
/// renaming it over the old one; with both, such an edit is seen, for the price of the one
/// `stat` already made per file.
struct InputSnapshot: Equatable, Sendable {
    struct File: Equatable, Sendable {
        var path: String
        var size: Int
        var modified: Int
        /// The inode change time (ctime), in nanoseconds.
        var changed: Int
        var inode: UInt64

        /// The last time anything about the file changed.
        var lastChange: Int { max(modified, changed) }
    }

    var files: [File]
    /// When the snapshot was taken (nanoseconds since 1970).
    var taken: Int = 0
    /// The commit SOURCE's repository is at ("" outside git): pages show their files' last commit
    /// dates, which a commit changes without changing any file.
    var commit: String = ""

    /// File times are coarse (a few milliseconds): a file changed just before or while the last
    /// snapshot was taken can change again without its time or size changing. Like git's "racily
    /// clean" entries, such files are not trusted, and the build looks at their bytes instead.
    static let racyMargin = 1_000_000_000

    /// Whether `self` (taken now) shows the same files as `previous`, none of them changed too close
    /// to when `previous` was taken to be sure.
    func certainlySame(as previous: InputSnapshot) -> Bool {
        self == previous && !files.contains { $0.lastChange + Self.racyMargin >= previous.taken }
    }

    static func == (a: InputSnapshot, b: InputSnapshot) -> Bool { a.files == b.files && a.commit == b.commit }

    static func take(source: URL) -> InputSnapshot {
        let taken = now()
        var files: [File] = []
        for folder in ["content", "themes"] {
            walk(source.appendingPathComponent(folder).path, relative: folder, into: &files)
        }
        return InputSnapshot(files: files.sorted { $0.path < $1.path }, taken: taken, commit: CommitDates.head(of: source))
    }

    /// Looks at `paths` (relative to SOURCE) again, as if the snapshot were taken now: for the
    /// live preview, which is told which files changed.
    mutating func update(_ paths: [String], source: URL) {
        taken = Self.now()
        for path in paths {
            var info = stat()
            let exists = stat(source.path + "/" + path, &info) == 0
            let file = File(path: path, info)
            let index = files.partitioningIndex(where: { $0.path >= path })
            let found = index < files.count && files[index].path == path
            switch (found, exists) {
            case (true, true): files[index] = file
            case (true, false): files.remove(at: index)
            case (false, true): files.insert(file, at: index)
            case (false, false): break
            }
        }
    }

    private static func now() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int(now.tv_sec) * 1_000_000_000 + Int(now.tv_nsec)
    }

    private static func walk(_ path: String, relative: String, into files: inout [File]) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
        for name in names {
            let full = path + "/" + name
            var info = stat()
            guard lstat(full, &info) == 0 else { continue }
            // A linked folder is not followed (it could lead back up); the loader reports links.
            let isLink = (info.st_mode & S_IFMT) == S_IFLNK
            if isLink { _ = stat(full, &info) }
            if (info.st_mode & S_IFMT) == S_IFDIR && !isLink {
                walk(full, relative: relative + "/" + name, into: &files)
            } else {
                files.append(File(path: relative + "/" + name, info))
            }
        }
    }

    func write(to writer: inout BinaryWriter) {
        writer.int(taken)
        writer.string(commit)
        writer.int(files.count)
        for file in files {
            writer.string(file.path)
            writer.int(file.size)
            writer.int(file.modified)
            writer.int(file.changed)
            writer.uint64(file.inode)
        }
    }

    static func read(from reader: inout BinaryReader) throws -> InputSnapshot {
        let taken = try reader.int()
        let commit = try reader.string()
        let count = try reader.count()
        return InputSnapshot(
            files: try (0..<count).map { _ in
                File(
                    path: try reader.string(), size: try reader.int(), modified: try reader.int(), changed: try reader.int(),
                    inode: try reader.uint64())
            }, taken: taken, commit: commit)
    }
}

extension InputSnapshot.File {
    init(path: String, _ info: stat) {
        self.init(
            path: path, size: Int(info.st_size),
            modified: Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec),
            changed: Int(info.st_ctim.tv_sec) * 1_000_000_000 + Int(info.st_ctim.tv_nsec),
            inode: UInt64(info.st_ino))
    }
}

extension Array {
    /// The first index whose element satisfies `belongs`, in an array where all that do come last.
    func partitioningIndex(where belongs: (Element) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if belongs(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
