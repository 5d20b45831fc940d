/// Who the site is for: the intranet sees everything; the public build leaves out what may not leave it.
public enum Audience: String, Sendable, CaseIterable {
    case intranet, `public`
}

extension Site {
    /// The site as an audience may see it: for the public, no person's name (manager, team,
    /// responsible) and no interim report or follow-up answers.
    public func redacted(for audience: Audience) -> Site {
        guard audience == .public else { return self }
        var site = self
        site.units = units.map { unit in
            var unit = unit
            unit.manager = nil
            unit.team = []
            for (year, data) in unit.years {
                var data = data
                data.interimReport = nil
                data.followUp = nil
                data.activityPlans = data.activityPlans.map { plan in
                    var plan = plan
                    plan.responsible = nil
                    return plan
                }
                unit.years[year] = data
            }
            return unit
        }
        return site
    }
}
