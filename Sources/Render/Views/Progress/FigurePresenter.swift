import Markup
import Model
import Mustache

/// A key figure's chart and table (`Markup.figure`, placed as `{{{html}}}`); on a unit page also
/// the figure's name, link and perspective (`Markup.keyFigures`).
struct FigureView: MustacheParent {
    /// The figure on a unit page.
    struct Heading {
        var id: String
        var name: String
        var href: String?
        var perspective: String
    }

    var chart: String
    var tableCaption: String
    var table: String
    var gap: String?
    var hasSuppressed: Bool
    var hasSizes: Bool
    var suppressedNote: String
    /// "* Värdet kommer från Kolada. Källa: Kolada, N00206" (HTML), when any value did.
    var koladaNote: String?
    var heading: Heading?

    func child(named name: String) -> Any? {
        switch name {
        case "html": PageParts.figure(self)
        case "chart": chart
        case "tableCaption": tableCaption
        case "table": table
        case "gap": maybe(gap)
        case "hasSuppressed": hasSuppressed
        case "hasSizes": hasSizes
        case "columns": hasSizes ? 7 : 6
        case "suppressedNote": suppressedNote
        case "id": heading?.id
        case "name": heading?.name
        case "href": heading.map { maybe($0.href) }
        case "perspective": heading?.perspective
        default: nil
        }
    }
}

/// Whether a value reached its target: symbol and words.
struct ReachedView: MustacheParent {
    var symbol: String
    var text: String
    var yes: Bool

    func child(named name: String) -> Any? {
        switch name {
        case "symbol": symbol
        case "text": text
        case "yes": yes
        default: nil
        }
    }
}

/// Turns a `FigureSeries` into the chart, the table and the sentences of a page.
struct FigurePresenter {
    let context: RenderContext
    var strings: Strings { context.strings }

    func groupName(_ group: Group) -> String { strings["groups.\(group.rawValue)"] }

    /// The text shown for a value: the number, `..` when suppressed, `–` when missing.
    func text(_ shown: Suppression.Shown?, _ figure: KeyFigure) -> String {
        switch shown ?? .missing {
        case .value(let value): return strings.measured(value, figure)
        case .suppressed: return strings["symbols.suppressed"]
        case .missing: return strings["symbols.missing"]
        }
    }

    /// - Parameter maximum: the top of the scale when charts side by side share one.
    func chart(_ series: FigureSeries, idPrefix: String, title: String, maximum: Double? = nil) -> String {
        let figure = series.figure
        let cells = series.years.map { year in
            figure.groups.map { group -> BarChart.Cell in
                switch year.shown[group] ?? .missing {
                case .value(let value): return .value(value)
                case .suppressed: return .suppressed
                case .missing: return .missing
                }
            }
        }
        let chart = BarChart(
            idPrefix: idPrefix, title: title, description: describe(series),
            categories: series.years.map { String($0.year) },
            series: figure.groups.map { BarChart.Series(label: groupName($0), style: $0.rawValue) },
            values: cells,
            targets: series.years.map { year in figure.groups.map { year.target?[$0] } },
            format: { strings.measured($0, figure) },
            shortFormat: figure.measure == .number ? { strings.number($0) } : nil,
            // Shares of one whole (women and men adding up to 100) keep the whole axis, so the even
            // band sits where it means something; other percentages fit the data (sick leave of 5–10 %).
            maximum: maximum ?? (figure.distribution && figure.measure == .percent ? 100 : nil),
            wholeNumbers: figure.measure == .count,
            ceiling: figure.measure == .percent ? 100 : nil,
            evenBand: figure.distribution && figure.measure == .percent,
            labels: BarChart.Labels(
                target: strings["legend.target_short"], suppressed: strings["symbols.suppressed"],
                missing: strings["symbols.missing"], evenBand: strings["legend.even_short"]))
        return chart.svg()
    }

    /// The chart's text alternative: the latest year in words; the table holds the rest.
    func describe(_ series: FigureSeries) -> String {
        guard let latest = series.years.last else { return strings["chart.no_data"] }
        let parts = series.figure.groups.map { group -> String in
            var part = "\(groupName(group)) \(text(latest.shown[group], series.figure))"
            if let target = latest.target?[group] { part += " (\(strings["legend.target_short"]) \(strings.measured(target, series.figure)))" }
            return part
        }
        return strings.format(
            "chart.figure_description",
            [
                "name": series.figure.name, "year": String(latest.year), "values": strings.sentenceList(parts),
                "years": series.years.map { String($0.year) }.joined(separator: ", "),
            ])
    }

