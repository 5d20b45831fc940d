import Model

/// What validation needs to know beyond the content: the build's choices and what the theme offers.
public struct ValidationContext: Sendable {
    public var includeDrafts: Bool
    /// The languages a theme has strings for, or nil when there is no theme of that name.
    public var languagesOfTheme: @Sendable (String) -> Set<String>?

    public init(includeDrafts: Bool = false,
                languagesOfTheme: @escaping @Sendable (String) -> Set<String>? = { _ in ["sv", "en"] }) {
        self.includeDrafts = includeDrafts
        self.languagesOfTheme = languagesOfTheme
    }
}
