import Diagnostics
import Markup

/// One saved data response of Kolada's API (version 2), `content/kolada/*.json`: what it says,
/// each entry with its position, checked against the form of a response. What the values are
/// used for (which key figure, which unit) is Validate's to decide.
public struct KoladaResponse: Sendable {
    /// Path relative to SOURCE.
    public var path: String
    public var entries: [KoladaEntry]
    /// The address of the response's next page (`next_page`), nil on the last: what
    /// `valgrund kolada fetch` follows; the build has no use for it.
    public var nextPage: String?

    public init(path: String, entries: [KoladaEntry], nextPage: String? = nil) {
        self.path = path
        self.entries = entries
        self.nextPage = nextPage
    }

    /// Kolada's genders: K (kvinnor), M (män), T (totalt).
    public static let genders = ["K", "M", "T"]
    /// The years a period may be: those a content file may write (`years:`).
    public static let years = 1900...2200

    /// Reads a response, or reports every mistake in it at its line and column and returns nil.
    public static func read(_ bytes: [UInt8], path: String, log: DiagnosticLog) -> KoladaResponse? {
        switch parse(bytes, path: path) {
        case .success(let response): return response
        case .failure(.notJSON(let diagnostic)):
            log.add(diagnostic)
            return nil
        case .failure(.notAResponse(let diagnostics)):
            log.add(contentsOf: diagnostics)
            return nil
        }
    }

    /// Why bytes are not a usable response: not JSON at all (one mistake, which ends the reading:
    /// an answer cut off or damaged on its way), or JSON that is not a data response (every
    /// mistake of form).
    public enum Failure: Error, Sendable {
        case notJSON(Diagnostic)
        case notAResponse([Diagnostic])
    }

    /// The one reading of a response, for the build (`read`) and for `valgrund kolada fetch`,
    /// which asks again only for bytes that are not JSON.
    public static func parse(_ bytes: [UInt8], path: String) -> Result<KoladaResponse, Failure> {
        var parser = ResponseParser(bytes: bytes, path: path)
        do {
            let entries = try parser.response()
            guard parser.problems.isEmpty else {
                let log = DiagnosticLog()
                parser.flush(into: log)
                return .failure(.notAResponse(log.all))
            }
            return .success(KoladaResponse(path: path, entries: entries, nextPage: parser.nextPage))
        } catch {
            // A file that is not JSON is that one mistake: what was read before it means nothing.
            return .failure(.notJSON(Diagnostic(.error, at: parser.location(of: error.offset), "not JSON: \(error.message)")))
        }
    }
}

/// One entry of a response's `values`: a KPI's values for a municipality (or group) or a unit in one year.
public struct KoladaEntry: Sendable, Equatable {
    public enum Subject: Sendable, Hashable {
        /// `"municipality"`: a municipality, the whole country or a municipality group.
        case municipality(String)
        /// `"ou"`: an organisational unit.
        case unit(String)

        public var id: String {
            switch self {
            case .municipality(let id), .unit(let id): id
            }
        }
    }

    public var kpi: String
    public var subject: Subject
    public var period: Int
    public var values: [KoladaValue]
    /// Where the entry starts in its file.
    public var location: SourceLocation

    public init(kpi: String, subject: Subject, period: Int, values: [KoladaValue], location: SourceLocation) {
        self.kpi = kpi
        self.subject = subject
        self.period = period
        self.values = values
        self.location = location
    }
}

/// `{"gender": "K", "value": 68.2, "count": 1, "status": ""}`.
public struct KoladaValue: Sendable, Equatable {
    /// One of `KoladaResponse.genders`.
    public var gender: String
    /// nil: Kolada has no value (`null`).
    public var value: Double?
    /// Kolada's `count`. Kolada does not document it as a number of persons (it is typically 1, or
    /// how many values a group's figure is made of), so Valgrund does not use it as a group size.
    public var count: Int?
    public var status: String?

    public init(gender: String, value: Double?, count: Int? = nil, status: String? = nil) {
        self.gender = gender
        self.value = value
        self.count = count
        self.status = status
    }
}

