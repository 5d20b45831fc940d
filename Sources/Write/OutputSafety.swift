import Diagnostics
import Foundation
#if canImport(Glibc)
    import Glibc
#endif

public enum OutputError: Error, CustomStringConvertible, Equatable {
    case refused(String, Message)
    /// A file or folder of the site (its path where it goes) could not be written, and the system's reason.
    case cannotWrite(String, Message)
    /// The finished site could not be swapped in for the one at the path.
    case cannotReplace(String, Message)
    case unsafePath(String)

    public var message: Message {
        switch self {
        case let .refused(path, why): return Message("will not write the site to \(path): \(why)")
        case let .cannotWrite(path, why): return Message("cannot write \(path): \(why)")
        case let .cannotReplace(path, why): return Message("cannot put the new site in place of \(path): \(why)")
        case let .unsafePath(path): return Message("refused to write the file '\(path)' outside the output folder")
        }
    }

    public var description: String { message.description }
}

/// Valgrund replaces its output folder wholesale, so it must never be pointed at something precious.
enum OutputSafety {
    static func check(output: URL, source: URL) throws(OutputError) {
        let out = resolved(output)
        let src = resolved(source)
        let home = resolved(FileManager.default.homeDirectoryForCurrentUser)
        if out == "/" { throw .refused(output.path, "that is the root folder") }
        if out == home { throw .refused(output.path, "that is your home folder") }
        if out == src { throw .refused(output.path, "that is SOURCE itself") }
        if src.hasPrefix(out + "/") { throw .refused(output.path, "SOURCE is inside it") }
        for protected in ["content", "themes"] where out == src + "/" + protected || out.hasPrefix(src + "/" + protected + "/") {
            throw .refused(output.path, "it is inside SOURCE's \(protected)/ folder")
        }
        // The cache holds the bookkeeping of every output; only the preview's own folder in it may be written.
        let cache = src + "/" + OutputWriter.cacheFolderName
        if out == cache || (out.hasPrefix(cache + "/") && out != cache + "/" + OutputWriter.previewFolderName) {
            throw .refused(output.path, "that is Valgrund's own \(OutputWriter.cacheFolderName)/ folder")
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: out, isDirectory: &isFolder) else { return }
        guard isFolder.boolValue else { throw .refused(output.path, "it is a file, not a folder") }
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []
        if contents.isEmpty { return }
        if !contents.contains(OutputWriter.markerName) {
            throw .refused(
                output.path,
                "the folder is not empty and Valgrund did not make it (it has no \(OutputWriter.markerName) file); choose another --output or empty it")
        }
    }

    /// The absolute path with symbolic links resolved, also for a path that does not exist yet and
    /// for a link whose target does not exist yet (the site is to be made there, not in place of the link).
    static func resolved(_ url: URL) -> String {
        var existing = url.standardizedFileURL
        // A link as the last part is followed even when it leads nowhere yet (at most 40 links, as the kernel does).
        for _ in 0..<40 {
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: existing.path) else { break }
            existing = URL(fileURLWithPath: target, relativeTo: existing.deletingLastPathComponent()).standardizedFileURL
        }
        var rest: [String] = []
        while !FileManager.default.fileExists(atPath: existing.path), existing.path != "/" {
            rest.insert(existing.lastPathComponent, at: 0)
            existing = existing.deletingLastPathComponent()
        }
        var path = existing.resolvingSymlinksInPath().path
        for part in rest { path = (path == "/" ? "" : path) + "/" + part }
        return path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    }
}
