import Markup
import Model

/// The JSON Schemas of site.yaml, key-figures.yaml and unit files, written from the descriptions
/// the validator reads them by (`ContentShapes`), for editors (`valgrund schema`). Draft-07: the
/// draft VS Code's YAML extension supports in full.
///
/// Without a site the schemas hold what the files alone decide: keys, types, words, the static
/// ranges, the forms of dates, ids and years. Values that come from the rest of the content (step,
/// question and key-figure ids, perspectives, the rating scale, `self_assessment_max`, a key
/// figure's groups and measure) are described in words. Made from a site, the schemas name them.
public enum ContentSchema {
    public struct File: Sendable {
        /// The file's name, e.g. `unit.schema.json`.
        public let name: String
        public let json: JSON
    }

    public static let draft = "http://json-schema.org/draft-07/schema#"

    /// The three schemas; `site`: the validated site whose ids and ranges they name.
    public static func files(for site: Site? = nil) -> [File] {
        let writer = SchemaWriter(site: site)
        let keyFigures: [String: JSON] = [
            "type": "array",
            "description": "The municipality's key-figure catalogue: a list of key figures, each starting with `- id: …`.",
            "items": .object(writer.schema(.mapping(ContentShapes.keyFigure), nullable: false)),
        ]
        return [
            file("site.schema.json", "site.yaml", writer.schema(.mapping(ContentShapes.site), nullable: false)),
            file("key-figures.schema.json", "key-figures.yaml", keyFigures),
            file("unit.schema.json", "units/<id>.yaml", writer.schema(.mapping(ContentShapes.unit), nullable: false)),
        ]
    }

    private static func file(_ name: String, _ title: String, _ schema: [String: JSON]) -> File {
        var root = schema
        root["$schema"] = .string(draft)
        root["title"] = .string("Valgrund: content/\(title)")
        return File(name: name, json: .object(root))
    }

    /// A date as the validator reads it (`Day(iso:)`): the pattern for the form, `format` for the calendar.
    static let dayPattern = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
}

/// `Shape` → JSON Schema.
struct SchemaWriter {
    let site: Site?

    /// - Parameters:
    ///   - nullable: the value may be left empty (`key:`), which the validator reads as not given.
    ///   - figure: the key figure whose values these are, when known (a site's unit file).
    func schema(_ shape: Shape, nullable: Bool, figure: KeyFigure? = nil) -> [String: JSON] {
        var result: [String: JSON]
        switch shape {
        case .text(let form):
            result = ["type": ["string", "number", "boolean"]]
            if let pattern = form.pattern { result["pattern"] = .string(pattern) }
            if case .fromSite(let list) = form {
                if let site {
                    result = oneOf(list.values(in: site))
                } else {
                    result["description"] = .string("Must be \(list.origin).")
                }
            }
        case .whole(let range, let siteRange):
            let range = site.flatMap { site in siteRange.map { $0.range(in: site.config) } } ?? range
            result = ["type": "integer", "minimum": .int(range.lowerBound), "maximum": .int(range.upperBound)]
            if let siteRange, site == nil { result["description"] = .string("A whole number \(siteRange.origin).") }
        case .number(let range):
            result = ["type": "number", "minimum": .double(range.lowerBound), "maximum": .double(range.upperBound)]
        case .bool:
            result = ["type": "boolean"]
        case .day:
            result = ["type": "string", "pattern": .string(ContentSchema.dayPattern), "format": "date"]
        case .word(let words):
            result = oneOf(words)
        case .list(let item, let unique, let max):
            result = ["type": "array", "items": .object(schema(item, nullable: false, figure: figure))]
            if unique { result["uniqueItems"] = true }
            if let max { result["maxItems"] = .int(max) }
        case .mapping(let mapping):
            result = object(mapping, figure: figure)
        case .keyed(let kind, let value, let nullValues):
            result = ["type": "object"]
            let values = JSON.object(schema(value, nullable: nullValues, figure: figure))
            switch kind {
            case .year:
                result["propertyNames"] = ["pattern": .string(KeyKind.yearPattern)]
                result["additionalProperties"] = values
            case .names:
                result["additionalProperties"] = values
            case .site(let list):
                if let site {
                    var properties: [String: JSON] = [:]
                    for id in list.values(in: site) {
                        properties[id] = .object(schema(value, nullable: nullValues, figure: list == .keyFigures ? site.keyFigure(id) : figure))
                    }
                    result["properties"] = .object(properties)
                    result["additionalProperties"] = false
                } else {
                    result["additionalProperties"] = values
                    result["description"] = .string("Each key must be \(list.origin).")
                }
            }
        case .groupValues(let role):
            let groups = figure?.groups ?? Group.allCases
            let range = role.range(figure)
            result = [
                "type": "object",
                "propertyNames": oneOf(groups.map(\.rawValue)).json,
                "additionalProperties": [
                    "type": role.whole(figure) ? "integer" : "number",
                    "minimum": .double(range.lowerBound), "maximum": .double(range.upperBound),
                ],
            ]
            if figure == nil {
                result["description"] = "The key figure's groups (`groups:` in key-figures.yaml); its measure sets the range."
            }
        }
        if nullable { allowNull(&result) }
        return result
    }

    private func object(_ mapping: MappingShape, figure: KeyFigure?) -> [String: JSON] {
        var properties: [String: JSON] = [:]
        for key in mapping.keys {
            var property = schema(key.shape, nullable: key.required == nil, figure: figure)
            if key.required != nil, case .text(.any) = key.shape {
                // An empty or blank text counts as not given.
                property["pattern"] = "\\S"
            }
            let help = [key.help, property["description"]?.text].compactMap { $0 }.filter { !$0.isEmpty }
            if !help.isEmpty { property["description"] = .string(help.joined(separator: " ")) }
            properties[key.name] = .object(property)
        }
        var result: [String: JSON] = ["type": "object", "properties": .object(properties), "additionalProperties": false]
        let required = mapping.keys.filter { $0.required != nil }.map(\.name)
        if !required.isEmpty { result["required"] = JSON(required) }
        if let help = mapping.help { result["description"] = .string(help) }
        return result
    }

    /// One of `values`; nothing at all when there are none (a site without steps).
    private func oneOf(_ values: [String]) -> [String: JSON] {
        values.isEmpty ? ["not": [:]] : ["enum": JSON(values)]
    }

    private func allowNull(_ schema: inout [String: JSON]) {
        if case .array(let values)? = schema["enum"] { schema["enum"] = .array(values + [.null]) }
        switch schema["type"] {
        case .string(let type)?: schema["type"] = [.string(type), "null"]
        case .array(let types)?: schema["type"] = .array(types + ["null"])
        default: break
        }
        if schema["not"] != nil { schema = ["type": "null"] }
    }
}

extension [String: JSON] {
    fileprivate var json: JSON { .object(self) }
}

extension JSON {
    fileprivate var text: String? {
        if case .string(let text) = self { return text }
        return nil
    }
}
