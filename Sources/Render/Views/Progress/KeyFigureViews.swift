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
        var units: String

        func child(named name: String) -> Any? {
            switch name {
            case "name": self.name
            case "href": maybe(href)
            case "latest": maybe(latest.map { Latest(year: $0.year, values: $0.values) })
            case "units": units
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
    var perspectives: [Perspective]

    func own(named name: String) -> Any? {
        name == "perspectives" ? perspectives : nil
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

    /// A unit that prioritises the figure, with its latest year's values.
    struct UnitRow: MustacheParent {
        var name: String
        var href: String?
        var department: String
        var departmentHref: String?
        var year: Int
        var values: [Value]

        func child(named name: String) -> Any? {
            switch name {
            case "name": self.name
            case "href": maybe(href)
            case "department": department
            case "departmentHref": maybe(departmentHref)
            case "year": year
            case "values": values
            default: nil
            }
        }
    }

    struct Value: MustacheParent {
        var value: String
        var target: String?
        var reached: ReachedView?

        func child(named name: String) -> Any? {
            switch name {
            case "value": value
            case "target": maybe(target)
            case "reached": maybe(reached)
            default: nil
            }
        }
    }

    var chrome: Chrome
    var figure: Figure
    var municipality: FigureView?
    var unitYear: Int?
    var units: [UnitRow]
    var groupHeaders: [String]
    var legend: [SymbolView]
    var examples: [ExampleCard]

    func own(named name: String) -> Any? {
        switch name {
        case "figure": figure
        case "municipality": maybe(municipality)
        case "unitYear": maybe(unitYear)
        case "units": units
        case "hasUnits": !units.isEmpty
        case "groupHeaders": groupHeaders
        case "legend": legend
        case "examples": examples
        case "hasExamples": !examples.isEmpty
        default: nil
        }
    }
}

/// The catalogue's page and a page per key figure: the municipality against its targets, and every
/// unit that prioritises the figure.
struct KeyFigureViews {
    let context: RenderContext
    var strings: Strings { context.strings }

    func index(url: String) -> KeyFiguresIndexPage {
        let chrome = PageChrome(context: context)
        let status = StatusViews(context: context)
        let presenter = FigurePresenter(context: context)
        let view = chrome.view(
            url: url, title: strings["titles.key_figures"], summary: nil, openFolders: ["@key-figures"],
            bodyClass: "key-figures-page", breadcrumbs: chrome.breadcrumbs(url: url, folders: []))
        let year = status.overviewYear()
        let perspectives = context.site.config.perspectives.map { perspective in
            let figures = context.site.keyFigures.filter { $0.perspective == perspective }
            return KeyFiguresIndexPage.Perspective(
                name: perspective, id: "perspektiv-" + Slug.make(perspective),
                figures: figures.map { figure in
                    let series = FigureSeries.municipality(figure, minGroupSize: context.site.config.minGroupSize)
                    let latest = series.years.last { $0.shown.values.contains { $0.number != nil } }
                    let units = context.site.units.filter { unit in year.map { unit.years[$0]?.keyFigures.contains { $0.id == figure.id } ?? false } ?? false }
                    return KeyFiguresIndexPage.Card(
                        name: figure.name, href: status.keyFigureLink(figure.id, from: url),
                        latest: latest.map { entry in
                            (entry.year, strings.sentenceList(figure.groups.map { "\(presenter.groupName($0)) \(presenter.text(entry.shown[$0], figure))" }))
                        },
                        units: strings.plural("key_figures.units_prioritising", count: units.count, ["count": String(units.count)]))
                })
        }
        return KeyFiguresIndexPage(chrome: view, perspectives: perspectives)
    }

    func page(id: String, url: String) -> KeyFigurePage? {
        guard let figure = context.site.keyFigure(id) else { return nil }
        let chrome = PageChrome(context: context)
        let status = StatusViews(context: context)
        let presenter = FigurePresenter(context: context)
        var crumbs = chrome.breadcrumbs(url: url, folders: [])
        if let index = context.plan.generatedURLs["key_figures"] {
            crumbs.append(TitledLink(title: strings["titles.key_figures"], href: chrome.href(from: url, to: index)))
        }
        let view = chrome.view(
            url: url, title: figure.name, summary: nil, openFolders: ["@key-figures"], bodyClass: "key-figure-page",
            breadcrumbs: crumbs)
        let series = FigureSeries.municipality(figure, minGroupSize: context.site.config.minGroupSize)
        let year = status.overviewYear()
        let prioritising = context.site.units.filter { unit in unit.years.values.contains { $0.keyFigures.contains { $0.id == figure.id } } }
        let units = prioritising.map { unit in
            let latest = unit.years.keys.sorted().last { unit.years[$0]!.keyFigures.contains { $0.id == figure.id } }!
            let unitSeries = FigureSeries.unit(unit, figure: figure, upTo: latest, minGroupSize: context.site.config.minGroupSize)
            let entry = unitSeries.year(latest)
            return KeyFigurePage.UnitRow(
                name: unit.name, href: status.unitLink(unit, year: latest, from: url),
                department: unit.department, departmentHref: status.departmentLink(unit.department, from: url),
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
                description: figure.description.map { MarkdownRenderer.render($0).html },
                distribution: figure.distribution),
            municipality: series.years.isEmpty
                ? nil
                : presenter.figureView(
                    series, idPrefix: "vg-kf", title: strings.format("key_figures.municipality_title", ["name": figure.name]), year: nil),
            unitYear: year, units: units, groupHeaders: figure.groups.map { presenter.groupName($0) },
            legend: Legend(context: context).items(steps: false),
            examples: context.site.examples(ofKeyFigure: figure.id).map { ExampleViews(context: context).card($0, from: url) })
    }
}
