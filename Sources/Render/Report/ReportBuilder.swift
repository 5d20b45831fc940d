import Document
import Foundation
import Markdown
import Markup
import Model
import Plan

/// The ids of the report's sections, as `--section` and the download names know them.
public enum ReportSections {
    public static func ids(_ strings: Strings) -> [String] {
        ReportBuilder.sectionKeys.map { strings["report.sections.\($0).id"] }
    }

    /// The formats a year's report (`section` nil) or one of its sections is offered in. CSV holds
    /// only tables, so it is offered only where there is one: never an empty file.
    public static func formats(_ site: Site, strings: Strings, year: Int, section: String?) -> [String] {
        let keys = ReportBuilder.sectionKeys.filter { section == nil || strings["report.sections.\($0).id"] == section }
        let tables = keys.contains { ReportBuilder.hasTable($0, site: site, year: year) }
        return ExportFormat.allCases.filter { $0 != .csv || tables }.map(\.rawValue)
    }
}

/// The annual report of one year as a document: the hand-written introduction, then the generated
/// sections (the process, the key figures, the good examples, the learning follow-up).
struct ReportBuilder {
    let context: RenderContext
    /// How links between the site's pages are written: relative to the report page on the web,
    /// absolute (when site.yaml gives `url`) or as plain text in exported files.
    var links: LinkStyle = .absolute

    enum LinkStyle {
        case relative(from: String)
        case absolute
    }
    var strings: Strings { context.strings }
    var site: Site { context.site }

    /// Section ids in order, as `--section` knows them.
    static let sectionKeys = ["introduction", "process", "key_figures", "examples", "learning_follow_up"]

    /// Whether the section `key` of a year's report holds a table: the conditions its blocks are
    /// built under, so the downloads are planned (before rendering) from the same rule.
    static func hasTable(_ key: String, site: Site, year: Int) -> Bool {
        switch key {
        case "process": return !site.steps.isEmpty
        case "key_figures": return site.config.perspectives.contains { perspective in site.keyFigures.contains { $0.perspective == perspective } }
        case "examples": return site.examples.contains { $0.annualReport == year }
        case "learning_follow_up":
            return !site.questions.isEmpty && site.units.contains { $0.years[year]?.learningFollowUp != nil }
        default: return false  // the introduction: its Markdown makes no tables
        }
    }

    func sectionID(_ key: String) -> String { strings["report.sections.\(key).id"] }
    func sectionTitle(_ key: String) -> String { strings["report.sections.\(key).title"] }

    func document(for report: AnnualReport) -> ReportDocument {
        let year = report.year
        var sections = [
            ReportSection(
                id: sectionID("introduction"), title: sectionTitle("introduction"),
                blocks: MarkdownBlockConverter.blocks(report.body, calloutTitles: context.calloutTitles, resolve: resolver(report.sourcePath)))
        ]
        sections.append(ReportSection(id: sectionID("process"), title: sectionTitle("process"), blocks: processBlocks(year)))
        sections.append(ReportSection(id: sectionID("key_figures"), title: sectionTitle("key_figures"), blocks: keyFigureBlocks(year)))
        sections.append(ReportSection(id: sectionID("examples"), title: sectionTitle("examples"), blocks: exampleBlocks(year)))
        sections.append(
            ReportSection(
                id: sectionID("learning_follow_up"), title: sectionTitle("learning_follow_up"),
                blocks: learningFollowUpBlocks(year)))
        return ReportDocument(
            title: report.title, language: site.config.language, organisation: site.config.organisation,
            sections: sections)
    }

    // MARK: The process