/// Reads a response's expected shape from the JSON, skipping keys it does not use (Kolada may add
/// some), and gathers the mistakes of form; a syntax error ends the reading.
private struct ResponseParser {
    var reader: JSONReader
    let path: String
    var lines: LineCounter
    /// Mistakes of form found so far, by byte offset, reported in the order of the file.
    var problems: [(offset: Int, message: Message)] = []
    /// The response's `next_page`.
    var nextPage: String?

    init(bytes: [UInt8], path: String) {
        reader = JSONReader(bytes)
        lines = LineCounter(bytes)
        self.path = path
    }

    mutating func location(of offset: Int) -> SourceLocation {
        let (line, column) = lines.position(of: offset)
        return SourceLocation(path: path, line: line, column: column)
    }

    mutating func flush(into log: DiagnosticLog) {
        for problem in problems.sorted(by: { $0.offset < $1.offset }) { log.error(problem.message, at: location(of: problem.offset)) }
    }

    mutating func problem(_ message: Message, at offset: Int) { problems.append((offset, message)) }

    mutating func response() throws(JSONSyntaxError) -> [KoladaEntry] {
        guard try reader.kind() == .object else {
            let kind = try reader.kind()
            problem(
                "not a Kolada data response: the file must be an object with a list of `values` (`{\"values\": [...]}`), not \(kind.described)",
                at: reader.offset)
            try reader.skip()
            try reader.end()
            return []
        }
        let objectStart = reader.offset
        try reader.beginObject()
        var entries: [KoladaEntry] = []
        var sawValues = false
        while let key = try reader.nextKey() {
            if key == "next_page" {
                switch try reader.kind() {
                case .string: nextPage = try reader.string()
                case .null: try reader.null()
                case let kind:
                    problem("'next_page' must be the next page's address or null, not \(kind.described)", at: reader.offset)
                    try reader.skip()
                }
                continue
            }
            guard key == "values" else {
                try reader.skip()
                continue
            }
            sawValues = true
            guard try reader.kind() == .array else {
                problem("not a Kolada data response: 'values' must be a list of entries, not \(try reader.kind().described)", at: reader.offset)
                try reader.skip()
                continue
            }
            try reader.beginArray()
            while try reader.nextElement() {
                if let entry = try entry() { entries.append(entry) }
            }
        }
        try reader.end()
        if !sawValues {
            problem(
                "not a Kolada data response: it has no list of `values` (is it an answer about KPIs or municipalities rather than their data?)",
                at: objectStart)
        }
        return entries
    }

    /// One entry of `values`; nil after reporting what is wrong with it.
    private mutating func entry() throws(JSONSyntaxError) -> KoladaEntry? {
        guard try reader.kind() == .object else {
            problem(
                "an entry of 'values' must be an object with kpi, municipality or ou, period and values, not \(try reader.kind().described)", at: reader.offset)
            try reader.skip()
            return nil
        }
        let entryStart = reader.offset
        let location = self.location(of: entryStart)
        try reader.beginObject()
        var kpi: String?, municipality: String?, unit: String?, period: Int?
        var values: [KoladaValue]?
        var broken = false
        while let key = try reader.nextKey() {
            switch key {
            case "kpi": kpi = try text(key, broken: &broken)
            case "municipality": municipality = try text(key, broken: &broken)
            case "ou": unit = try text(key, broken: &broken)
            case "period": period = try year(broken: &broken)
            case "values": values = try genderValues(broken: &broken)
            default: try reader.skip()
            }
        }
        if broken { return nil }
        let missing = [("kpi", kpi == nil), ("period", period == nil), ("values", values == nil)].filter(\.1).map { Message.verbatim("'\($0.0)'") }
        if !missing.isEmpty {
            problem(
                "this entry has no \(Message.list(missing)); a data response's entries have kpi, municipality or ou, period and values",
                at: entryStart)
            return nil
        }
        let subject: KoladaEntry.Subject
        switch (municipality, unit) {
        case (let id?, nil): subject = .municipality(id)
        case (nil, let id?): subject = .unit(id)
        case (nil, nil):
            problem("this entry has neither 'municipality' nor 'ou': whose values are they?", at: entryStart)
            return nil
        case (_?, _?):
            problem("this entry has both 'municipality' and 'ou'; a data response's entries have one of them", at: entryStart)
            return nil
        }
        return KoladaEntry(kpi: kpi!, subject: subject, period: period!, values: values!, location: location)
    }

