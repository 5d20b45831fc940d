import Markup
import Model

/// A key figure's values for the municipality beside those of the municipalities and groups
/// site.yaml's `kolada: compare` lists, by group (women and men) over the years: a chart for each
/// (on one scale), one table, and Kolada as the source.
struct KoladaComparison {
    struct Column {
        var name: String
        /// Values only: targets belong to the municipality's own table.
        var series: FigureSeries
        var isMunicipality: Bool
    }

    let figure: KeyFigure
    let kpi: String
    let columns: [Column]
    /// The years with a value in any column, oldest first.
    let years: [Int]

    /// The comparison up to `year` (every year when nil); nil when the figure has no `kolada:` KPI,
    /// site.yaml compares with nothing, or Kolada gave no value for what it compares with.
    init?(figure: KeyFigure, site: Site, upTo year: Int?) {
        guard let kpi = figure.kolada, let config = site.config.kolada, !config.compare.isEmpty else { return nil }
        let minimum = site.config.minGroupSize
        let last = year ?? .max
        var columns = [
            Column(
                name: site.config.organisation,
                series: FigureSeries(
                    figure: figure,
                    entries: figure.years.filter { $0.key <= last }.map { ($0.key, $0.value.value, $0.value.n, nil) },
                    minGroupSize: minimum),
                isMunicipality: true)
        ]
        for compared in config.compare {
            let subject = KoladaSubject.municipality(compared.id)
            let entries = site.kolada.years(kpi: kpi, subject: subject).filter { $0 <= last }.map { year in
                (year, site.kolada.groupValues(kpi: kpi, subject: subject, year: year, figure: figure), GroupValues?.none, GroupValues?.none)
            }
            columns.append(Column(name: compared.name, series: FigureSeries(figure: figure, entries: entries, minGroupSize: minimum), isMunicipality: false))
        }
        guard columns.dropFirst().contains(where: { !$0.series.years.isEmpty }) else { return nil }
        self.figure = figure
        self.kpi = kpi
        self.columns = columns
        years = Set(
            columns.flatMap { column in
                column.series.years.filter { $0.shown.values.contains { $0 != .missing } }.map(\.year)
            }
        ).sorted()
    }

    /// A column's shown value of a group in a year.
    func shown(_ column: Column, _ group: Group, _ year: Int) -> Suppression.Shown {
        column.series.year(year)?.shown[group] ?? .missing
    }

    /// Whether a municipality's value came from Kolada (every compared value does).
    func isFromKolada(_ column: Column, _ group: Group, _ year: Int) -> Bool {
        column.series.year(year)?.kolada[group] != nil
    }

    /// The highest value of every column: one scale for the charts side by side.
    var largest: Double {
        columns.flatMap { $0.series.years.flatMap { $0.shown.values.compactMap(\.number) } }.max() ?? 0
    }
}

/// The comparison on a key figure's page.
struct KoladaComparisonPresenter {
    let context: RenderContext
    var strings: Strings { context.strings }

    func html(_ comparison: KoladaComparison) -> String {
        let presenter = FigurePresenter(context: context)
        let figure = comparison.figure
        let top = NiceScale.fitting(
            comparison.largest, wholeNumbers: figure.measure == .count, ceiling: figure.measure == .percent ? 100 : nil,
            fixedTop: figure.distribution && figure.measure == .percent ? 100 : nil
        ).top
        var out = HTMLBuilder(capacity: 32_768)
        out.raw("<div class=\"kolada-comparison\">\n")
        for (index, column) in comparison.columns.enumerated() {
            // Every chart has the same years, so they can be read across.
            let series = column.series.padded(to: comparison.years)
            out.raw("<figure class=\"chart-figure\">\n<figcaption>")
            out.text(column.name)
            out.raw("</figcaption>\n")
            out.raw(
                presenter.chart(
                    series, idPrefix: "vg-cmp-\(index)",
                    title: strings.format("kolada.chart_title", ["name": figure.name, "who": column.name]), maximum: top))
            out.raw("\n</figure>\n")
        }
        out.raw("</div>\n")
        let caption = strings.format("kolada.caption", ["name": figure.name])
        out.raw("<div class=\"table-scroll\" role=\"region\" aria-label=\"\(HTML.escape(caption))\" tabindex=\"0\">\n")
        out.raw(table(comparison, caption: caption))
        out.raw("\n</div>\n<p class=\"footnote kolada-note\">")
        out.raw(presenter.koladaNote(kpis: [comparison.kpi], note: "kolada.comparison_note"))
        out.raw("</p>")
        return out.html
    }

    /// Year and group down, the municipality and those compared across.
    func table(_ comparison: KoladaComparison, caption: String) -> String {
        let presenter = FigurePresenter(context: context)
        let figure = comparison.figure
        let groups = figure.groups
        var out = HTMLBuilder(capacity: 8192)
        out.raw("<table class=\"figure-table comparison-table\">\n  ")
        out.element("caption", "", caption)
        out.raw("\n  <thead>\n    <tr>")
        out.element("th", "scope=\"col\"", strings["table.year"])
        out.element("th", "scope=\"col\"", strings["table.group"])
        for column in comparison.columns { out.element("th", "scope=\"col\" class=\"num\"", column.name) }
        out.raw("</tr>\n  </thead>\n")
        for year in comparison.years.reversed() {
            out.raw("  <tbody>\n")
            for (index, group) in groups.enumerated() {
                out.raw("    <tr>")
                if index == 0 { out.element("th", "scope=\"rowgroup\" rowspan=\"\(groups.count)\"", String(year)) }
                out.element("th", "scope=\"row\"", presenter.groupName(group))
                for column in comparison.columns {
                    let shown = comparison.shown(column, group, year)
                    out.raw(shown == .suppressed ? "<td class=\"num suppressed\">" : "<td class=\"num\">")
                    out.text(presenter.text(shown, figure))
                    if column.isMunicipality, comparison.isFromKolada(column, group, year) { presenter.koladaMark(into: &out) }
                    out.raw("</td>")
                }
                out.raw("</tr>\n")
            }
            out.raw("  </tbody>\n")
        }
        out.raw("</table>")
        return out.html
    }
}
