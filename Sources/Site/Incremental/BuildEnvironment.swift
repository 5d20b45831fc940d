import Diagnostics
import Foundation
import Hyphenation
import Markup

/// A hash of everything besides the content that a build's output depends on: this program
/// (a new version may write other bytes), the build's options, the site's own theme files and the
/// hyphenation patterns.
/// When it changes, every page is rendered again.
enum BuildEnvironment {
    static func hash(_ options: BuildOptions) -> UInt64 {
        var hash = StableHash()
        hash.add(Valgrund.version)
        var info = stat()
        if stat("/proc/self/exe", &info) == 0 {
            hash.add(Int(info.st_size))
            hash.add(Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec))
        }
        hash.add(options.audience.rawValue)
        hash.add(options.includeDrafts ? 1 : 0)
        hash.add(options.asOf.ordinal)
        // The hyphenation patterns: an updated package puts the soft hyphens elsewhere.
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: Hyphenator.folder)) ?? []).sorted()
        where name.hasSuffix(".dic") && stat(Hyphenator.folder + "/" + name, &info) == 0 {
            hash.add(name)
            hash.add(Int(info.st_size))
            hash.add(Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec))
        }
        let themes = options.source.standardizedFileURL.appendingPathComponent("themes")
        if let files = FileManager.default.enumerator(atPath: themes.path)?.allObjects as? [String] {
            for path in files.sorted() {
                guard let data = FileManager.default.contents(atPath: themes.appendingPathComponent(path).path) else { continue }
                hash.add(path)
                data.withUnsafeBytes { hash.add($0) }
            }
        }
        return hash.value
    }
}

public enum Valgrund {
    public static let version = "0.1.0"
}
