import Diagnostics
import Load
import Model
import Yams

/// site.yaml → SiteConfig.
enum SiteConfigValidator {
    static func validate(_ document: YAMLDocument?, context: ValidationContext, log: DiagnosticLog) -> SiteConfig? {
        guard let document else { return nil }
        guard let map = MappingReader(document.root, in: document, log: log, shape: ContentShapes.site) else { return nil }
        let title = map.string("title")
        let organisation = map.string("organisation")
        var config = SiteConfig(title: title?.value ?? "", organisation: organisation?.value ?? "")

        if let url = map.string("url") {
            if url.value.hasPrefix("https://") || url.value.hasPrefix("http://") {
                config.url = url.value.hasSuffix("/") ? url.value : url.value + "/"
            } else {
                log.error("'url' must be a full address starting with https:// (or http://)", at: url.location)
            }
        }
        if let theme = map.string("theme") {
            if isSafeName(theme.value) {
                config.theme = theme.value
            } else {
                log.error("'theme' must be the name of a folder in themes/, not a path", at: theme.location)
            }
        }
        if let language = map.string("language") { config.language = language.value }
        if let languages = context.languagesOfTheme(config.theme) {
            if !languages.contains(config.language) {
                let shown = languages.sorted().joined(separator: ", ")
                log.error(
                    "the theme has no strings for the language '\(config.language)'; it has: \(shown)\(Suggestion.hint(for: config.language, in: languages))",
                    at: map.location("language") ?? map.start)
            }
        } else {
            log.error(
                "there is no theme '\(config.theme)': add the folder themes/\(config.theme)/ or write `theme: default`",
                at: map.location("theme") ?? map.start)
        }
        if let perspectives = map.stringList("perspectives") {
            var seen = Set<String>()
            for perspective in perspectives where !seen.insert(perspective.value).inserted {
                log.error("the perspective '\(perspective.value)' is listed twice", at: perspective.location)
            }
            config.perspectives = perspectives.map(\.value)
        }
        if let scale = map.mapping("rating_scale") {
            let min = scale.int("min")
            let max = scale.int("max")
            if let min, let max {
                if min.value >= max.value {
                    log.error("'max' must be greater than 'min' (\(min.value))", at: max.location)
                } else if max.value - min.value > NumberLimits.ratingSteps {
                    // The form offers one choice per step for every question.
                    log.error(
                        "the scale may span at most \(NumberLimits.ratingSteps) steps, not \(max.value - min.value) (\(min.value) to \(max.value))",
                        at: max.location)
                } else {
                    config.ratingScale = min.value...max.value
                }
            }
        }
        if let value = map.int("self_assessment_max") { config.selfAssessmentMax = value.value }
        if let value = map.int("min_group_size") { config.minGroupSize = value.value }
        if let value = map.bool("allow_raw_html") { config.allowRawHTML = value.value }
        if let value = map.string("notice") { config.notice = value.value }
        config.contact = map.contact()
        config.feedback = map.feedback()
        if let print = map.stringList("print") {
            config.printPaths = print.map { $0.value.trimmingSlashes }
        }
        if let folders = map.mapping("folders") {
            func name(_ key: String) -> String? {
                guard let value = folders.string(key) else { return nil }
                guard isSafeName(value.value) else {
                    log.error("'\(key)' must be the name of one folder directly in content/", at: value.location)
                    return nil
                }
                return value.value
            }
            if let value = name("units") { config.folders.units = value }
            if let value = name("examples") { config.folders.examples = value }
            if let value = name("annual_report") { config.folders.annualReport = value }
        }
        if let paths = map.node("paths") {
            config.paths = readPaths(paths, document: document, log: log)
        }
        if let statement = map.mapping("accessibility") {
            config.accessibility = AccessibilityStatement(
                contact: statement.string("contact")?.value,
                reviewed: statement.day("reviewed")?.value,
                knownIssues: statement.string("known_issues")?.value)
        }
        if let search = map.mapping("search"), let weights = search.mapping("weights") {
            for group in SearchGroup.allCases {
                guard let weight = weights.number(group.rawValue) else { continue }
                if SearchGroup.weights.contains(weight.value) {
                    config.searchWeights[group] = weight.value
                } else {
                    func written(_ value: Double) -> String { value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value) }
                    let range = SearchGroup.weights
                    log.error(
                        "'\(group.rawValue)' must be a weight from \(written(range.lowerBound)) to \(written(range.upperBound)) (the default is \(written(group.defaultWeight))), not \(written(weight.value))",
                        at: weight.location)
                }
            }
        }
        if let kolada = map.mapping("kolada") {
            config.kolada = readKolada(kolada)
        }
        return config
    }

    /// `kolada: {municipality: "2083", compare: [{id: "0000", name: Riket}]}`.
    private static func readKolada(_ map: MappingReader) -> KoladaConfig? {
        var municipality = map.string("municipality")
        if let written = municipality, !KoladaID.isMunicipality(written.value) {
            map.log.error(
                "'municipality' must be the municipality's four-digit Kolada id, e.g. \"2083\", not '\(written.value)'",
                at: written.location)
            municipality = nil
        }
        var compare: [KoladaComparison] = []
        if let list = map.node("compare") {
            guard case .sequence(let entries) = list else {
                map.log.error(
                    "'compare' must be a list of municipalities and groups, like `- {id: \"0000\", name: Riket}`",
                    at: map.document.location(of: list))
                return nil
            }
            var firstLine: [String: Int] = [:]
            for entry in entries {
                guard let item = MappingReader(entry, in: map.document, log: map.log, shape: ContentShapes.koladaCompare) else { continue }
                let id = item.string("id")
                let name = item.string("name")
                guard let id else { continue }
                if !KoladaID.isMunicipality(id.value) && !KoladaID.isMunicipalityGroup(id.value) {
                    map.log.error(
                        "'id' must be a Kolada id of a municipality (four digits, \"1982\"; \"0000\" is the whole country) or a municipality group (\"G124026\"), not '\(id.value)'",
                        at: id.location)
                    continue
                }
                if id.value == municipality?.value {
                    map.log.error("'\(id.value)' is the municipality itself, which pages show anyway", at: id.location)
                    continue
                }
                if let line = firstLine[id.value] {
                    map.log.error("'\(id.value)' is already compared at line \(line)", at: id.location)
                    continue
                }
                firstLine[id.value] = id.location.line
                if let name { compare.append(KoladaComparison(id: id.value, name: name.value)) }
            }
        }
        guard let municipality else { return nil }
        return KoladaConfig(municipality: municipality.value, compare: compare)
    }

    /// `paths:` renames generated pages' URLs; each value must be one safe URL segment.
    private static func readPaths(_ node: Yams.Node, document: YAMLDocument, log: DiagnosticLog) -> [String: String] {
        guard case .mapping(let mapping) = node else {
            log.error("'paths' must be a mapping like `units: enheter`", at: document.location(of: node))
            return [:]
        }
        var result: [String: String] = [:]
        let reader = ValueReader(document: document, log: log)
        for (key, value) in mapping {
            guard let name = key.string, let segment = reader.string(value, key: name) else { continue }
            if isSafeSegment(segment.value) {
                result[name] = segment.value
            } else {
                log.error(
                    "'\(name)' must be one URL segment of plain ASCII letters, digits and hyphens\(segmentSuggestion(segment.value))", at: segment.location)
            }
        }
        return result
    }
}

/// The last part of an address written by hand (`slug`, a `paths` value): a safe name in plain
/// ASCII. Non-ASCII is refused rather than transliterated, so the address is the one the file says.
func isSafeSegment(_ name: String) -> Bool {
    isSafeName(name) && name.unicodeScalars.allSatisfy(\.isASCII)
}

/// ", e.g. `<the name made ASCII>`" for messages about a refused segment.
func segmentSuggestion(_ name: String) -> Message {
    let suggested = URLSegment.make(name)
    return isSafeSegment(suggested) ? Message(" (å, ä, ö and other letters break addresses in mail clients and on file shares), e.g. `\(suggested)`") : ""
}

/// One folder or URL segment: no separators, no dot-dot, nothing a file system treats specially.
func isSafeName(_ name: String) -> Bool {
    guard !name.isEmpty, name.count <= 100, !name.hasPrefix("."), name != "..", !name.hasPrefix("-") else { return false }
    return name.unicodeScalars.allSatisfy { scalar in
        (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_" || scalar == ".")
    }
}

extension String {
    var trimmingSlashes: String {
        var result = Substring(self)
        while result.hasPrefix("/") { result = result.dropFirst() }
        while result.hasSuffix("/") { result = result.dropLast() }
        return String(result)
    }
}
