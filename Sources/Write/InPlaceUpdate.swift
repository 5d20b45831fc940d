import Foundation
#if canImport(Glibc)
    import Glibc
#endif

/// Brings a built site up to date file by file, for the live preview: after a small edit, linking
/// thousands of unchanged files into a fresh folder would cost more than the edit itself.
/// Each file is replaced in one step (written beside it, then renamed over it); the preview
/// serves the folder while it changes, so a reader sees the old page or the new one.
///
/// It changes only the site it was made for: the output folder is opened once and its marker's
/// identity checked through that handle, and every file is written relative to it. A build that
/// swaps another site in meanwhile (another audience, or `build` into the preview's folder) gets
/// none of the preview's files, not even one written the moment after the check.
public final class InPlaceUpdate {
    public let output: URL
    /// The output folder, open.
    private let folder: Int32

    /// Opens the site in `output` when it is the site `siteID` (the identity in its marker); nil
    /// when the folder holds another site, none, or cannot be opened.
    public init?(output: URL, siteID: String) {
        self.output = OutputWriter.location(of: output)
        folder = OutputWriter.openSite(self.output, siteID: siteID)
        guard folder >= 0 else { return nil }
    }

    deinit {
        close(folder)
    }

    /// Asked for every page of the site before a rebuild, so it is a plain stat (FileManager's check is slow on Linux).
    public func has(_ path: String) -> Bool {
        FolderIO.exists(path, in: folder)
    }

    /// Writes the files whose bytes differ from what is there and removes `obsolete` files.
    /// - Returns: the number of files written.
    @discardableResult
    public func apply(_ files: [String: FileContents], removing obsolete: [String]) throws(OutputError) -> Int {
        var written = 0
        for (path, contents) in files.sorted(by: { $0.key < $1.key }) {
            guard OutputWriter.isSafeRelativePath(path) else { throw .unsafePath(path) }
            if FolderIO.sameBytes(path, in: folder, contents) { continue }
            let parent = FolderIO.folder(of: path)
            var failure = FolderIO.makeFolders(parent, in: folder)
            if failure != 0 { throw .cannotWrite(output.path + "/" + parent, FolderIO.reason(failure)) }
            // A short name of its own beside the file: a name made longer from the file's own could
            // pass the 255 bytes a name may have.
            let temporary = (parent.isEmpty ? "" : parent + "/") + ".valgrund-new-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
            failure = FolderIO.writeFile(temporary, in: folder, contents)
            if failure == 0, renameat(folder, temporary, folder, path) != 0 { failure = errno }
            if failure != 0 {
                unlinkat(folder, temporary, 0)
                throw .cannotWrite(output.path + "/" + path, FolderIO.reason(failure))
            }
            written += 1
        }
        for path in obsolete where OutputWriter.isSafeRelativePath(path) {
            unlinkat(folder, path, 0)
        }
        return written
    }
}
