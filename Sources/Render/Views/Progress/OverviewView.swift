import Markdown
import Model
import Mustache
import Plan

/// All units (or one department's) by steps.
struct OverviewPage: PageView {
    struct StepColumn: MustacheParent {
        var number: Int
        var title: String
        var href: String?

        func child(named name: String) -> Any? {
            switch name {
            case "number": number
            case "title": title
            case "href": maybe(href)
            default: nil
            }
        }
    }

    struct Department: MustacheParent {
        /// As written: for the table's `aria-label` and caption.
        var name: String
        /// With soft hyphens in its long words, for the section's heading.
        var heading: String
        var href: String?
        var id: String
        /// The table of its units by steps (`PageParts.matrix`).
        var matrix: String

        func child(named name: String) -> Any? {
            switch name {
            case "name": self.name
            case "heading": heading
            case "href": maybe(href)
            case "id": id
            case "matrixHTML": matrix
            default: nil
            }
        }
    }

    /// A row of a department's table (`PageParts.matrix`).
    struct UnitRow {
        var name: String
        var href: String?
        var cells: [Cell]
        var stamp: DateView?
        var selfAssessment: ScoreView?
        var overdue: String?
    }

    struct Cell {
        var status: StatusView
        var step: String
    }

    /// How many units have reached each step: a chart and a table.
    struct Counts: MustacheParent {
        struct Row: MustacheParent {
            var label: String
            var href: String?
            var count: Int

            func child(named name: String) -> Any? {
                switch name {
                case "label": label
                case "href": maybe(href)
                case "count": count
                default: nil
                }
            }
        }

        var rows: [Row]
        var chart: String
        var title: String

        func child(named name: String) -> Any? {
            switch name {
            case "rows": rows
            case "chart": chart
            case "title": title
            default: nil
            }
        }
    }

    /// What the page shows for the year; nil when no unit has data.
    struct Year {
        var year: Int
        var intro: String
        var steps: [StepColumn]
        var departments: [Department]
        var counts: Counts
        var stampSummary: String
        var legend: [SymbolView]
        var data: String?
    }

    var chrome: Chrome
    var heading: String
    var isDepartment: Bool
    var yearNav: YearNav
    var shown: Year?

    func own(named name: String) -> Any? {
        if name == "heading" { return heading }
        if let value = yearNav.child(named: name) { return value }
        guard let shown else { return name == "noData" ? true : nil }
        switch name {
        case "year": return shown.year
        case "intro": return shown.intro
        case "steps": return shown.steps
        case "departments": return shown.departments
        case "isDepartment": return isDepartment
        case "counts": return shown.counts
        case "stampSummary": return shown.stampSummary
        case "legend": return shown.legend
        case "data": return maybe(shown.data)
        default: return nil
        }
    }
}

/// All units (or one department's) by steps: where each stands, stamps and self-assessment change.
struct OverviewView {
    let context: RenderContext
    var strings: Strings { context.strings }

