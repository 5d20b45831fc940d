import Foundation
import Diagnostics

/// One page of a Kolada data response, checked only as far as fetching needs: that it arrived
/// whole and is a data response (a `values` list of KPI, municipality or unit, period and
/// genders' values), and where the next page is. What the values mean is the build's business:
/// it reads the saved pages with positions for every error.
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
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw Problem(message: "the answer is not JSON (cut off or damaged; \(data.count) bytes arrived)", mayPass: true)
        }
        guard let object = json as? [String: Any] else { throw Problem(message: "the answer is not a data response: not a JSON object") }
        guard let values = object["values"] as? [Any] else { throw Problem(message: "the answer is not a data response: it has no 'values' list") }
        let idKey = kind == .municipality ? "municipality" : "ou"
        for (index, value) in values.enumerated() {
            guard let entry = value as? [String: Any], entry["kpi"] is String, entry[idKey] is String,
                entry["period"] is String || entry["period"] is NSNumber, let genders = entry["values"] as? [Any],
                genders.allSatisfy({ ($0 as? [String: Any])?["gender"] is String })
            else {
                throw Problem(
                    message: "the answer is not a data response: value \(index + 1) is not {kpi, \(idKey), period, values: [{gender, value, …}]}")
            }
        }
        switch object["next_page"] {
        case nil, is NSNull: nextPage = nil
        case let next as String: nextPage = next
        default: throw Problem(message: "the answer's 'next_page' is not an address")
        }
        count = values.count
    }
}
