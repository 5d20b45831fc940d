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

/// One year of a page's year switcher.
struct YearLink: MustacheParent {
    var year: Int
    var current: Bool
    var href: String?

    func child(named name: String) -> Any? {
        switch name {
        case "year": year
        case "current": current
        case "href": maybe(href)
        default: nil
        }
    }
}

/// A page's year switcher (`partials/year-nav`): `years`, shown (`hasYears`) when there is more than one.
struct YearNav {
    var links: [YearLink]

    func child(named name: String) -> Any? {
        switch name {
        case "years": links
        case "hasYears": links.count > 1
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

    /// Links to the progress pages lead to the year the reader is in (the page's year) where the
    /// target has a page for it, else to its main page.
    func unitLink(_ unit: Unit, year: Int? = nil, from url: String) -> String? {
        link(from: url, to: context.plan.url(of: .unit(unit.id), year: year))
    }

    func departmentLink(_ department: String, year: Int? = nil, from url: String) -> String? {
        link(from: url, to: context.plan.url(of: .department(department), year: year))
    }

    func keyFigureLink(_ id: String, year: Int? = nil, from url: String) -> String? {
        link(from: url, to: context.plan.url(of: .keyFigure(id), year: year))
    }

    /// The year switcher of a page (`partials/year-nav`): every year it can be seen for, newest first.
    func yearNav(_ page: YearlyPage, year: Int?, from url: String) -> YearNav {
        YearNav(
            links: (context.plan.yearly[page]?.years ?? []).map { other in
                YearLink(year: other, current: other == year, href: link(from: url, to: context.plan.url(of: page, year: other)))
            })
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

    /// Start, the overview and the department, of the page's year.
    func breadcrumbsToUnits(from url: String, department: String? = nil, year: Int?) -> [TitledLink] {
        var crumbs = [TitledLink(title: strings["start"], href: Href.escape(URLPath.relative(from: url, to: "index.html")))]
        if let overview = context.plan.url(of: .overview, year: year), overview != url {
            crumbs.append(TitledLink(title: strings["titles.units"], href: Href.escape(URLPath.relative(from: url, to: overview))))
        }
        if let department, let target = context.plan.url(of: .department(department), year: year), target != url {
            crumbs.append(TitledLink(title: context.hyphenated(department), href: Href.escape(URLPath.relative(from: url, to: target))))
        }
        return crumbs
    }
}
