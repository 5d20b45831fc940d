import Markdown
import Model
import Plan

/// All units (or one department's) by steps: where each stands, stamps and self-assessment change.
struct OverviewView {
    let context: RenderContext
    var strings: Strings { context.strings }

    func view(url: String, department: String? = nil) -> [String: Any] {
        let chrome = PageChrome(context: context)
        let status = StatusViews(context: context)
        let title = department ?? strings["titles.units"]
        var folders = ["@units"]
        if let department { folders.append("@department:" + department) }
        var view = chrome.view(url: url, title: title, summary: nil, openFolders: folders, bodyClass: "overview-page")
        view.merge(status.breadcrumbsToUnits(from: url, department: nil)) { $1 }
        let units = context.site.units.filter { department == nil || $0.department == department }
        guard let year = status.overviewYear() else {
            view["noData"] = true
            return view
        }
        view["year"] = year
        // Units without data for the year are listed, but are not among those working in it.
        let taking = units.filter { $0.years[year] != nil }.count
        view["intro"] = strings.plural(department == nil ? "overview.intro" : "overview.department_intro", count: taking,
                                       ["count": String(taking), "year": String(year)])
        view["steps"] = context.site.steps.map { step -> [String: Any] in
            ["number": step.number, "title": step.title, "href": status.stepLink(step, from: url)]
        }
        let departments = department.map { [$0] } ?? context.site.departments
        view["departments"] = departments.map { name -> [String: Any] in
            let members = units.filter { $0.department == name }
            return [
                "name": name, "href": status.departmentLink(name, from: url),
                "id": "forvaltning-" + Slug.make(name),
                "units": members.map { row($0, year: year, url: url) },
            ]
        }
        view["isDepartment"] = department != nil
        view["counts"] = counts(units, year: year, url: url)
        let stamped = units.filter { $0.years[year]?.stamp != nil }.count
        view["stampSummary"] = strings.plural("overview.stamps", count: taking, ["stamped": String(stamped), "count": String(taking)])
        view["legend"] = Legend(context: context).items()
        view["data"] = status.link(from: url, to: "data/overview.json")
        return view
    }

    private func row(_ unit: Unit, year: Int, url: String) -> [String: Any] {
        let status = StatusViews(context: context)
        let data = unit.years[year]
        let late = Set(ProgressRules.lateSteps(of: data, steps: context.site.steps, today: context.options.asOf).map(\.id))
        let overdue = data?.activityPlans.filter { ProgressRules.isOverdue($0, today: context.options.asOf) }.count ?? 0
        return [
            "name": unit.name, "href": status.unitLink(unit, year: year, from: url),
            "hasYear": data != nil,
            "cells": context.site.steps.map { step -> [String: Any] in
                let entry = data?.steps[step.id]
                return ["status": status.stepStatus(entry, late: late.contains(step.id)), "step": step.title, "date": status.date(entry?.date)]
            },
            "stamp": status.date(data?.stamp),
            "selfAssessment": status.selfAssessment(unit, year: year),
            "overdue": overdue > 0 ? strings.plural("overview.overdue_count", count: overdue, ["count": String(overdue)]) : Nothing(),
        ]
    }

    /// How many units have reached each step.
    private func counts(_ units: [Unit], year: Int, url: String) -> [String: Any] {
        let status = StatusViews(context: context)
        let counts = ProgressRules.unitsAtEachStep(units, year: year, steps: context.site.steps)
        let rows = counts.map { entry -> [String: Any] in
            [
                "label": entry.step.map { "\($0.number). \($0.title)" } ?? strings["overview.not_started"],
                "href": entry.step.map { status.stepLink($0, from: url) } ?? Nothing(),
                "count": entry.count,
            ]
        }
        let chart = BarChart(
            idPrefix: "vg-counts-chart", title: strings.format("overview.counts_title", ["year": String(year)]),
            description: strings.format("overview.counts_description", [
                "counts": strings.sentenceList(counts.map { "\($0.step.map { "\($0.number). \($0.title)" } ?? strings["overview.not_started"]): \($0.count)" }),
            ]),
            categories: counts.map { $0.step.map { String($0.number) } ?? "0" },
            series: [BarChart.Series(label: strings["overview.units_count"], style: "score")],
            values: counts.map { [.value(Double($0.count))] }, targets: counts.map { _ in [nil] },
            format: { strings.number($0, decimals: 0) }, maximum: nil, wholeNumbers: true,
            labels: BarChart.Labels(target: "", suppressed: strings["symbols.suppressed"], missing: strings["symbols.missing"], evenBand: ""))
        return ["rows": rows, "chart": chart.svg(), "title": strings.format("overview.counts_title", ["year": String(year)])]
    }
}
