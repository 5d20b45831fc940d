/// A unit's program logic: resources → activities → results → effects (appendix 1 of the question guide).
public struct ProgramLogic: Sendable, Equatable {
    public var resources: [LogicItem]
    public var activities: [LogicItem]
    public var results: [LogicItem]
    public var effects: [LogicItem]

    public init(resources: [LogicItem] = [], activities: [LogicItem] = [], results: [LogicItem] = [], effects: [LogicItem] = []) {
        self.resources = resources
        self.activities = activities
        self.results = results
        self.effects = effects
    }

    public var isEmpty: Bool { resources.isEmpty && activities.isEmpty && results.isEmpty && effects.isEmpty }
}

public enum Achievement: String, Sendable, CaseIterable {
    case yes, partly, no
}

/// One box of the worksheet.
public struct LogicItem: Sendable, Equatable {
    public var id: String
    public var text: String
    /// Activities: the resources they use.
    public var uses: [String]
    /// Activities: the results they lead to; results: the effects they lead to.
    public var leadsTo: [String]
    /// Activities: whether it has been carried out.
    public var done: Bool?
    /// Results and effects: whether it has been reached.
    public var achieved: Achievement?

    public init(id: String, text: String, uses: [String] = [], leadsTo: [String] = [], done: Bool? = nil, achieved: Achievement? = nil) {
        self.id = id
        self.text = text
        self.uses = uses
        self.leadsTo = leadsTo
        self.done = done
        self.achieved = achieved
    }
}
