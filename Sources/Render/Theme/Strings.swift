import Diagnostics
import Foundation
import Yams

/// A theme's strings for one language: nested keys (`form.unit`) as in i18n/<language>.yaml.
///
/// Why `@unchecked Sendable` is sound: `tree` is `[String: Any]` because templates read it as
/// Mustache reads any dictionary, and `Any` cannot say it is Sendable. What it holds is made by
/// `plain(_:)` and `merging(_:)` (strings, arrays and dictionaries of them: values, no references)
/// or given as such literals to `init(tree:)`; a `Strings` is never changed after it is made.
public struct Strings: @unchecked Sendable {
    /// For templates: `{{t.form.unit}}`.
    public private(set) var tree: [String: Any] = [:]
    /// Every text by its dotted key, for lookups without walking the tree.
    private var flat: [String: String] = [:]
    let decimalSeparator: String
    let groupSeparator: String

    public init(tree: [String: Any] = [:]) {
        self.tree = tree
        var flat: [String: String] = [:]
        func walk(_ node: [String: Any], prefix: String) {
            for (key, value) in node {
                let path = prefix.isEmpty ? key : prefix + "." + key
                if let text = value as? String {
                    flat[path] = text
                } else if let child = value as? [String: Any] {
                    walk(child, prefix: path)
                    // A text with plural forms (`{one: …, other: …}`) is its `other` form where no count is known.
                    if let other = child["other"] as? String { flat[path] = other }
                }
            }
        }
        walk(tree, prefix: "")
        self.flat = flat
        decimalSeparator = flat["number.decimal"] ?? ","
        groupSeparator = (flat["number.group"] ?? " ").replacingOccurrences(of: " ", with: "\u{00A0}")
    }

    static func parse(_ data: Data, path: String, log: DiagnosticLog) -> Strings? {
        guard let text = String(data: data, encoding: .utf8) else {
            log.error("this strings file is not UTF-8 text", at: SourceLocation(path: path))
            return nil
        }
        do {
            guard let node = try Yams.compose(yaml: text, Resolver.basic, Constructor.default, .utf8) else { return Strings() }
            guard let tree = plain(node) as? [String: Any] else {
                log.error("a strings file must be a mapping of keys to text", at: SourceLocation(path: path))
                return nil
            }
            return Strings(tree: tree)
        } catch {
            log.error("cannot read the strings: \(error)", at: SourceLocation(path: path))
            return nil
        }
    }

    private static func plain(_ node: Node) -> Any {
        switch node {
        case .scalar(let scalar): return scalar.string
        case .sequence(let sequence): return sequence.map(plain)
        case .mapping(let mapping):
            var result: [String: Any] = [:]
            for (key, value) in mapping { result[key.string ?? ""] = plain(value) }
            return result
        case .alias: return ""
        }
    }

    /// Keys of `other` replace ours, at any depth.
    func merging(_ other: Strings) -> Strings {
        func merge(_ a: [String: Any], _ b: [String: Any]) -> [String: Any] {
            var result = a
            for (key, value) in b {
                if let left = result[key] as? [String: Any], let right = value as? [String: Any] {
                    result[key] = merge(left, right)
                } else {
                    result[key] = value
                }
            }
            return result
        }
        return Strings(tree: merge(tree, other.tree))
    }

    /// The text at a dotted key; the key itself when missing, so a gap shows instead of vanishing.
    public subscript(_ key: String) -> String {
        flat[key] ?? key
    }

    /// The text at a dotted key, or nil when there is none (or the key names a list or a group).
    func text(at key: String) -> String? { flat[key] }

    public func list(_ key: String) -> [String] {
        (value(at: key) as? [Any])?.compactMap { $0 as? String } ?? []
    }

    public func table(_ key: String) -> [String: String] {
        ((value(at: key) as? [String: Any]) ?? [:]).compactMapValues { $0 as? String }
    }

    func value(at key: String) -> Any? {
        var current: Any? = tree
        for part in key.split(separator: ".") {
            current = (current as? [String: Any])?[String(part)]
        }
        return current
    }

    /// Like `format`, for a text about `count` things: a text written with plural forms,
    /// `{one: "1 enhet", other: "{count} enheter"}`, gives its `one` form when `count` is 1 (or −1)
    /// and its `other` form otherwise; a plain text is used for every count.
    public func plural(_ key: String, count: Int, _ values: [String: String]) -> String {
        Self.fill(pluralForm(key, count: count), values)
    }

    /// The form of the text at `key` for `count`, unfilled.
    func pluralForm(_ key: String, count: Int) -> String {
        if abs(count) == 1, let one = flat[key + ".one"] { return one }
        return self[key]
    }

    /// Fills `{name}` placeholders.
    public func format(_ key: String, _ values: [String: String]) -> String {
        Self.fill(self[key], values)
    }

    /// Replaces `{name}` with its value in one pass, on bytes (Foundation's replacingOccurrences
    /// and Character-wise search are slow on Linux, and every chart and table fills several).
    static func fill(_ template: String, _ values: [String: String]) -> String {
        let utf8 = template.utf8
        guard utf8.contains(UInt8(ascii: "{")) else { return template }
        var result = ""
        result.reserveCapacity(utf8.count + 32)
        var copied = utf8.startIndex
        var index = utf8.startIndex
        while let open = utf8[index...].firstIndex(of: UInt8(ascii: "{")) {
            guard let close = utf8[open...].firstIndex(of: UInt8(ascii: "}")) else { break }
            let name = String(template[utf8.index(after: open)..<close])
            index = utf8.index(after: close)
            guard let value = values[name] else { continue }
            result += template[copied..<open]
            result += value
            copied = index
        }
        result += template[copied...]
        return result
    }

    // MARK: Dates and numbers in the site's language

    public func date(_ day: (year: Int, month: Int, day: Int)) -> String {
        let months = list("months")
        let month = months.indices.contains(day.month - 1) ? months[day.month - 1] : String(day.month)
        return format("date_format", ["day": String(day.day), "month": month, "year": String(day.year)])
    }

    /// A list as people write it: "a, b och c".
    public func sentenceList(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " " + self["list_and"] + " " + items.last!
    }
}