    /// The table of a key figure: a group of rows per year (latest first), women and men side by side.
    func tableHTML(_ series: FigureSeries) -> String {
        let figure = series.figure
        let sizes = hasSizes(series)
        var out = HTMLBuilder(capacity: 4096)
        out.raw("<table class=\"figure-table\">\n  ")
        out.element("caption", "", strings.format("figure.caption", ["name": figure.name]))
        out.raw("\n  <thead>\n    <tr>")
        for (key, numeric) in [
            ("table.year", false), ("table.group", false), ("table.value", true), ("table.target", true),
            ("table.reached", false), ("table.change", false),
        ] + (sizes ? [("table.size", true)] : []) {
            out.element("th", numeric ? "scope=\"col\" class=\"num\"" : "scope=\"col\"", strings[key])
        }
        out.raw("</tr>\n  </thead>\n")
        for year in series.years.reversed() {
            let previous = series.previous(before: year.year)
            out.raw("  <tbody>\n")
            for (index, group) in figure.groups.enumerated() {
                let shown = year.shown[group]
                let target = year.target?[group]
                out.raw("    <tr>")
                if index == 0 {
                    out.element("th", "scope=\"rowgroup\" rowspan=\"\(figure.groups.count)\"", String(year.year))
                }
                out.element("th", "scope=\"row\"", groupName(group))
                out.raw(shown == .suppressed ? "<td class=\"num suppressed\">" : "<td class=\"num\">")
                out.text(text(shown, figure))
                if year.kolada[group] != nil { koladaMark(into: &out) }
                out.raw("</td>")
                out.element("td", "class=\"num\"", target.map { strings.measured($0, figure) } ?? strings["symbols.missing"])
                out.raw("<td>")
                if let reached = KeyFigureRules.targetReached(value: shown?.number, target: target, figure: figure) {
                    out.raw("<span class=\"reached\(reached ? " yes" : "")\"><span aria-hidden=\"true\">")
                    out.text(strings[reached ? "symbols.reached" : "symbols.not_reached"])
                    out.raw("</span> ")
                    out.text(strings[reached ? "table.reached_yes" : "table.reached_no"])
                    out.raw("</span>")
                }
                out.raw("</td><td>")
                if let change = previous.flatMap({ KeyFigureRules.change(from: $0.shown[group]?.number, to: shown?.number, figure: figure) }) {
                    out.raw("<span class=\"change \(change.rawValue)\"><span aria-hidden=\"true\">")
                    out.text(strings["symbols.\(change.rawValue)"])
                    out.raw("</span> ")
                    out.text(strings["table.\(change.rawValue)"])
                    out.raw("</span>")
                }
                out.raw("</td>")
                if sizes { out.element("td", "class=\"num\"", sizeText(year.sizes[group])) }
                out.raw("</tr>\n")
            }
            if let gap = gapText(series, year.year) {
                out.raw("    <tr class=\"gap-row\">")
                out.element("td", "colspan=\"\(sizes ? 7 : 6)\"", gap)
                out.raw("</tr>\n")
            }
            out.raw("  </tbody>\n")
        }
        out.raw("</table>")
        return out.html
    }

    /// Whether any group size is known: otherwise the column is left out.
    func hasSizes(_ series: FigureSeries) -> Bool {
        series.years.contains { $0.sizes.values.contains { $0 != .missing } }
    }

    /// The parts of a figure's view that the `figure` partial uses.
    func figureView(_ series: FigureSeries, idPrefix: String, title: String, year: Int?, heading: FigureView.Heading? = nil) -> FigureView {
        FigureView(
            chart: chart(series, idPrefix: idPrefix, title: title),
            tableCaption: strings.format("figure.caption", ["name": series.figure.name]),
            table: tableHTML(series),
            gap: (year ?? series.years.last?.year).flatMap { gapText(series, $0) },
            hasSuppressed: series.hasSuppressed,
            hasSizes: hasSizes(series),
            suppressedNote: strings.format("legend.suppressed_note", ["min": String(context.site.config.minGroupSize)]),
            koladaNote: series.koladaKPIs.isEmpty ? nil : koladaNote(kpis: series.koladaKPIs, note: "kolada.marked_note"),
            heading: heading)
    }

    /// The mark after a value that came from Kolada: a symbol for the eye, words for a screen reader.
    func koladaMark(into out: inout HTMLBuilder) {
        out.raw("<span class=\"kolada-mark\"><span aria-hidden=\"true\">")
        out.text(strings["symbols.kolada"])
        out.raw("</span><span class=\"visually-hidden\"> ")
        out.text(strings["kolada.from"])
        out.raw("</span></span>")
    }

    /// A sentence (`note`, e.g. "* Värdet kommer från Kolada.") and "Källa: Kolada, N00206", the KPI
    /// linked to its page on Kolada's site: the values are on the page, the link only tells more.
    func koladaNote(kpis: [String], note: String) -> String {
        var out = HTMLBuilder(capacity: 256)
        out.text(strings.format(note, ["mark": strings["symbols.kolada"]]))
        out.raw(" ")
        out.text(strings["kolada.source"])
        for (index, kpi) in kpis.enumerated() {
            out.raw(index == 0 ? " " : ", ")
            out.raw("<a href=\"\(HTML.escape(KoladaLink.kpi(kpi)))\">")
            out.text(kpi)
            out.raw("</a>")
        }
        out.raw(".")
        return out.html
    }

    func reachedView(_ reached: Bool) -> ReachedView {
        ReachedView(
            symbol: reached ? strings["symbols.reached"] : strings["symbols.not_reached"],
            text: reached ? strings["table.reached_yes"] : strings["table.reached_no"], yes: reached)
    }

    func sizeText(_ size: Suppression.Size?) -> String {
        switch size ?? .missing {
        case .value(let value): return strings.number(value, decimals: 0)
        case .fewerThanMinimum: return strings.format("symbols.fewer_than", ["min": String(context.site.config.minGroupSize)])
        case .suppressed: return strings["symbols.suppressed"]
        case .missing: return strings["symbols.missing"]
        }
    }

    /// "Skillnad kvinnor – män: −19 procentenheter, mindre än året före."
    func gapText(_ series: FigureSeries, _ year: Int) -> String? {
        guard let gap = series.gap(in: year) else { return nil }
        var text = strings.format(
            "gap.sentence",
            [
                "first": groupName(gap.first).lowercased(), "second": groupName(gap.second).lowercased(),
                "difference": strings.difference(gap.difference, series.figure),
            ])
        if let narrowed = gap.narrowed { text += " " + strings[narrowed ? "gap.narrowed" : "gap.widened"] }
        return text
    }
}
