import CFileSystem
import Diagnostics
import Foundation
#if canImport(Glibc)
    import Glibc
#endif

/// The plain system calls both writers use, on paths relative to an open folder: a site is
/// thousands of small files, Foundation's file calls cost more per file than the writing, and
/// their errors lose the system's reason ("error 1") that a person needs ("No space left on device").
/// Every function returns 0 or the `errno` of the call that failed.
public enum FolderIO {
    /// The system's words for an `errno`, e.g. "No space left on device" (written as the system gives them).
    public static func reason(_ code: Int32) -> Message {
        .verbatim(String(cString: strerror(code)))
    }

    /// Makes the folder `path` (relative to `base`) and the folders above it that are missing.
    /// Folders are not followed through symbolic links.
    public static func makeFolders(_ path: String, in base: Int32) -> Int32 {
        guard !path.isEmpty else { return 0 }
        var made = path.hasPrefix("/") ? "/" : ""
        for part in path.split(separator: "/") {
            made += made.isEmpty || made == "/" ? String(part) : "/" + part
            if mkdirat(base, made, 0o777) == 0 { continue }
            let failure = errno
            var info = stat()
            guard failure == EEXIST, fstatat(base, made, &info, AT_SYMLINK_NOFOLLOW) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
                return failure == EEXIST ? ENOTDIR : failure
            }
        }
        return 0
    }

    /// Writes `data` to a new file at `path` (relative to `base`), replacing a file there.
    public static func writeFile(_ path: String, in base: Int32, _ data: Data) -> Int32 {
        let descriptor = openat(base, path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o666)
        guard descriptor >= 0 else { return errno }
        var failure: Int32 = 0
        data.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        // A full disk or quota may only be told when the file is closed (NFS, some FUSE shares).
        if close(descriptor) != 0 && failure == 0 { failure = errno }
        return failure
    }

    /// Replaces the file at the absolute `path` with `data` in one step: written beside it under a
    /// name of its own (so two replacements at once do not write into each other; the last wins),
    /// then renamed over it. Nothing is left behind on failure.
    public static func replaceFile(_ path: String, with data: Data) -> Int32 {
        let temporary = folder(of: path) + "/.valgrund-new-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        var failure = writeFile(temporary, in: AT_FDCWD, data)
        if failure == 0, rename(temporary, path) != 0 { failure = errno }
        if failure != 0 { unlink(temporary) }
        return failure
    }

    /// Puts the folder `new` where the folder `target` is (or was: a missing `target` is simply
    /// made), in one step where the file system can (Linux's `renameat2(RENAME_EXCHANGE)`), else by
    /// moving `target` aside to `aside` and `new` in its place.
    /// - Returns: where the old folder is now, for the caller to remove (`new`'s path after an
    ///   exchange, `aside` after a move, nil when there was none), or the `errno` of the step that
    ///   failed, and then both folders are where they were.
    public static func swapFolder(_ new: String, into target: String, aside: String) -> (old: String?, failure: Int32) {
        guard exists(target, in: AT_FDCWD) else { return (nil, rename(new, target) == 0 ? 0 : errno) }
        if valgrund_exchange_paths(new, target) == 0 { return (new, 0) }
        guard [EINVAL, ENOSYS, ENOTSUP].contains(errno) else { return (nil, errno) }
        // No atomic exchange on this file system: move the old folder aside, then the new one in.
        guard rename(target, aside) == 0 else { return (nil, errno) }
        guard rename(new, target) == 0 else {
            let failure = errno
            _ = rename(aside, target)
            return (nil, failure)
        }
        return (aside, 0)
    }

    /// Writes `contents` to a new file at `path` (relative to `base`): bytes are written, a file to
    /// copy is copied by the kernel (or through a small buffer), never read whole.
    public static func writeFile(_ path: String, in base: Int32, _ contents: FileContents) -> Int32 {
        switch contents {
        case .bytes(let data): writeFile(path, in: base, data)
        case .copy(let source): copyFile(source, in: AT_FDCWD, to: path, in: base)
        }
    }

    /// Copies the regular file `from` (relative to `fromBase`) to a new file `to` (relative to
    /// `toBase`) without holding it in memory, keeping its holes and modification time.
    static func copyFile(_ from: String, in fromBase: Int32, to: String, in toBase: Int32) -> Int32 {
        valgrund_copy_file(fromBase, from, toBase, to)
    }

    /// The bytes of the plain file at `path` (relative to `base`), or nil when it cannot be read or is
    /// no plain file (a pipe, a device).
    public static func read(_ path: String, in base: Int32) -> Data? {
        let descriptor = openat(base, path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        var data = Data(count: Int(info.st_size))
        let complete = data.withUnsafeMutableBytes { buffer -> Bool in
            var done = 0
            while done < buffer.count {
                let got = Glibc.read(descriptor, buffer.baseAddress! + done, buffer.count - done)
                if got < 0 && errno == EINTR { continue }
                if got <= 0 { return false }
                done += got
            }
            return true
        }
        return complete ? data : nil
    }

    /// Whether the file at `path` (relative to `base`) holds exactly `contents`. Bytes: the size is
    /// checked first, which settles most cases. A copy is taken to be unchanged when it has the size
    /// and modification time of the file it was copied from (copies keep that time), so a large file
    /// is not read to find out.
    static func sameBytes(_ path: String, in base: Int32, _ contents: FileContents) -> Bool {
        var info = stat()
        guard fstatat(base, path, &info, 0) == 0 else { return false }
        switch contents {
        case .bytes(let data):
            return Int(info.st_size) == data.count && read(path, in: base) == data
        case .copy(let source):
            var original = stat()
            return stat(source, &original) == 0 && (original.st_mode & S_IFMT) == S_IFREG && original.st_size == info.st_size
                && original.st_mtim.tv_sec == info.st_mtim.tv_sec && original.st_mtim.tv_nsec == info.st_mtim.tv_nsec
        }
    }

    /// Whether there is anything at `path` (relative to `base`).
    static func exists(_ path: String, in base: Int32) -> Bool {
        var info = stat()
        return fstatat(base, path, &info, 0) == 0
    }

    /// The folder part of a relative path ("" for a file at the top).
    static func folder(of path: String) -> String {
        path.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(path[..<$0]) } ?? ""
    }
}
