import Diagnostics
import Foundation
import Markup
import Write

/// Where what a rebuild remembers is kept: outside every site (the output holds nothing but the
/// site and its marker), in SOURCE's `.valgrund-cache/` folder, like other generators' caches.
/// Beside SOURCE rather than in the home folder's cache because it describes SOURCE's files and
/// goes with them: a copy of SOURCE, or a SOURCE deleted, takes its cache along, and nothing
/// piles up elsewhere for outputs long gone. The folder ignores itself for git and is tagged as a
/// cache for backup tools; the loader never looks there (it reads only content/ and themes/).
///
/// One manifest per output folder, named by a hash of the folder's real path: a folder holds one
/// site at a time, so at most one manifest can describe it. Which build options made that site
/// is in the manifest, and so is the site's identity (`OutputWriter.siteID`): when another build
/// (another audience, `--drafts`, `--as-of`, a preview, another SOURCE) has swapped its own site
/// in, the identities differ and the manifest is not trusted.
public struct BuildCache: Sendable {
    /// SOURCE/.valgrund-cache.
    let folder: URL
    /// The manifest of the output's site.
    let manifest: URL

    /// The cache of the builds of `options.source` into `options.outputFolder`.
    init(_ options: BuildOptions) {
        folder = Self.folder(source: options.source)
        let output = OutputWriter.location(of: options.outputFolder).path
        let key = String(StableHash.of(output), radix: 16)
        manifest = folder.appendingPathComponent("builds").appendingPathComponent(String(repeating: "0", count: 16 - key.count) + key)
    }

    static func folder(source: URL) -> URL {
        source.standardizedFileURL.appendingPathComponent(OutputWriter.cacheFolderName)
    }

    /// Where `serve` builds when not told `--output`: its own folder, which no `build` writes to
    /// unless told to, so the preview never touches a site meant to be published.
    public static func previewFolder(source: URL) -> URL {
        folder(source: source).appendingPathComponent(OutputWriter.previewFolderName)
    }

    /// The manifest of the site `siteID` (the one now in the output), or nil when there is none,
    /// it is damaged, or it describes another site.
    func read(describing siteID: String?) -> BuildManifest? {
        guard let siteID, let manifest = BuildManifest.read(from: manifest.path), manifest.siteID == siteID else { return nil }
        return manifest
    }

    /// Takes the manifest away before the site changes in place, so that a preview killed
    /// meanwhile leaves no manifest older than the files.
    func withdraw() throws(BookkeepingError) {
        guard unlink(manifest.path) == 0 || errno == ENOENT else { throw BookkeepingError(path: manifest.path, reason: FolderIO.reason(errno)) }
    }

    /// A manifest written beside its place in the cache, not yet put there.
    struct Pending {
        let file: URL
        let place: URL

        /// Puts the manifest in place in one step.
        func putInPlace() throws(BookkeepingError) {
            guard rename(file.path, place.path) == 0 else {
                let failure = errno
                discard()
                throw BookkeepingError(path: place.path, reason: FolderIO.reason(failure))
            }
        }

        func discard() {
            unlink(file.path)
        }
    }

    /// Writes `manifest` beside its place (see `Pending`), with `outputs` as the site's files.
    func prepare(_ manifest: BuildManifest, outputs: () -> [String]) throws(BookkeepingError) -> Pending {
        let builds = self.manifest.deletingLastPathComponent()
        if let failure = makeFolders(builds) { throw BookkeepingError(path: builds.path, reason: FolderIO.reason(failure)) }
        let prefix = ".\(self.manifest.lastPathComponent).new-"
        removeLeftovers(in: builds, prefix: prefix)
        let file = builds.appendingPathComponent(prefix + "\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        let failure = manifest.write(to: file.path, outputs: outputs)
        guard failure == 0 else {
            unlink(file.path)
            throw BookkeepingError(path: self.manifest.path, reason: FolderIO.reason(failure))
        }
        return Pending(file: file, place: self.manifest)
    }

    /// Removes manifests half written by builds that were killed (their process is gone); those
    /// of builds still running are theirs.
    private func removeLeftovers(in builds: URL, prefix: String) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: builds.path)) ?? [] where name.hasPrefix(prefix) {
            guard let pid = pid_t(name.dropFirst(prefix.count).prefix { $0 != "-" }), kill(pid, 0) != 0, errno == ESRCH else { continue }
            unlink(builds.appendingPathComponent(name).path)
        }
    }

    /// Writes `manifest` and puts it in place.
    func store(_ manifest: BuildManifest) throws(BookkeepingError) {
        try prepare(manifest, outputs: { manifest.outputs }).putInPlace()
    }

    /// Makes the cache's folders, and tells git and backup tools what the cache folder is.
    /// - Returns: nil, or the `errno` of what failed.
    private func makeFolders(_ builds: URL) -> Int32? {
        let failure = FolderIO.makeFolders(builds.path, in: AT_FDCWD)
        if failure != 0 { return failure }
        if access(folder.path + "/CACHEDIR.TAG", F_OK) != 0 {
            _ = FolderIO.writeFile(folder.path + "/.gitignore", in: AT_FDCWD, Data("# Valgrund's cache (rebuilt when missing).\n*\n".utf8))
            _ = FolderIO.writeFile(
                folder.path + "/CACHEDIR.TAG", in: AT_FDCWD,
                Data(
                    """
                    Signature: 8a477f597d28d172789f06886806bc55
                    # This file is a cache directory tag created by Valgrund: what a rebuild remembers.
                    # For information about cache directory tags, see https://bford.info/cachedir/

                    """.utf8))
        }
        return nil
    }
}

/// The cache could not be written: the site is built all the same, and the next build renders every page.
struct BookkeepingError: Error, CustomStringConvertible {
    var path: String
    var reason: Message

    var description: String { "cannot write \(path): \(reason)" }

    /// A warning at the cache file (relative to SOURCE when it is inside it).
    func warning(source: URL) -> Diagnostic {
        let base = source.standardizedFileURL.path + "/"
        let relative = path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
        return .warning(
            "cannot keep what this build remembers for the next one here (\(reason)); the next build renders every page again",
            at: SourceLocation(path: relative))
    }
}
