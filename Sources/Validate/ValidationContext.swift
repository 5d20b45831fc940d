import Model

/// What validation needs to know beyond the content: the build's choices and what the theme offers.
public struct ValidationContext: Sendable {
    public var includeDrafts: Bool
    /// "Today" for rules about dates (a planned step in a past year); fixed by --as-of for reproducible builds.
    public var today: Day
    /// The languages a theme has strings for, or nil when there is no theme of that name.
    public var languagesOfTheme: @Sendable (String) -> Set<String>?

    public init(
        includeDrafts: Bool = false, today: Day = Day(year: 2026, month: 1, day: 1)!,
        languagesOfTheme: @escaping @Sendable (String) -> Set<String>? = { _ in ["sv", "en"] }
    ) {
        self.includeDrafts = includeDrafts
        self.today = today
        self.languagesOfTheme = languagesOfTheme
    }
}
