import Foundation

/// Who the site is for: the intranet sees everything; the public build leaves out names and internal texts.
public enum Audience: String, Sendable, CaseIterable {
    case intranet, `public`
}

public struct BuildOptions: Sendable {
    /// The folder that holds content/ (and optionally themes/).
    public var source: URL
    /// Where the site goes; SOURCE/output when nil.
    public var output: URL?
    public var audience: Audience
    public var includeDrafts: Bool

    public init(source: URL, output: URL? = nil, audience: Audience = .intranet, includeDrafts: Bool = false) {
        self.source = source
        self.output = output
        self.audience = audience
        self.includeDrafts = includeDrafts
    }

    public var outputFolder: URL { output ?? source.appendingPathComponent("output") }
}
