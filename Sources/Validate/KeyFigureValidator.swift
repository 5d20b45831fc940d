import Diagnostics
import Load
import Model
import Yams

/// key-figures.yaml → the catalogue.
enum KeyFigureValidator {
    /// The catalogue, and the ids of entries that have errors (so references to them are not reported twice);
    /// nil instead of the ids when the whole file is unusable.
    static func validate(_ document: YAMLDocument?, config: SiteConfig?, log: DiagnosticLog) -> (figures: [KeyFigure], invalid: Set<String>?) {
        guard let document, let root = document.root else { return ([], []) }
        guard case .sequence(let entries) = root else {
            log.error("key-figures.yaml must be a list of key figures, each starting with `- id: …`", at: document.location(of: root))
            return ([], nil)
        }
        var figures: [KeyFigure] = []
        var invalid: Set<String> = []
        var firstOfID: [String: SourceLocation] = [:]
        for entry in entries {
            let before = log.errorCount
            guard let figure = validate(entry, in: document, config: config, log: log), log.errorCount == before else {
                if case .mapping(let mapping) = entry, let id = mapping["id"]?.string { invalid.insert(id) }
                continue
            }
            if let first = firstOfID[figure.id.value] {
                log.error("the key figure id '\(figure.id.value)' is already used at line \(first.line)", at: figure.id.location)
                continue
            }
            firstOfID[figure.id.value] = figure.id.location
            figures.append(figure.figure)
        }
        return (figures, invalid)
    }

    private static func validate(_ node: Node, in document: YAMLDocument, config: SiteConfig?, log: DiagnosticLog)
        -> (figure: KeyFigure, id: Located<String>)?
    {
        guard let map = MappingReader(node, in: document, log: log, shape: ContentShapes.keyFigure) else { return nil }
        let id = map.string("id")
        let name = map.string("name")
        let perspective = map.string("perspective")
        let measure = enumValue(map, "measure", Measure.self)
        let better = enumValue(map, "better", Better.self)
        var groups: [Group] = []
        if let list = map.stringList("groups") {
            for item in list {
                guard let group = Group(rawValue: item.value) else {
                    log.error(
                        "unknown group '\(item.value)'\(Suggestion.hint(for: item.value, in: Group.allCases.map(\.rawValue))); the groups are \(Group.allCases.map(\.rawValue).joined(separator: ", "))",
                        at: item.location)
                    continue
                }
                if groups.contains(group) { log.error("the group '\(item.value)' is listed twice", at: item.location) } else { groups.append(group) }
            }
        }
        if let id, !isID(id.value) {
            log.error("'id' must be lowercase letters, digits and hyphens, e.g. `id: \(suggestedID(id.value))`", at: id.location)
            return nil
        }
        if let perspective, let config, !config.perspectives.contains(perspective.value) {
            let list = config.perspectives.isEmpty ? Message("site.yaml lists none") : Message("site.yaml has \(config.perspectives.joined(separator: ", "))")
            log.error(
                "unknown perspective '\(perspective.value)'\(Suggestion.hint(for: perspective.value, in: config.perspectives)); \(list)",
                at: perspective.location)
        }
        guard let id, let name, let perspective, let measure, let better else { return nil }
        var figure = KeyFigure(
            id: id.value, name: name.value, perspective: perspective.value, measure: measure, better: better,
            groups: groups, source: map.string("source")?.value,
            description: map.string("description")?.value, unit: map.string("unit")?.value,
            distribution: map.bool("distribution")?.value ?? false)
        figure.nameInSentenceWritten = map.string("name_in_sentence")?.value
        figure.kolada = koladaKPI(map, "kolada", figure: figure, config: config)
        figure.koladaUnit = koladaKPI(map, "kolada_unit", figure: figure, config: config)
        if let years = map.node("years") {
            figure.years = readYears(years, figure: figure, document: document, log: log)
        }
        return (figure, id)
    }

    /// `kolada:` or `kolada_unit:`: a KPI id, for a figure whose groups Kolada's genders can fill.
    private static func koladaKPI(_ map: MappingReader, _ key: String, figure: KeyFigure, config: SiteConfig?) -> String? {
        guard let kpi = map.string(key) else { return nil }
        guard KoladaID.isKPI(kpi.value) else {
            map.log.error("'\(key)' must be a Kolada KPI id, a capital letter and five digits (e.g. N00206), not '\(kpi.value)'", at: kpi.location)
            return nil
        }
        if KoladaGender.allCases.allSatisfy({ $0.group(in: figure) == nil }) {
            map.log.error(
                "Kolada's values are for women or girls (K), men or boys (M) and in total (T); the key figure '\(figure.id)' has none of these groups",
                at: kpi.location)
            return nil
        }
        if key == "kolada", let config, config.kolada == nil {
            map.log.error(
                "'kolada' needs the municipality's Kolada id in site.yaml, e.g. `kolada: {municipality: \"2083\"}`", at: kpi.location)
            return nil
        }
        return kpi.value
    }

    private static func readYears(_ node: Node, figure: KeyFigure, document: YAMLDocument, log: DiagnosticLog) -> [Int: KeyFigureYear] {
        var result: [Int: KeyFigureYear] = [:]
        for (year, value) in YearMap.entries(node, in: document, log: log) {
            guard let map = MappingReader(value, in: document, log: log, shape: ContentShapes.keyFigureYear) else { continue }
            let values = GroupValuesReader(document: document, log: log).read(map, figure: figure)
            result[year] = KeyFigureYear(value: values.value, target: values.target, n: values.n)
        }
        return result
    }
}

/// Reads a key whose value is one word of a fixed set (`measure: percent`).
func enumValue<T: RawRepresentable & CaseIterable>(_ map: MappingReader, _ key: String, _ type: T.Type) -> T?
where T.RawValue == String {
    guard let value = map.string(key) else { return nil }
    if let result = T(rawValue: value.value) { return result }
    let options = T.allCases.map(\.rawValue)
    map.log.error(
        "'\(key)' must be one of \(options.joined(separator: ", ")), not '\(value.value)'\(Suggestion.hint(for: value.value, in: options))",
        at: value.location)
    return nil
}

/// `years:` mappings keyed by year numbers.
enum YearMap {
    /// The years a key may name (`KeyKind.yearPattern` is the same rule for the schema).
    static let years = 1900...2200

    static func entries(_ node: Node, in document: YAMLDocument, log: DiagnosticLog) -> [(Int, Node)] {
        guard case .mapping(let mapping) = node else {
            log.error("'years' must map each year to its data, like `2026: {…}`", at: document.location(of: node))
            return []
        }
        var result: [(Int, Node)] = []
        var firstLine: [Int: Int] = [:]
        for (key, value) in mapping {
            guard let text = key.string, let year = Int(text), years.contains(year) else {
                log.error("'\(key.string ?? "?")' is not a year; write the year as four digits, e.g. `2026:`", at: document.location(of: key))
                continue
            }
            // Written differently (`02026:`), YAML sees two keys; the second is the mistake.
            if let line = firstLine[year] {
                log.error("the year \(year) is written twice here; it was already given at line \(line)", at: document.location(of: key))
                continue
            }
            firstLine[year] = document.location(of: key).line
            result.append((year, value))
        }
        return result
    }
}
