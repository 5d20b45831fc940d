/// The groups a key figure is split by, as Statistics Sweden splits them.
public enum Group: String, Sendable, CaseIterable, Comparable {
    case women, men, girls, boys
    case nonBinary = "non_binary"
    case total

    /// Women before men, girls before boys: the order in every table and chart.
    public static func < (a: Group, b: Group) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// Values per group, e.g. `{women: 68, men: 83}`.
public struct GroupValues: Sendable, Equatable {
    public var values: [Group: Double]
    /// Where values that were not written in the content came from (Kolada); a group that is not
    /// here was written.
    public var origins: [Group: ValueOrigin] = [:]

    public init(_ values: [Group: Double] = [:]) {
        self.values = values
    }

    public subscript(group: Group) -> Double? { values[group] }
    public func origin(_ group: Group) -> ValueOrigin { origins[group] ?? .content }
    /// The KPIs the values came from, when any came from Kolada.
    public var koladaKPIs: [String] {
        Array(Set(origins.values.compactMap { if case .kolada(let kpi) = $0 { kpi } else { nil } })).sorted()
    }
    public var groups: [Group] { values.keys.sorted() }
    public var isEmpty: Bool { values.isEmpty }
}

public enum Measure: String, Sendable, CaseIterable {
    /// A share of 0–100 %.
    case percent
    /// A number of people or things: a whole number.
    case count
    /// Any other number, e.g. kronor per user.
    case number
}

public enum Better: String, Sendable, CaseIterable {
    case higher, lower
}

/// A key figure (nyckeltal) of the municipality's catalogue, with its outcomes and political targets.
public struct KeyFigure: Sendable, Equatable {
    public var id: String
    public var name: String
    /// The name as written inside a sentence, when the simple rule below gets it wrong
    /// (`name_in_sentence:` in key-figures.yaml).
    public var nameInSentenceWritten: String?
    /// One of site.yaml's perspectives.
    public var perspective: String
    public var measure: Measure
    public var better: Better
    public var groups: [Group]
    public var source: String?
    /// Markdown.
    public var description: String?
    /// A unit for `number` figures, e.g. "kr".
    public var unit: String?
    /// The groups' values are shares of one whole (e.g. women and men among participants):
    /// 40–60 % counts as an even split.
    public var distribution: Bool
    public var years: [Int: KeyFigureYear]
    /// `kolada:`: the Kolada KPI with the municipality-wide values (`N00206`).
    public var kolada: String?
    /// `kolada_unit:`: the Kolada KPI with units' values, for units with a `kolada:` id.
    public var koladaUnit: String?

    /// The name inside a sentence or after the first item of a list: "sjukfrånvaro bland medarbetare".
    /// Its first letter is lowered unless the next letter is a capital too (an acronym such as "HR",
    /// "LSS"); a name that starts with a proper noun gives its own `name_in_sentence`.
    public var nameInSentence: String {
        if let nameInSentenceWritten { return nameInSentenceWritten }
        guard let first = name.first, first.isUppercase else { return name }
        let second = name.dropFirst().first
        if let second, second.isUppercase || second.isNumber { return name }
        return first.lowercased() + name.dropFirst()
    }

    public init(
        id: String, name: String, perspective: String, measure: Measure, better: Better, groups: [Group],
        source: String? = nil, description: String? = nil, unit: String? = nil, distribution: Bool = false,
        years: [Int: KeyFigureYear] = [:], kolada: String? = nil, koladaUnit: String? = nil
    ) {
        self.id = id
        self.name = name
        self.perspective = perspective
        self.measure = measure
        self.better = better
        self.groups = groups
        self.source = source
        self.description = description
        self.unit = unit
        self.distribution = distribution
        self.years = years
        self.kolada = kolada
        self.koladaUnit = koladaUnit
    }
}

/// The municipality-wide outcome and target of a key figure for one year.
public struct KeyFigureYear: Sendable, Equatable {
    public var value: GroupValues?
    public var target: GroupValues?
    /// How many people each value is about, where known.
    public var n: GroupValues?

    public init(value: GroupValues? = nil, target: GroupValues? = nil, n: GroupValues? = nil) {
        self.value = value
        self.target = target
        self.n = n
    }
}
