import Foundation
import Diagnostics
import Write
#if canImport(Glibc)
    import Glibc
#endif

/// `valgrund kolada fetch`: every address the content needs, each followed through its
/// `next_page` pages, saved as they came into a folder beside content/kolada/ that takes its place
/// only when every page arrived and is a data response. A failure changes nothing.
///
/// The fetch owns the `.json` files directly in content/kolada/ (the build reads each of them as a
/// response): they are all replaced. Everything else there (a README.md, a .gitignore, a folder)
/// is carried over into the new folder as it is.
public enum KoladaFetch {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// An address (or a page it led to) that could not be fetched, and why.
        case request(address: String, reason: Message)
        /// A file or folder that could not be written, and the system's reason.
        case cannotWrite(path: String, reason: Message)

        public var description: String { message.description }

        public var message: Message {
            switch self {
            case let .request(address, reason): Message("cannot fetch \(address): \(reason)")
            case let .cannotWrite(path, reason): Message("cannot write \(path): \(reason)")
            }
        }
    }

    /// What a fetch put in place.
    public struct Outcome: Sendable, Equatable {
        /// The responses' pages saved, by file name, in the order they were fetched.
        public var files: [String]
        /// What was carried over from the folder as it was (not responses), by name.
        public var kept: [String]
        /// The values in all pages.
        public var values: Int
    }

    /// The most pages one address may lead to: a server whose `next_page` never ends is an error.
    public static let maxPages = 1000

    /// The file a page is saved as: the address's kind and its line in `valgrund kolada urls`, and
    /// the page's number (`data-001-page-001.json`, `oudata-002-page-003.json`), so that the same
    /// content fetched again gives the same names.
    public static func fileName(kind: KoladaRequests.Query.Kind, address index: Int, page: Int) -> String {
        func padded(_ number: Int) -> String {
            let digits = String(number)
            return String(repeating: "0", count: max(0, 3 - digits.count)) + digits
        }
        return "\(kind == .municipality ? "data" : "oudata")-\(padded(index + 1))-page-\(padded(page)).json"
    }

    /// Fetches `addresses` into `folder` (content/kolada; behind a symbolic link, into its target).
    /// - Parameter report: told each page saved ("data-001-page-001.json: 12 values from …").
    public static func fetch(
        _ addresses: [KoladaRequests.Address], into folder: URL, client: KoladaClient, report: (Message) -> Void = { _ in }
    ) async throws(Failure) -> Outcome {
        let target = OutputWriter.location(of: folder)
        let parent = target.deletingLastPathComponent()
        removeLeftovers(of: target)
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).valgrund-new-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        guard mkdir(staging.path, 0o777) == 0 else { throw .cannotWrite(path: staging.path, reason: FolderIO.reason(errno)) }
        var committed = false
        defer { if !committed { OutputWriter.remove(staging, of: target) } }

        var outcome = Outcome(files: [], kept: [], values: 0)
        for (index, address) in addresses.enumerated() {
            guard var next = URL(string: address.url) else { throw .request(address: address.url, reason: Message("this is not an address")) }
            var seen: Set<String> = []
            var page = 1
            while true {
                seen.insert(next.absoluteString)
                let (data, content): (Data, KoladaPage)
                do throws(KoladaClient.Failure) {
                    (data, content) = try await client.get(next) { (bytes) throws(KoladaClient.Failure) in
                        do throws(KoladaPage.Problem) {
                            return try KoladaPage(bytes, kind: address.kind)
                        } catch {
                            throw KoladaClient.Failure(message: error.message, mayPass: error.mayPass)
                        }
                    }
                } catch {
                    throw .request(address: next.absoluteString, reason: error.message)
                }
                let name = fileName(kind: address.kind, address: index, page: page)
                let failure = FolderIO.writeFile(staging.path + "/" + name, in: AT_FDCWD, data)
                if failure != 0 { throw .cannotWrite(path: staging.path + "/" + name, reason: FolderIO.reason(failure)) }
                outcome.files.append(name)
                outcome.values += content.count
                report(
                    content.count == 1
                        ? Message("\(name): 1 value from \(next.absoluteString)") : Message("\(name): \(content.count) values from \(next.absoluteString)"))
                guard let written = content.nextPage else { break }
                let following = try nextPage(written, after: next)
                if seen.contains(following.absoluteString) {
                    throw .request(address: next.absoluteString, reason: Message("its 'next_page' (\(written)) leads back to a page already fetched"))
                }
                if page == maxPages {
                    throw .request(address: address.url, reason: Message("it goes on for more than \(maxPages) pages"))
                }
                next = following
                page += 1
            }
        }
        outcome.kept = try carryOver(from: target, to: staging)
        FolderSettings(of: target.path)?.apply(to: staging.path, writable: false)
        let aside = parent.appendingPathComponent(".\(target.lastPathComponent).valgrund-old-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        let (old, failure) = FolderIO.swapFolder(staging.path, into: target.path, aside: aside.path)
        if failure != 0 { throw .cannotWrite(path: target.path, reason: FolderIO.reason(failure)) }
        committed = true
        if let old { OutputWriter.remove(URL(fileURLWithPath: old), of: target) }
        return outcome
    }

    /// The address a page's `next_page` names, which must be on the server that was asked; it is
    /// asked with the scheme and port of the page it came from (an `http:` next page of an `https:`
    /// answer is fetched over https).
    static func nextPage(_ written: String, after current: URL) throws(Failure) -> URL {
        guard let url = URL(string: written, relativeTo: current)?.absoluteURL,
            var parts = URLComponents(url: url, resolvingAgainstBaseURL: false),
            parts.host?.lowercased() == current.host?.lowercased()
        else {
            throw .request(address: current.absoluteString, reason: Message("its 'next_page' (\(written)) is not an address on the same server"))
        }
        parts.scheme = current.scheme
        parts.port = current.port
        return parts.url ?? url
    }

    /// Whether a file directly in content/kolada/ is the fetch's own: a response, replaced by a fetch.
    public static func isResponse(_ name: String) -> Bool {
        name.lowercased().hasSuffix(".json")
    }

    /// Copies everything in `folder` that is not a response into `staging`; returns the names.
    static func carryOver(from folder: URL, to staging: URL) throws(Failure) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        var kept: [String] = []
        for name in names.sorted() {
            let path = folder.path + "/" + name
            var info = stat()
            if isResponse(name), lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG { continue }
            do {
                try FileManager.default.copyItem(atPath: path, toPath: staging.path + "/" + name)
            } catch {
                throw .cannotWrite(path: staging.path + "/" + name, reason: .verbatim((error as NSError).localizedDescription))
            }
            kept.append(name)
        }
        return kept
    }

    /// Removes what fetches that were killed left beside `target`: their folders being filled or
    /// thrown away (named with the process id of a process that is gone), and a folder moved aside
    /// only when `target` is in place (otherwise it may be the only copy).
    static func removeLeftovers(of target: URL) {
        let parent = target.deletingLastPathComponent()
        let prefix = ".\(target.lastPathComponent).valgrund-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        let targetExists = FileManager.default.fileExists(atPath: target.path)
        for name in names where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count).split(separator: "-")
            guard rest.count >= 2, let pid = pid_t(rest[1]), kill(pid, 0) != 0, errno == ESRCH else { continue }
            guard rest[0] == "new" || rest[0] == "trash" || (rest[0] == "old" && targetExists) else { continue }
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
        }
    }
}
