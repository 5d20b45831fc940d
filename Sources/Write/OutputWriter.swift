import Diagnostics
import CFileSystem
import Foundation
import Synchronization
#if canImport(Glibc)
    import Glibc
#endif

/// What a file of the site holds.
public enum FileContents: Sendable, Equatable {
    /// Bytes the build made (a page, a data file).
    case bytes(Data)
    /// A file to copy as it is, by its absolute path (an image, a PDF): copied when written, never
    /// read whole into memory, so a file of gigabytes costs no more memory than a small one.
    case copy(from: String)
}

/// Writes a site into a fresh folder next to the output and swaps it in only when it is complete,
/// so readers (and a failed or killed build) never see half a site.
public final class OutputWriter: Sendable {
    /// The file that says "Valgrund made this folder": only such folders are ever replaced. It is
    /// the only file in the output that is not part of the site.
    public static let markerName = ".valgrund-site"
    static let markerText = "This folder is a site built by Valgrund. Valgrund replaces it on every build.\n"
    /// SOURCE's folder for what Valgrund keeps between builds, outside every site (the Site module's `BuildCache`).
    public static let cacheFolderName = ".valgrund-cache"
    /// The preview's own output, inside the cache folder.
    public static let previewFolderName = "preview"

    /// Where the site goes: the output folder, or the folder a symbolic link there points to (the
    /// link stays as it is, and the new site is swapped in behind it).
    public let output: URL
    /// Which site this is: a new one for every site swapped in, written in its marker. Bookkeeping
    /// about an output is trusted only for the site it was made for.
    public let siteID: String
    let staging: URL
    /// The staging folder, open: files are written relative to it.
    private let stagingFolder: Int32
    /// The site being replaced, open, when its files may be taken over (-1 otherwise): a file
    /// with the same bytes is linked into the new site instead of written again. Held open, it
    /// stays the site that was checked, even if another build swaps its own in meanwhile.
    private let previousFolder: Int32
    /// The mode, owner and group of the output folder as the person set them, for the new one.
    private let settings: FolderSettings?
    /// What the writes from several threads share.
    private struct Progress {
        var createdFolders: Set<String> = [""]
        var paths: Set<String> = []
        var changedFiles = 0
        /// Committed or discarded: the staging folder is no longer ours to remove.
        var finished = false
    }

    private let progress = Mutex(Progress())

    /// Checks that `output` may be replaced, clears what killed builds left behind, and opens a staging folder.
    /// - Parameter previousSiteID: take over unchanged files of the site now in `output` when it
    ///   is this site (the identity in its marker).
    public init(output: URL, source: URL, reusing previousSiteID: String? = nil) throws(OutputError) {
        try OutputSafety.check(output: output.standardizedFileURL, source: source.standardizedFileURL)
        let location = Self.location(of: output)
        self.output = location
        settings = FolderSettings(of: self.output.path)
        let parent = self.output.deletingLastPathComponent()
        let failure = FolderIO.makeFolders(parent.path, in: AT_FDCWD)
        if failure != 0 { throw .cannotWrite(parent.path, FolderIO.reason(failure)) }
        Self.removeLeftovers(of: self.output)
        let name = ".\(self.output.lastPathComponent).valgrund-new-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        staging = parent.appendingPathComponent(name)
        siteID = Self.newSiteID()
        stagingFolder = try Self.makeStaging(staging, of: self.output, settings: settings, marker: Self.markerText + "site: \(siteID)\n")
        // Last: nothing after it can fail, which would leave the folder open.
        previousFolder = previousSiteID.map { Self.openSite(location, siteID: $0) } ?? -1
    }

    deinit {
        close(stagingFolder)
        if previousFolder >= 0 { close(previousFolder) }
        if !progress.withLock({ $0.finished }) { Self.remove(staging, of: output) }
    }

    /// The folder the site goes to for the output folder `output`: its real path, symbolic links
    /// resolved, also when the link's target does not exist yet.
    public static func location(of output: URL) -> URL {
        URL(fileURLWithPath: OutputSafety.resolved(output), isDirectory: true)
    }

