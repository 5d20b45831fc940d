import Foundation
import Testing
@testable import Site
@testable import Write
import ValgrundTestSupport

/// The output folder keeps what the person set on it (mode, group, owner, a symbolic link), and a
/// write that fails names the file and the system's reason, leaving the previous site as it was.
@Suite struct OutputFolderTests {
    static func page(_ text: String) -> String { "---\ntitle: A\n---\n\n\(text)\n" }

    static func status(_ path: String) -> stat {
        var info = stat()
        lstat(path, &info)
        return info
    }

    /// A group of the system other than root's (www-data where there is one), from /etc/group.
    static let systemGroup: gid_t = {
        let lines = ((try? String(contentsOfFile: "/etc/group", encoding: .utf8)) ?? "").split(separator: "\n")
        let gids = lines.compactMap { line -> (String, gid_t)? in
            let fields = line.split(separator: ":", omittingEmptySubsequences: false)
            guard fields.count > 2, let gid = gid_t(fields[2]), gid != 0 else { return nil }
            return (String(fields[0]), gid)
        }
        return (gids.first { $0.0 == "www-data" } ?? gids.first)?.1 ?? 1
    }()

    /// Issue 14, finding 7: mode 700 became 755, the group became the builder's.
    @Test(.enabled(if: geteuid() == 0, "changing a folder's owner takes root"))
    func theOutputKeepsItsModeGroupAndOwner() throws {
        let source = TestSupport.minimalSource(["content/a.md": Self.page("Första.")])
        let (first, output) = TestSupport.build(source)
        #expect(first.succeeded)
        let group = Self.systemGroup
        #expect(chown(output.path, 1, group) == 0)
        // setgid: the files made inside take the folder's group, as they did in the old site.
        #expect(chmod(output.path, 0o2750) == 0)
        try Data(Self.page("Andra.").utf8).write(to: source.appendingPathComponent("content/a.md"))
        let second = TestSupport.build(source, output: output).0
        #expect(second.succeeded && second.fileCount > 0)
        let folder = Self.status(output.path)
        #expect(folder.st_mode & 0o7777 == 0o2750, "mode \(String(folder.st_mode & 0o7777, radix: 8))")
        #expect(folder.st_gid == group && folder.st_uid == 1)
        #expect(TestSupport.read(output, "a.html").contains("Andra."))
        #expect(Self.status(output.appendingPathComponent("a.html").path).st_gid == group)
        // A plain 0700 stays 0700.
        #expect(chmod(output.path, 0o700) == 0)
        try Data(Self.page("Tredje.").utf8).write(to: source.appendingPathComponent("content/a.md"))
        #expect(TestSupport.build(source, output: output).0.succeeded)
        #expect(Self.status(output.path).st_mode & 0o7777 == 0o700)
        #expect(TestSupport.read(output, "a.html").contains("Tredje."))
    }

