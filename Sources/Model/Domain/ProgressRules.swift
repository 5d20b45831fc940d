/// Where a unit stands in the process, and which activity plans are late.
public enum ProgressRules {
    /// A unit-year's progress through the steps, in the order of the process.
    public struct Progress: Sendable, Equatable {
        public var statuses: [(step: Step, progress: StepProgress?)]
        /// The furthest step that is in progress or done; nil before the first.
        public var current: Step?
        public var doneCount: Int
        public var stepCount: Int

        public static func == (a: Progress, b: Progress) -> Bool {
            a.current == b.current && a.doneCount == b.doneCount && a.stepCount == b.stepCount
                && a.statuses.map(\.progress) == b.statuses.map(\.progress)
        }
    }

    public static func progress(of year: UnitYear?, steps: [Step]) -> Progress {
        let statuses = steps.map { ($0, year?.steps[$0.id]) }
        let current = statuses.last { $0.1?.status == .done || $0.1?.status == .inProgress }?.0
        let done = statuses.filter { $0.1?.status == .done }.count
        return Progress(statuses: statuses, current: current, doneCount: done, stepCount: steps.count)
    }

    /// Steps that are still planned although their date has passed.
    public static func lateSteps(of year: UnitYear?, steps: [Step], today: Day) -> [Step] {
        steps.filter { step in
            guard let progress = year?.steps[step.id], progress.status == .planned, let date = progress.date else { return false }
            return date < today
        }
    }

    /// A plan is overdue when its due date has passed and it is neither done nor dropped.
    public static func isOverdue(_ plan: ActivityPlan, today: Day) -> Bool {
        guard let due = plan.due else { return false }
        return due < today && plan.status != .done && plan.status != .dropped
    }

    /// How many units have reached each step (the furthest step in progress or done) in a year.
    public static func unitsAtEachStep(_ units: [Unit], year: Int, steps: [Step]) -> [(step: Step?, count: Int)] {
        var counts: [String: Int] = [:]
        var notStarted = 0
        for unit in units where unit.years[year] != nil {
            if let current = progress(of: unit.years[year], steps: steps).current {
                counts[current.id, default: 0] += 1
            } else {
                notStarted += 1
            }
        }
        return [(nil, notStarted)] + steps.map { ($0, counts[$0.id] ?? 0) }
    }

    /// The change in self-assessment score from the year before, when both are known.
    public static func selfAssessmentChange(_ unit: Unit, year: Int) -> Int? {
        guard let now = unit.years[year]?.selfAssessment, let before = unit.years[year - 1]?.selfAssessment else { return nil }
        return now - before
    }
}

extension ProgressRules {
    /// Whether a unit-year holds real data, not only what `valgrund new unit` writes: a step that is
    /// under way, done or planned for a date, a self-assessment, a stamp, a key figure's value, n or
    /// target, an activity plan, a program-logic box, a learning follow-up or a follow-up text. Only
    /// such a year enters counts, charts and the report; empty blocks (`learning_follow_up:` with
    /// nothing, `{}`) are read as absent before this is asked.
    public static func holdsData(_ year: UnitYear) -> Bool {
        year.steps.values.contains { $0.status != .planned || $0.date != nil }
            || year.selfAssessment != nil || year.stamp != nil
            || year.keyFigures.contains { !($0.value?.isEmpty ?? true) || !($0.n?.isEmpty ?? true) || !($0.target?.isEmpty ?? true) }
            || !year.activityPlans.isEmpty || year.programLogic != nil || year.learningFollowUp != nil
            || year.interimReport != nil || year.followUp != nil
    }
}

extension ProgressRules {
    /// The year the site's progress pages show: `asOf`'s year when units have data for it, else the
    /// latest year before it with data (or the earliest after, for a site with only future years).
    public static func latestYear(of units: [Unit], asOf: Day) -> Int? {
        let years = Set(units.flatMap { $0.years.keys })
        if years.contains(asOf.year) { return asOf.year }
        return years.filter { $0 <= asOf.year }.max() ?? years.max()
    }

    /// Whether a unit is on a year's pages that gather units (the overview, its department's page and
    /// their data): from its first year on, so that a year's pages show the units as they were then.
    /// A unit without any year yet is on every year's.
    public static func isListed(_ unit: Unit, in year: Int) -> Bool {
        unit.years.keys.min().map { $0 <= year } ?? true
    }

    /// The years a page gathering `units` can be seen for: those of `siteYears` in which any of them
    /// is listed (`isListed`).
    public static func years(of units: [Unit], among siteYears: Set<Int>) -> Set<Int> {
        guard let first = units.compactMap({ $0.years.keys.min() }).min() else { return [] }
        return siteYears.filter { $0 >= first }
    }

    /// The years a key figure can be seen for: those with a value, target or size in the catalogue,
    /// and those in which a unit prioritised it.
    public static func years(of figure: KeyFigure, units: [Unit]) -> Set<Int> {
        var years = Set(figure.years.keys)
        for unit in units {
            for (year, data) in unit.years where data.keyFigures.contains(where: { $0.id == figure.id }) { years.insert(year) }
        }
        return years
    }

    /// The names of the figures hand-written text can quote (`{% units %}`); `steps_done.` takes a step id.
    public static func generatedFigureNames(steps: [Step]) -> [String] {
        ["units", "stamps", "departments", "units_with_learning_follow_up", "targets", "targets_met"]
            + steps.map { "steps_done." + $0.id }
    }

    /// The figure `name` for `year`, counted as the generated sections count it; nil for an unknown name.
    /// - units: units taking part (with data for the year); departments: their departments;
    ///   stamps: those granted the stamp; units_with_learning_follow_up: those that held it;
    ///   steps_done.ID: those that have done the step; targets and targets_met: the municipality's
    ///   key-figure targets (one per key figure and group) with an outcome to judge, and those reached,
    ///   as in the "target reached" column of the report's tables.
    public static func generatedFigure(_ name: String, year: Int, site: Site) -> Int? {
        let taking = site.units.compactMap { $0.years[year] }
        switch name {
        case "units": return taking.count
        case "stamps": return taking.filter { $0.stamp != nil }.count
        case "departments": return Set(site.units.filter { $0.years[year] != nil }.map(\.department)).count
        case "units_with_learning_follow_up": return taking.filter { $0.learningFollowUp != nil }.count
        case "targets", "targets_met":
            var judged = 0, reached = 0
            for figure in site.keyFigures {
                guard let entry = figure.years[year] else { continue }
                let shown = Suppression.shown(values: entry.value, n: entry.n, figure: figure, minGroupSize: site.config.minGroupSize)
                for group in figure.groups {
                    guard let result = KeyFigureRules.targetReached(value: shown.values[group]?.number, target: entry.target?[group], figure: figure)
                    else { continue }
                    judged += 1
                    if result { reached += 1 }
                }
            }
            return name == "targets" ? judged : reached
        default:
            let prefix = "steps_done."
            guard name.hasPrefix(prefix) else { return nil }
            let step = String(name.dropFirst(prefix.count))
            guard site.steps.contains(where: { $0.id == step }) else { return nil }
            return taking.filter { $0.steps[step]?.status == .done }.count
        }
    }
}