    /// 128 random bits: two sites in one folder never share an identity.
    private static func newSiteID() -> String {
        var generator = SystemRandomNumberGenerator()
        return [generator.next(), generator.next()].map { (value: UInt64) in
            let digits = String(value, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }.joined()
    }

    /// The staging folder with the marker in it, given the output's settings, and open; nothing is
    /// left behind when it cannot be made.
    private static func makeStaging(_ staging: URL, of output: URL, settings: FolderSettings?, marker: String) throws(OutputError) -> Int32 {
        guard mkdir(staging.path, 0o777) == 0 else { throw .cannotWrite(staging.path, FolderIO.reason(errno)) }
        // Owner and group first, so that files made inside take the group when it is inherited (setgid).
        settings?.apply(to: staging.path, writable: true)
        let folder = open(staging.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        var failure = folder < 0 ? errno : 0
        if failure == 0 { failure = FolderIO.writeFile(markerName, in: folder, Data(marker.utf8)) }
        if failure != 0 {
            if folder >= 0 { close(folder) }
            remove(staging, of: output)
            throw .cannotWrite(staging.path + "/" + markerName, FolderIO.reason(failure))
        }
        return folder
    }

    /// The identity of the site in `output` (from its marker), or nil when it has none.
    public static func siteID(of output: URL) -> String? {
        siteID(marker: FolderIO.read(output.path + "/" + markerName, in: AT_FDCWD))
    }

    /// The identity in a marker's bytes.
    static func siteID(marker: Data?) -> String? {
        guard let marker else { return nil }
        let prefix = "site: "
        return String(decoding: marker, as: UTF8.self).split(separator: "\n")
            .first { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
    }

    /// The folder `output`, open, when it holds the site `siteID`; -1 otherwise.
    static func openSite(_ output: URL, siteID: String) -> Int32 {
        let folder = open(output.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { return -1 }
        guard Self.siteID(marker: FolderIO.read(markerName, in: folder)) == siteID else {
            close(folder)
            return -1
        }
        return folder
    }

    /// Writes one file of the site; `path` is relative to the output folder.
    public func write(_ path: String, _ contents: FileContents) throws {
        try prepare(path)
        if previousFolder >= 0, FolderIO.sameBytes(path, in: previousFolder, contents),
            linkat(previousFolder, path, stagingFolder, path, 0) == 0
        {
            return
        }
        let failure = FolderIO.writeFile(path, in: stagingFolder, contents)
        if failure != 0 { throw OutputError.cannotWrite(place(of: path), FolderIO.reason(failure)) }
        progress.withLock { $0.changedFiles += 1 }
    }

    /// Takes a file over from the site being replaced, unchanged.
    public func keep(_ path: String) throws {
        try prepare(path)
        guard previousFolder >= 0 else { throw OutputError.cannotWrite(place(of: path), Message("there is no earlier site to take it from")) }
        guard linkat(previousFolder, path, stagingFolder, path, 0) != 0 else { return }
        // No hard links on this file system: copy.
        let failure = FolderIO.copyFile(path, in: previousFolder, to: path, in: stagingFolder)
        if failure != 0 { throw OutputError.cannotWrite(place(of: path), FolderIO.reason(failure)) }
    }

    /// Whether a file at `path` (relative to the output folder) exists in the site being replaced.
    /// Asked for every page of the site before a rebuild, so it is a plain stat (FileManager's check is slow on Linux).
    public func previousHas(_ path: String) -> Bool {
        previousFolder >= 0 && FolderIO.exists(path, in: previousFolder)
    }

    /// How many files were written with bytes the site being replaced did not have at their path.
    public var changedFileCount: Int {
        progress.withLock { $0.changedFiles }
    }

    /// Every file of the new site so far.
    public var writtenPaths: Set<String> {
        progress.withLock { $0.paths }
    }

    /// Where a file of the site goes, as a person looks for it: the output folder and the file's path in it.
    func place(of path: String) -> String {
        output.path + "/" + path
    }

    /// Checks the path and makes its folder in the staging folder.
    private func prepare(_ path: String) throws {
        guard Self.isSafeRelativePath(path) else {
            throw OutputError.unsafePath(path)
        }
        let folder = FolderIO.folder(of: path)
        // Folders are made under the lock: a file written by another thread must not find its folder half made.
        try progress.withLock { (progress) throws(OutputError) in
            progress.paths.insert(path)
            if !progress.createdFolders.contains(folder) {
                let failure = FolderIO.makeFolders(folder, in: stagingFolder)
                if failure != 0 { throw OutputError.cannotWrite(place(of: folder), FolderIO.reason(failure)) }
                progress.createdFolders.insert(folder)
            }
        }
    }

    /// Puts the new site in place of the old one in one step.
    public func commit() throws(OutputError) {
        settings?.apply(to: staging.path, writable: false)
        let aside = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).valgrund-old-\(getpid())")
        let (old, failure) = FolderIO.swapFolder(staging.path, into: output.path, aside: aside.path)
        if failure != 0 { throw .cannotReplace(output.path, FolderIO.reason(failure)) }
        if let old { Self.remove(URL(fileURLWithPath: old), of: output) }
        progress.withLock { $0.finished = true }
    }

    /// Throws the new site away; the old one stays as it was.
    public func discard() {
        Self.remove(staging, of: output)
        progress.withLock { $0.finished = true }
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
    public static func remove(_ folder: URL, of output: URL) {
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

/// What a person may have set on the output folder and expects to stay: its permissions (say
/// 0700, or setgid so files take the group), its group (the web server's) and, for a build run
/// as root, its owner. A site swapped in is a new folder, so they are copied to it.
public struct FolderSettings: Sendable {
    var mode: mode_t
    var owner: uid_t
    var group: gid_t

    public init?(of path: String) {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return nil }
        mode = info.st_mode & 0o7777
        owner = info.st_uid
        group = info.st_gid
    }

    /// Gives `path` these settings; `writable` keeps it open to the builder while files go in.
    /// The group is set only where the system lets the builder (a group it is in, or as root);
    /// otherwise the folder keeps the builder's, as any new folder would.
    public func apply(to path: String, writable: Bool) {
        _ = chown(path, geteuid() == 0 ? owner : uid_t.max, group)
        _ = chmod(path, writable ? mode | S_IRWXU : mode)
    }
}
