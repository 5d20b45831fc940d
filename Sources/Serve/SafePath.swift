import Foundation

/// Maps a request path to a file inside the built site, or refuses: no `..`, no encoded or
/// backslash tricks, no hidden files, no symbolic link that leads out of the site.
public enum SafePath {
    public enum Refusal: Error, Equatable { case badRequest, notFound }

    /// - Returns: the absolute path of the file to serve.
    public static func resolve(_ target: String, root: String) throws(Refusal) -> String {
        var path = target
        if let cut = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = String(path[..<cut]) }
        guard path.hasPrefix("/"), !path.contains("\\"), !path.contains("\0") else { throw .badRequest }
        // Decoded exactly once: "%252e" stays the literal name "%2e", and a byte sequence that is
        // not valid UTF-8 (overlong forms included) is refused.
        guard let decoded = path.removingPercentEncoding, !decoded.contains("\0"), !decoded.contains("\\") else {
            throw .badRequest
        }
        var segments: [String] = []
        for segment in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            if segment == ".." || segment == "." { throw .badRequest }
            if segment.hasPrefix(".") { throw .notFound }
            segments.append(String(segment))
        }
        let rootPath = (root as NSString).resolvingSymlinksInPath
        var candidate = rootPath + (segments.isEmpty ? "" : "/" + segments.joined(separator: "/"))
        var isFolder: ObjCBool = false
        if decoded.hasSuffix("/") || segments.isEmpty
            || (FileManager.default.fileExists(atPath: candidate, isDirectory: &isFolder) && isFolder.boolValue)
        {
            candidate += "/index.html"
        }
        let real = (candidate as NSString).resolvingSymlinksInPath
        guard real.hasPrefix(rootPath + "/"),
            FileManager.default.fileExists(atPath: real, isDirectory: &isFolder), !isFolder.boolValue
        else {
            throw .notFound
        }
        return real
    }
}
