/// The gaps the question guide asks a program logic to make visible (appendix 1).
public struct ProgramLogicGaps: Sendable, Equatable {
    /// Activities that lead to no result.
    public var activitiesWithoutResult: [String]
    /// Results that no activity leads to.
    public var resultsWithoutActivity: [String]
    /// Effects that no result leads to.
    public var effectsWithoutResult: [String]
    /// Resources that no activity uses.
    public var unusedResources: [String]
    /// Planned activities that have not been carried out.
    public var activitiesNotDone: [String]

    public init(_ logic: ProgramLogic) {
        let leadingToResults = Set(logic.activities.flatMap(\.leadsTo))
        let leadingToEffects = Set(logic.results.flatMap(\.leadsTo))
        let used = Set(logic.activities.flatMap(\.uses))
        activitiesWithoutResult = logic.activities.filter { $0.leadsTo.isEmpty }.map(\.id)
        resultsWithoutActivity = logic.results.filter { !leadingToResults.contains($0.id) }.map(\.id)
        effectsWithoutResult = logic.effects.filter { !leadingToEffects.contains($0.id) }.map(\.id)
        unusedResources = logic.resources.filter { !used.contains($0.id) }.map(\.id)
        activitiesNotDone = logic.activities.filter { $0.done != true }.map(\.id)
    }

    public var isEmpty: Bool {
        activitiesWithoutResult.isEmpty && resultsWithoutActivity.isEmpty && effectsWithoutResult.isEmpty
            && unusedResources.isEmpty && activitiesNotDone.isEmpty
    }

    /// Every id with a gap, for marking boxes.
    public var all: Set<String> {
        Set(activitiesWithoutResult + resultsWithoutActivity + effectsWithoutResult + unusedResources + activitiesNotDone)
    }
}
