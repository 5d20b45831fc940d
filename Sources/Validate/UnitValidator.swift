import Diagnostics
import Load
import Model
import Yams

/// The rule for a unit's id, which is its file's name and part of its addresses: `valgrund new unit`
/// refuses what the validator would.
public enum UnitID {
    /// Why `id` cannot name a unit, or nil when it can.
    public static func problem(_ id: String) -> Message? {
        if let problem = idProblem(id) { return problem }
        if PortableName.isWindowsReserved(id) {
            return Message("Windows reserves the name '\(id)' for a device, so the site could not be copied to a Windows file share")
        }
        return nil
    }

    /// An id like `id` that passes, for messages.
    public static func suggestion(for id: String) -> String {
        let suggested = String(suggestedID(id).prefix(80))
        return problem(suggested) == nil ? suggested : "enhet-" + suggested.prefix(70)
    }
}

/// units/<id>.yaml → Unit, checked against the steps, questions, key figures and scales of the site.
struct UnitValidator {
    let site: Site
    let context: ValidationContext
    let log: DiagnosticLog
    var brokenKeyFigures = BrokenIDs([])
    var brokenSteps = BrokenIDs([])
    var brokenQuestions = BrokenIDs([])

    func validate(_ document: YAMLDocument) -> Unit? {
        let id = ContentLoader.unitID(ofFile: document.path)
        if let problem = UnitID.problem(id) {
            log.error(
                "the file name is the unit's id and cannot be '\(id)': \(problem); rename the file, e.g. \(UnitID.suggestion(for: id)).yaml",
                at: SourceLocation(path: document.path))
            return nil
        }
        guard let map = MappingReader(document.root, in: document, log: log, shape: ContentShapes.unit) else { return nil }
        let name = map.string("name")
        let department = map.string("department")
        var unit = Unit(
            id: id, name: name?.value ?? id, department: department?.value ?? "",
            manager: map.string("manager")?.value, team: map.stringList("team")?.map(\.value) ?? [],
            sourcePath: document.path)
        if let kolada = map.string("kolada") {
            if KoladaID.isUnit(kolada.value) {
                unit.kolada = kolada.value
            } else {
                log.error(
                    "'kolada' must be the unit's Kolada id (an organisational unit: V and capital letters or digits, e.g. V15E208300101), not '\(kolada.value)'",
                    at: kolada.location)
            }
        }
        if let years = map.node("years") {
            for (year, node) in YearMap.entries(years, in: document, log: log) {
                let data = readYear(year, node, document: document)
                // A year as `new unit` wrote it would count as a unit taking part that has not started.
                if ProgressRules.holdsData(data) { unit.years[year] = data }
            }
        }
        if let department, department.value == UnitPlaceholder.department {
            log.warning(
                "'\(department.value)' is what `valgrund new unit` writes: name the unit's department (förvaltning); until then the unit is left out of the site's counts, charts and report",
                at: department.location)
            return nil
        }
        return name == nil || department == nil ? nil : unit
    }

