import Model

/// One key figure over the years, for the municipality or for one unit, with small groups
/// already suppressed: everything the tables, charts and data files show comes from here.
struct FigureSeries {
    struct Year {
        var year: Int
        var shown: [Group: Suppression.Shown]
        var target: GroupValues?
        var sizes: [Group: Suppression.Size]
        /// The groups whose value came from Kolada, with the KPI it was read from.
        var kolada: [Group: String] = [:]
    }

    let figure: KeyFigure
    /// Oldest first.
    let years: [Year]

    init(figure: KeyFigure, entries: [(year: Int, value: GroupValues?, n: GroupValues?, target: GroupValues?)], minGroupSize: Int) {
        self.figure = figure
        self.years = entries.sorted { $0.year < $1.year }.map { entry in
            let shown = Suppression.shown(values: entry.value, n: entry.n, figure: figure, minGroupSize: minGroupSize)
            var year = Year(year: entry.year, shown: shown.values, target: entry.target, sizes: shown.sizes)
            for (group, origin) in entry.value?.origins ?? [:] {
                if case .kolada(let kpi) = origin { year.kolada[group] = kpi }
            }
            return year
        }
    }

    private init(figure: KeyFigure, years: [Year]) {
        self.figure = figure
        self.years = years
    }

    /// The series over exactly `years` (oldest first): a year it lacks has every value missing.
    func padded(to years: [Int]) -> FigureSeries {
        FigureSeries(
            figure: figure,
            years: years.map { year in
                self.year(year)
                    ?? Year(
                        year: year, shown: Dictionary(uniqueKeysWithValues: figure.groups.map { ($0, .missing) }), target: nil,
                        sizes: Dictionary(uniqueKeysWithValues: figure.groups.map { ($0, .missing) }))
            })
    }

    /// The municipality's series from the catalogue, up to `year` (as it stood then) when one is given.
    static func municipality(_ figure: KeyFigure, upTo year: Int?, minGroupSize: Int) -> FigureSeries {
        FigureSeries(
            figure: figure,
            entries: figure.years.filter { $0.key <= year ?? .max }
                .map { ($0.key, $0.value.value, $0.value.n, $0.value.target) },
            minGroupSize: minGroupSize)
    }

    /// A unit's series: every year it prioritised the figure, up to `year`.
    static func unit(_ unit: Unit, figure: KeyFigure, upTo year: Int, minGroupSize: Int) -> FigureSeries {
        let entries = unit.years.filter { $0.key <= year }.compactMap { year, data -> (Int, GroupValues?, GroupValues?, GroupValues?)? in
            guard let entry = data.keyFigures.first(where: { $0.id == figure.id }) else { return nil }
            return (year, entry.value, entry.n, entry.target)
        }
        return FigureSeries(figure: figure, entries: entries, minGroupSize: minGroupSize)
    }

    func year(_ year: Int) -> Year? { years.first { $0.year == year } }

    func previous(before year: Int) -> Year? { years.last { $0.year < year } }

    var hasSuppressed: Bool { years.contains { $0.shown.values.contains(.suppressed) } }

    /// The KPIs of the values that came from Kolada, in order.
    var koladaKPIs: [String] { Array(Set(years.flatMap(\.kolada.values))).sorted() }

    /// The gap between women and men (or girls and boys) in a year and whether it narrowed.
    func gap(in year: Int) -> KeyFigureRules.Gap? {
        guard let current = self.year(year) else { return nil }
        let before = self.years.first { $0.year == year - 1 }
        return KeyFigureRules.gap(current: current.shown, previous: before?.shown)
    }
}
