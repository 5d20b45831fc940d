import Markdown
import Model
import Plan

/// A unit's page for one year: its steps, key figures, plans, program logic, learning follow-up
/// and texts, with the earlier years one click away.
struct UnitPageView {
    let context: RenderContext
    var strings: Strings { context.strings }

    func view(unitID: String, year: Int?, url: String) -> [String: Any] {
        guard let unit = context.site.unit(unitID) else { return [:] }
        let chrome = PageChrome(context: context)
        let status = StatusViews(context: context)
        let title = year.map { "\(unit.name) \($0)" } ?? unit.name
        var view = chrome.view(url: url, title: title, summary: nil,
                               openFolders: ["@units", "@department:" + unit.department], bodyClass: "unit-page")
        view.merge(status.breadcrumbsToUnits(from: url, department: unit.department)) { $1 }
        view["unit"] = [
            "name": unit.name,
            "department": unit.department,
            "departmentHref": status.departmentLink(unit.department, from: url),
            "manager": maybe(unit.manager),
            "team": unit.team.isEmpty ? Nothing() : strings.sentenceList(unit.team) as Any,
            "file": unit.sourcePath,
            "data": status.link(from: url, to: "data/units/\(unit.id).json"),
        ]
        view["heading"] = unit.name
        view["years"] = unit.yearsLatestFirst.map { other -> [String: Any] in
            ["year": other, "current": other == year, "href": status.unitLink(unit, year: other, from: url)]
        }
        view["hasYears"] = unit.years.count > 1
        guard let year, let data = unit.years[year] else {
            view["noData"] = true
            return view
        }
        view["year"] = year
        view["steps"] = steps(unit, data, url: url)
        view["hasSteps"] = true
        view["hasTeam"] = !unit.team.isEmpty
        view["stamp"] = status.date(data.stamp)
        view["selfAssessment"] = selfAssessment(unit, upTo: year, url: url)
        let figures = keyFigures(unit, data, url: url)
        view["keyFigures"] = figures.views
        view["hasKeyFigures"] = !figures.views.isEmpty
        view["perspectives"] = figures.perspectives
        view["hasSuppressed"] = figures.hasSuppressed
        let plans = activityPlans(data, url: url)
        view["plans"] = plans
        view["hasPlans"] = !plans.isEmpty
        view["programLogic"] = maybe(data.programLogic.flatMap { $0.isEmpty ? nil : ProgramLogicView(context: context).view($0) })
        view["learningFollowUp"] = maybe(data.learningFollowUp.flatMap { LearningFollowUpView(context: context).view($0, unit: unit, year: year, url: url) })
        view["interimReport"] = maybe(data.interimReport.map(markdown))
        let answers = data.followUp?.answers.map { ["question": strings["follow_up.\($0.key)"], "html": markdown($0.text)] } ?? []
        view["followUp"] = answers
        view["hasFollowUp"] = !answers.isEmpty
        view["legend"] = Legend(context: context).items()
        let examples = context.site.examples(ofUnit: unit.id).map { ExampleViews(context: context).card($0, from: url) }
        view["examples"] = examples
        view["hasExamples"] = !examples.isEmpty
        return view
    }

    private func markdown(_ text: String) -> String {
        MarkdownRenderer.render(text, options: MarkdownOptions(allowRawHTML: false, reservedIDs: RenderContext.reservedIDs)).html
            .replacingOccurrences(of: "<h1", with: "<h3").replacingOccurrences(of: "</h1>", with: "</h3>")
            .replacingOccurrences(of: "<h2", with: "<h3").replacingOccurrences(of: "</h2>", with: "</h3>")
    }

