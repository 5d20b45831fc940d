import Diagnostics
import Load
import Model

/// Kolada's saved responses → the values the content asks for, merged into the key figures and
/// units (`KoladaMerge`); values nothing asks for get a warning, once per file and reason.
struct KoladaValidator {
    let site: Site
    let log: DiagnosticLog
    /// Whether key-figures.yaml or a unit file could not be read: then a KPI or unit id that
    /// nothing seems to ask for may be asked for by the broken file, and is not warned about.
    var catalogueBroken = false
    var unitsBroken = false

    func read(_ responses: [KoladaResponse]) -> KoladaData {
        var data = KoladaData()
        guard !responses.isEmpty else { return data }
        let municipalityKPIs = Set(site.keyFigures.compactMap(\.kolada))
        let unitKPIs = Set(site.keyFigures.compactMap(\.koladaUnit))
        let config = site.config.kolada
        let municipalities = Set(config.map { [$0.municipality] + $0.compare.map(\.id) } ?? [])
        let units = Set(site.units.compactMap(\.kolada))
        var firstOf: [KoladaData.Key: SourceLocation] = [:]
        for response in responses {
            var warned: Set<Message> = []
            func warn(_ message: Message, at location: SourceLocation) {
                if warned.insert(message).inserted { log.warning(message, at: location) }
            }
            for entry in response.entries {
                let subject: KoladaSubject
                switch entry.subject {
                case .municipality(let id):
                    subject = .municipality(id)
                    if config == nil {
                        warn("site.yaml has no `kolada:`, so no values from Kolada are used", at: entry.location)
                        continue
                    }
                    if !municipalityKPIs.contains(entry.kpi) {
                        if !catalogueBroken {
                            warn(
                                "no key figure in key-figures.yaml has `kolada: \(entry.kpi)`, so this file's values of \(entry.kpi) for municipalities are not used",
                                at: entry.location)
                        }
                        continue
                    }
                    if !municipalities.contains(id) {
                        warn(
                            "'\(id)' is neither site.yaml's `kolada: municipality` nor one of its `compare` ids, so this file's values for it are not used",
                            at: entry.location)
                        continue
                    }
                case .unit(let id):
                    subject = .unit(id)
                    if !unitKPIs.contains(entry.kpi) {
                        if !catalogueBroken {
                            warn(
                                "no key figure in key-figures.yaml has `kolada_unit: \(entry.kpi)`, so this file's values of \(entry.kpi) for units are not used",
                                at: entry.location)
                        }
                        continue
                    }
                    if !units.contains(id) {
                        if !unitsBroken {
                            warn("no unit file has `kolada: \(id)`, so this file's values for it are not used", at: entry.location)
                        }
                        continue
                    }
                }
                let key = KoladaData.Key(kpi: entry.kpi, subject: subject, year: entry.period)
                if let first = firstOf[key] {
                    log.warning(
                        "\(entry.kpi) for '\(entry.subject.id)' in \(entry.period) is already given at \(first.path):\(first.line); this entry is not used",
                        at: entry.location)
                    continue
                }
                firstOf[key] = entry.location
                var genders: [KoladaGender: Double?] = [:]
                for value in entry.values {
                    if let gender = KoladaGender(rawValue: value.gender) { genders[gender] = value.value }
                }
                data.set(key, genders)
            }
        }
        return data
    }

    /// The site with Kolada's values read and merged.
    static func merge(_ responses: [KoladaResponse], into site: inout Site, log: DiagnosticLog, catalogueBroken: Bool, unitsBroken: Bool) {
        let data = KoladaValidator(site: site, log: log, catalogueBroken: catalogueBroken, unitsBroken: unitsBroken).read(responses)
        site.kolada = data
        guard !data.isEmpty else { return }
        if let municipality = site.config.kolada?.municipality {
            for index in site.keyFigures.indices { KoladaMerge.fill(&site.keyFigures[index], from: data, municipality: municipality) }
        }
        let figures = site.keyFigures
        for index in site.units.indices where site.units[index].kolada != nil {
            KoladaMerge.fill(&site.units[index], figures: figures, from: data)
        }
    }
}
