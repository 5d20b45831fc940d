import Markup
import Model
import Mustache
import Plan

/// A step's or a plan's status: its class, symbol and words; a step can also be late.
struct StatusView: MustacheParent {
    var kind: String
    var symbol: String
    var text: String
    /// Nil for plans, which are overdue instead (`PlanRow.overdue`).
    var late: Bool?

    func child(named name: String) -> Any? {
        switch name {
        case "kind": kind
        case "symbol": symbol
        case "text": text
        case "late": late
        default: nil
        }
    }
}

/// A self-assessment score with its change from the year before: "45 (+8)".
struct ScoreView: MustacheParent {
    var score: Int
    var change: String?
    var changeText: String?

    func child(named name: String) -> Any? {
        switch name {
        case "score": score
        case "change": maybe(change)
        case "changeText": maybe(changeText)
        default: nil
        }
    }
}

/// Small shared pieces of the progress pages: statuses, dates, links to units, steps, key figures.
struct StatusViews {
    let context: RenderContext
    var strings: Strings { context.strings }

    func date(_ day: Day?) -> DateView? {
        day.map { DateView($0, strings: strings) }
    }

    func stepStatus(_ progress: StepProgress?, late: Bool) -> StatusView {
        let kind = progress?.status.rawValue ?? "none"
        return StatusView(kind: kind, symbol: strings["symbols.step_\(kind)"], text: strings["status.step_\(kind)"], late: late)
    }

    func planStatus(_ status: PlanStatus) -> StatusView {
        StatusView(kind: status.rawValue, symbol: strings["symbols.plan_\(status.rawValue)"], text: strings["status.plan_\(status.rawValue)"])
    }

    func link(from url: String, to target: String?) -> String? {
        guard let target else { return nil }
        return Href.escape(URLPath.relative(from: url, to: target))
    }

    func stepLink(_ step: Step, from url: String) -> String? {
        link(from: url, to: context.url(ofContent: step.pagePath))
    }

    func unitLink(_ unit: Unit, year: Int? = nil, from url: String) -> String? {
        link(from: url, to: context.plan.unitURL(unit.id, year: year))
    }

    func departmentLink(_ department: String, from url: String) -> String? {
        link(from: url, to: context.plan.departmentURLs[department])
    }

    func keyFigureLink(_ id: String, from url: String) -> String? {
        link(from: url, to: context.plan.keyFigureURLs[id])
    }

    /// The year the overview shows: the build date's year when units have data for it, else the latest with data.
    func overviewYear() -> Int? {
        ProgressRules.latestYear(of: context.site.units, asOf: context.options.asOf)
    }

    /// Self-assessment with its change from the year before: "45 (+8)".
    func selfAssessment(_ unit: Unit, year: Int) -> ScoreView? {
        guard let score = unit.years[year]?.selfAssessment else { return nil }
        let change = ProgressRules.selfAssessmentChange(unit, year: year)
        return ScoreView(
            score: score,
            change: change.map { $0 > 0 ? "+\($0)" : $0 < 0 ? "−\(-$0)" : "±0" },
            changeText: change.map { strings.format("self_assessment.change", ["change": $0 > 0 ? "+\($0)" : String($0)]) })
    }

    func breadcrumbsToUnits(from url: String, department: String? = nil) -> [TitledLink] {
        var crumbs = [TitledLink(title: strings["start"], href: Href.escape(URLPath.relative(from: url, to: "index.html")))]
        if let overview = context.plan.generatedURLs["units"], overview != url {
            crumbs.append(TitledLink(title: strings["titles.units"], href: Href.escape(URLPath.relative(from: url, to: overview))))
        }
        if let department, let target = context.plan.departmentURLs[department], target != url {
            crumbs.append(TitledLink(title: department, href: Href.escape(URLPath.relative(from: url, to: target))))
        }
        return crumbs
    }
}
