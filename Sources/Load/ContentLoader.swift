import Diagnostics
import Foundation
#if canImport(Glibc)
    import Glibc
#endif
import Markdown
import Markup
import Synchronization
import Yams

/// Reads SOURCE/content into raw documents with positions. Nothing here knows what a key means.
public struct ContentLoader: Sendable {
    public let source: URL
    /// Files read in an earlier build of the same process (the live preview): reused while unchanged.
    public let cache: LoadCache?
    private let hashes = HashLog()
    public static let contentFolder = "content"

    public init(source: URL, cache: LoadCache? = nil) {
        self.source = source.standardizedFileURL
        self.cache = cache
    }

    public var contentURL: URL { source.appendingPathComponent(Self.contentFolder) }

    /// - Parameter commitDates: whether to ask git for the files' last commits (a build's pages
    ///   show them; a check, which writes no page, need not start git).
    public func load(commitDates: Bool = true, log: DiagnosticLog) -> LoadedContent {
        var content = LoadedContent()
        let contentPath = Self.contentFolder
        guard FileManager.default.fileExists(atPath: contentURL.path) else {
            log.error("no content/ folder here: SOURCE must be the folder that holds content/", at: SourceLocation(path: contentPath))
            return content
        }
        // git runs while the files are read.
        let git = commitDates ? CommitDates.start(in: source) : nil
        var broken: Set<String> = []
        content.siteConfig = readYAML(at: "site.yaml", log: log, required: true, broken: &broken)
        let folders = Self.folderNames(in: content.siteConfig)
        let files = Timings.shared.measure("load: list") { listFiles(log: log) }
        content.files = files
        var pageFiles: [String] = [], unitFiles: [String] = [], koladaFiles: [String] = []
        var unitFileOfID: [String: String] = [:]
        for file in files {
            switch folders.role(of: file) {
            case .siteConfig: continue
            case .keyFigures: content.keyFigures = readYAML(at: file, log: log, required: false, broken: &broken)
            case .page: pageFiles.append(file)
            case .unit:
                // A unit's id is its file's name: two files with one id (`a.yaml`, `a.yml`) are one unit written twice.
                let id = Self.unitID(ofFile: file)
                if !id.isEmpty, let first = unitFileOfID[id] {
                    log.error(
                        "this file and \(Self.contentFolder)/\(first) are both the unit '\(id)' (a unit's id is its file's name); keep one of them",
                        at: SourceLocation(path: "\(Self.contentFolder)/\(file)"))
                    continue
                }
                unitFileOfID[id] = file
                unitFiles.append(file)
            case .kolada: koladaFiles.append(file)
            case .published: content.assets.append(file)
            case .skipped(let warning?): log.warning(warning, at: SourceLocation(path: "\(contentPath)/\(file)"))
            case .skipped(nil): continue
            }
        }

        let rawPages = Timings.shared.measure("load: pages") { readPages(pageFiles, log: log) }
        for page in rawPages {
            let top = page.contentPath.split(separator: "/").first.map(String.init) ?? ""
            if top == folders.examples, page.contentPath.contains("/") {
                content.examples.append(page)
            } else if top == folders.annualReport, page.contentPath.contains("/") {
                content.annualReports.append(page)
            } else {
                content.pages.append(page)
            }
        }
        content.units = Timings.shared.measure("load: units") { readYAMLFiles(unitFiles, log: log, broken: &broken) }
        content.kolada = Timings.shared.measure("load: kolada") { readKoladaFiles(koladaFiles, log: log, broken: &broken) }
        content.brokenFiles = broken
        for asset in content.assets {
            var hash = StableHash()
            let attributes = try? FileManager.default.attributesOfItem(atPath: contentURL.appendingPathComponent(asset).path)
            hash.add((attributes?[.size] as? Int) ?? 0)
            hash.add(Int(((attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0) * 1000))
            hashes.set(Self.contentFolder + "/" + asset, hash.value)
        }
        content.hashes = hashes.all
        if let git { content.commitDates = Timings.shared.measure("load: git") { git.finish() } }
        return content
    }

    /// The unit id a unit file gives (`units/hagaskolan.yaml` → `hagaskolan`): its name up to the first dot.
    public static func unitID(ofFile path: some StringProtocol) -> String {
        let name = path.split(separator: "/").last ?? ""
        return String(name.prefix { $0 != "." })
    }

    /// Folder names come from site.yaml before anything else is read, since they decide what each file is.
    static func folderNames(in siteConfig: YAMLDocument?) -> DataFolders {
        var names = DataFolders()
        guard case .mapping(let root)? = siteConfig?.root, case .mapping(let folders)? = root["folders"] else { return names }
        if let value = folders["units"]?.string { names.units = value }
        if let value = folders["examples"]?.string { names.examples = value }
        if let value = folders["annual_report"]?.string { names.annualReport = value }
        return names
    }

    /// Every regular file under content/, relative to it, sorted so that builds do not depend on the file system's order.
    func listFiles(log: DiagnosticLog) -> [String] {
        var result: [String] = []
        let root = contentURL.resolvingSymlinksInPath().path
        let sourceRoot = source.resolvingSymlinksInPath().path
        var stack = [""]
        let fm = FileManager.default
        while let folder = stack.popLast() {
            let folderPath = folder.isEmpty ? root : root + "/" + folder
            guard let names = try? fm.contentsOfDirectory(atPath: folderPath) else {
                log.error("cannot read this folder", at: SourceLocation(path: Self.contentFolder + "/" + folder))
                continue
            }
            for name in names where !name.hasPrefix(".") {
                let relative = folder.isEmpty ? name : folder + "/" + name
                let full = folderPath + "/" + name
                // One lstat tells most entries apart; only links need Foundation's slower questions.
                var info = stat()
                if lstat(full, &info) == 0, (info.st_mode & S_IFMT) != S_IFLNK {
                    if (info.st_mode & S_IFMT) == S_IFDIR { stack.append(relative) } else if isRegularFile(info, relative, log: log) { result.append(relative) }
                    continue
                }
                var isFolder: ObjCBool = false
                if let destination = try? fm.destinationOfSymbolicLink(atPath: full) {
                    let target = URL(fileURLWithPath: destination, relativeTo: URL(fileURLWithPath: folderPath, isDirectory: true))
                        .standardizedFileURL.resolvingSymlinksInPath().path
                    if !(target == sourceRoot || target.hasPrefix(sourceRoot + "/")) {
                        log.error(
                            "this is a link to '\(destination)', outside SOURCE; links may only point inside it",
                            at: SourceLocation(path: Self.contentFolder + "/" + relative))
                        continue
                    }
                    // A link to a folder that holds the link would be read forever.
                    let realFolder = URL(fileURLWithPath: folderPath).resolvingSymlinksInPath().path
                    if target == realFolder || realFolder.hasPrefix(target + "/") {
                        log.error(
                            "this is a link to '\(destination)', a folder that holds the link itself, which makes a loop; remove the link",
                            at: SourceLocation(path: Self.contentFolder + "/" + relative))
                        continue
                    }
                }
                guard fm.fileExists(atPath: full, isDirectory: &isFolder) else {
                    log.error("this link points to nothing", at: SourceLocation(path: Self.contentFolder + "/" + relative))
                    continue
                }
                if isFolder.boolValue {
                    stack.append(relative)
                } else if stat(full, &info) == 0, isRegularFile(info, relative, log: log) {
                    result.append(relative)
                }
            }
        }
        return result.sorted()
    }

    /// A pipe or a device would make a build that reads or copies it wait forever, or read without end.
    private func isRegularFile(_ info: stat, _ relative: String, log: DiagnosticLog) -> Bool {
        guard (info.st_mode & S_IFMT) != S_IFREG else { return true }
        log.warning("ignored: this is not a file but a pipe, socket or device", at: SourceLocation(path: Self.contentFolder + "/" + relative))
        return false
    }

    /// Reads a text file, or reports why it cannot be read (missing, not UTF-8).
    func readText(at contentRelative: String, log: DiagnosticLog, required: Bool) -> String? {
        let path = Self.contentFolder + "/" + contentRelative
        guard let data = readData(at: contentRelative, log: log, required: required) else { return nil }
        return TextDecoding.decode(data, path: path, log: log)
    }

    /// Reads a file's bytes up to its kind's limit (`ContentLimits`), or reports why it cannot be read.
    private func readData(at contentRelative: String, log: DiagnosticLog, required: Bool) -> Data? {
        let path = Self.contentFolder + "/" + contentRelative
        // Plain string paths: building a URL per file costs more than reading a small file.
        let fullPath = source.path + "/" + path
        let limit = ContentLimits.bytes(of: contentRelative)
        guard let handle = FileHandle(forReadingAtPath: fullPath), let data = try? handle.read(upToCount: limit + 1) ?? Data() else {
            if required || FileManager.default.fileExists(atPath: fullPath) {
                let exists = FileManager.default.fileExists(atPath: fullPath)
                log.error(exists ? "cannot read this file" : "this file is missing", at: SourceLocation(path: path))
            }
            return nil
        }
        try? handle.close()
        guard data.count <= limit else {
            log.error(
                "this file is larger than the \(limit / 1_000_000) MB Valgrund reads (\(ContentLimits.why(contentRelative))); split it into smaller files",
                at: SourceLocation(path: path))
            return nil
        }
        hashes.record(path, data)
        return data
    }

    /// Reads Kolada's saved responses in parallel, in the order of `files`.
    func readKoladaFiles(_ files: [String], log: DiagnosticLog, broken: inout Set<String>) -> [KoladaResponse] {
        let read = concurrentMap(files) { file -> KoladaResponse? in
            let path = Self.contentFolder + "/" + file
            return cached(path, log: log) { log in
                guard let data = readData(at: file, log: log, required: true) else { return nil }
                return KoladaResponse.read([UInt8](data), path: path, log: log)
            }
        }
        for (index, file) in files.enumerated() where read[index] == nil { broken.insert(Self.contentFolder + "/" + file) }
        return read.compactMap { $0 }
    }

    func readYAML(at contentRelative: String, log: DiagnosticLog, required: Bool, broken: inout Set<String>) -> YAMLDocument? {
        let path = Self.contentFolder + "/" + contentRelative
        let document: YAMLDocument? = cached(path, log: log) { log in
            guard let text = readText(at: contentRelative, log: log, required: required) else { return nil }
            switch YAMLDocument.parse(text, path: path) {
            case .success(let document):
                if document.root == nil {
                    log.error("this file is empty", at: SourceLocation(path: path))
                    return nil
                }
                return document
            case .failure(let diagnostic):
                log.add(diagnostic)
                return nil
            }
        }
        if document == nil, FileManager.default.fileExists(atPath: source.path + "/" + path) { broken.insert(path) }
        return document
    }

    /// `read`'s result for the file at `path`, from the cache while the file's size and time are
    /// unchanged; its diagnostics are reported again each time.
    private func cached<T: Sendable>(_ path: String, log: DiagnosticLog, read: (DiagnosticLog) -> T?) -> T? {
        guard let cache else { return read(log) }
        let stamp = FileStamp(path: source.path + "/" + path)
        if let stamp, let entry = cache.entry(for: path), entry.stamp == stamp, let value = entry.value as? T? {
            log.add(contentsOf: entry.diagnostics)
            if let hash = entry.hash { hashes.set(path, hash) }
            return value
        }
        let local = DiagnosticLog()
        let value = read(local)
        log.add(contentsOf: local.all)
        if let stamp {
            cache.store(LoadCache.Entry(stamp: stamp, value: value, diagnostics: local.all, hash: hashes.value(for: path)), for: path)
        }
        return value
    }

    /// Reads and parses YAML files in parallel; the documents come back in the order of `files`.
    func readYAMLFiles(_ files: [String], log: DiagnosticLog, broken: inout Set<String>) -> [YAMLDocument] {
        let read = concurrentMap(files) { file in
            var brokenHere: Set<String> = []
            let document = readYAML(at: file, log: log, required: true, broken: &brokenHere)
            return (document: document, failed: !brokenHere.isEmpty)
        }
        for (index, file) in files.enumerated() where read[index].failed { broken.insert(Self.contentFolder + "/" + file) }
        return read.compactMap(\.document)
    }

    func readPages(_ files: [String], log: DiagnosticLog) -> [RawPage] {
        concurrentMap(files) { readPage($0, log: log) }.compactMap { $0 }
    }

    /// The hash of a file's bytes as read by this loader (path relative to SOURCE), as in `LoadedContent.hashes`.
    public func hash(of path: String) -> UInt64? { hashes.value(for: path) }

    public func readPage(_ contentRelative: String, log: DiagnosticLog) -> RawPage? {
        let path = Self.contentFolder + "/" + contentRelative
        return cached(path, log: log) { log in
            guard let text = readText(at: contentRelative, log: log, required: true) else { return nil }
            return Self.parsePage(text, path: path, contentPath: contentRelative, log: log)
        }
    }

    public static func parsePage(_ text: String, path: String, contentPath: String, log: DiagnosticLog) -> RawPage? {
        let split: FrontMatterSplit
        do {
            split = try FrontMatter.split(text)
        } catch {
            log.error("the front matter that starts here has no closing '---' line", at: SourceLocation(path: path))
            return nil
        }
        var page = RawPage(
            path: path, contentPath: contentPath, frontMatter: nil,
            frontMatterStart: SourceLocation(path: path), body: String(split.body), bodyFirstLine: split.bodyFirstLine)
        if let yaml = split.yaml {
            switch YAMLDocument.parse(yaml, path: path, lineOffset: split.yamlFirstLine - 1) {
            case .success(let document): page.frontMatter = document
            case .failure(let diagnostic): log.add(diagnostic); return nil
            }
        }
        return page
    }
}

/// Hashes of the files read, gathered from parallel reads.
final class HashLog: Sendable {
    private let hashes = Mutex<[String: UInt64]>([:])

    func record(_ path: String, _ data: Data) {
        var hash = StableHash()
        data.withUnsafeBytes { hash.add($0) }
        set(path, hash.value)
    }

    func value(for path: String) -> UInt64? {
        hashes.withLock { $0[path] }
    }

    func set(_ path: String, _ value: UInt64) {
        hashes.withLock { $0[path] = value }
    }

    var all: [String: UInt64] {
        hashes.withLock { $0 }
    }
}
