import Model
import Testing

/// The merge rules at their edges, as plain functions on the model.
@Suite struct KoladaMergeTests {
    let figure = KeyFigure(
        id: "heltid", name: "Heltid", perspective: "Medarbetare", measure: .percent, better: .higher, groups: [.women, .men],
        kolada: "N00206", koladaUnit: "N15033")

    func data(_ subject: KoladaSubject, _ year: Int, _ values: [KoladaGender: Double?], kpi: String = "N15033") -> KoladaData {
        KoladaData(values: [KoladaData.Key(kpi: kpi, subject: subject, year: year): values])
    }

    @Test func aWrittenValueWinsForItsGroupOnly() {
        var written = GroupValues([.women: 68])
        written.values[.men] = nil
        let merged = KoladaMerge.merged(written: written, kolada: GroupValues([.women: 70, .men: 84]).fromKolada("N00206"))
        #expect(merged.values == [.women: 68, .men: 84])
        #expect(merged.origin(.women) == .content)
        #expect(merged.origin(.men) == .kolada(kpi: "N00206"))
        #expect(merged.koladaKPIs == ["N00206"])
    }

    @Test func nullAndGendersWithoutAGroupFillNothing() {
        var figure = figure
        KoladaMerge.fill(&figure, from: data(.municipality("2083"), 2024, [.women: nil, .total: 77], kpi: "N00206"), municipality: "2083")
        #expect(figure.years.isEmpty)
        KoladaMerge.fill(&figure, from: data(.municipality("2083"), 2024, [.women: nil, .men: 80], kpi: "N00206"), municipality: "2083")
        #expect(figure.years[2024]?.value?.values == [.men: 80])
        // Another municipality's values are not the municipality's.
        var other = self.figure
        KoladaMerge.fill(&other, from: data(.municipality("0000"), 2024, [.men: 80], kpi: "N00206"), municipality: "2083")
        #expect(other.years.isEmpty)
    }

    @Test func gendersFillGirlsAndBoysOrTheTotal() {
        let pupils = KeyFigure(id: "t", name: "T", perspective: "P", measure: .percent, better: .higher, groups: [.girls, .boys, .total])
        #expect(KoladaGender.women.group(in: pupils) == .girls)
        #expect(KoladaGender.men.group(in: pupils) == .boys)
        #expect(KoladaGender.total.group(in: pupils) == .total)
        #expect(KoladaGender.total.group(in: figure) == nil)
        let both = KeyFigure(id: "b", name: "B", perspective: "P", measure: .percent, better: .higher, groups: [.girls, .women])
        #expect(KoladaGender.women.group(in: both) == .women)
    }

    /// Kolada's values for a unit pass the same suppression as written ones: `n` from the unit's
    /// file, below `min_group_size` hidden, at it shown; Kolada's `count` is not a group size.
    @Test(arguments: [(4.0, true), (5.0, false), (6.0, false)])
    func unitValuesFromKoladaAreSuppressedByTheUnitsN(n: Double, hidden: Bool) {
        var unit = Unit(
            id: "e", name: "E", department: "D",
            years: [2026: UnitYear(year: 2026, keyFigures: [UnitKeyFigure(id: "heltid", n: GroupValues([.women: 40, .men: n]))])],
            kolada: "V1")
        KoladaMerge.fill(&unit, figures: [figure], from: data(.unit("V1"), 2026, [.women: 71, .men: 90]))
        let entry = unit.years[2026]!.keyFigures[0]
        #expect(entry.value?.values == [.women: 71, .men: 90])
        let shown = Suppression.shown(values: entry.value, n: entry.n, figure: figure, minGroupSize: 5)
        #expect(shown.values[.men] == (hidden ? .suppressed : .value(90)))
        #expect(shown.values[.women] == .value(71))
    }

    @Test func unitsFillOnlyTheFiguresAndYearsTheirFileHas() {
        var unit = Unit(
            id: "e", name: "E", department: "D",
            years: [2026: UnitYear(year: 2026, keyFigures: [UnitKeyFigure(id: "annat")])], kolada: "V1")
        KoladaMerge.fill(&unit, figures: [figure], from: data(.unit("V1"), 2026, [.women: 71]))
        KoladaMerge.fill(&unit, figures: [figure], from: data(.unit("V1"), 2025, [.women: 71]))
        #expect(unit.years[2026]!.keyFigures == [UnitKeyFigure(id: "annat")])
        #expect(unit.years[2025] == nil)
        var without = unit
        without.kolada = nil
        without.years[2026]!.keyFigures = [UnitKeyFigure(id: "heltid")]
        KoladaMerge.fill(&without, figures: [figure], from: data(.unit("V1"), 2026, [.women: 71]))
        #expect(without.years[2026]!.keyFigures[0].value == nil)
    }
}

extension GroupValues {
    fileprivate func fromKolada(_ kpi: String) -> GroupValues {
        var copy = self
        for group in values.keys { copy.origins[group] = .kolada(kpi: kpi) }
        return copy
    }
}