    private func processBlocks(_ year: Int) -> [Block] {
        let active = site.units.filter { $0.years[year] != nil }
        let activeBefore = site.units.filter { $0.years[year - 1] != nil }
        let stamped = active.filter { $0.years[year]?.stamp != nil }.count
        let stampedBefore = activeBefore.filter { $0.years[year - 1]?.stamp != nil }.count
        var blocks: [Block] = [
            .paragraph([
                .text(
                    strings.plural(
                        "report.process.units", count: active.count,
                        [
                            "count": String(active.count), "year": String(year), "before": String(activeBefore.count), "previous": String(year - 1),
                        ]))
            ]),
            .paragraph([
                .text(
                    strings.plural(
                        "report.process.stamps", count: stamped,
                        [
                            "count": String(stamped), "before": String(stampedBefore), "previous": String(year - 1),
                        ]))
            ]),
        ]
        guard Self.hasTable("process", site: site, year: year) else { return blocks }
        let now = ProgressRules.unitsAtEachStep(site.units, year: year, steps: site.steps)
        let before = ProgressRules.unitsAtEachStep(site.units, year: year - 1, steps: site.steps)
        func label(_ step: Step?) -> String { step.map { "\($0.number). \($0.title)" } ?? strings["overview.not_started"] }
        let chart = BarChart(
            idPrefix: "vg-report-process", title: strings.format("report.process.chart_title", ["year": String(year)]),
            description: strings.format("overview.counts_description", ["counts": strings.sentenceList(now.map { "\(label($0.step)): \($0.count)" })]),
            categories: now.map { $0.step.map { String($0.number) } ?? "0" },
            series: [BarChart.Series(label: String(year - 1), style: "previous"), BarChart.Series(label: String(year), style: "score")],
            values: zip(before, now).map { [.value(Double($0.count)), .value(Double($1.count))] },
            targets: now.map { _ in [nil, nil] },
            format: { strings.number($0, decimals: 0) }, maximum: nil, wholeNumbers: true,
            labels: BarChart.Labels(target: "", suppressed: strings["symbols.suppressed"], missing: strings["symbols.missing"], evenBand: ""))
        blocks.append(.chart(ReportCharts.chart(chart.svg(), alt: chart.description)))
        let rows: [[Cell]] = zip(now, before).map { current, previous in
            [.text(label(current.step)), count(current.count), count(previous.count)]
        }
        let csv = CSVTable(
            title: strings.format("report.process.table_caption", ["year": String(year)]),
            header: [strings["overview.step"], strings["table.year"], strings["overview.units_count"]],
            rows: zip(now, before).flatMap { current, previous -> [[Cell]] in
                [
                    [.text(label(current.step)), count(year - 1), count(previous.count)],
                    [.text(label(current.step)), count(year), count(current.count)],
                ]
            })
        blocks.append(
            .table(
                DataTable(
                    caption: strings.format("report.process.table_caption", ["year": String(year)]),
                    header: [strings["overview.step"], String(year), String(year - 1)], rows: rows, csv: csv)))
        return blocks
    }

    private func count(_ value: Int) -> Cell { .number(Double(value), display: strings.number(Double(value), decimals: 0)) }

    // MARK: Key figures

    private func keyFigureBlocks(_ year: Int) -> [Block] {
        var blocks: [Block] = [.paragraph([.text(strings.format("report.key_figures.intro", ["year": String(year)]))])]
        let presenter = FigurePresenter(context: context)
        var index = 0
        for perspective in site.config.perspectives {
            let figures = site.keyFigures.filter { $0.perspective == perspective }
            guard !figures.isEmpty else { continue }
            blocks.append(.heading(level: 2, text: perspective))
            for figure in figures {
                index += 1
                let series = FigureSeries(
                    figure: figure,
                    entries: figure.years.filter { $0.key <= year }.map {
                        ($0.key, $0.value.value, $0.value.n, $0.value.target)
                    }, minGroupSize: site.config.minGroupSize)
                blocks.append(.heading(level: 3, text: figure.name))
                if !series.years.isEmpty {
                    blocks.append(
                        .chart(
                            ReportCharts.chart(
                                presenter.chart(series, idPrefix: "vg-report-kf\(index)", title: figure.name),
                                alt: presenter.describe(series))))
                }
                blocks.append(.table(figureTable(series, year: year, perspective: perspective)))
                if let gap = presenter.gapText(series, year) { blocks.append(.paragraph([.text(gap)])) }
                let kpis = [series.year(year), series.year(year - 1)].compactMap { $0 }.flatMap(\.kolada.values)
                if !kpis.isEmpty { blocks.append(.paragraph(koladaSource(Array(Set(kpis)).sorted(), note: "kolada.marked_note"))) }
                if let comparison = KoladaComparison(figure: figure, site: site, upTo: year) {
                    blocks.append(.paragraph([.strong(strings["kolada.comparison_title"])]))
                    blocks.append(.table(comparisonTable(comparison, perspective: perspective)))
                    blocks.append(.paragraph(koladaSource([comparison.kpi], note: "kolada.comparison_note")))
                }
            }
        }
        return blocks
    }

