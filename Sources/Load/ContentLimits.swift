import Diagnostics
/// How large a content file may be. A person writes a handbook page of tens of kilobytes; a file of
/// many megabytes is a mistake (a pasted image, a generated dump) that would make every reader's
/// phone load the page and the build hold it several times over in memory.
public enum ContentLimits {
    public static let markdownBytes = 5_000_000
    /// A unit file with thousands of activity plans stays well below this.
    public static let yamlBytes = 20_000_000

    static func bytes(of path: String) -> Int {
        isMarkdown(path) ? markdownBytes : yamlBytes
    }

    private static func isMarkdown(_ path: String) -> Bool { fileExtension(of: path) == "md" }

    static func why(_ path: String) -> Message {
        if isMarkdown(path) { return Message("a page that size is too long to read on a phone") }
        // Kolada's API sends at most 5,000 entries a page, about a megabyte.
        if fileExtension(of: path) == "json" { return Message("Kolada's answers come in pages of about a megabyte") }
        return Message("a data file that size is not written by hand")
    }
}
