import Markdown
import Model
import Mustache
import Plan

/// The catalogue's page: the key figures by perspective.
struct KeyFiguresIndexPage: PageView {
    struct Perspective: MustacheParent {
        var name: String
        var id: String
        var figures: [Card]

        func child(named name: String) -> Any? {
            switch name {
            case "name": self.name
            case "id": id
            case "figures": figures
            default: nil
            }
        }
    }

    struct Card: MustacheParent {
        var name: String
        var href: String?
        /// The latest year with a value, and its values in words.
        var latest: (year: Int, values: String)?
        /// How many units prioritise it in the page's year.
        var units: String?

        func child(named name: String) -> Any? {
            switch name {
            case "name": self.name
            case "href": maybe(href)
            case "latest": maybe(latest.map { Latest(year: $0.year, values: $0.values) })
            case "units": maybe(units)
            default: nil
            }
        }
    }

    struct Latest: MustacheParent {
        var year: Int
        var values: String

        func child(named name: String) -> Any? {
            switch name {
            case "year": year
            case "values": values
            default: nil
            }
        }
    }

    var chrome: Chrome
    var heading: String
    var year: Int?
    var yearNav: YearNav
    var perspectives: [Perspective]

    func own(named name: String) -> Any? {
        switch name {
        case "perspectives": perspectives
        case "heading": heading
        case "year": maybe(year)
        default: yearNav.child(named: name)
        }
    }
}

/// A key figure's page: the municipality against its targets, and every unit that prioritises it.
struct KeyFigurePage: PageView {
    struct Figure: MustacheParent {
        var name: String
        var perspective: String
        var measure: String
        var better: String
        var groups: String
        var source: String?
        var description: String?
        var distribution: Bool

        func child(named name: String) -> Any? {
            switch name {
            case "name": self.name
            case "perspective": perspective
            case "measure": measure
            case "better": better
            case "groups": groups
            case "source": maybe(source)
            case "description": maybe(description)
            case "distribution": distribution
            default: nil
            }
        }
    }

    /// A unit that prioritises the figure, with its latest year's values (up to the page's year):
    /// a row of `unitsHTML` (`PageParts.figureUnits`).
    struct UnitRow {
        var name: String
        var href: String?
        var department: String
        var departmentHref: String?
        var year: Int
        var values: [Value]
    }

    struct Value {
        var value: String
        var target: String?
        var reached: ReachedView?
    }

    var chrome: Chrome
    var figure: Figure
    /// The figure's name with soft hyphens, for the page's h1.
    var heading: String
    var year: Int?
    var yearNav: YearNav
    var municipality: FigureView?
    var units: [UnitRow]
    var groupHeaders: [String]
    var legend: [SymbolView]
    var examples: [ExampleCard]
    /// The comparison with other municipalities from Kolada (HTML), when there is one.
    var comparison: String?

    func own(named name: String) -> Any? {
        switch name {
        case "comparison": maybe(comparison)
        case "figure": figure
        case "heading": heading
        case "year": maybe(year)
        case "municipality": maybe(municipality)
        case "unitsHTML": PageParts.figureUnits(units, groupHeaders: groupHeaders, strings: chrome.strings)
        case "hasUnits": !units.isEmpty
        case "legend": legend
        case "examples": examples
        case "hasExamples": !examples.isEmpty
        default: yearNav.child(named: name)
        }
    }
}

/// The catalogue's page and a page per key figure: the municipality against its targets, and every
/// unit that prioritises the figure; each as it stood in a year (every year when `year` is nil).
struct KeyFigureViews {
    let context: RenderContext
    var strings: Strings { context.strings }

