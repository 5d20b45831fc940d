import Testing
@testable import Model

@Suite struct ProgressTests {
    let steps = [
        Step(id: "a", title: "A", number: 1, pagePath: "a.md"),
        Step(id: "b", title: "B", number: 2, pagePath: "b.md"),
        Step(id: "c", title: "C", number: 3, pagePath: "c.md"),
    ]
    let today = Day(year: 2026, month: 6, day: 1)!

    @Test func noData() {
        let progress = ProgressRules.progress(of: nil, steps: steps)
        #expect(progress.current == nil)
        #expect(progress.doneCount == 0)
        #expect(progress.stepCount == 3)
        #expect(ProgressRules.lateSteps(of: nil, steps: steps, today: today).isEmpty)
    }

    @Test func currentIsTheFurthestStepStarted() {
        let year = UnitYear(
            year: 2026,
            steps: [
                "a": StepProgress(status: .done), "b": StepProgress(status: .planned, date: Day(year: 2026, month: 3, day: 1)),
                "c": StepProgress(status: .inProgress),
            ])
        let progress = ProgressRules.progress(of: year, steps: steps)
        #expect(progress.current?.id == "c")
        #expect(progress.doneCount == 1)
        #expect(ProgressRules.lateSteps(of: year, steps: steps, today: today).map(\.id) == ["b"])
    }

    @Test func overduePlans() {
        let due = Day(year: 2026, month: 5, day: 31)!
        #expect(ProgressRules.isOverdue(ActivityPlan(title: "x", status: .inProgress, due: due), today: today))
        #expect(ProgressRules.isOverdue(ActivityPlan(title: "x", status: .planned, due: due), today: today))
        #expect(!ProgressRules.isOverdue(ActivityPlan(title: "x", status: .done, due: due), today: today))
        #expect(!ProgressRules.isOverdue(ActivityPlan(title: "x", status: .dropped, due: due), today: today))
        #expect(!ProgressRules.isOverdue(ActivityPlan(title: "x", status: .planned, due: today), today: today))
        #expect(!ProgressRules.isOverdue(ActivityPlan(title: "x", status: .planned, due: nil), today: today))
    }

    @Test func unitsAtEachStepAndSelfAssessmentChange() {
        let units = [
            Unit(
                id: "u1", name: "U1", department: "D",
                years: [
                    2026: UnitYear(year: 2026, steps: ["a": StepProgress(status: .done)], selfAssessment: 30),
                    2025: UnitYear(year: 2025, selfAssessment: 22),
                ]),
            Unit(id: "u2", name: "U2", department: "D", years: [2026: UnitYear(year: 2026)]),
            Unit(id: "u3", name: "U3", department: "D", years: [2025: UnitYear(year: 2025)]),
        ]
        let counts = ProgressRules.unitsAtEachStep(units, year: 2026, steps: steps)
        #expect(counts.map(\.count) == [1, 1, 0, 0])
        #expect(counts.first?.step == nil)
        #expect(ProgressRules.selfAssessmentChange(units[0], year: 2026) == 8)
        // One year only: no change to show.
        #expect(ProgressRules.selfAssessmentChange(units[0], year: 2025) == nil)
        #expect(ProgressRules.selfAssessmentChange(units[1], year: 2026) == nil)
    }
}

@Suite struct ProgramLogicGapTests {
    @Test func aLogicWithoutGaps() {
        let logic = ProgramLogic(
            resources: [LogicItem(id: "r1", text: "Tid")],
            activities: [LogicItem(id: "a1", text: "Gör", uses: ["r1"], leadsTo: ["res1"], done: true)],
            results: [LogicItem(id: "res1", text: "Blir", leadsTo: ["e1"])],
            effects: [LogicItem(id: "e1", text: "Effekt")])
        #expect(ProgramLogicGaps(logic).isEmpty)
    }

    @Test func everyKindOfGap() {
        let logic = ProgramLogic(
            resources: [LogicItem(id: "r1", text: "Tid"), LogicItem(id: "r2", text: "Pengar")],
            activities: [
                LogicItem(id: "a1", text: "Gör", uses: ["r1"], leadsTo: ["res1"], done: true),
                LogicItem(id: "a2", text: "Annat", uses: ["r1"], done: false),
                LogicItem(id: "a3", text: "Ospecificerat", leadsTo: ["res1"]),
            ],
            results: [LogicItem(id: "res1", text: "Blir", leadsTo: ["e1"]), LogicItem(id: "res2", text: "Ensamt")],
            effects: [LogicItem(id: "e1", text: "Effekt"), LogicItem(id: "e2", text: "Ouppnådd")])
        let gaps = ProgramLogicGaps(logic)
        #expect(gaps.activitiesWithoutResult == ["a2"])
        #expect(gaps.resultsWithoutActivity == ["res2"])
        #expect(gaps.effectsWithoutResult == ["e2"])
        #expect(gaps.unusedResources == ["r2"])
        // An activity whose `done` is not given counts as not done.
        #expect(gaps.activitiesNotDone == ["a2", "a3"])
        #expect(gaps.all == ["a2", "a3", "res2", "e2", "r2"])
    }

    @Test func allGapsWhenNothingIsLinked() {
        let logic = ProgramLogic(
            resources: [LogicItem(id: "r", text: "")], activities: [LogicItem(id: "a", text: "")],
            results: [LogicItem(id: "res", text: "")], effects: [LogicItem(id: "e", text: "")])
        let gaps = ProgramLogicGaps(logic)
        #expect(gaps.all == ["r", "a", "res", "e"])
        #expect(ProgramLogicGaps(ProgramLogic()).isEmpty)
    }
}

@Suite struct AudienceTests {
    @Test func publicSiteHasNoNamesOrInternalTexts() {
        let unit = Unit(
            id: "u", name: "U", department: "D", manager: "Anna", team: ["Anna", "Bo"],
            years: [
                2026: UnitYear(
                    year: 2026, activityPlans: [ActivityPlan(title: "P", responsible: "Bo")], interimReport: "Internt",
                    followUp: FollowUpAnswers(done: "x"))
            ])
        let site = Site(config: SiteConfig(title: "T", organisation: "O"), pages: [], units: [unit])
        let redacted = site.redacted(for: .public).units[0]
        #expect(redacted.manager == nil && redacted.team.isEmpty)
        #expect(redacted.years[2026]?.activityPlans.first?.responsible == nil)
        #expect(redacted.years[2026]?.interimReport == nil && redacted.years[2026]?.followUp == nil)
        #expect(site.redacted(for: .intranet).units[0].manager == "Anna")
    }
}
