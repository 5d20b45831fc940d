import Diagnostics
/// Files an editor, an office program or the operating system leaves beside the ones a person
/// writes: backups, autosaves, locks and swap files. They hold old or unfinished versions (names,
/// interim reports, values meant to be suppressed), so they are never read and never published.
public enum LeftoverFile {
    /// What kind of leftover a file named `name` is, in words ("an editor's backup file"), or nil
    /// when it is none.
    public static func reason(_ name: some StringProtocol) -> Message? {
        let lower = name.lowercased()
        let suffix = fileExtension(of: lower)
        if lower.hasSuffix("~") || suffix == "bak" || suffix == "orig" { return Message("an editor's backup file") }
        if suffix == "swp" || suffix == "swo" { return Message("an editor's swap file") }
        if suffix == "tmp" { return Message("a temporary file") }
        if lower.count >= 2, lower.hasPrefix("#"), lower.hasSuffix("#") { return Message("an editor's autosave file") }
        if lower.hasPrefix(".#") { return Message("an editor's lock file") }
        if lower.hasPrefix("~$") { return Message("an office program's lock file") }
        if [".ds_store", "thumbs.db", "desktop.ini"].contains(lower) { return Message("a file the operating system leaves in folders") }
        return nil
    }
}

/// The kinds of file copied into the site as they are, from outside the data folders
/// (docs/content-format.md lists them). Anything else stays unpublished with a warning: a file
/// put in content/ by mistake (a database export, a script, a backup under another name) must
/// not end up on the web.
public enum PublishedFileKinds {
    public static let kinds: [(name: Message, extensions: [String])] = [
        (Message("images"), ["png", "jpg", "jpeg", "gif", "svg", "webp", "avif", "ico"]),
        (Message("PDF"), ["pdf"]),
        (Message("office documents"), ["docx", "xlsx", "pptx", "odt", "ods", "odp", "doc", "xls", "ppt", "rtf", "txt", "csv"]),
        (Message("media"), ["mp3", "mp4", "webm", "ogg", "wav", "m4a"]),
        (Message("fonts"), ["woff", "woff2", "ttf", "otf"]),
    ]

    static let extensions = Set(kinds.flatMap(\.extensions))

    /// Whether a file named `name` is of a kind that is copied into the site (its extension, in any case).
    public static func isPublished(_ name: some StringProtocol) -> Bool {
        // `Bild.png.` is meant as a picture: it is published, and its name refused where it is planned.
        let meant = name.reversed().drop { $0 == "." || $0 == " " }.reversed()
        return fileExtension(of: String(meant)).map { extensions.contains($0) } ?? false
    }
}

/// The extension of a file name in lowercase (`Bild.PNG` → `png`), or nil when it has none.
func fileExtension(of name: some StringProtocol) -> String? {
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
    return String(name[name.index(after: dot)...]).lowercased()
}

/// What Load does with each file under content/, decided by its folder and its name alone.
enum ContentFileRole: Equatable {
    case siteConfig
    case keyFigures
    /// A Markdown file: a handbook page, an example or an annual report's text, by its folder.
    case page
    case unit
    /// A saved Kolada response (`kolada/*.json`).
    case kolada
    /// Copied into the site as it is.
    case published
    /// Not read and not published; a warning says why, or nothing when `warning` is nil.
    case skipped(warning: Message?)
}

/// The folders under content/ that hold data: nothing in them is ever published as it is.
struct DataFolders {
    var units = "units"
    var examples = "examples"
    var annualReport = "annual-report"
    /// Kolada's saved responses: key-figure values from Kolada.
    static let kolada = "kolada"

    /// The role of the file at `path` (relative to content/).
    func role(of path: String) -> ContentFileRole {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        let name = parts.last ?? ""
        let suffix = fileExtension(of: name)
        let folder = parts.count > 1 ? String(parts[0]) : nil
        let inDataFolder = folder.map { [units, examples, annualReport, Self.kolada].contains($0) } ?? false
        if let leftover = LeftoverFile.reason(name) {
            // Elsewhere a leftover sits beside a page someone is editing: nothing to tell.
            return .skipped(warning: inDataFolder ? Message("ignored: \(leftover); it is not published") : nil)
        }
        let isMarkdown = suffix == "md", isYAML = suffix == "yaml" || suffix == "yml"
        switch folder {
        case nil:
            if path == "site.yaml" { return .siteConfig }
            if path == "key-figures.yaml" { return .keyFigures }
            if isYAML { return .skipped(warning: "this data file is not used: only site.yaml and key-figures.yaml are read here") }
        case units?:
            return isYAML ? .unit : .skipped(warning: notData(Message("content/\(units)/ holds only unit files (<unit-id>.yaml)")))
        case examples?:
            return isMarkdown
                ? .page
                : .skipped(
                    warning: notData(Message("content/\(examples)/ holds only examples (<name>.md); put pictures and documents beside the handbook's pages")))
        case annualReport?:
            return isMarkdown
                ? .page
                : .skipped(
                    warning: notData(
                        Message(
                            "content/\(annualReport)/ holds only the annual report's text (<year>.md); put pictures and documents beside the handbook's pages"))
                )
        case Self.kolada?:
            // A note beside the data (a README saying where it came from) is for people, not the site.
            if isMarkdown { return .skipped(warning: nil) }
            return suffix == "json" && parts.count == 2
                ? .kolada
                : .skipped(warning: notData(Message("content/\(Self.kolada)/ holds only Kolada's responses (<name>.json) and notes about them (<name>.md)")))
        default:
            break
        }
        if isMarkdown { return .page }
        if PublishedFileKinds.isPublished(name) { return .published }
        let kinds = Message.list(PublishedFileKinds.kinds.map(\.name))
        let what = suffix.map { Message("a file ending in '.\($0)'") } ?? Message("a file without an extension")
        return .skipped(warning: "this file is not published: \(what) is not copied into the site, only \(kinds) (docs/content-format.md lists their kinds)")
    }

    private func notData(_ why: Message) -> Message {
        Message("this file is neither read nor published: \(why)")
    }
}
