import Markup
import Model
import Plan

/// Small shared pieces of the progress pages: statuses, dates, links to units, steps, key figures.
struct StatusViews {
    let context: RenderContext
    var strings: Strings { context.strings }

    func date(_ day: Day?) -> Any {
        guard let day else { return Nothing() }
        return ["text": strings.date((day.year, day.month, day.day)), "iso": day.description]
    }

    func stepStatus(_ progress: StepProgress?, late: Bool) -> [String: Any] {
        let kind = progress?.status.rawValue ?? "none"
        return [
            "kind": kind,
            "symbol": strings["symbols.step_\(kind)"],
            "text": strings["status.step_\(kind)"],
            "late": late,
        ]
    }

    func planStatus(_ status: PlanStatus) -> [String: Any] {
        ["kind": status.rawValue, "symbol": strings["symbols.plan_\(status.rawValue)"], "text": strings["status.plan_\(status.rawValue)"]]
    }

    func link(from url: String, to target: String?) -> Any {
        guard let target else { return Nothing() }
        return Href.escape(URLPath.relative(from: url, to: target))
    }

    func stepLink(_ step: Step, from url: String) -> Any {
        link(from: url, to: context.url(ofContent: step.pagePath))
    }

    func unitLink(_ unit: Unit, year: Int? = nil, from url: String) -> Any {
        link(from: url, to: context.plan.unitURL(unit.id, year: year))
    }

    func departmentLink(_ department: String, from url: String) -> Any {
        link(from: url, to: context.plan.departmentURLs[department])
    }

    func keyFigureLink(_ id: String, from url: String) -> Any {
        link(from: url, to: context.plan.keyFigureURLs[id])
    }

    /// The year the overview shows: the build date's year when units have data for it, else the latest with data.
    func overviewYear() -> Int? {
        ProgressRules.latestYear(of: context.site.units, asOf: context.options.asOf)
    }

    /// Self-assessment with its change from the year before: "45 (+8)".
    func selfAssessment(_ unit: Unit, year: Int) -> Any {
        guard let score = unit.years[year]?.selfAssessment else { return Nothing() }
        let change = ProgressRules.selfAssessmentChange(unit, year: year)
        return [
            "score": score,
            "change": maybe(change.map { $0 > 0 ? "+\($0)" : $0 < 0 ? "−\(-$0)" : "±0" }),
            "changeText": maybe(change.map { strings.format("self_assessment.change", ["change": $0 > 0 ? "+\($0)" : String($0)]) }),
        ]
    }

    func breadcrumbsToUnits(from url: String, department: String? = nil) -> [String: Any] {
        var crumbs: [[String: Any]] = [["title": strings["start"], "href": Href.escape(URLPath.relative(from: url, to: "index.html"))]]
        if let overview = context.plan.generatedURLs["units"], overview != url {
            crumbs.append(["title": strings["titles.units"], "href": Href.escape(URLPath.relative(from: url, to: overview))])
        }
        if let department, let target = context.plan.departmentURLs[department], target != url {
            crumbs.append(["title": department, "href": Href.escape(URLPath.relative(from: url, to: target))])
        }
        return ["breadcrumbs": crumbs, "hasBreadcrumbs": true]
    }
}
