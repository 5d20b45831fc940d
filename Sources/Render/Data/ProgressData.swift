import Foundation
import Markup
import Model
import Plan

/// The machine-readable copy of the progress pages (docs/data.md): what the pages show, nothing
/// more. Suppressed values appear as `"suppressed": true` without a number.
struct ProgressData {
    let context: RenderContext

    func unit(_ id: String) -> Data {
        guard let unit = context.site.unit(id) else { return Data() }
        var years: [String: JSON] = [:]
        for (year, data) in unit.years {
            let progress = ProgressRules.progress(of: data, steps: context.site.steps)
            var entry: [String: JSON] = [
                "steps": .array(
                    context.site.steps.map { step in
                        var item: [String: JSON] = [
                            "id": .string(step.id), "title": .string(step.title),
                            "status": JSON(data.steps[step.id]?.status.rawValue),
                        ]
                        if let date = data.steps[step.id]?.date { item["date"] = .string(date.description) }
                        return .object(item)
                    }),
                "steps_done": .int(progress.doneCount),
                "current_step": JSON(progress.current?.id),
                "key_figures": .array(
                    data.keyFigures.compactMap { entry in
                        guard let figure = context.site.keyFigure(entry.id) else { return nil }
                        let series = FigureSeries.unit(unit, figure: figure, upTo: year, minGroupSize: context.site.config.minGroupSize)
                        return figureYear(series, year: year)
                    }),
                "activity_plans": .array(
                    data.activityPlans.map { plan in
                        var item: [String: JSON] = [
                            "title": .string(plan.title), "status": .string(plan.status.rawValue),
                            "overdue": .bool(ProgressRules.isOverdue(plan, today: context.options.asOf)),
                        ]
                        if let figure = plan.keyFigure { item["key_figure"] = .string(figure) }
                        if let responsible = plan.responsible { item["responsible"] = .string(responsible) }
                        if let due = plan.due { item["due"] = .string(due.description) }
                        return .object(item)
                    }),
            ]
            if let score = data.selfAssessment { entry["self_assessment"] = .int(score) }
            if let stamp = data.stamp { entry["stamp"] = .string(stamp.description) }
            if let logic = data.programLogic {
                let gaps = ProgramLogicGaps(logic)
                entry["program_logic_gaps"] = [
                    "activities_without_result": JSON(gaps.activitiesWithoutResult),
                    "results_without_activity": JSON(gaps.resultsWithoutActivity),
                    "effects_without_result": JSON(gaps.effectsWithoutResult),
                    "unused_resources": JSON(gaps.unusedResources),
                    "activities_not_done": JSON(gaps.activitiesNotDone),
                ]
            }
            if let followUp = data.learningFollowUp {
                // As on the page: a question's ratings only when enough people rated it.
                let ratings = Suppression.ratings(of: followUp, minGroupSize: context.site.config.minGroupSize)
                entry["learning_follow_up"] = [
                    "date": JSON(followUp.date?.description),
                    "ratings": .object(
                        ratings.compactMapValues { shown -> JSON? in
                            guard case .shown(let list) = shown else { return nil }
                            return .array(list.map(JSON.int))
                        }),
                    "ratings_suppressed": JSON(ratings.filter { $0.value == .tooFew }.keys.sorted()),
                    "agreed": .object(followUp.agreed.mapValues(JSON.int)),
                ]
            }
            years[String(year)] = .object(entry)
        }
        var object: [String: JSON] = [
            "id": .string(unit.id), "name": .string(unit.name), "department": .string(unit.department),
            "page": JSON(context.plan.url(of: .unit(unit.id))), "years": .object(years),
        ]
        if let manager = unit.manager { object["manager"] = .string(manager) }
        if !unit.team.isEmpty { object["team"] = JSON(unit.team) }
        return JSON.object(object).data
    }

    /// The overview as it stood in `year`: the units it lists, the key figures up to that year.
    func overview(year: Int?) -> Data {
        let units = year.map { year in context.site.units.filter { ProgressRules.isListed($0, in: year) } } ?? context.site.units
        let object: [String: JSON] = [
            "year": JSON(year),
            "as_of": .string(context.options.asOf.description),
            "min_group_size": .int(context.site.config.minGroupSize),
            "steps": .array(context.site.steps.map { ["id": .string($0.id), "number": .int($0.number), "title": .string($0.title)] }),
            "units_at_step": .array(
                year.map { year in
                    ProgressRules.unitsAtEachStep(units, year: year, steps: context.site.steps).map {
                        ["step": JSON($0.step?.id), "units": .int($0.count)]
                    }
                } ?? []),
            "units": .array(
                units.map { unit in
                    var item: [String: JSON] = [
                        "id": .string(unit.id), "name": .string(unit.name), "department": .string(unit.department),
                        "data": .string("units/\(unit.id).json"),
                    ]
                    if let year, let data = unit.years[year] {
                        item["steps"] = .object(data.steps.mapValues { .string($0.status.rawValue) })
                        if let stamp = data.stamp { item["stamp"] = .string(stamp.description) }
                        if let score = data.selfAssessment { item["self_assessment"] = .int(score) }
                        if let change = ProgressRules.selfAssessmentChange(unit, year: year) { item["self_assessment_change"] = .int(change) }
                    }
                    return .object(item)
                }),
            "key_figures": .array(
                context.site.keyFigures.map { figure in
                    let series = FigureSeries.municipality(figure, upTo: year, minGroupSize: context.site.config.minGroupSize)
                    return [
                        "id": .string(figure.id), "name": .string(figure.name), "perspective": .string(figure.perspective),
                        "years": .array(series.years.map { figureYear(series, year: $0.year) }),
                    ]
                }),
        ]
        return JSON.object(object).data
    }

    /// One year of a key figure: per group the value (or `suppressed`), the target and the group size.
    private func figureYear(_ series: FigureSeries, year: Int) -> JSON {
        let figure = series.figure
        var groups: [String: JSON] = [:]
        if let entry = series.year(year) {
            for group in figure.groups {
                var item: [String: JSON] = [:]
                switch entry.shown[group] ?? .missing {
                case .value(let value): item["value"] = .double(value)
                case .suppressed: item["suppressed"] = true
                case .missing: item["value"] = .null
                }
                if let target = entry.target?[group] { item["target"] = .double(target) }
                if case .value(let n) = entry.sizes[group] ?? .missing { item["n"] = .double(n) }
                if let reached = KeyFigureRules.targetReached(value: entry.shown[group]?.number, target: entry.target?[group], figure: figure) {
                    item["target_reached"] = .bool(reached)
                }
                groups[group.rawValue] = .object(item)
            }
        }
        var result: [String: JSON] = ["id": .string(figure.id), "year": .int(year), "groups": .object(groups)]
        if let gap = series.gap(in: year) {
            var item: [String: JSON] = [
                "between": [.string(gap.first.rawValue), .string(gap.second.rawValue)],
                "difference": .double(gap.difference),
            ]
            if let narrowed = gap.narrowed { item["narrowed"] = .bool(narrowed) }
            result["gap"] = .object(item)
        }
        return .object(result)
    }
}