    /// Issue 14, finding 7: an output that is a symbolic link (to swap deployments) became a real
    /// folder, and the link's target went stale. The new site goes behind the link, in its target's place.
    @Test func anOutputThatIsASymbolicLinkStaysOne() throws {
        let source = TestSupport.minimalSource(["content/a.md": Self.page("Första.")])
        let parent = TestSupport.temporaryFolder("link")
        let link = parent.appendingPathComponent("site")
        let releases = parent.appendingPathComponent("releases")
        try FileManager.default.createDirectory(at: releases, withIntermediateDirectories: true)
        let target = releases.appendingPathComponent("v1")
        // The target does not exist yet: the site is made there, not in the link's place.
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "releases/v1")
        func expectLinkToNewSite(_ text: String, _ label: String) throws {
            #expect(Self.status(link.path).st_mode & S_IFMT == S_IFLNK, "\(label): the link is gone")
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "releases/v1")
            #expect(TestSupport.read(target, "a.html").contains(text), "\(label)")
            #expect(FileManager.default.fileExists(atPath: target.appendingPathComponent(OutputWriter.markerName).path))
            #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path).sorted() == ["releases", "site"], "\(label)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: releases.path) == ["v1"], "\(label)")
        }
        #expect(TestSupport.build(source, output: link).0.succeeded)
        try expectLinkToNewSite("Första.", "first build")
        try Data(Self.page("Andra.").utf8).write(to: source.appendingPathComponent("content/a.md"))
        #expect(TestSupport.build(source, output: link).0.succeeded)
        try expectLinkToNewSite("Andra.", "rebuild")
        // The link and its target are one output: the bookkeeping of one holds for the other.
        let again = TestSupport.build(source, output: target).0
        #expect(again.succeeded && again.renderedCount == 0 && again.fileCount == 0)
    }

    /// A name the file system cannot hold: the message says which and why.
    @Test func aNameTooLongIsReportedWithTheSystemsReason() throws {
        let source = TestSupport.minimalSource()
        let output = TestSupport.temporaryFolder("long").appendingPathComponent(String(repeating: "x", count: 250))
        let report = TestSupport.build(source, output: output).0
        let message = report.outputError?.description ?? ""
        #expect(message.hasPrefix("cannot write \(output.deletingLastPathComponent().path)/.xxx"), "\(message)")
        #expect(message.hasSuffix(": File name too long"), "\(message)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path).isEmpty)
    }

    /// Whether this process may mount a small file system to fill up (root in a container that allows it).
    static let canMount: Bool = {
        let point = TestSupport.temporaryFolder("can-mount")
        guard (try? Command.shell("mount -t tmpfs -o size=64k tmpfs '\(point.path)' 2>/dev/null"))?.status == 0 else { return false }
        _ = try? Command.shell("umount '\(point.path)'")
        return true
    }()

    /// Issue 14, finding 10: a full disk (no inodes left, or no blocks) was reported as "cannot put
    /// the new site in place … (error 1)". Now the file being written and the system's reason are
    /// named, and the previous site stays as it was; the same for the preview's updates in place.
    @Test(.enabled(if: canMount, "mounting a small tmpfs takes root"))
    func aFullDiskIsReportedAtTheFileWithTheSystemsReason() throws {
        let point = TestSupport.temporaryFolder("full")
        #expect(try Command.shell("mount -t tmpfs -o size=4m,nr_inodes=400 tmpfs '\(point.path)'").status == 0)
        defer { _ = try? Command.shell("umount '\(point.path)'") }
        let source = TestSupport.minimalSource(["content/a.md": Self.page("Första.")])
        let output = point.appendingPathComponent("site")
        let (first, _) = TestSupport.build(source, output: output)
        #expect(first.succeeded, "\(first.outputError ?? "")")
        let before = TestSupport.files(in: output)
        let fillers = point.appendingPathComponent("fillers")
        try FileManager.default.createDirectory(at: fillers, withIntermediateDirectories: true)

        func expectFull(_ report: BuildReport, _ label: String) throws {
            let message = report.outputError?.description ?? ""
            #expect(message.hasPrefix("cannot write \(output.path)/"), "\(label): \(message)")
            #expect(message.hasSuffix(": No space left on device"), "\(label): \(message)")
            #expect(TestSupport.files(in: output) == before, "\(label): the site changed")
            #expect(try FileManager.default.contentsOfDirectory(atPath: point.path).sorted() == ["fillers", "site"], "\(label)")
        }

        // No inodes left but a few: the staging folder and its marker are made, then a file of the site is not.
        var count = 0
        while FileManager.default.createFile(atPath: fillers.appendingPathComponent("\(count)").path, contents: nil) { count += 1 }
        for number in (count - 3)..<count { try FileManager.default.removeItem(at: fillers.appendingPathComponent("\(number)")) }
        try Data(TestSupport.siteYAML.replacingOccurrences(of: "Testsajt", with: "Ny titel").utf8)
            .write(to: source.appendingPathComponent("content/site.yaml"))
        try expectFull(TestSupport.build(source, output: output).0, "no inodes")
        for number in 0..<(count - 3) { try FileManager.default.removeItem(at: fillers.appendingPathComponent("\(number)")) }

        // No blocks left but two: the same.
        let filler = fillers.appendingPathComponent("blocks")
        FileManager.default.createFile(atPath: filler.path, contents: nil)
        let handle = try FileHandle(forWritingTo: filler)
        let block = Data(count: 4096)
        while (try? handle.write(contentsOf: block)) != nil {}
        // Room for the marker and a file or two, not for the site.
        try handle.truncate(atOffset: max(0, try handle.offset() - 8192))
        try handle.close()
        try expectFull(TestSupport.build(source, output: output).0, "no blocks")
        try FileManager.default.removeItem(at: filler)

        // The preview's update in place, out of inodes: the page being replaced is named.
        try Data(TestSupport.siteYAML.utf8).write(to: source.appendingPathComponent("content/site.yaml"))
        let session = BuildSession(options: BuildOptions(source: source, output: output, asOf: TestSupport.sampleDate))
        #expect(session.build().succeeded)
        session.flush()
        let served = TestSupport.files(in: output)
        count = 0
        while FileManager.default.createFile(atPath: fillers.appendingPathComponent("\(count)").path, contents: nil) { count += 1 }
        try Data(Self.page("Andra.").utf8).write(to: source.appendingPathComponent("content/a.md"))
        let edit = session.build(changed: [source.appendingPathComponent("content/a.md").path])
        #expect(edit.outputError == "cannot write \(output.path)/a.html: No space left on device", "\(edit.outputError ?? "")")
        #expect(TestSupport.files(in: output) == served)
    }
}
