/// A unit (enhet): a preschool, a youth centre, an HR office… and its years of work.
public struct Unit: Sendable {
    /// The file name without `.yaml`.
    public var id: String
    public var name: String
    public var department: String
    /// People's names: on the intranet only, never in a public build.
    public var manager: String?
    public var team: [String]
    public var years: [Int: UnitYear]
    public var sourcePath: String
    /// `kolada:`: the unit's id in Kolada (an organisational unit, `V15E208300101`).
    public var kolada: String?

    public init(
        id: String, name: String, department: String, manager: String? = nil, team: [String] = [],
        years: [Int: UnitYear] = [:], sourcePath: String = "", kolada: String? = nil
    ) {
        self.id = id
        self.name = name
        self.department = department
        self.manager = manager
        self.team = team
        self.years = years
        self.sourcePath = sourcePath
        self.kolada = kolada
    }

    /// The years with data, latest first.
    public var yearsLatestFirst: [Int] { years.keys.sorted(by: >) }
}

/// One year of a unit's work through the process.
public struct UnitYear: Sendable {
    public var year: Int
    /// By step id.
    public var steps: [String: StepProgress]
    public var selfAssessment: Int?
    /// The date the Välgrundat stamp was granted.
    public var stamp: Day?
    /// The key figures the unit prioritised this year, in the order of its file.
    public var keyFigures: [UnitKeyFigure]
    public var activityPlans: [ActivityPlan]
    public var programLogic: ProgramLogic?
    public var learningFollowUp: LearningFollowUp?
    /// Markdown (delårsavstämning); intranet only.
    public var interimReport: String?
    /// Intranet only.
    public var followUp: FollowUpAnswers?

    public init(
        year: Int, steps: [String: StepProgress] = [:], selfAssessment: Int? = nil, stamp: Day? = nil,
        keyFigures: [UnitKeyFigure] = [], activityPlans: [ActivityPlan] = [], programLogic: ProgramLogic? = nil,
        learningFollowUp: LearningFollowUp? = nil, interimReport: String? = nil, followUp: FollowUpAnswers? = nil
    ) {
        self.year = year
        self.steps = steps
        self.selfAssessment = selfAssessment
        self.stamp = stamp
        self.keyFigures = keyFigures
        self.activityPlans = activityPlans
        self.programLogic = programLogic
        self.learningFollowUp = learningFollowUp
        self.interimReport = interimReport
        self.followUp = followUp
    }
}

public enum StepStatus: String, Sendable, CaseIterable {
    case planned
    case inProgress = "in_progress"
    case done
}

public struct StepProgress: Sendable, Equatable {
    public var status: StepStatus
    public var date: Day?

    public init(status: StepStatus, date: Day? = nil) {
        self.status = status
        self.date = date
    }
}

/// A key figure a unit prioritised: its own outcome, group sizes and targets.
public struct UnitKeyFigure: Sendable, Equatable {
    public var id: String
    public var value: GroupValues?
    /// How many people each value is about; values about fewer than `min_group_size` are suppressed.
    public var n: GroupValues?
    public var target: GroupValues?

    public init(id: String, value: GroupValues? = nil, n: GroupValues? = nil, target: GroupValues? = nil) {
        self.id = id
        self.value = value
        self.n = n
        self.target = target
    }
}

public enum PlanStatus: String, Sendable, CaseIterable {
    case planned
    case inProgress = "in_progress"
    case done
    case dropped
}

/// An activity plan (aktivitetsplan) entry.
public struct ActivityPlan: Sendable, Equatable {
    public var title: String
    public var keyFigure: String?
    /// A person's name: intranet only.
    public var responsible: String?
    public var status: PlanStatus
    public var due: Day?

    public init(title: String, keyFigure: String? = nil, responsible: String? = nil, status: PlanStatus = .planned, due: Day? = nil) {
        self.title = title
        self.keyFigure = keyFigure
        self.responsible = responsible
        self.status = status
        self.due = due
    }
}

/// The answers of the yearly follow-up (uppföljning), Markdown each.
public struct FollowUpAnswers: Sendable, Equatable {
    public var done: String?
    public var wentWell: String?
    public var wentLessWell: String?
    public var lessons: String?
    public var celebrate: String?
    public var tips: String?

    public init(
        done: String? = nil, wentWell: String? = nil, wentLessWell: String? = nil, lessons: String? = nil,
        celebrate: String? = nil, tips: String? = nil
    ) {
        self.done = done
        self.wentWell = wentWell
        self.wentLessWell = wentLessWell
        self.lessons = lessons
        self.celebrate = celebrate
        self.tips = tips
    }

    /// The answers in the order of the follow-up's questions, as (key, text).
    public var answers: [(key: String, text: String)] {
        [
            ("done", done), ("went_well", wentWell), ("went_less_well", wentLessWell), ("lessons", lessons),
            ("celebrate", celebrate), ("tips", tips),
        ].compactMap { key, text in text.map { (key, $0) } }
    }
}

/// The learning follow-up conversation: everyone's ratings per question and the group's joint one.
public struct LearningFollowUp: Sendable, Equatable {
    public var date: Day?
    /// By question id: one anonymous rating per participant.
    public var ratings: [String: [Int]]
    /// By question id: the group's joint assessment.
    public var agreed: [String: Int]

    public init(date: Day? = nil, ratings: [String: [Int]] = [:], agreed: [String: Int] = [:]) {
        self.date = date
        self.ratings = ratings
        self.agreed = agreed
    }
}
