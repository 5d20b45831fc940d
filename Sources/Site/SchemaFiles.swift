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
            let (found, diagnostics) = SiteBuilder.model(options)
            guard let found else { throw .content(diagnostics.filter { $0.severity == .error }) }
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
