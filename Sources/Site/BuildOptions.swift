import Foundation
import Model

public struct BuildOptions: Sendable {
    /// The folder that holds content/ (and optionally themes/).
    public var source: URL
    /// Where the site goes; SOURCE/output when nil.
    public var output: URL?
    public var audience: Audience
    public var includeDrafts: Bool
    /// "Today" for everything that depends on the date (overdue plans, warnings); fixed for reproducible builds.
    public var asOf: Day

    public init(source: URL, output: URL? = nil, audience: Audience = .intranet, includeDrafts: Bool = false, asOf: Day? = nil) {
        self.source = source
        self.output = output
        self.audience = audience
        self.includeDrafts = includeDrafts
        self.asOf = asOf ?? Self.defaultDate()
    }

    /// SOURCE_DATE_EPOCH (the reproducible-builds convention) when set, otherwise today in UTC.
    public static func defaultDate(environment: [String: String] = ProcessInfo.processInfo.environment) -> Day {
        let seconds = environment["SOURCE_DATE_EPOCH"].flatMap(Int.init) ?? Int(Date().timeIntervalSince1970)
        return Day(ordinal: Int((Double(seconds) / 86_400).rounded(.down)))
    }

    public var outputFolder: URL { output ?? source.appendingPathComponent("output") }
}