    private func readYear(_ year: Int, _ node: Node, document: YAMLDocument) -> UnitYear {
        var result = UnitYear(year: year)
        if case .scalar(let scalar) = node, isNull(scalar) {
            log.warning("the year \(year) has no data yet", at: document.location(of: node))
            return result
        }
        guard let map = MappingReader(node, in: document, log: log, shape: ContentShapes.unitYear, what: "the year \(year)") else { return result }
        if map.pairs.isEmpty { log.warning("the year \(year) has no data yet", at: document.location(of: node)) }
        if let steps = map.node("steps") { result.steps = readSteps(steps, year: year, document: document) }
        result.selfAssessment = map.int("self_assessment", in: SiteRange.selfAssessment.range(in: site.config))?.value
        result.stamp = map.day("stamp")?.value
        if let figures = map.node("key_figures") {
            var skipped = false
            result.keyFigures = readKeyFigures(figures, document: document, skipped: &skipped)
            if !skipped {
                warnAboutUncoveredPerspectives(result.keyFigures, year: year, at: map.location(ofKey: "key_figures") ?? map.start)
            }
        }
        if let plans = map.node("activity_plans") { result.activityPlans = readPlans(plans, document: document) }
        if let logic = map.node("program_logic") { result.programLogic = ProgramLogicReader(document: document, log: log).read(logic) }
        if let followUp = map.node("learning_follow_up") { result.learningFollowUp = readLearningFollowUp(followUp, document: document) }
        // Empty text and empty blocks are absent: they are what `new unit` writes, not data.
        result.interimReport = map.string("interim_report").flatMap(Self.filled)
        if let answers = map.mapping("follow_up") {
            let followUp = FollowUpAnswers(
                done: answers.string("done").flatMap(Self.filled), wentWell: answers.string("went_well").flatMap(Self.filled),
                wentLessWell: answers.string("went_less_well").flatMap(Self.filled), lessons: answers.string("lessons").flatMap(Self.filled),
                celebrate: answers.string("celebrate").flatMap(Self.filled), tips: answers.string("tips").flatMap(Self.filled))
            result.followUp = followUp == FollowUpAnswers() ? nil : followUp
        }
        if result.programLogic == ProgramLogic() { result.programLogic = nil }
        if let followUp = result.learningFollowUp, followUp.date == nil, followUp.ratings.isEmpty, followUp.agreed.isEmpty {
            result.learningFollowUp = nil
        }
        if !map.pairs.isEmpty, !ProgressRules.holdsData(result) {
            log.warning(
                "\(year) holds only what `valgrund new unit` writes: fill in the steps' status (in_progress, done) or dates, the self-assessment, key-figure values or the learning follow-up; until then the unit is left out of the counts, charts and report for \(year)",
                at: map.start)
        }
        return result
    }

    private static func filled(_ text: Located<String>) -> String? {
        text.value.allSatisfy(\.isWhitespace) ? nil : text.value
    }

    private func readSteps(_ node: Node, year: Int, document: YAMLDocument) -> [String: StepProgress] {
        guard case .mapping(let mapping) = node else {
            log.error("'steps' must map step ids to their status, like `uppstart: {status: done, date: \(year)-02-10}`", at: document.location(of: node))
            return [:]
        }
        let stepIDs = site.steps.map(\.id)
        var result: [String: StepProgress] = [:]
        for (key, value) in mapping {
            let id = key.string ?? ""
            guard stepIDs.contains(id) else {
                if brokenSteps.contains(id) { continue }
                let known = stepIDs.isEmpty ? Message("the handbook has no step pages") : Message("the steps are \(stepIDs.joined(separator: ", "))")
                log.error("no step '\(id)'\(Suggestion.hint(for: id, in: stepIDs)); \(known)", at: document.location(of: key))
                continue
            }
            guard let map = MappingReader(value, in: document, log: log, shape: ContentShapes.step, what: "the step '\(id)'") else { continue }
            let status = enumValue(map, "status", StepStatus.self)
            let date = map.day("date")
            if let status {
                result[id] = StepProgress(status: status, date: date?.value)
                if status == .planned, let date, date.value.year < context.today.year {
                    log.warning("the step '\(id)' is planned for \(date.value), in a year that has passed", at: date.location)
                }
            }
        }
        return result
    }

    /// `skippedPerspectiveCheck` is set when a reference could not be resolved, so coverage cannot be judged.
    private func readKeyFigures(_ node: Node, document: YAMLDocument, skipped skippedPerspectiveCheck: inout Bool) -> [UnitKeyFigure] {
        guard case .mapping(let mapping) = node else {
            log.error("'key_figures' must map key-figure ids to values, like `heltid: {value: {women: 71, men: 90}}`", at: document.location(of: node))
            return []
        }
        let ids = site.keyFigures.map(\.id)
        var result: [UnitKeyFigure] = []
        for (key, value) in mapping {
            let id = key.string ?? ""
            guard let figure = site.keyFigure(id) else {
                if brokenKeyFigures.contains(id) { skippedPerspectiveCheck = true; continue }
                log.error("no key figure '\(id)' in key-figures.yaml\(Suggestion.hint(for: id, in: ids))", at: document.location(of: key))
                skippedPerspectiveCheck = true
                continue
            }
            var entry = UnitKeyFigure(id: id)
            if case .scalar(let scalar) = value, isNull(scalar) {
                result.append(entry)
                continue
            }
            guard let map = MappingReader(value, in: document, log: log, shape: ContentShapes.unitKeyFigure, what: "the key figure '\(id)'") else { continue }
            (entry.value, entry.target, entry.n) = GroupValuesReader(document: document, log: log).read(map, figure: figure)
            result.append(entry)
        }
        return result
    }