    /// `"values": [{"gender": "K", "value": 68.2, "count": 1, "status": ""}, …]`.
    private mutating func genderValues(broken: inout Bool) throws(JSONSyntaxError) -> [KoladaValue]? {
        guard try reader.kind() == .array else {
            problem(
                "'values' must be a list of values by gender (`[{\"gender\": \"K\", \"value\": 68.2}, …]`), not \(try reader.kind().described)",
                at: reader.offset)
            try reader.skip()
            broken = true
            return nil
        }
        try reader.beginArray()
        var result: [KoladaValue] = []
        while try reader.nextElement() {
            guard try reader.kind() == .object else {
                problem("a value by gender must be an object like {\"gender\": \"K\", \"value\": 68.2}, not \(try reader.kind().described)", at: reader.offset)
                try reader.skip()
                broken = true
                continue
            }
            let start = reader.offset
            try reader.beginObject()
            var gender: String?, value: Double?, count: Int?, status: String?
            while let key = try reader.nextKey() {
                switch key {
                case "gender":
                    _ = try reader.kind()
                    let at = reader.offset
                    guard let written = try text(key, broken: &broken) else { continue }
                    if KoladaResponse.genders.contains(written) {
                        gender = written
                    } else {
                        problem(
                            "unknown gender '\(written)'; Kolada's are K (women), M (men) and T (total)",
                            at: at)
                        broken = true
                    }
                case "value":
                    value = try number(key, nullable: true, broken: &broken)
                case "count":
                    count = try number(key, nullable: true, broken: &broken).flatMap { $0 == $0.rounded() && abs($0) < 1e15 ? Int($0) : nil }
                case "status":
                    if try reader.kind() == .null { try reader.null() } else { status = try text(key, broken: &broken) }
                default: try reader.skip()
                }
            }
            guard let gender else {
                if !broken { problem("this value has no 'gender' (K, M or T)", at: start) }
                broken = true
                continue
            }
            result.append(KoladaValue(gender: gender, value: value, count: count, status: status))
        }
        return result
    }

    private mutating func text(_ key: String, broken: inout Bool) throws(JSONSyntaxError) -> String? {
        let kind = try reader.kind()
        guard kind == .string else {
            problem("'\(key)' must be a string, not \(kind.described)", at: reader.offset)
            try reader.skip()
            broken = true
            return nil
        }
        return try reader.string()
    }

    /// A number, or nil for `null` when `nullable`; nil after a problem too, with `broken` set.
    private mutating func number(_ key: String, nullable: Bool, broken: inout Bool) throws(JSONSyntaxError) -> Double? {
        let kind = try reader.kind()
        if kind == .null, nullable {
            try reader.null()
            return nil
        }
        guard kind == .number else {
            problem(
                nullable ? "'\(key)' must be a number or null, not \(kind.described)" : "'\(key)' must be a number, not \(kind.described)", at: reader.offset)
            try reader.skip()
            broken = true
            return nil
        }
        let at = reader.offset
        let value = try reader.number()
        guard value.isFinite else {
            problem("'\(key)' is too large a number", at: at)
            broken = true
            return nil
        }
        return value
    }

    /// `"period": 2025`.
    private mutating func year(broken: inout Bool) throws(JSONSyntaxError) -> Int? {
        let kind = try reader.kind()
        let at = reader.offset
        let written: Message
        switch kind {
        case .number:
            let value = try reader.number()
            if value == value.rounded(), KoladaResponse.years.contains(Int(exactly: value) ?? 0) { return Int(value) }
            written = .verbatim(String(decoding: reader.bytes[at..<reader.offset], as: UTF8.self))
        case .string:
            written = .verbatim("\"\(try reader.string())\"")
        default:
            written = kind.described
            try reader.skip()
        }
        problem(
            "'period' must be a year from \(KoladaResponse.years.lowerBound) to \(KoladaResponse.years.upperBound) written as a number (`\"period\": 2025`), not \(written)",
            at: at)
        broken = true
        return nil
    }
}
