import Diagnostics
import Load
import Model
import Yams

/// Reads `{women: 68, men: 83}` against the groups a key figure has.
struct GroupValuesReader {
    let document: YAMLDocument
    let log: DiagnosticLog

    /// - Parameters:
    ///   - groups: the key figure's groups; other groups are errors.
    ///   - whole: values must be whole numbers (counts, group sizes).
    ///   - range: allowed values (`GroupValuesRole.range`).
    private func read(_ node: Node, key: String, figure: KeyFigure, whole: Bool = false, range: ClosedRange<Double>) -> GroupValues? {
        guard case .mapping(let mapping) = node else {
            log.error(
                "'\(key)' must map each group to a number, like {\(figure.groups.map { "\($0.rawValue): …" }.joined(separator: ", "))}",
                at: document.location(of: node))
            return nil
        }
        var values: [Group: Double] = [:]
        let reader = ValueReader(document: document, log: log)
        for (keyNode, valueNode) in mapping {
            let name = keyNode.string ?? ""
            guard let group = Group(rawValue: name) else {
                log.error(
                    "unknown group '\(name)'\(Suggestion.hint(for: name, in: Group.allCases.map(\.rawValue))); the groups are \(Group.allCases.map(\.rawValue).joined(separator: ", "))",
                    at: document.location(of: keyNode))
                continue
            }
            guard figure.groups.contains(group) else {
                log.error(
                    "the key figure '\(figure.id)' has no group '\(name)'; its groups are \(figure.groups.map(\.rawValue).joined(separator: ", "))",
                    at: document.location(of: keyNode))
                continue
            }
            guard let number = reader.number(valueNode, key: name) else { continue }
            if whole, number.value.rounded() != number.value || number.value < 0 {
                let what = key == "n" ? Message("a whole number of people") : Message("a whole number, at least 0")
                log.error("'\(name)' in '\(key)' must be \(what), not \(describe(valueNode))", at: number.location)
                continue
            }
            if !range.contains(number.value) {
                log.error(
                    "'\(name)' in '\(key)' must be between \(format(range.lowerBound)) and \(format(range.upperBound)), not \(describe(valueNode))",
                    at: number.location)
                continue
            }
            values[group] = number.value
        }
        return GroupValues(values)
    }

    /// `value`, `target` and `n` of a mapping (`ContentShapes.groupValues`), each by its role's rules.
    func read(_ map: MappingReader, figure: KeyFigure) -> (value: GroupValues?, target: GroupValues?, n: GroupValues?) {
        func values(_ role: GroupValuesRole, _ key: String) -> GroupValues? {
            map.node(key).flatMap { read($0, key: key, figure: figure, whole: role.whole(figure), range: role.range(figure)) }
        }
        return (values(.value, "value"), values(.target, "target"), values(.n, "n"))
    }

    private func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
