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