    /// The handbook asks for at least one prioritised key figure per perspective.
    private func warnAboutUncoveredPerspectives(_ figures: [UnitKeyFigure], year: Int, at location: SourceLocation) {
        let covered = Set(figures.compactMap { site.keyFigure($0.id)?.perspective })
        let missing = site.config.perspectives.filter { !covered.contains($0) }
        guard !missing.isEmpty, !figures.isEmpty else { return }
        let names = missing.map { "'\($0)'" }.joined(separator: ", ")
        let perspectives = missing.count == 1 ? Message("the perspective \(names)") : Message("the perspectives \(names)")
        log.warning(
            "\(year): no prioritised key figure for \(perspectives); the handbook asks for at least one per perspective",
            at: location)
    }

    /// More plans than anyone could follow up is a generated or pasted file, and each one is a row on the unit's page.
    static let maxPlansPerYear = 1_000

    private func readPlans(_ node: Node, document: YAMLDocument) -> [ActivityPlan] {
        guard case .sequence(let items) = node else {
            log.error("'activity_plans' must be a list, each plan starting with `- title: …`", at: document.location(of: node))
            return []
        }
        guard items.count <= Self.maxPlansPerYear else {
            log.error(
                "\(items.count) activity plans in one year; a unit has a handful, and Valgrund takes at most \(Self.maxPlansPerYear)",
                at: document.location(of: node))
            return []
        }
        let ids = site.keyFigures.map(\.id)
        return items.compactMap { item in
            guard
                let map = MappingReader(item, in: document, log: log, shape: ContentShapes.activityPlan)
            else { return nil }
            let title = map.string("title")
            var plan = ActivityPlan(
                title: title?.value ?? "", responsible: map.string("responsible")?.value,
                status: enumValue(map, "status", PlanStatus.self) ?? .planned, due: map.day("due")?.value)
            if let figure = map.string("key_figure") {
                if site.keyFigure(figure.value) != nil {
                    plan.keyFigure = figure.value
                } else if !brokenKeyFigures.contains(figure.value) {
                    log.error("no key figure '\(figure.value)' in key-figures.yaml\(Suggestion.hint(for: figure.value, in: ids))", at: figure.location)
                }
            }
            return title == nil ? nil : plan
        }
    }

    private func readLearningFollowUp(_ node: Node, document: YAMLDocument) -> LearningFollowUp? {
        guard let map = MappingReader(node, in: document, log: log, shape: ContentShapes.learningFollowUp, what: "'learning_follow_up'") else { return nil }
        var result = LearningFollowUp(date: map.day("date")?.value)
        let scale = SiteRange.ratingScale.range(in: site.config)
        let reader = ValueReader(document: document, log: log)
        for (key, value) in questionEntries(map.node("ratings"), key: "ratings", document: document) {
            guard case .sequence(let items) = value else {
                log.error("the ratings of '\(key)' must be a list with one number per participant, like [6, 7, 5]", at: document.location(of: value))
                continue
            }
            result.ratings[key] = items.compactMap { reader.int($0, key: key, in: scale)?.value }
        }
        for (key, value) in questionEntries(map.node("agreed"), key: "agreed", document: document) {
            if let rating = reader.int(value, key: key, in: scale) { result.agreed[key] = rating.value }
        }
        return result
    }

    /// `ratings:` and `agreed:` are keyed by question ids.
    private func questionEntries(_ node: Node?, key: String, document: YAMLDocument) -> [(String, Node)] {
        guard let node else { return [] }
        guard case .mapping(let mapping) = node else {
            log.error("'\(key)' must map question ids to ratings", at: document.location(of: node))
            return []
        }
        let ids = site.questions.map(\.id)
        return mapping.compactMap { key, value in
            let id = key.string ?? ""
            guard ids.contains(id) else {
                if brokenQuestions.contains(id) { return nil }
                let known = ids.isEmpty ? Message("the guide has no question pages") : Message("the questions are \(ids.joined(separator: ", "))")
                log.error("no question '\(id)'\(Suggestion.hint(for: id, in: ids)); \(known)", at: document.location(of: key))
                return nil
            }
            return (id, value)
        }
    }
}
