import Markdown
import Model
import Mustache
import Plan

/// A unit's page for one year.
struct UnitPage: PageView {
    struct UnitInfo: MustacheParent {
        /// The unit's and its department's names as the page shows them (the `<h1>`, the
        /// eyebrow), with soft hyphens in their long words.
        var name: String
        var department: String
        var departmentHref: String?
        var manager: String?
        var team: String?
        var file: String
        var data: String?

        func child(named name: String) -> Any? {
            switch name {
            case "name": self.name
            case "department": department
            case "departmentHref": maybe(departmentHref)
            case "manager": maybe(manager)
            case "team": maybe(team)
            case "file": file
            case "data": maybe(data)
            default: nil
            }
        }
    }

    /// The step track (`partials/steps`).
    struct Steps: MustacheParent {
        var items: [StepItem]
        var summary: String
        var hasLate: Bool

        func child(named name: String) -> Any? {
            switch name {
            case "items": items
            case "summary": summary
            case "hasLate": hasLate
            default: nil
            }
        }
    }

    struct StepItem: MustacheParent {
        var number: Int
        var title: String
        var href: String?
        var status: StatusView
        var date: DateView?
        var current: Bool

        func child(named name: String) -> Any? {
            switch name {
            case "number": number
            case "title": title
            case "href": maybe(href)
            case "status": status
            case "date": maybe(date)
            case "current": current
            default: nil
            }
        }
    }

    struct SelfAssessment: MustacheParent {
        struct Row: MustacheParent {
            var year: Int
            var score: Int
            var change: ScoreView?

            func child(named name: String) -> Any? {
                switch name {
                case "year": year
                case "score": score
                case "change": maybe(change)
                default: nil
                }
            }
        }

        var chart: String
        var max: Int
        var rows: [Row]

        func child(named name: String) -> Any? {
            switch name {
            case "chart": chart
            case "max": max
            case "rows": rows
            default: nil
            }
        }
    }

    /// Whether the unit's key figures cover a perspective, and which.
    struct Perspective: MustacheParent {
        var name: String
        var covered: Bool
        var figures: String

        func child(named name: String) -> Any? {
            switch name {
            case "name": self.name
            case "covered": covered
            case "figures": figures
            default: nil
            }
        }
    }

    /// A row of the table of activity plans (`partials/plans`).
    struct Plan: MustacheParent {
        var title: String
        var keyFigure: NamedLink?
        var responsible: String?
        var status: StatusView
        var due: DateView?
        var overdue: Bool

        func child(named name: String) -> Any? {
            switch name {
            case "title": title
            case "keyFigure": maybe(keyFigure)
            case "responsible": maybe(responsible)
            case "status": status
            case "due": maybe(due)
            case "overdue": overdue
            default: nil
            }
        }
    }

    struct Answer: MustacheParent {
        var question: String
        var html: String

        func child(named name: String) -> Any? {
            switch name {
            case "question": question
            case "html": html
            default: nil
            }
        }
    }

    /// What the page shows of a year the unit has data for.
    struct Year {
        var year: Int
        var steps: Steps
        var hasTeam: Bool
        var stamp: DateView?
        var selfAssessment: SelfAssessment?
        var keyFigures: [FigureView]
        var perspectives: [Perspective]
        var hasSuppressed: Bool
        var plans: [Plan]
        var programLogic: ProgramLogicSheet?
        var learningFollowUp: LearningFollowUpSheet?
        var interimReport: String?
        var followUp: [Answer]
        var legend: [SymbolView]
        var examples: [ExampleCard]
    }

    var chrome: Chrome
    var unit: UnitInfo
    var yearNav: YearNav
    /// Nil when the unit has no data for the year.
    var shown: Year?