    private func steps(_ unit: Unit, _ data: UnitYear, url: String) -> [String: Any] {
        let status = StatusViews(context: context)
        let progress = ProgressRules.progress(of: data, steps: context.site.steps)
        let late = Set(ProgressRules.lateSteps(of: data, steps: context.site.steps, today: context.options.asOf).map(\.id))
        let items: [[String: Any]] = progress.statuses.map { step, entry in
            [
                "number": step.number, "title": step.title, "href": status.stepLink(step, from: url),
                "status": status.stepStatus(entry, late: late.contains(step.id)),
                "date": status.date(entry?.date), "current": step.id == progress.current?.id,
            ]
        }
        return [
            "items": items,
            "summary": strings.format("progress.summary", ["done": String(progress.doneCount), "count": String(progress.stepCount)]),
            "hasLate": !late.isEmpty,
        ]
    }

    private func selfAssessment(_ unit: Unit, upTo year: Int, url: String) -> Any {
        let years = unit.years.keys.sorted().filter { $0 <= year && unit.years[$0]?.selfAssessment != nil }
        guard !years.isEmpty else { return Nothing() }
        let maximum = context.site.config.selfAssessmentMax
        let chart = BarChart(
            idPrefix: "vg-sa", title: strings["self_assessment.title"],
            description: strings.format("self_assessment.description", [
                "scores": strings.sentenceList(years.map { "\($0): \(unit.years[$0]!.selfAssessment!)" }), "max": String(maximum),
            ]),
            categories: years.map(String.init),
            series: [BarChart.Series(label: strings["self_assessment.score"], style: "score")],
            values: years.map { [.value(Double(unit.years[$0]!.selfAssessment!))] },
            targets: years.map { _ in [nil] },
            format: { strings.number($0, decimals: 0) }, maximum: Double(maximum), wholeNumbers: true,
            labels: BarChart.Labels(target: "", suppressed: strings["symbols.suppressed"], missing: strings["symbols.missing"], evenBand: ""))
        let status = StatusViews(context: context)
        return [
            "chart": chart.svg(),
            "max": maximum,
            "rows": years.reversed().map { y -> [String: Any] in
                ["year": y, "score": unit.years[y]!.selfAssessment!, "change": status.selfAssessment(unit, year: y)]
            },
        ]
    }

    private func keyFigures(_ unit: Unit, _ data: UnitYear, url: String) -> (views: [[String: Any]], perspectives: [[String: Any]], hasSuppressed: Bool) {
        let presenter = FigurePresenter(context: context)
        var views: [[String: Any]] = []
        var suppressed = false
        for (index, entry) in data.keyFigures.enumerated() {
            guard let figure = context.site.keyFigure(entry.id) else { continue }
            let series = FigureSeries.unit(unit, figure: figure, upTo: data.year, minGroupSize: context.site.config.minGroupSize)
            suppressed = suppressed || series.hasSuppressed
            var view = presenter.figureView(series, idPrefix: "vg-kf\(index)", title: figure.name, year: data.year)
            view["id"] = "vg-figure-\(figure.id)"
            view["name"] = figure.name
            view["href"] = StatusViews(context: context).keyFigureLink(figure.id, from: url)
            view["perspective"] = figure.perspective
            views.append(view)
        }
        let covered = Set(data.keyFigures.compactMap { context.site.keyFigure($0.id)?.perspective })
        let perspectives = context.site.config.perspectives.map { perspective -> [String: Any] in
            let names = data.keyFigures.compactMap { context.site.keyFigure($0.id) }.filter { $0.perspective == perspective }.map(\.nameInSentence)
            return ["name": perspective, "covered": covered.contains(perspective), "figures": strings.sentenceList(names)]
        }
        return (views, perspectives, suppressed)
    }

    private func activityPlans(_ data: UnitYear, url: String) -> [[String: Any]] {
        let status = StatusViews(context: context)
        return data.activityPlans.map { plan in
            let overdue = ProgressRules.isOverdue(plan, today: context.options.asOf)
            return [
                "title": plan.title,
                "keyFigure": maybe(plan.keyFigure.flatMap { id in context.site.keyFigure(id).map { ["name": $0.name, "href": status.keyFigureLink(id, from: url)] } }),
                "responsible": maybe(plan.responsible),
                "status": status.planStatus(plan.status),
                "due": status.date(plan.due),
                "overdue": overdue,
            ]
        }
    }
}