    func index(url: String, year: Int?) -> KeyFiguresIndexPage {
        let chrome = PageChrome(context: context)
        let status = StatusViews(context: context)
        let presenter = FigurePresenter(context: context)
        let heading = strings["titles.key_figures"]
        let view = chrome.view(
            url: url, title: year.map { "\(heading) \($0)" } ?? heading, summary: nil, openFolders: ["@key-figures"],
            bodyClass: "key-figures-page", breadcrumbs: chrome.breadcrumbs(url: url, folders: []))
        let perspectives = context.site.config.perspectives.map { perspective in
            let figures = context.site.keyFigures.filter { $0.perspective == perspective }
            return KeyFiguresIndexPage.Perspective(
                name: perspective, id: "perspektiv-" + Slug.make(perspective),
                figures: figures.map { figure in
                    let series = FigureSeries.municipality(figure, upTo: year, minGroupSize: context.site.config.minGroupSize)
                    let latest = series.years.last { $0.shown.values.contains { $0.number != nil } }
                    let units = context.site.units.filter { unit in year.map { unit.years[$0]?.keyFigures.contains { $0.id == figure.id } ?? false } ?? false }
                    return KeyFiguresIndexPage.Card(
                        name: context.hyphenated(figure.name), href: status.keyFigureLink(figure.id, year: year, from: url),
                        latest: latest.map { entry in
                            (entry.year, strings.sentenceList(figure.groups.map { "\(presenter.groupName($0)) \(presenter.text(entry.shown[$0], figure))" }))
                        },
                        units: year.map {
                            strings.plural(
                                "key_figures.units_prioritising", count: units.count,
                                ["count": String(units.count), "year": String($0)])
                        })
                })
        }
        return KeyFiguresIndexPage(
            chrome: view, heading: heading, year: year,
            yearNav: status.yearNav(.keyFiguresIndex, year: year, from: url), perspectives: perspectives)
    }

    func page(id: String, url: String, year: Int?) -> KeyFigurePage? {
        guard let figure = context.site.keyFigure(id) else { return nil }
        let chrome = PageChrome(context: context)
        let status = StatusViews(context: context)
        let presenter = FigurePresenter(context: context)
        var crumbs = chrome.breadcrumbs(url: url, folders: [])
        if let index = context.plan.url(of: .keyFiguresIndex, year: year) {
            crumbs.append(TitledLink(title: strings["titles.key_figures"], href: chrome.href(from: url, to: index)))
        }
        let view = chrome.view(
            url: url, title: year.map { "\(figure.name) \($0)" } ?? figure.name, summary: nil, openFolders: ["@key-figures"],
            bodyClass: "key-figure-page", breadcrumbs: crumbs)
        let series = FigureSeries.municipality(figure, upTo: year, minGroupSize: context.site.config.minGroupSize)
        // Every unit that had prioritised the figure by the page's year, with the latest year it did.
        let units = context.site.units.compactMap { unit -> KeyFigurePage.UnitRow? in
            guard
                let latest = unit.years.keys.sorted().last(where: { unitYear in
                    unitYear <= (year ?? .max) && unit.years[unitYear]!.keyFigures.contains { $0.id == figure.id }
                })
            else { return nil }
            let unitSeries = FigureSeries.unit(unit, figure: figure, upTo: latest, minGroupSize: context.site.config.minGroupSize)
            let entry = unitSeries.year(latest)
            return KeyFigurePage.UnitRow(
                name: context.hyphenated(unit.name), href: status.unitLink(unit, year: latest, from: url),
                department: context.hyphenated(unit.department), departmentHref: status.departmentLink(unit.department, year: year, from: url),
                year: latest,
                values: figure.groups.map { group in
                    let target = entry?.target?[group]
                    let reached = KeyFigureRules.targetReached(value: entry?.shown[group]?.number, target: target, figure: figure)
                    return KeyFigurePage.Value(
                        value: presenter.text(entry?.shown[group], figure),
                        target: target.map { strings.measured($0, figure) },
                        reached: reached.map { presenter.reachedView($0) })
                })
        }
        return KeyFigurePage(
            chrome: view,
            figure: KeyFigurePage.Figure(
                name: figure.name, perspective: figure.perspective,
                measure: strings["measure.\(figure.measure.rawValue)"],
                better: strings["better.\(figure.better.rawValue)"],
                groups: strings.sentenceList(figure.groups.enumerated().map { $0 == 0 ? presenter.groupName($1) : presenter.groupName($1).lowercased() }),
                source: figure.source,
                description: figure.description.map {
                    MarkdownRenderer.render($0, options: MarkdownOptions(hyphenator: context.options.hyphenator)).html
                },
                distribution: figure.distribution),
            heading: context.hyphenated(figure.name),
            year: year, yearNav: status.yearNav(.keyFigure(figure.id), year: year, from: url),
            municipality: series.years.isEmpty
                ? nil
                : presenter.figureView(
                    series, idPrefix: "vg-kf", title: strings.format("key_figures.municipality_title", ["name": figure.name]), year: nil),
            units: units, groupHeaders: figure.groups.map { presenter.groupName($0) },
            legend: Legend(context: context).items(steps: false),
            examples: context.site.examples(ofKeyFigure: figure.id).map { ExampleViews(context: context).card($0, from: url) },
            comparison: KoladaComparison(figure: figure, site: context.site, upTo: year).map { KoladaComparisonPresenter(context: context).html($0) })
    }
}
