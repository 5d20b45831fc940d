import Foundation

/// Brings a built site up to date file by file, for the live preview: after a small edit, linking
/// thousands of unchanged files into a fresh folder would cost more than the edit itself.
/// Each file is replaced in one step (written beside it, then renamed over it); the preview
/// serves the folder while it changes, so a reader sees the old page or the new one.
public struct InPlaceUpdate: Sendable {
    public let output: URL

    private let outputPath: String

    public init(output: URL) {
        self.output = output.standardizedFileURL
        outputPath = self.output.path
    }

    /// Whether `output` holds a site Valgrund built.
    public var isValgrundSite: Bool {
        FileManager.default.fileExists(atPath: output.appendingPathComponent(OutputWriter.markerName).path)
    }

    /// Asked for every page of the site before a rebuild, so it is a plain stat (FileManager's check is slow on Linux).
    public func has(_ path: String) -> Bool {
        var info = stat()
        return stat(outputPath + "/" + path, &info) == 0
    }

    /// Writes the files whose bytes differ from what is there and removes `obsolete` files.
    /// - Returns: the number of files written.
    @discardableResult
    public func apply(_ files: [String: FileContents], removing obsolete: [String]) throws -> Int {
        var written = 0
        for (path, contents) in files.sorted(by: { $0.key < $1.key }) {
            guard OutputWriter.isSafeRelativePath(path) else { throw OutputError.unsafePath(path) }
            let url = output.appendingPathComponent(path)
            if OutputWriter.sameBytes(url.path, contents) { continue }
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            // A short name of its own beside the file: a name made longer from the file's own could
            // pass the 255 bytes a name may have.
            let temporary = url.deletingLastPathComponent().appendingPathComponent(".valgrund-new-\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
            do {
                try OutputWriter.writeFile(temporary, contents)
                guard rename(temporary, url.path) == 0 else { throw OutputError.cannotWrite(url.path, String(cString: strerror(errno))) }
            } catch {
                unlink(temporary)
                throw error
            }
            written += 1
        }
        for path in obsolete where OutputWriter.isSafeRelativePath(path) {
            try? FileManager.default.removeItem(at: output.appendingPathComponent(path))
        }
        return written
    }
}
