import Foundation

/// The date of each content file's last commit, when SOURCE is in a git repository: the pages'
/// "Senast uppdaterad" when their front matter gives no `updated`.
///
/// One `git log` over content/ gives every file's date at once (one process per page would cost a
/// 10,000-page site minutes). File times are never used: a checkout or a copy sets them to the
/// moment it ran, so the same commit would build different sites. Without git, outside a
/// repository or for a file never committed there is simply no date.
public struct CommitDates {
    private let process: Process
    private let pipe: Pipe

    /// Starts `git log` in SOURCE, so that it runs while the files are read; nil when it cannot start.
    public static func start(in source: URL) -> CommitDates? {
        git(
            [
                // The reader's own settings must not change what is printed (signatures, colours).
                "-c", "log.showSignature=false", "-c", "color.ui=never",
                // %cs: the committer's date (when the change landed), as YYYY-MM-DD in the commit's own
                // time zone, so the date does not depend on the zone of the machine that builds.
                "log", "-z", "--name-only", "--no-renames", "--format=%x01%cs",
                // Paths relative to SOURCE (content/…), also when SOURCE is a folder inside the repository.
                "--relative", "--", ContentLoader.contentFolder,
            ], in: source)
    }

    /// The dates (`YYYY-MM-DD`) by path relative to SOURCE; empty when git failed (no git, not a
    /// repository, a repository without commits or one git refuses to read as this user).
    public func finish() -> [String: String] {
        output().map(Self.parse) ?? [:]
    }

    /// The commit SOURCE's repository is at, which decides every date `start` finds; "" when
    /// there is none. A rebuild whose files are all as they were compares it before doing nothing.
    public static func head(of source: URL) -> String {
        guard let run = git(["rev-parse", "-q", "--verify", "HEAD"], in: source), let data = run.output() else { return "" }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func git(_ arguments: [String], in source: URL) -> CommitDates? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", source.path] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        return CommitDates(process: process, pipe: output)
    }

    /// What git printed, once it has ended; nil when it failed.
    private func output() -> Data? {
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? data : nil
    }

    /// `git log -z --name-only --format=%x01%cs` prints, per commit, `\u{1}DATE\0` and then each
    /// changed path followed by `\0` (the first after a newline). A file's date is its newest.
    static func parse(_ data: Data) -> [String: String] {
        var dates: [String: String] = [:]
        var current: String?
        for var field in data.split(separator: 0) {
            if field.first == UInt8(ascii: "\n") { field = field.dropFirst() }
            if field.first == 1 {
                current = String(decoding: field.dropFirst(), as: UTF8.self)
                continue
            }
            guard let current, !field.isEmpty else { continue }
            let path = String(decoding: field, as: UTF8.self)
            // ISO dates order as text; merges can list an older commit after a newer one.
            if let known = dates[path], known >= current { continue }
            dates[path] = current
        }
        return dates
    }
}
