/// site.yaml's `kolada:`: the municipality's id in Kolada, the open database of Swedish
/// municipalities' key figures, and the municipalities and groups its key-figure pages compare it with.
public struct KoladaConfig: Sendable, Equatable {
    /// This municipality's Kolada id, four digits (`"2083"`).
    public var municipality: String
    /// Shown beside the municipality, in site.yaml's order.
    public var compare: [KoladaComparison]

    public init(municipality: String, compare: [KoladaComparison] = []) {
        self.municipality = municipality
        self.compare = compare
    }
}

/// A municipality (`"1982"`), the whole country (`"0000"`) or a municipality group (`"G124026"`)
/// shown beside the municipality, with the name pages give it.
public struct KoladaComparison: Sendable, Equatable {
    public var id: String
    public var name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

/// The forms of Kolada's ids, checked where content writes them.
public enum KoladaID {
    /// A KPI: one capital letter and five digits (`N00206`, `U15033`).
    public static func isKPI(_ id: String) -> Bool {
        let scalars = Array(id.unicodeScalars)
        return scalars.count == 6 && ("A"..."Z").contains(scalars[0]) && scalars.dropFirst().allSatisfy(isDigit)
    }

    /// A municipality or region: four digits (`2083`, `0000` for the whole country).
    public static func isMunicipality(_ id: String) -> Bool {
        id.unicodeScalars.count == 4 && id.unicodeScalars.allSatisfy(isDigit)
    }

    /// A municipality group: `G` and digits (`G124026`).
    public static func isMunicipalityGroup(_ id: String) -> Bool {
        let scalars = Array(id.unicodeScalars)
        return (2...12).contains(scalars.count) && scalars[0] == "G" && scalars.dropFirst().allSatisfy(isDigit)
    }

    /// An organisational unit (a school, a preschool, a care unit): `V` and capital letters or
    /// digits (`V15E208300101`).
    public static func isUnit(_ id: String) -> Bool {
        let scalars = Array(id.unicodeScalars)
        return (4...24).contains(scalars.count) && scalars[0] == "V"
            && scalars.dropFirst().allSatisfy { isDigit($0) || ("A"..."Z").contains($0) }
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }
}

/// Kolada's genders: `K` (kvinnor), `M` (män), `T` (totalt).
public enum KoladaGender: String, Sendable, CaseIterable {
    case women = "K"
    case men = "M"
    case total = "T"

    /// The key figure's group a gender fills: K its women or else its girls, M its men or else its
    /// boys, T its total; nil when the figure has none of them.
    public func group(in figure: KeyFigure) -> Group? {
        let candidates: [Group] =
            switch self {
            case .women: [.women, .girls]
            case .men: [.men, .boys]
            case .total: [.total]
            }
        return candidates.first { figure.groups.contains($0) }
    }
}

/// Whose values Kolada gives: a municipality (or the country, or a municipality group) or an
/// organisational unit.
public enum KoladaSubject: Sendable, Hashable {
    case municipality(String)
    case unit(String)
}

/// Where a number on a page comes from: written in the content, or from Kolada.
public enum ValueOrigin: Sendable, Hashable {
    /// Written in a YAML file.
    case content
    /// From Kolada: the KPI it was read from (`N00206`).
    case kolada(kpi: String)
}

/// The values read from `content/kolada/*.json` that the content asks for, by KPI, subject, year
/// and gender; `nil` is Kolada's `null`, a value it does not have.
public struct KoladaData: Sendable, Equatable {
    public struct Key: Sendable, Hashable {
        public var kpi: String
        public var subject: KoladaSubject
        public var year: Int

        public init(kpi: String, subject: KoladaSubject, year: Int) {
            self.kpi = kpi
            self.subject = subject
            self.year = year
        }
    }

    public private(set) var values: [Key: [KoladaGender: Double?]] = [:]
    /// The years of each KPI and subject with at least one value (not null): pages ask for these
    /// once per key figure and municipality compared.
    private var yearsWithValues: [Series: Set<Int>] = [:]