    /// A value as a table cell; `fromKolada` adds the mark that the note under the table explains.
    private func cell(_ shown: Suppression.Shown?, _ figure: KeyFigure, fromKolada: Bool = false) -> Cell {
        let mark = fromKolada ? strings["symbols.kolada"] : ""
        switch shown ?? .missing {
        case .value(let value): return .number(value, display: strings.measured(value, figure) + mark)
        case .suppressed: return .empty(strings["symbols.suppressed"] + mark)
        case .missing: return .empty(strings["symbols.missing"])
        }
    }

    /// "* Värdet kommer från Kolada. Källa: Kolada, N00206." with the KPI linked to its page on Kolada's site.
    private func koladaSource(_ kpis: [String], note: String) -> [Inline] {
        var inlines: [Inline] = [.text(strings.format(note, ["mark": strings["symbols.kolada"]]) + " " + strings["kolada.source"] + " ")]
        for (index, kpi) in kpis.enumerated() {
            if index > 0 { inlines.append(.text(", ")) }
            inlines.append(.link(text: kpi, url: KoladaLink.kpi(kpi)))
        }
        inlines.append(.text("."))
        return inlines
    }

    /// The municipality beside those compared, by year (latest first) and group.
    private func comparisonTable(_ comparison: KoladaComparison, perspective: String) -> DataTable {
        let figure = comparison.figure
        let presenter = FigurePresenter(context: context)
        var rows: [[Cell]] = []
        var csvRows: [[Cell]] = []
        for year in comparison.years.reversed() {
            for group in figure.groups {
                rows.append(
                    [.text(String(year)), .text(presenter.groupName(group))]
                        + comparison.columns.map { column in
                            cell(
                                comparison.shown(column, group, year), figure,
                                fromKolada: column.isMunicipality && comparison.isFromKolada(column, group, year))
                        })
                for column in comparison.columns {
                    let fromKolada = !column.isMunicipality || comparison.isFromKolada(column, group, year)
                    csvRows.append([
                        .text(perspective), .text(figure.name), .number(Double(year), display: String(year)),
                        .text(presenter.groupName(group)), .text(column.name), cell(comparison.shown(column, group, year), figure),
                        .text(fromKolada ? "Kolada \(comparison.kpi)" : ""),
                    ])
                }
            }
        }
        let caption = strings.format("kolada.caption", ["name": figure.name])
        return DataTable(
            caption: caption,
            header: [strings["table.year"], strings["table.group"]] + comparison.columns.map(\.name),
            rows: rows, rowHeaderColumns: 2,
            csv: CSVTable(
                title: caption,
                header: [
                    strings["key_figures.perspective"], strings["report.key_figures.name"], strings["table.year"], strings["table.group"],
                    strings["kolada.municipality"], strings["table.value"], strings["kolada.source_column"],
                ], rows: csvRows))
    }

    private func figureTable(_ series: FigureSeries, year: Int, perspective: String) -> DataTable {
        let figure = series.figure
        let presenter = FigurePresenter(context: context)
        let current = series.year(year)
        let previous = series.year(year - 1)
        func cell(_ shown: Suppression.Shown?, _ entry: FigureSeries.Year?, _ group: Group) -> Cell {
            self.cell(shown, figure, fromKolada: entry?.kolada[group] != nil)
        }
        func target(_ value: Double?) -> Cell {
            value.map { .number($0, display: strings.measured($0, figure)) } ?? .empty(strings["symbols.missing"])
        }
        var rows: [[Cell]] = []
        var csvRows: [[Cell]] = []
        for group in figure.groups {
            let value = current?.shown[group]
            let reached = KeyFigureRules.targetReached(value: value?.number, target: current?.target?[group], figure: figure)
            let change = KeyFigureRules.change(from: previous?.shown[group]?.number, to: value?.number, figure: figure)
            let reachedText = reached.map { strings[$0 ? "table.reached_yes" : "table.reached_no"] } ?? strings["symbols.missing"]
            let changeText = change.map { strings["table.\($0.rawValue)"] } ?? strings["symbols.missing"]
            rows.append([
                .text(presenter.groupName(group)), cell(value, current, group), target(current?.target?[group]), .text(reachedText),
                cell(previous?.shown[group], previous, group), .text(changeText),
            ])
        }
        for entry in series.years {
            for group in figure.groups {
                let reached = KeyFigureRules.targetReached(value: entry.shown[group]?.number, target: entry.target?[group], figure: figure)
                csvRows.append([
                    .text(perspective), .text(figure.name), .number(Double(entry.year), display: String(entry.year)),
                    .text(presenter.groupName(group)), cell(entry.shown[group], entry, group), target(entry.target?[group]),
                    .text(reached.map { strings[$0 ? "table.reached_yes" : "table.reached_no"] } ?? ""),
                ])
            }
        }
        let caption = strings.format("report.key_figures.table_caption", ["name": figure.name, "year": String(year)])
        return DataTable(
            caption: caption,
            header: [
                strings["table.group"], "\(strings["table.value"]) \(year)", "\(strings["table.target"]) \(year)",
                strings["table.reached"], "\(strings["table.value"]) \(year - 1)", strings["table.change"],
            ],
            rows: rows,
            csv: CSVTable(
                title: figure.name,
                header: [
                    strings["key_figures.perspective"], strings["report.key_figures.name"], strings["table.year"], strings["table.group"],
                    strings["table.value"], strings["table.target"], strings["table.reached"],
                ], rows: csvRows))
    }

