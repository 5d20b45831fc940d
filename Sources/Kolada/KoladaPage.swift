import Diagnostics
import Foundation
import Load

/// One page of a Kolada data response as fetching needs it: read by the build's own reader
/// (`KoladaResponse`, so a page fetch saves is one the build reads), with where the next page is.
public struct KoladaPage: Sendable, Equatable {
    /// The address of the next page (`next_page`), nil on the last.
    public var nextPage: String?
    /// How many values the page holds.
    public var count: Int

    /// Why a page's bytes are not a data response, in a person's words.
    public struct Problem: Error, Equatable, CustomStringConvertible {
        public var message: Message
        public var description: String { message.description }
        /// Whether asking again may help: yes for bytes that are no JSON (an answer cut off), no
        /// for JSON that is no data response.
        public var mayPass = false
    }

    /// Reads `data`, the body of an answer to a `kind` query.
    public init(_ data: Data, kind: KoladaRequests.Query.Kind) throws(Problem) {
        switch KoladaResponse.parse([UInt8](data), path: "") {
        case .failure(.notJSON):
            throw Problem(message: "the answer is not JSON (cut off or damaged; \(data.count) bytes arrived)", mayPass: true)
        case .failure(.notAResponse(let problems)):
            // The first mistake, where the build would report it (line and column of the answer).
            let first = problems[0]
            throw Problem(message: "the answer is not a data response: \(first.location.line):\(first.location.column): \(first.message)")
        case .success(let response):
            for entry in response.entries {
                let matches: Bool
                switch (entry.subject, kind) {
                case (.municipality, .municipality), (.unit, .unit): matches = true
                default: matches = false
                }
                guard matches else {
                    throw Problem(
                        message: kind == .municipality
                            ? "the answer is not a data response: an entry has 'ou' where an answer about municipalities has 'municipality'"
                            : "the answer is not a data response: an entry has 'municipality' where an answer about units has 'ou'")
                }
            }
            nextPage = response.nextPage
            count = response.entries.count
        }
    }
}