    func own(named name: String) -> Any? {
        switch name {
        case "unit": return unit
        case "heading": return unit.name
        default: if let value = yearNav.child(named: name) { return value }
        }
        guard let shown else { return name == "noData" ? true : nil }
        switch name {
        case "year": return shown.year
        case "steps": return shown.steps
        case "hasSteps": return true
        case "stepsHTML": return PageParts.steps(shown.steps, strings: chrome.strings)
        case "hasTeam": return shown.hasTeam
        case "stamp": return maybe(shown.stamp)
        case "selfAssessment": return maybe(shown.selfAssessment)
        case "keyFigures": return shown.keyFigures
        case "hasKeyFigures": return !shown.keyFigures.isEmpty
        case "keyFiguresHTML": return PageParts.keyFigures(shown.keyFigures, strings: chrome.strings)
        case "perspectives": return shown.perspectives
        case "hasSuppressed": return shown.hasSuppressed
        case "plans": return shown.plans
        case "hasPlans": return !shown.plans.isEmpty
        case "plansHTML": return shown.plans.isEmpty ? Nothing() : PageParts.plans(shown.plans, year: shown.year, team: shown.hasTeam, strings: chrome.strings)
        case "programLogic": return maybe(shown.programLogic)
        case "learningFollowUp": return maybe(shown.learningFollowUp)
        case "interimReport": return maybe(shown.interimReport)
        case "followUp": return shown.followUp
        case "hasFollowUp": return !shown.followUp.isEmpty
        case "legend": return shown.legend
        case "examples": return shown.examples
        case "hasExamples": return !shown.examples.isEmpty
        default: return nil
        }
    }
}

/// A unit's page for one year: its steps, key figures, plans, program logic, learning follow-up
/// and texts, with the earlier years one click away.
struct UnitPageView {
    let context: RenderContext
    var strings: Strings { context.strings }

    func view(unitID: String, year: Int?, url: String) -> UnitPage? {
        guard let unit = context.site.unit(unitID) else { return nil }
        let chrome = PageChrome(context: context)
        let status = StatusViews(context: context)
        let title = year.map { "\(unit.name) \($0)" } ?? unit.name
        let view = chrome.view(
            url: url, title: title, summary: nil,
            openFolders: ["@units", "@department:" + unit.department], bodyClass: "unit-page",
            breadcrumbs: status.breadcrumbsToUnits(from: url, department: unit.department, year: year))
        var page = UnitPage(
            chrome: view,
            unit: UnitPage.UnitInfo(
                name: context.hyphenated(unit.name), department: context.hyphenated(unit.department),
                departmentHref: status.departmentLink(unit.department, year: year, from: url),
                manager: unit.manager, team: unit.team.isEmpty ? nil : strings.sentenceList(unit.team),
                file: unit.sourcePath, data: status.link(from: url, to: "data/units/\(unit.id).json")),
            yearNav: status.yearNav(.unit(unit.id), year: year, from: url))
        guard let year, let data = unit.years[year] else { return page }
        let figures = keyFigures(unit, data, url: url)
        page.shown = UnitPage.Year(
            year: year, steps: steps(unit, data, url: url), hasTeam: !unit.team.isEmpty,
            stamp: status.date(data.stamp), selfAssessment: selfAssessment(unit, upTo: year, url: url),
            keyFigures: figures.views, perspectives: figures.perspectives, hasSuppressed: figures.hasSuppressed,
            plans: activityPlans(data, url: url),
            programLogic: data.programLogic.flatMap { $0.isEmpty ? nil : ProgramLogicView(context: context).view($0) },
            learningFollowUp: data.learningFollowUp.flatMap { LearningFollowUpView(context: context).view($0, unit: unit, year: year, url: url) },
            interimReport: data.interimReport.map(markdown),
            followUp: data.followUp?.answers.map { UnitPage.Answer(question: strings["follow_up.\($0.key)"], html: markdown($0.text)) } ?? [],
            legend: Legend(context: context).items(),
            examples: context.site.examples(ofUnit: unit.id).map { ExampleViews(context: context).card($0, from: url) })
        return page
    }

    /// A unit's own texts stand under the page's `<h2>` sections, so their headings start at `<h3>`.
    private func markdown(_ text: String) -> String {
        MarkdownRenderer.render(
            text,
            options: MarkdownOptions(
                allowRawHTML: false, reservedIDs: RenderContext.reservedIDs,
                shallowestHeading: 3, calloutTitles: context.calloutTitles, hyphenator: context.options.hyphenator)
        ).html
    }