    // MARK: Good examples

    private func exampleBlocks(_ year: Int) -> [Block] {
        let examples = site.examples.filter { $0.annualReport == year }
        guard Self.hasTable("examples", site: site, year: year) else {
            return [.paragraph([.text(strings.format("report.examples.none", ["year": String(year)]))])]
        }
        var blocks: [Block] = []
        for example in examples {
            blocks.append(.heading(level: 2, text: example.title))
            var facts = [strings.date((example.date.year, example.date.month, example.date.day))]
            if let unit = example.unit.flatMap(site.unit) { facts.append(unit.name) }
            blocks.append(.paragraph([.emphasis(facts.joined(separator: " · "))]))
            if let summary = example.summary { blocks.append(.paragraph([.strong(summary)])) }
            blocks.append(
                contentsOf: MarkdownBlockConverter.blocks(
                    example.body, headingOffset: 1, calloutTitles: context.calloutTitles, resolve: resolver(example.sourcePath)))
        }
        let rows: [[Cell]] = examples.map { example in
            [
                .text(example.title), .text(example.date.description), .text(example.unit.flatMap(site.unit)?.name ?? ""),
                .text(example.keyFigures.compactMap { site.keyFigure($0)?.name }.joined(separator: ", ")),
            ]
        }
        blocks.append(
            .table(
                DataTable(
                    caption: strings.format("report.examples.table_caption", ["year": String(year)]),
                    header: [
                        strings["report.examples.title"], strings["report.examples.date"],
                        strings["overview.unit"], strings["plans.key_figure"],
                    ],
                    rows: rows, rowHeaderColumns: 1)))
        return blocks
    }

    // MARK: Learning follow-up across units

    private func learningFollowUpBlocks(_ year: Int) -> [Block] {
        let followUps = site.units.compactMap { $0.years[year]?.learningFollowUp }
        guard Self.hasTable("learning_follow_up", site: site, year: year) else {
            return [.paragraph([.text(strings.format("report.learning_follow_up.none", ["year": String(year)]))])]
        }
        var blocks: [Block] = [
            .paragraph([
                .text(
                    strings.plural(
                        "report.learning_follow_up.intro", count: followUps.count,
                        [
                            "count": String(followUps.count), "year": String(year),
                        ]))
            ])
        ]
        let agreed = site.questions.map { question in followUps.compactMap { $0.agreed[question.id] }.sorted() }
        let plot = DotPlot(
            idPrefix: "vg-report-lf", title: strings.format("report.learning_follow_up.chart_title", ["year": String(year)]),
            description: strings.plural("report.learning_follow_up.description", count: followUps.count, ["count": String(followUps.count)]),
            rows: zip(site.questions, agreed).map { question, values in
                DotPlot.Row(label: "\(question.number). \(question.title)", ratings: values, agreed: Self.median(values))
            },
            scale: site.config.ratingScale,
            labels: DotPlot.Labels(rating: strings["report.learning_follow_up.one_unit"], agreed: strings["report.learning_follow_up.median"]))
        blocks.append(.chart(ReportCharts.chart(plot.svg(), alt: plot.description)))
        let rows: [[Cell]] = zip(site.questions, agreed).map { question, values in
            [
                .text("\(question.number). \(question.title)"), count(values.count),
                values.min().map(count) ?? .empty(strings["symbols.missing"]),
                Self.median(values).map(count) ?? .empty(strings["symbols.missing"]),
                values.max().map(count) ?? .empty(strings["symbols.missing"]),
            ]
        }
        var csvRows: [[Cell]] = []
        for (question, values) in zip(site.questions, agreed) {
            for (value, number) in Dictionary(grouping: values, by: { $0 }).sorted(by: { $0.key < $1.key }) {
                csvRows.append([.text("\(question.number). \(question.title)"), count(value), count(number.count)])
            }
        }
        blocks.append(
            .table(
                DataTable(
                    caption: strings.format("report.learning_follow_up.table_caption", ["year": String(year)]),
                    header: [
                        strings["learning_follow_up.question"], strings["report.learning_follow_up.units"],
                        strings["report.learning_follow_up.lowest"], strings["report.learning_follow_up.median"],
                        strings["report.learning_follow_up.highest"],
                    ],
                    rows: rows,
                    csv: CSVTable(
                        title: strings.format("report.learning_follow_up.table_caption", ["year": String(year)]),
                        header: [
                            strings["learning_follow_up.question"], strings["learning_follow_up.agreed_header"],
                            strings["report.learning_follow_up.units"],
                        ], rows: csvRows))))
        return blocks
    }

