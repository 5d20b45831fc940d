import Foundation
import Model
import Plan

/// The machine-readable copy of the progress pages (docs/data.md): what the pages show, nothing
/// more. Suppressed values appear as `"suppressed": true` without a number.
struct ProgressData {
    let context: RenderContext

    func unit(_ id: String) -> Data {
        guard let unit = context.site.unit(id) else { return Data() }
        var years: [String: Any] = [:]
        for (year, data) in unit.years {
            let progress = ProgressRules.progress(of: data, steps: context.site.steps)
            var entry: [String: Any] = [
                "steps": context.site.steps.map { step -> [String: Any] in
                    var item: [String: Any] = ["id": step.id, "title": step.title, "status": data.steps[step.id]?.status.rawValue ?? NSNull()]
                    if let date = data.steps[step.id]?.date { item["date"] = date.description }
                    return item
                },
                "steps_done": progress.doneCount,
                "current_step": progress.current?.id ?? NSNull(),
                "key_figures": data.keyFigures.compactMap { entry -> [String: Any]? in
                    guard let figure = context.site.keyFigure(entry.id) else { return nil }
                    let series = FigureSeries.unit(unit, figure: figure, upTo: year, minGroupSize: context.site.config.minGroupSize)
                    return figureYear(series, year: year)
                },
                "activity_plans": data.activityPlans.map { plan -> [String: Any] in
                    var item: [String: Any] = ["title": plan.title, "status": plan.status.rawValue,
                                               "overdue": ProgressRules.isOverdue(plan, today: context.options.asOf)]
                    if let figure = plan.keyFigure { item["key_figure"] = figure }
                    if let responsible = plan.responsible { item["responsible"] = responsible }
                    if let due = plan.due { item["due"] = due.description }
                    return item
                },
            ]
            if let score = data.selfAssessment { entry["self_assessment"] = score }
            if let stamp = data.stamp { entry["stamp"] = stamp.description }
            if let logic = data.programLogic {
                let gaps = ProgramLogicGaps(logic)
                entry["program_logic_gaps"] = [
                    "activities_without_result": gaps.activitiesWithoutResult,
                    "results_without_activity": gaps.resultsWithoutActivity,
                    "effects_without_result": gaps.effectsWithoutResult,
                    "unused_resources": gaps.unusedResources,
                    "activities_not_done": gaps.activitiesNotDone,
                ]
            }
            if let followUp = data.learningFollowUp {
                entry["learning_follow_up"] = [
                    "date": followUp.date?.description ?? NSNull(),
                    "ratings": followUp.ratings, "agreed": followUp.agreed,
                ] as [String: Any]
            }
            years[String(year)] = entry
        }
        var object: [String: Any] = [
            "id": unit.id, "name": unit.name, "department": unit.department,
            "page": context.plan.unitURL(unit.id) ?? NSNull(), "years": years,
        ]
        if let manager = unit.manager { object["manager"] = manager }
        if !unit.team.isEmpty { object["team"] = unit.team }
        return encode(object)
    }

    func overview() -> Data {
        let status = StatusViews(context: context)
        let year = status.overviewYear()
        let object: [String: Any] = [
            "year": year ?? NSNull(),
            "as_of": context.options.asOf.description,
            "min_group_size": context.site.config.minGroupSize,
            "steps": context.site.steps.map { ["id": $0.id, "number": $0.number, "title": $0.title] },
            "units_at_step": year.map { year in
                ProgressRules.unitsAtEachStep(context.site.units, year: year, steps: context.site.steps).map {
                    ["step": $0.step?.id ?? NSNull(), "units": $0.count] as [String: Any]
                }
            } ?? [],
            "units": context.site.units.map { unit -> [String: Any] in
                var item: [String: Any] = ["id": unit.id, "name": unit.name, "department": unit.department,
                                           "data": "units/\(unit.id).json"]
                if let year, let data = unit.years[year] {
                    item["steps"] = Dictionary(uniqueKeysWithValues: data.steps.map { ($0.key, $0.value.status.rawValue) })
                    if let stamp = data.stamp { item["stamp"] = stamp.description }
                    if let score = data.selfAssessment { item["self_assessment"] = score }
                    if let change = ProgressRules.selfAssessmentChange(unit, year: year) { item["self_assessment_change"] = change }
                }
                return item
            },
            "key_figures": context.site.keyFigures.map { figure -> [String: Any] in
                let series = FigureSeries.municipality(figure, minGroupSize: context.site.config.minGroupSize)
                return ["id": figure.id, "name": figure.name, "perspective": figure.perspective,
                        "years": series.years.map { figureYear(series, year: $0.year) }]
            },
        ]
        return encode(object)
    }

    /// One year of a key figure: per group the value (or `suppressed`), the target and the group size.
    private func figureYear(_ series: FigureSeries, year: Int) -> [String: Any] {
        let figure = series.figure
        var groups: [String: Any] = [:]
        if let entry = series.year(year) {
            for group in figure.groups {
                var item: [String: Any] = [:]
                switch entry.shown[group] ?? .missing {
                case .value(let value): item["value"] = value
                case .suppressed: item["suppressed"] = true
                case .missing: item["value"] = NSNull()
                }
                if let target = entry.target?[group] { item["target"] = target }
                if case .value(let n) = entry.sizes[group] ?? .missing { item["n"] = n }
                if let reached = KeyFigureRules.targetReached(value: entry.shown[group]?.number, target: entry.target?[group], figure: figure) {
                    item["target_reached"] = reached
                }
                groups[group.rawValue] = item
            }
        }
        var result: [String: Any] = ["id": figure.id, "year": year, "groups": groups]
        if let gap = series.gap(in: year) {
            var item: [String: Any] = ["between": [gap.first.rawValue, gap.second.rawValue], "difference": gap.difference]
            if let narrowed = gap.narrowed { item["narrowed"] = narrowed }
            result["gap"] = item
        }
        return result
    }

    private func encode(_ object: [String: Any]) -> Data {
        (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
    }
}
