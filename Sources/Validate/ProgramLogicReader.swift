import Diagnostics
import Load
import Model
import Yams

/// Reads a program logic and checks that every `uses` and `leads_to` names a box of the right column.
struct ProgramLogicReader {
    let document: YAMLDocument
    let log: DiagnosticLog

    private enum Column: String, CaseIterable {
        case resources, activities, results, effects

        var keys: [String] {
            switch self {
            case .resources: return ["id", "text"]
            case .activities: return ["id", "text", "uses", "leads_to", "done"]
            case .results: return ["id", "text", "leads_to", "achieved"]
            case .effects: return ["id", "text", "achieved"]
            }
        }

        var singular: String {
            switch self {
            case .resources: return "resource"
            case .activities: return "activity"
            case .results: return "result"
            case .effects: return "effect"
            }
        }
    }

    func read(_ node: Node) -> ProgramLogic? {
        guard let map = MappingReader(node, in: document, log: log, allowed: Column.allCases.map(\.rawValue), what: "'program_logic'") else { return nil }
        var columns: [Column: [(item: LogicItem, uses: [Located<String>], leadsTo: [Located<String>])]] = [:]
        var seen: [String: SourceLocation] = [:]
        // Boxes with an id but errors of their own: a reference to one is not reported a second time.
        var broken: Set<String> = []
        for column in Column.allCases {
            guard let list = map.node(column.rawValue) else { continue }
            guard case .sequence(let items) = list else {
                log.error("'\(column.rawValue)' must be a list, each item like `- {id: x1, text: …}`", at: document.location(of: list))
                continue
            }
            for entry in items {
                guard let item = MappingReader(entry, in: document, log: log, allowed: column.keys, what: "a \(column.singular)") else { continue }
                let id = item.string("id", required: "every box needs an id that the others can point to, e.g. `id: \(column.singular.prefix(1))1`")
                let text = item.string("text", required: "what the \(column.singular) is")
                guard let id, let text else {
                    if let id { broken.insert(id.value) }
                    continue
                }
                if let first = seen[id.value] {
                    log.error("the id '\(id.value)' is already used at line \(first.line) of this program logic", at: id.location)
                    continue
                }
                seen[id.value] = id.location
                var logicItem = LogicItem(id: id.value, text: text.value)
                logicItem.done = item.bool("done")?.value
                logicItem.achieved = enumValue(item, "achieved", Achievement.self)
                columns[column, default: []].append((logicItem, item.stringList("uses") ?? [], item.stringList("leads_to") ?? []))
            }
        }
        func ids(_ column: Column) -> [String] { (columns[column] ?? []).map(\.item.id) }
        func check(_ references: [Located<String>], in column: Column) -> [String] {
            references.compactMap { reference in
                if ids(column).contains(reference.value) { return reference.value }
                if broken.contains(reference.value) { return nil }
                log.error(
                    "no \(column.singular) '\(reference.value)' in this program logic\(Suggestion.hint(for: reference.value, in: ids(column)))",
                    at: reference.location)
                return nil
            }
        }
        var logic = ProgramLogic()
        logic.resources = (columns[.resources] ?? []).map(\.item)
        logic.activities = (columns[.activities] ?? []).map { entry in
            var item = entry.item
            item.uses = check(entry.uses, in: .resources)
            item.leadsTo = check(entry.leadsTo, in: .results)
            return item
        }
        logic.results = (columns[.results] ?? []).map { entry in
            var item = entry.item
            item.leadsTo = check(entry.leadsTo, in: .effects)
            return item
        }
        logic.effects = (columns[.effects] ?? []).map(\.item)
        return logic
    }
}