    private func steps(_ unit: Unit, _ data: UnitYear, url: String) -> UnitPage.Steps {
        let status = StatusViews(context: context)
        let progress = ProgressRules.progress(of: data, steps: context.site.steps)
        let late = Set(ProgressRules.lateSteps(of: data, steps: context.site.steps, today: context.options.asOf).map(\.id))
        let items = progress.statuses.map { step, entry in
            UnitPage.StepItem(
                number: step.number, title: step.title, href: status.stepLink(step, from: url),
                status: status.stepStatus(entry, late: late.contains(step.id)),
                date: status.date(entry?.date), current: step.id == progress.current?.id)
        }
        return UnitPage.Steps(
            items: items,
            summary: strings.format("progress.summary", ["done": String(progress.doneCount), "count": String(progress.stepCount)]),
            hasLate: !late.isEmpty)
    }

    private func selfAssessment(_ unit: Unit, upTo year: Int, url: String) -> UnitPage.SelfAssessment? {
        let years = unit.years.keys.sorted().filter { $0 <= year && unit.years[$0]?.selfAssessment != nil }
        guard !years.isEmpty else { return nil }
        let maximum = context.site.config.selfAssessmentMax
        let chart = BarChart(
            idPrefix: "vg-sa", title: strings["self_assessment.title"],
            description: strings.format(
                "self_assessment.description",
                [
                    "scores": strings.sentenceList(years.map { "\($0): \(unit.years[$0]!.selfAssessment!)" }), "max": String(maximum),
                ]),
            categories: years.map(String.init),
            series: [BarChart.Series(label: strings["self_assessment.score"], style: "score")],
            values: years.map { [.value(Double(unit.years[$0]!.selfAssessment!))] },
            targets: years.map { _ in [nil] },
            format: { strings.number($0, decimals: 0) }, maximum: Double(maximum), wholeNumbers: true,
            labels: BarChart.Labels(target: "", suppressed: strings["symbols.suppressed"], missing: strings["symbols.missing"], evenBand: ""))
        let status = StatusViews(context: context)
        return UnitPage.SelfAssessment(
            chart: chart.svg(), max: maximum,
            rows: years.reversed().map { y in
                UnitPage.SelfAssessment.Row(year: y, score: unit.years[y]!.selfAssessment!, change: status.selfAssessment(unit, year: y))
            })
    }

    private func keyFigures(_ unit: Unit, _ data: UnitYear, url: String) -> (views: [FigureView], perspectives: [UnitPage.Perspective], hasSuppressed: Bool) {
        let presenter = FigurePresenter(context: context)
        var views: [FigureView] = []
        var suppressed = false
        for (index, entry) in data.keyFigures.enumerated() {
            guard let figure = context.site.keyFigure(entry.id) else { continue }
            let series = FigureSeries.unit(unit, figure: figure, upTo: data.year, minGroupSize: context.site.config.minGroupSize)
            suppressed = suppressed || series.hasSuppressed
            views.append(
                presenter.figureView(
                    series, idPrefix: "vg-kf\(index)", title: figure.name, year: data.year,
                    heading: FigureView.Heading(
                        id: "vg-figure-\(figure.id)", name: figure.name,
                        href: StatusViews(context: context).keyFigureLink(figure.id, year: data.year, from: url),
                        perspective: figure.perspective)))
        }
        let covered = Set(data.keyFigures.compactMap { context.site.keyFigure($0.id)?.perspective })
        let perspectives = context.site.config.perspectives.map { perspective in
            let names = data.keyFigures.compactMap { context.site.keyFigure($0.id) }.filter { $0.perspective == perspective }.map(\.nameInSentence)
            return UnitPage.Perspective(name: perspective, covered: covered.contains(perspective), figures: strings.sentenceList(names))
        }
        return (views, perspectives, suppressed)
    }

    private func activityPlans(_ data: UnitYear, url: String) -> [UnitPage.Plan] {
        let status = StatusViews(context: context)
        return data.activityPlans.map { plan in
            UnitPage.Plan(
                title: plan.title,
                keyFigure: plan.keyFigure.flatMap { id in
                    context.site.keyFigure(id).map { NamedLink(name: $0.name, href: status.keyFigureLink(id, year: data.year, from: url)) }
                },
                responsible: plan.responsible,
                status: status.planStatus(plan.status),
                due: status.date(plan.due),
                overdue: ProgressRules.isOverdue(plan, today: context.options.asOf))
        }
    }
}
