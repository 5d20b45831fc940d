import Diagnostics
import Foundation
import Load
import Model
import Mustache
import Write
import Yams

/// A theme: Mustache templates, static files and strings per language. The built-in default theme
/// is compiled into the binary; a site's themes/<name>/ overrides it file by file.
public struct Theme: Sendable {
    public let name: String
    /// The templates as written, with `{{t.…}}` looked up while rendering.
    public let templates: MustacheLibrary
    /// The templates with the strings of each language written in (`InlinedStrings`).
    let templatesByLanguage: [String: MustacheLibrary]
    public let strings: [String: Strings]
    /// Files copied to the site as they are, by their path in the site; a site's own are copied
    /// from its theme folder when the site is written, never held in memory.
    public let staticFiles: [(path: String, contents: FileContents)]
    /// Other files of the theme by path (e.g. `export/report.css`).
    public let otherFiles: [String: Data]
    /// Templates that failed to parse (already reported): pages that need them are not rendered.
    public let brokenTemplates: Set<String>
    /// What to report when a page reaches a partial tag at `PartialDepth.limit`, by the number in its marker.
    let partialsAtDepthLimit: [Located<Message>]

    /// The theme's files: built-in defaults first, then SOURCE/themes/<name>/ on top.
    static func files(name: String, source: URL) -> [String: ThemeFile]? {
        var files: [String: ThemeFile] = [:]
        for entry in DefaultThemeFiles.base64 {
            guard let data = Data(base64Encoded: entry.contents) else { continue }
            files[entry.path] = ThemeFile(data: data, displayPath: "(built-in theme)/" + entry.path)
        }
        let folder = source.appendingPathComponent("themes").appendingPathComponent(name)
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) && isFolder.boolValue
        if !exists { return name == "default" ? files : nil }
        let root = folder.standardizedFileURL.resolvingSymlinksInPath().path
        let sourceRoot = source.standardizedFileURL.resolvingSymlinksInPath().path
        if let walker = FileManager.default.enumerator(atPath: root) {
            for case let relative as String in walker {
                guard !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }),
                    LeftoverFile.reason(relative.split(separator: "/").last ?? "") == nil
                else { continue }
                let full = root + "/" + relative
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
                let displayPath = "themes/\(name)/\(relative)"
                // A link out of SOURCE would publish whatever it points at (static/ is copied as it is).
                let real = (full as NSString).resolvingSymlinksInPath
                guard real.hasPrefix(sourceRoot + "/") else {
                    files[relative] = ThemeFile(data: Data(), displayPath: displayPath, outsideSource: real)
                    continue
                }
                if relative.hasPrefix("static/") {
                    files[relative] = ThemeFile(data: Data(), displayPath: displayPath, copiedFrom: full)
                    continue
                }
                guard let data = FileManager.default.contents(atPath: full) else { continue }
                files[relative] = ThemeFile(data: data, displayPath: displayPath)
            }
        }
        return files
    }

    /// The templates to render pages in `language` with: its strings written in when the theme has them.
    public func templates(for language: String) -> MustacheLibrary {
        templatesByLanguage[language] ?? templates
    }

    /// The languages a theme has strings for; nil when the site names a theme it does not have.
    public static func languages(name: String, source: URL) -> Set<String>? {
        guard let files = files(name: name, source: source) else { return nil }
        return Set(files.keys.compactMap(languageOfStringsFile))
    }

    private static func languageOfStringsFile(_ path: String) -> String? {
        guard path.hasPrefix("i18n/"), path.hasSuffix(".yaml") else { return nil }
        let name = path.dropFirst("i18n/".count).dropLast(".yaml".count)
        return name.contains("/") ? nil : String(name)
    }

    public static func load(name: String, source: URL, log: DiagnosticLog) -> Theme? {
        guard let files = files(name: name, source: source) else { return nil }
        var library = MustacheLibrary()
        var strings: [String: Strings] = [:]
        var staticFiles: [(String, FileContents)] = []
        var broken: Set<String> = []
        var other: [String: Data] = [:]
        var sources: [String: String] = [:]
        var written: [String: PartialDepth.Template] = [:]
        // Parsed templates by their text: most copies of a template (PartialDepth) have the same text.
        var parsed: [String: MustacheTemplate] = [:]
        func parse(_ text: String) -> MustacheTemplate? {
            if let known = parsed[text] { return known }
            let template = try? MustacheTemplate(string: EscapingPragma.line + text)
            parsed[text] = template
            return template
        }
        let builtIn = Dictionary(uniqueKeysWithValues: DefaultThemeFiles.base64.map { ($0.path, $0.contents) })
        for (path, file) in files.sorted(by: { $0.key < $1.key }) {
            if let target = file.outsideSource {
                log.error("this is a link to '\(target)', outside SOURCE; links may only point inside it", at: SourceLocation(path: file.displayPath))
                continue
            }
            if path.hasPrefix("templates/"), path.hasSuffix(".mustache") {
                let templateName = String(path.dropFirst("templates/".count).dropLast(".mustache".count))
                guard let text = String(data: file.data, encoding: .utf8).map(UnindentedPartials.strip) else {
                    log.error("this template is not UTF-8 text", at: SourceLocation(path: file.displayPath))
                    continue
                }
                do {
                    parsed[text] = try MustacheTemplate(string: EscapingPragma.line + text)
                    // Registered below, once the partials it includes are known to end.
                    written[templateName] = PartialDepth.Template(text: String(decoding: file.data, as: UTF8.self), displayPath: file.displayPath)
                } catch let error as MustacheTemplate.ParserError {
                    broken.insert(templateName)
                    log.error(
                        Self.explain(error.error),
                        at: SourceLocation(
                            path: file.displayPath, line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber))
                } catch {
                    broken.insert(templateName)
                    log.error("template error: \(error)", at: SourceLocation(path: file.displayPath))
                }
            } else if let language = languageOfStringsFile(path) {
                // A site's strings file may hold only the keys it changes; the rest come from the built-in one.
                let defaults = builtIn[path].flatMap { Data(base64Encoded: $0) }
                    .flatMap { Strings.parse($0, path: "(built-in theme)/" + path, log: log) }
                let own = Strings.parse(file.data, path: file.displayPath, log: log)
                if let merged = (defaults ?? Strings()).merging(own ?? Strings()) as Strings? { strings[language] = merged }
            } else if path.hasPrefix("static/") {
                let address = String(path.dropFirst("static/".count))
                if let problem = PortableName.problem(inAddress: address) {
                    log.error(
                        "this file would be copied to \(address), but \(problem); rename it",
                        at: SourceLocation(path: file.displayPath))
                    continue
                }
                staticFiles.append((address, file.copiedFrom.map { .copy(from: $0) } ?? .bytes(file.data)))
            } else {
                other[path] = file.data
            }
        }
        let depth = PartialDepth(templates: written, log: log)
        broken.formUnion(depth.refused)
        let (copies, atLimit) = depth.expand()
        for (templateName, text) in copies {
            let unindented = UnindentedPartials.strip(text)
            guard let template = parse(unindented) else {
                // Renaming partial tags keeps a template readable; should it not, say so rather than drop it.
                let file = written[String(templateName.prefix { $0 != "?" })]?.displayPath ?? "themes/\(name)"
                log.error(
                    "template error: this template cannot be read once its partials are numbered by depth (\(templateName))",
                    at: SourceLocation(path: file))
                continue
            }
            library.register(template, named: templateName)
            sources[templateName] = unindented
        }
        for required in ["layout", "page", "section", "start", "404"] where library.getTemplate(named: required) == nil && !broken.contains(required) {
            log.error("the theme '\(name)' has no template templates/\(required).mustache", at: SourceLocation(path: "themes/\(name)"))
        }
        var byLanguage: [String: MustacheLibrary] = [:]
        for (language, texts) in strings {
            var inlined = library
            for (templateName, text) in sources {
                let written = InlinedStrings.inline(text, strings: texts)
                if written != text, let template = parse(written) {
                    inlined.register(template, named: templateName)
                }
            }
            byLanguage[language] = inlined
        }
        return Theme(
            name: name, templates: library, templatesByLanguage: byLanguage, strings: strings,
            staticFiles: staticFiles, otherFiles: other, brokenTemplates: broken,
            partialsAtDepthLimit: atLimit)
    }

    /// Mustache's parser errors in words a theme author understands.
    static func explain(_ error: Error) -> Message {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect?: return Message("template error: this {{/…}} closes a different section than the one that is open")
        case .unfinishedName?: return Message("template error: a tag is not closed with }}")
        case .expectedSectionEnd?: return Message("template error: a section {{#…}} or {{^…}} is never closed with {{/…}}")
        case .invalidSetDelimiter?: return Message("template error: the delimiter tag {{=… …=}} is malformed")
        case .transformAppliedToInheritanceSection?: return Message("template error: a transform cannot be applied to an inherited section")
        case .illegalTokenInsideInheritSection?, .textInsideInheritSection?:
            return Message("template error: inside {{<…}} only block overrides {{$…}} may stand")
        case .invalidConfigVariableSyntax?, .unrecognisedConfigVariable?: return Message("template error: unknown configuration tag {{% … }}")
        case nil: return Message("template error: \(error)")
        }
    }
}

struct ThemeFile {
    var data: Data
    /// Where a person finds the file: `themes/x/templates/page.mustache` or the built-in theme.
    var displayPath: String
    /// Where a symbolic link that leads out of SOURCE points; such a file is refused.
    var outsideSource: String? = nil
    /// A static file of the site's own theme: copied from here when the site is written (`data` is empty).
    var copiedFrom: String? = nil
}
