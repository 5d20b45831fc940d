import Diagnostics
import Model

/// What the content asks Kolada for, as addresses of Kolada's API (version 2): the key figures'
/// `kolada:` KPIs for the municipality and its `compare` municipalities and groups, and their
/// `kolada_unit:` KPIs for the units with a `kolada:` id, for the content's years.
public enum KoladaRequests {
    /// Kolada's API, version 2 (its README: github.com/Hypergene/kolada).
    public static let api = "https://api.kolada.se/v2"

    /// The longest address asked for, in characters. Kolada's README gives no number: it says
    /// that the URL's length is the limit ("which differs across browsers") and that an address
    /// too long is answered with HTTP 400. 2,000 is the length every browser, proxy and server
    /// takes (the smallest common limit, old Internet Explorer's, is 2,083).
    public static let maxLength = 2000

    /// One data query: these KPIs for these ids in these years (every year Kolada has when empty).
    public struct Query: Sendable, Equatable {
        public enum Kind: String, Sendable {
            /// `/data/kpi/…/municipality/…`: municipalities and municipality groups.
            case municipality
            /// `/oudata/kpi/…/ou/…`: organisational units.
            case unit
        }

        public var kind: Kind
        public var kpis: [String]
        public var ids: [String]
        public var years: [Int]

        public init(kind: Kind, kpis: [String], ids: [String], years: [Int]) {
            self.kind = kind
            self.kpis = kpis
            self.ids = ids
            self.years = years
        }

        /// The query's address under `api` (`https://api.kolada.se/v2`):
        /// `…/data/kpi/N00206,N00207/municipality/2083,0000/year/2024,2025`, or for units
        /// `…/oudata/kpi/N15033/ou/V15E208300101/year/2024,2025`.
        public func address(api: String) -> String {
            let (data, id) = kind == .municipality ? ("data", "municipality") : ("oudata", "ou")
            var address = "\(api)/\(data)/kpi/\(kpis.joined(separator: ","))/\(id)/\(ids.joined(separator: ","))"
            if !years.isEmpty { address += "/year/" + years.map(String.init).joined(separator: ",") }
            return address
        }
    }

    /// The years asked for: from the year before the content's first year to its last, where the
    /// content's years are those of key-figures.yaml (values, targets, sizes) and of the unit
    /// files. The year before gives the first year something to be compared with. Empty when the
    /// content has no year: the addresses then leave the year out and Kolada gives every year it has.
    public static func years(of site: Site) -> [Int] {
        let years = site.keyFigures.flatMap { $0.years.keys } + site.units.flatMap { $0.years.keys }
        guard let first = years.min(), let last = years.max() else { return [] }
        return Array((first - 1)...last)
    }

    /// The queries, before they are split to keep addresses short: one for the municipality
    /// (the figures' `kolada:` KPIs × the municipality and its `compare` ids), one for the units
    /// (the figures' `kolada_unit:` KPIs × the units' `kolada:` ids); none where either list is empty.
    public static func queries(of site: Site) -> [Query] {
        let years = years(of: site)
        var queries: [Query] = []
        if let kolada = site.config.kolada {
            let kpis = unique(site.keyFigures.compactMap(\.kolada))
            let ids = unique([kolada.municipality] + kolada.compare.map(\.id))
            if !kpis.isEmpty { queries.append(Query(kind: .municipality, kpis: kpis, ids: ids, years: years)) }
        }
        let unitKPIs = unique(site.keyFigures.compactMap(\.koladaUnit))
        let units = unique(site.units.compactMap(\.kolada))
        if !unitKPIs.isEmpty && !units.isEmpty { queries.append(Query(kind: .unit, kpis: unitKPIs, ids: units, years: years)) }
        return queries
    }

    /// Thrown when not even one KPI, one id and one year fit in an address (only an `api` of
    /// nearly `maxLength` characters can do that).
    public struct TooLong: Error, CustomStringConvertible {
        public var address: String
        public var maxLength: Int
        public var description: String { message.description }
        public var message: Message {
            Message("the address \(address) is longer than the \(maxLength) characters an address to Kolada may have")
        }
    }

    /// An address to ask, and what kind of answer it gives.
    public struct Address: Sendable, Equatable {
        public var kind: Query.Kind
        public var url: String
    }

    /// Every address the content needs, each at most `maxLength` characters, in the order of
    /// `queries(of:)`.
    public static func addresses(of site: Site, api: String = api, maxLength: Int = maxLength) throws(TooLong) -> [Address] {
        var result: [Address] = []
        for query in queries(of: site) {
            result += try split(query, api: api, maxLength: maxLength).map { Address(kind: $0.kind, url: $0.address(api: api)) }
        }
        return result
    }

    /// `query` split into queries whose addresses have at most `maxLength` characters, as few as
    /// greedy packing gives: the years are kept together when they fit beside the longest KPI and
    /// id, then the KPIs beside the longest id, and the ids fill what is left (there are many more
    /// ids than KPIs or years: one per unit). Every pair of KPI and id is asked for every year once.
    public static func split(_ query: Query, api: String, maxLength: Int) throws(TooLong) -> [Query] {
        func fits(_ candidate: Query) -> Bool { candidate.address(api: api).utf8.count <= maxLength }
        let longestKPI = query.kpis.max { $0.count < $1.count } ?? ""
        let longestID = query.ids.max { $0.count < $1.count } ?? ""
        let smallest = Query(kind: query.kind, kpis: [longestKPI], ids: [longestID], years: Array(query.years.prefix(1)))
        guard fits(smallest) else { throw TooLong(address: smallest.address(api: api), maxLength: maxLength) }
        // Each run below fits with the longest of the lists it is paired with, so none is empty.
        var result: [Query] = []
        let yearRuns = query.years.isEmpty ? [[]] : runs(query.years) { fits(Query(kind: query.kind, kpis: [longestKPI], ids: [longestID], years: $0)) }
        for years in yearRuns {
            for kpis in runs(query.kpis, fit: { fits(Query(kind: query.kind, kpis: $0, ids: [longestID], years: years)) }) {
                result += runs(query.ids) { fits(Query(kind: query.kind, kpis: kpis, ids: $0, years: years)) }
                    .map { Query(kind: query.kind, kpis: kpis, ids: $0, years: years) }
            }
        }
        return result
    }

    /// `items` in order, cut into the fewest runs that each `fit` (an item that does not fit alone
    /// is a run of its own).
    static func runs<T>(_ items: [T], fit: ([T]) -> Bool) -> [[T]] {
        var result: [[T]] = []
        var current: [T] = []
        for item in items {
            if !current.isEmpty && !fit(current + [item]) {
                result.append(current)
                current = []
            }
            current.append(item)
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    /// The first of each, in order.
    static func unique(_ ids: [String]) -> [String] {
        var seen: Set<String> = []
        return ids.filter { seen.insert($0).inserted }
    }
}

extension KoladaRequests {
    /// The errors that stop `valgrund kolada urls` and `fetch`: every error in the content except
    /// those in content/kolada/ itself, which holds what a fetch replaces (a response that came
    /// damaged must not keep the fetch that mends it from running).
    public static func blockingErrors(in diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.filter { $0.severity == .error && !$0.location.path.hasPrefix("content/kolada/") }
    }
}
