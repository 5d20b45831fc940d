import Diagnostics
import Foundation
import Load
import Model
import Validate

/// `valgrund schema --output DIR [--source SOURCE]`: the JSON Schemas of site.yaml,
/// key-figures.yaml and unit files (`ContentSchema`) for editors.
public enum SchemaFiles {
    public enum Failure: Error, CustomStringConvertible {
        /// site.yaml could not be read, so the site's values are unknown.
        case content([Diagnostic])
        case cannotWrite(String)

        public var description: String {
            switch self {
            case .content(let diagnostics): return diagnostics.map(\.description).joined(separator: "\n")
            case .cannotWrite(let why): return why
            }
        }
    }

    /// The folder `valgrund new unit` points its files to (`unitReference`), relative to SOURCE.
    public static let conventionalFolder = "schemas"

    /// The first line `valgrund new unit` writes: the unit schema in SOURCE/schemas, seen from
    /// content/<units folder>/ (a folder directly in content/).
    public static let unitReference = "# yaml-language-server: $schema=../../\(conventionalFolder)/unit.schema.json"

    /// Writes the schemas into `folder` (made when missing) and returns their names.
    /// - Parameter site: made from this source's content when given: the schemas name its ids and ranges.
    public static func write(to folder: URL, site options: BuildOptions?) throws(Failure) -> [String] {
        var site: Site?
        if let options {
            let validated = validatedSite(options)
            guard let found = validated.site else { throw .content(validated.errors) }
            site = found
        }
        let files = ContentSchema.files(for: site)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for file in files {
                try (file.json.data + Data("\n".utf8)).write(to: folder.appendingPathComponent(file.name), options: .atomic)
            }
        } catch {
            throw .cannotWrite("cannot write the schemas into \(folder.path): \(systemReason(error))")
        }
        return files.map(\.name)
    }
}

/// The site as the tools that write content files see it (`new unit`, `schema --source`): drafts
/// included, no commit dates; nil, with the errors, when site.yaml is unusable.
func validatedSite(_ options: BuildOptions) -> (site: Site?, errors: [Diagnostic]) {
    let log = DiagnosticLog()
    let content = ContentLoader(source: options.source.standardizedFileURL).load(commitDates: false, log: log)
    let context = ValidationContext(includeDrafts: true, today: options.asOf)
    let site = Validator.validate(content, context: context, log: log)
    return (site, log.all.filter { $0.severity == .error })
}
