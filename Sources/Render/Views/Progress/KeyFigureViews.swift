import Markdown
import Model
import Plan

/// The catalogue's page and a page per key figure: the municipality against its targets, and every
/// unit that prioritises the figure.
struct KeyFigureViews {
    let context: RenderContext
    var strings: Strings { context.strings }

    func index(url: String) -> [String: Any] {
        let chrome = PageChrome(context: context)
        let status = StatusViews(context: context)
        let presenter = FigurePresenter(context: context)
        var view = chrome.view(url: url, title: strings["titles.key_figures"], summary: nil, openFolders: ["@key-figures"], bodyClass: "key-figures-page")
        view.merge(chrome.breadcrumbs(url: url, folders: [])) { $1 }
        let year = status.overviewYear()
        view["perspectives"] = context.site.config.perspectives.map { perspective -> [String: Any] in
            let figures = context.site.keyFigures.filter { $0.perspective == perspective }
            return [
                "name": perspective, "id": "perspektiv-" + Slug.make(perspective),
                "figures": figures.map { figure -> [String: Any] in
                    let series = FigureSeries.municipality(figure, minGroupSize: context.site.config.minGroupSize)
                    let latest = series.years.last { $0.shown.values.contains { $0.number != nil } }
                    let units = context.site.units.filter { unit in year.map { unit.years[$0]?.keyFigures.contains { $0.id == figure.id } ?? false } ?? false }
                    return [
                        "name": figure.name, "href": status.keyFigureLink(figure.id, from: url),
                        "latest": maybe(latest.map { entry in
                            ["year": entry.year, "values": strings.sentenceList(figure.groups.map { "\(presenter.groupName($0)) \(presenter.text(entry.shown[$0], figure))" })]
                        }),
                        "units": strings.plural("key_figures.units_prioritising", count: units.count, ["count": String(units.count)]),
                    ]
                },
            ]
        }
        return view
    }

    func page(id: String, url: String) -> [String: Any] {
        guard let figure = context.site.keyFigure(id) else { return [:] }
        let chrome = PageChrome(context: context)
        let status = StatusViews(context: context)
        let presenter = FigurePresenter(context: context)
        var view = chrome.view(url: url, title: figure.name, summary: nil, openFolders: ["@key-figures"], bodyClass: "key-figure-page")
        var crumbs = chrome.breadcrumbs(url: url, folders: [])
        if let index = context.plan.generatedURLs["key_figures"] {
            var list = crumbs["breadcrumbs"] as? [[String: Any]] ?? []
            list.append(["title": strings["titles.key_figures"], "href": chrome.href(from: url, to: index)])
            crumbs["breadcrumbs"] = list
        }
        view.merge(crumbs) { $1 }
        let series = FigureSeries.municipality(figure, minGroupSize: context.site.config.minGroupSize)
        view["figure"] = [
            "name": figure.name, "perspective": figure.perspective,
            "measure": strings["measure.\(figure.measure.rawValue)"],
            "better": strings["better.\(figure.better.rawValue)"],
            "groups": strings.sentenceList(figure.groups.enumerated().map { $0 == 0 ? presenter.groupName($1) : presenter.groupName($1).lowercased() }),
            "source": maybe(figure.source),
            "description": maybe(figure.description.map { MarkdownRenderer.render($0).html }),
            "distribution": figure.distribution,
        ]
        if !series.years.isEmpty {
            view["municipality"] = presenter.figureView(series, idPrefix: "vg-kf",
                title: strings.format("key_figures.municipality_title", ["name": figure.name]), year: nil)
        }
        let year = status.overviewYear()
        let prioritising = context.site.units.filter { unit in unit.years.values.contains { $0.keyFigures.contains { $0.id == figure.id } } }
        view["unitYear"] = maybe(year)
        view["units"] = prioritising.map { unit -> [String: Any] in
            let latest = unit.years.keys.sorted().last { unit.years[$0]!.keyFigures.contains { $0.id == figure.id } }!
            let unitSeries = FigureSeries.unit(unit, figure: figure, upTo: latest, minGroupSize: context.site.config.minGroupSize)
            let entry = unitSeries.year(latest)
            return [
                "name": unit.name, "href": status.unitLink(unit, year: latest, from: url),
                "department": unit.department, "departmentHref": status.departmentLink(unit.department, from: url),
                "year": latest,
                "values": figure.groups.map { group -> [String: Any] in
                    let target = entry?.target?[group]
                    let reached = KeyFigureRules.targetReached(value: entry?.shown[group]?.number, target: target, figure: figure)
                    return [
                        "value": presenter.text(entry?.shown[group], figure),
                        "target": maybe(target.map { strings.measured($0, figure) }),
                        "reached": maybe(reached.map { presenter.reachedView($0) }),
                    ]
                },
            ]
        }
        view["hasUnits"] = !prioritising.isEmpty
        view["groupHeaders"] = figure.groups.map { presenter.groupName($0) }
        view["legend"] = Legend(context: context).items(steps: false)
        let examples = context.site.examples(ofKeyFigure: figure.id).map { ExampleViews(context: context).card($0, from: url) }
        view["examples"] = examples
        view["hasExamples"] = !examples.isEmpty
        return view
    }
}