    private struct Series: Hashable {
        var kpi: String
        var subject: KoladaSubject
    }

    public init(values: [Key: [KoladaGender: Double?]] = [:]) {
        for (key, genders) in values { set(key, genders) }
    }

    public mutating func set(_ key: Key, _ genders: [KoladaGender: Double?]) {
        values[key] = genders
        if genders.values.contains(where: { $0 != nil }) {
            yearsWithValues[Series(kpi: key.kpi, subject: key.subject), default: []].insert(key.year)
        }
    }

    public var isEmpty: Bool { values.isEmpty }

    /// The years with at least one value (not null) of `kpi` for `subject`, earliest first.
    public func years(kpi: String, subject: KoladaSubject) -> [Int] {
        (yearsWithValues[Series(kpi: kpi, subject: subject)] ?? []).sorted()
    }

    /// One year's values of `kpi` for `subject` as the key figure's groups (`KoladaGender.group(in:)`).
    public func groupValues(kpi: String, subject: KoladaSubject, year: Int, figure: KeyFigure) -> GroupValues? {
        guard let genders = values[Key(kpi: kpi, subject: subject, year: year)] else { return nil }
        var result = GroupValues()
        for (gender, value) in genders {
            guard let value, let group = gender.group(in: figure) else { continue }
            result.values[group] = value
            result.origins[group] = .kolada(kpi: kpi)
        }
        return result.isEmpty ? nil : result
    }
}

/// The merge rules of Kolada's values into the content's (docs/content-format.md, "Key figures
/// from Kolada"): a value written in YAML wins for the same key figure, year and group; Kolada's
/// `null` fills nothing.
public enum KoladaMerge {
    /// The municipality's values of the figure's `kolada:` KPI fill its `years:`.
    public static func fill(_ figure: inout KeyFigure, from data: KoladaData, municipality: String) {
        guard let kpi = figure.kolada else { return }
        for year in data.years(kpi: kpi, subject: .municipality(municipality)) {
            guard let kolada = data.groupValues(kpi: kpi, subject: .municipality(municipality), year: year, figure: figure) else { continue }
            var entry = figure.years[year] ?? KeyFigureYear()
            entry.value = merged(written: entry.value, kolada: kolada)
            figure.years[year] = entry
        }
    }

    /// The unit's values of each prioritised figure's `kolada_unit:` KPI fill the unit's values
    /// of that figure, in the years the unit's file has and for the figures it lists there.
    public static func fill(_ unit: inout Unit, figures: [KeyFigure], from data: KoladaData) {
        guard let id = unit.kolada else { return }
        for (year, var entry) in unit.years {
            var changed = false
            for index in entry.keyFigures.indices {
                guard let figure = figures.first(where: { $0.id == entry.keyFigures[index].id }), let kpi = figure.koladaUnit,
                    let kolada = data.groupValues(kpi: kpi, subject: .unit(id), year: year, figure: figure)
                else { continue }
                entry.keyFigures[index].value = merged(written: entry.keyFigures[index].value, kolada: kolada)
                changed = true
            }
            if changed { unit.years[year] = entry }
        }
    }

    /// The written values, and Kolada's for the groups that have none written.
    public static func merged(written: GroupValues?, kolada: GroupValues) -> GroupValues {
        var result = written ?? GroupValues()
        for (group, value) in kolada.values where result.values[group] == nil {
            result.values[group] = value
            result.origins[group] = kolada.origins[group]
        }
        return result
    }
}

/// Addresses on Kolada's own site.
public enum KoladaLink {
    /// The page of a KPI in Kolada's free search (`KoladaID.isKPI` ids need no escaping).
    public static func kpi(_ id: String) -> String { "https://www.kolada.se/verktyg/fri-sokning/?kpis=\(id)" }
}