    /// The overview (or a department's page) as it stood in `year`: the units listed from their first
    /// year on (`ProgressRules.isListed`).
    func view(url: String, department: String? = nil, year: Int?) -> OverviewPage {
        let chrome = PageChrome(context: context)
        let status = StatusViews(context: context)
        let heading = department ?? strings["titles.units"]
        var folders = ["@units"]
        if let department { folders.append("@department:" + department) }
        let view = chrome.view(
            url: url, title: year.map { "\(heading) \($0)" } ?? heading, summary: nil, openFolders: folders,
            bodyClass: "overview-page", breadcrumbs: status.breadcrumbsToUnits(from: url, department: nil, year: year))
        let yearNav = status.yearNav(department.map(YearlyPage.department) ?? .overview, year: year, from: url)
        let units = context.site.units.filter { department == nil || $0.department == department }
        let listed = year.map { year in units.filter { ProgressRules.isListed($0, in: year) } } ?? []
        guard let year, !listed.isEmpty else {
            return OverviewPage(chrome: view, heading: context.hyphenated(heading), isDepartment: department != nil, yearNav: yearNav, shown: nil)
        }
        // Units without data for the year are listed, but are not among those working in it.
        let taking = listed.filter { $0.years[year] != nil }.count
        let departments = department.map { [$0] } ?? context.site.departments.filter { name in listed.contains { $0.department == name } }
        let stamped = listed.filter { $0.years[year]?.stamp != nil }.count
        let steps = context.site.steps.map { step in
            OverviewPage.StepColumn(number: step.number, title: step.title, href: status.stepLink(step, from: url))
        }
        return OverviewPage(
            chrome: view, heading: context.hyphenated(heading), isDepartment: department != nil, yearNav: yearNav,
            shown: OverviewPage.Year(
                year: year,
                intro: strings.plural(
                    department == nil ? "overview.intro" : "overview.department_intro", count: taking,
                    ["count": String(taking), "year": String(year)]),
                steps: steps,
                departments: departments.map { name in
                    OverviewPage.Department(
                        name: name, heading: context.hyphenated(name), href: status.departmentLink(name, year: year, from: url),
                        id: "forvaltning-" + Slug.make(name),
                        matrix: PageParts.matrix(
                            department: name, units: listed.filter { $0.department == name }.map { row($0, year: year, url: url) },
                            steps: steps, year: year, strings: strings))
                },
                counts: counts(listed, year: year, url: url),
                stampSummary: strings.plural("overview.stamps", count: taking, ["stamped": String(stamped), "count": String(taking), "year": String(year)]),
                legend: Legend(context: context).items(),
                data: status.link(from: url, to: context.plan.url(of: .overviewData, year: year))))
    }

    private func row(_ unit: Unit, year: Int, url: String) -> OverviewPage.UnitRow {
        let status = StatusViews(context: context)
        let data = unit.years[year]
        let late = Set(ProgressRules.lateSteps(of: data, steps: context.site.steps, today: context.options.asOf).map(\.id))
        let overdue = data?.activityPlans.filter { ProgressRules.isOverdue($0, today: context.options.asOf) }.count ?? 0
        return OverviewPage.UnitRow(
            name: context.hyphenated(unit.name), href: status.unitLink(unit, year: year, from: url),
            cells: context.site.steps.map { step in
                OverviewPage.Cell(status: status.stepStatus(data?.steps[step.id], late: late.contains(step.id)), step: step.title)
            },
            stamp: status.date(data?.stamp),
            selfAssessment: status.selfAssessment(unit, year: year),
            overdue: overdue > 0 ? strings.plural("overview.overdue_count", count: overdue, ["count": String(overdue)]) : nil)
    }

    /// How many units have reached each step.
    private func counts(_ units: [Unit], year: Int, url: String) -> OverviewPage.Counts {
        let status = StatusViews(context: context)
        let counts = ProgressRules.unitsAtEachStep(units, year: year, steps: context.site.steps)
        let rows = counts.map { entry in
            OverviewPage.Counts.Row(
                label: entry.step.map { "\($0.number). \($0.title)" } ?? strings["overview.not_started"],
                href: entry.step.flatMap { status.stepLink($0, from: url) }, count: entry.count)
        }
        let chart = BarChart(
            idPrefix: "vg-counts-chart", title: strings.format("overview.counts_title", ["year": String(year)]),
            description: strings.format(
                "overview.counts_description",
                [
                    "counts": strings.sentenceList(
                        counts.map { "\($0.step.map { "\($0.number). \($0.title)" } ?? strings["overview.not_started"]): \($0.count)" })
                ]),
            categories: counts.map { $0.step.map { String($0.number) } ?? "0" },
            series: [BarChart.Series(label: strings["overview.units_count"], style: "score")],
            values: counts.map { [.value(Double($0.count))] }, targets: counts.map { _ in [nil] },
            format: { strings.number($0, decimals: 0) }, maximum: nil, wholeNumbers: true,
            labels: BarChart.Labels(target: "", suppressed: strings["symbols.suppressed"], missing: strings["symbols.missing"], evenBand: ""))
        return OverviewPage.Counts(rows: rows, chart: chart.svg(), title: strings.format("overview.counts_title", ["year": String(year)]))
    }
}