    /// Turns a link written in `sourcePath` into the address the document uses, or nil for plain text.
    func resolver(_ sourcePath: String) -> (String) -> String? {
        { destination in
            if destination.contains(":") && !destination.hasPrefix("./") && !destination.hasPrefix("../") {
                return destination.hasPrefix("https://") || destination.hasPrefix("http://") || destination.hasPrefix("mailto:") ? destination : nil
            }
            guard let target = PageMarkdown(context: context).siteTarget(of: destination, from: sourcePath) else { return nil }
            let path: String
            switch links {
            case .relative(let page): path = Href.escape(URLPath.relative(from: page, to: target.url))
            case .absolute:
                guard let base = site.config.url else { return nil }
                path = base + Href.escape(target.url)
            }
            return target.fragment.map { path + "#" + $0 } ?? path
        }
    }

    static func median(_ sorted: [Int]) -> Int? {
        guard !sorted.isEmpty else { return nil }
        return sorted[(sorted.count - 1) / 2]
    }
}

enum ReportCharts {
    /// A chart with its size, read from its viewBox.
    static func chart(_ svg: String, alt: String) -> Chart {
        var width = 520.0, height = 300.0
        if let range = svg.range(of: "viewBox=\"0 0 ") {
            let numbers = svg[range.upperBound...].prefix { $0 != "\"" }.split(separator: " ").compactMap { Double($0) }
            if numbers.count == 2 { width = numbers[0]; height = numbers[1] }
        }
        return Chart(svg: svg, alt: alt, width: width, height: height)
    }
}

/// Markdown → report blocks.
enum MarkdownBlockConverter {
    static func blocks(_ markdown: String, headingOffset: Int = 0, calloutTitles: [String: String], resolve: (String) -> String?) -> [Block] {
        func inline(_ item: MarkdownInline) -> Inline {
            switch item {
            case .text(let text): return .text(text)
            case .strong(let text): return .strong(text)
            case .emphasis(let text): return .emphasis(text)
            case .code(let text): return .code(text)
            case .link(let text, let url): return resolve(url).map { .link(text: text, url: $0) } ?? .text(text)
            }
        }
        return MarkdownRenderer.blocks(markdown, calloutTitles: calloutTitles).map { block in
            switch block {
            case .heading(let level, let inlines): return .heading(level: min(3, max(2, level + headingOffset)), text: inlines.map(text).joined())
            case .paragraph(let inlines): return .paragraph(inlines.map(inline))
            case .list(let ordered, let items): return .list(ordered: ordered, items: items.map { $0.map(inline) })
            case .quote(let inlines): return .quote(inlines.map(inline))
            case .code(let code): return .paragraph([.code(code)])
            }
        }
    }

    static func text(_ item: MarkdownInline) -> String {
        switch item {
        case .text(let text), .strong(let text), .emphasis(let text), .code(let text): return text
        case .link(let text, _): return text
        }
    }
}
