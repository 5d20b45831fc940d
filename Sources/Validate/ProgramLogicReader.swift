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

        /// A box of this column.
        var shape: MappingShape {
            let references = Shape.list(.text())
            let extra: [Key]
            switch self {
            case .resources: extra = []
            case .activities:
                extra = [
                    Key("uses", references, "The resources (ids) the activity uses."), Key("leads_to", references, "The results (ids) it leads to."),
                    Key("done", .bool, "Whether the activity is done."),
                ]
            case .results:
                extra = [Key("leads_to", references, "The effects (ids) the result leads to."), Key("achieved", achieved, "yes, partly or no.")]
            case .effects: extra = [Key("achieved", achieved, "yes, partly or no.")]
            }
            return MappingShape(
                [
                    Key(
                        "id", .text(), required: "every box needs an id that the others can point to, e.g. `id: \(letter)1`",
                        "An id the other boxes point to."),
                    Key("text", .text(), required: whatItIs, "What the \(singular) is."),
                ] + extra, what: one)
        }

        private var achieved: Shape { .word(Achievement.allCases.map(\.rawValue)) }

        /// "resource", for the schema's descriptions (English only, for editors).
        private var singular: String {
            switch self {
            case .resources: return "resource"
            case .activities: return "activity"
            case .results: return "result"
            case .effects: return "effect"
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

    /// `program_logic:`: each column a list of its boxes.
    static let shape = MappingShape(
        Column.allCases.map { Key($0.rawValue, .list(.mapping($0.shape)), "The \($0.rawValue), each like `- {id: …, text: …}`.") },
        what: "'program_logic'")

    func read(_ node: Node) -> ProgramLogic? {
        guard let map = MappingReader(node, in: document, log: log, shape: Self.shape) else { return nil }
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
            // The column's description, made once for its boxes.
            let shape = column.shape
            for entry in items {
                guard let item = MappingReader(entry, in: document, log: log, shape: shape) else { continue }
                let id = item.string("id")
                let text = item.string("text")
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
                // Each column has its own keys; the others were refused as unknown.
                let has = { (key: String) in shape.key(key) != nil }
                logicItem.done = has("done") ? item.bool("done")?.value : nil
                logicItem.achieved = has("achieved") ? enumValue(item, "achieved", Achievement.self) : nil
                let uses = has("uses") ? item.stringList("uses") : nil
                let leadsTo = has("leads_to") ? item.stringList("leads_to") : nil
                columns[column, default: []].append((logicItem, uses ?? [], leadsTo ?? []))
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
