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
    public func apply(_ files: [String: Data], removing obsolete: [String]) throws -> Int {
        var written = 0
        for (path, data) in files.sorted(by: { $0.key < $1.key }) {
            guard OutputWriter.isSafeRelativePath(path) else { throw OutputError.unsafePath(path) }
            let url = output.appendingPathComponent(path)
            if OutputWriter.sameBytes(url.path, data) { continue }
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url, options: .atomic)
            written += 1
        }
        for path in obsolete where OutputWriter.isSafeRelativePath(path) {
            try? FileManager.default.removeItem(at: output.appendingPathComponent(path))
        }
        return written
    }
}
