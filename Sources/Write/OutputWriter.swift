import CFileSystem
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a site into a fresh folder next to the output and swaps it in only when it is complete,
/// so readers (and a failed or killed build) never see half a site.
public final class OutputWriter: @unchecked Sendable {
    /// The file that says "Valgrund made this folder": only such folders are ever replaced.
    public static let markerName = ".valgrund-site"
    static let markerText = "This folder is a site built by Valgrund. Valgrund replaces it on every build.\n"

    public let output: URL
    let staging: URL
    private let stagingPath: String
    /// The site being replaced, when its files may be taken over: a file with the same bytes is
    /// linked into the new site instead of written again.
    private let previousPath: String?
    private let lock = NSLock()
    private var createdFolders: Set<String> = [""]
    private var paths: Set<String> = []
    private var changedFiles = 0
    private var finished = false

    /// Checks that `output` may be replaced, clears what killed builds left behind, and opens a staging folder.
    /// - Parameter reusingPrevious: take over unchanged files of the site now in `output`.
    public init(output: URL, source: URL, reusingPrevious: Bool = false) throws(OutputError) {
        self.output = output.standardizedFileURL
        let marker = self.output.appendingPathComponent(Self.markerName).path
        previousPath = reusingPrevious && FileManager.default.fileExists(atPath: marker) ? self.output.path : nil
        try OutputSafety.check(output: self.output, source: source.standardizedFileURL)
        let parent = self.output.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(parent.path, "\(error.localizedDescription)")
        }
        Self.removeLeftovers(of: self.output)
        let name = ".\(self.output.lastPathComponent).valgrund-new-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        staging = parent.appendingPathComponent(name)
        stagingPath = staging.path
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
            try Data(Self.markerText.utf8).write(to: staging.appendingPathComponent(Self.markerName))
        } catch {
            throw .cannotWrite(staging.path, "\(error.localizedDescription)")
        }
    }

    deinit {
        if !finished { Self.remove(staging, of: output) }
    }

    /// Writes one file of the site; `path` is relative to the output folder.
    public func write(_ path: String, _ data: Data) throws {
        let target = try prepare(path)
        if let previousPath, Self.sameBytes(previousPath + "/" + path, data), link(previousPath + "/" + path, target) {
            return
        }
        try Self.writeFile(target, data)
        lock.lock(); changedFiles += 1; lock.unlock()
    }

    /// A new file with `data`, by plain system calls: a site is thousands of small files, and
    /// Foundation's writer costs more per file than the writing.
    static func writeFile(_ path: String, _ data: Data) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw OutputError.cannotWrite(path, String(cString: strerror(errno))) }
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
        if close(descriptor) != 0 && failure == 0 { failure = errno }
        if failure != 0 { throw OutputError.cannotWrite(path, String(cString: strerror(failure))) }
    }

    /// Writes one file of the site by handing its place to `produce` (for files too large to build in memory first).
    public func write(_ path: String, producedBy produce: (URL) throws -> Void) throws {
        try produce(URL(fileURLWithPath: try prepare(path)))
        lock.lock(); changedFiles += 1; lock.unlock()
    }

    /// Takes a file over from the site being replaced, unchanged.
    public func keep(_ path: String) throws {
        let target = try prepare(path)
        guard let previousPath else { throw OutputError.cannotWrite(path, "there is no earlier site to take it from") }
        let old = previousPath + "/" + path
        if !link(old, target) {
            // No hard links on this file system: copy.
            try Self.writeFile(target, try Data(contentsOf: URL(fileURLWithPath: old)))
        }
    }

    /// Whether a file at `path` (relative to the output folder) exists in the site being replaced.
    /// Asked for every page of the site before a rebuild, so it is a plain stat (FileManager's check is slow on Linux).
    public func previousHas(_ path: String) -> Bool {
        guard let previousPath else { return false }
        var info = stat()
        return stat(previousPath + "/" + path, &info) == 0
    }

    /// How many files were written with bytes the site being replaced did not have at their path.
    public var changedFileCount: Int {
        lock.lock(); defer { lock.unlock() }
        return changedFiles
    }

    /// Every file of the new site so far.
    public var writtenPaths: Set<String> {
        lock.lock(); defer { lock.unlock() }
        return paths
    }

    /// The file's place in the staging folder, its folder made.
    private func prepare(_ path: String) throws -> String {
        guard Self.isSafeRelativePath(path) else {
            throw OutputError.unsafePath(path)
        }
        let folder = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(path[..<$0]) } ?? ""
        // Folders are made under the lock: a file written by another thread must not find its folder half made.
        lock.lock()
        defer { lock.unlock() }
        paths.insert(path)
        if !createdFolders.contains(folder) {
            try FileManager.default.createDirectory(atPath: stagingPath + "/" + folder, withIntermediateDirectories: true)
            createdFolders.insert(folder)
        }
        return stagingPath + "/" + path
    }

    private func link(_ from: String, _ to: String) -> Bool {
        Glibc.link(from, to) == 0
    }

    /// Whether the file at `path` holds exactly `data` (its size is checked first, which settles most cases).
    static func sameBytes(_ path: String, _ data: Data) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, Int(info.st_size) == data.count else { return false }
        guard let old = FileManager.default.contents(atPath: path) else { return false }
        return old == data
    }

    /// Puts the new site in place of the old one in one step.
    public func commit() throws {
        let fm = FileManager.default
        if fm.fileExists(atPath: output.path) {
            if Self.exchange(staging.path, output.path) {
                Self.remove(staging, of: output)
            } else {
                // No atomic exchange on this file system: move the old site aside, then the new one in.
                let old = output.deletingLastPathComponent()
                    .appendingPathComponent(".\(output.lastPathComponent).valgrund-old-\(getpid())")
                try fm.moveItem(at: output, to: old)
                try fm.moveItem(at: staging, to: output)
                Self.remove(old, of: output)
            }
        } else {
            try fm.moveItem(at: staging, to: output)
        }
        finished = true
    }

    /// Replaces one file of a built site in a single step: `produce` writes a new file at the place
    /// it is given, which is then renamed over the old one.
    /// - Parameter place: given the step that moves the finished file into place; it decides
    ///   whether to take it (a file not moved is thrown away), e.g. under a lock.
    public static func replaceFile(in output: URL, path: String, producedBy produce: (URL) throws -> Void,
                                   placing place: (_ move: () throws -> Void) throws -> Void = { try $0() }) throws {
        let url = output.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        // A name of its own for each call, so two replacements of one file at once do not write into each other.
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).new-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        defer { try? FileManager.default.removeItem(at: temporary) }
        try produce(temporary)
        try place {
            guard rename(temporary.path, url.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path,
                                                               NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int(errno))])
            }
        }
    }

    /// Throws the new site away; the old one stays as it was.
    public func discard() {
        Self.remove(staging, of: output)
        finished = true
    }

    static func exchange(_ a: String, _ b: String) -> Bool {
        // renameat2(RENAME_EXCHANGE) swaps two folders atomically (Linux 3.15+).
        valgrund_exchange_paths(a, b) == 0
    }

    /// Removes staging and old folders of earlier builds that were killed before they finished.
    public static func removeLeftovers(of output: URL) {
        let parent = output.deletingLastPathComponent()
        let prefix = ".\(output.lastPathComponent).valgrund-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        for name in names where name.hasPrefix(prefix) {
            let folder = parent.appendingPathComponent(name)
            // Folders being thrown away were renamed so by a build, from a folder it had made.
            if name.hasPrefix(prefix + "trash-") {
                try? FileManager.default.removeItem(at: folder)
                continue
            }
            // Others only when they carry the marker (or are still empty): only those are ours to remove.
            let marker = folder.appendingPathComponent(markerName)
            let contents = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? ["?"]
            if FileManager.default.fileExists(atPath: marker.path) || contents.isEmpty {
                remove(folder, of: output)
            }
        }
    }

    /// Deletes one of our folders next to the output. It is first renamed to a "trash" name in one
    /// step: a build killed while deleting would otherwise leave a folder whose marker is gone,
    /// which no later build could tell from someone else's.
    static func remove(_ folder: URL, of output: URL) {
        let trash = folder.deletingLastPathComponent()
            .appendingPathComponent(".\(output.lastPathComponent).valgrund-trash-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        let target = rename(folder.path, trash.path) == 0 ? trash : folder
        try? FileManager.default.removeItem(at: target)
    }

    static func isSafeRelativePath(_ path: String) -> Bool {
        // On bytes: every file of the site is asked, and a character search is slow.
        let bytes = path.utf8
        guard !bytes.isEmpty, !bytes.contains(UInt8(ascii: "\\")), !bytes.contains(0) else { return false }
        return !bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).contains { part in
            part.isEmpty || part.elementsEqual([UInt8(ascii: ".")]) || part.elementsEqual([UInt8(ascii: "."), UInt8(ascii: ".")])
        }
    }
}
