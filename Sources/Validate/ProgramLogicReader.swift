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

        /// The first letter of an example id, `r1`, `a1`.
        var letter: String { String(rawValue.prefix(1)) }

        /// "a resource", for messages (each written whole, so that it translates).
        var one: Message {
            switch self {
            case .resources: return Message("a resource")
            case .activities: return Message("an activity")
            case .results: return Message("a result")
            case .effects: return Message("an effect")
            }
        }

        var whatItIs: Message {
            switch self {
            case .resources: return Message("what the resource is")
            case .activities: return Message("what the activity is")
            case .results: return Message("what the result is")
            case .effects: return Message("what the effect is")
            }
        }

        func unknown(_ id: String, hint: Message) -> Message {
            switch self {
            case .resources: return Message("no resource '\(id)' in this program logic\(hint)")
            case .activities: return Message("no activity '\(id)' in this program logic\(hint)")
            case .results: return Message("no result '\(id)' in this program logic\(hint)")
            case .effects: return Message("no effect '\(id)' in this program logic\(hint)")
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
                guard let item = MappingReader(entry, in: document, log: log, allowed: column.keys, what: column.one) else { continue }
                let id = item.string("id", required: "every box needs an id that the others can point to, e.g. `id: \(column.letter)1`")
                let text = item.string("text", required: column.whatItIs)
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
                log.error(column.unknown(reference.value, hint: Suggestion.hint(for: reference.value, in: ids(column))), at: reference.location)
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
