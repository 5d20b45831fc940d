import Model
import Mustache

/// The program logic's worksheet: four columns of boxes and the gaps between them.
struct ProgramLogicSheet: MustacheParent {
    struct Column {
        var title: String
        var key: String
        var items: [Box]
    }

    struct Box {
        var text: String
        var links: [BoxLink]
        var state: State?
        var gaps: [String]
    }

    struct BoxLink {
        var label: String
        var targets: String
    }

    struct State {
        var text: String
        var kind: String
    }

    var columns: [Column]
    var gaps: [String]

    func child(named name: String) -> Any? {
        switch name {
        case "worksheetHTML": PageParts.worksheet(columns)
        case "gaps": gaps
        case "hasGaps": !gaps.isEmpty
        default: nil
        }
    }
}

/// The program logic as the four-column worksheet of appendix 1, with the gaps the guide asks to see.
struct ProgramLogicView {
    let context: RenderContext
    var strings: Strings { context.strings }

    func view(_ logic: ProgramLogic) -> ProgramLogicSheet {
        let gaps = ProgramLogicGaps(logic)
        let texts = Dictionary(
            (logic.resources + logic.activities + logic.results + logic.effects).map { ($0.id, $0.text) },
            uniquingKeysWith: { a, _ in a })
        func names(_ ids: [String]) -> String { strings.sentenceList(ids.map { texts[$0] ?? $0 }) }

        func item(_ item: LogicItem, gapsOf: [(Bool, String)], links: [(String, [String])], state: (text: String, kind: String)?) -> ProgramLogicSheet.Box {
            ProgramLogicSheet.Box(
                text: item.text,
                links: links.filter { !$0.1.isEmpty }.map { ProgramLogicSheet.BoxLink(label: $0.0, targets: names($0.1)) },
                state: state.map { ProgramLogicSheet.State(text: $0.text, kind: $0.kind) },
                gaps: gapsOf.filter(\.0).map(\.1))
        }
        func achieved(_ value: Achievement?) -> (text: String, kind: String)? {
            value.map { (strings["program_logic.achieved_\($0.rawValue)"], $0.rawValue) }
        }
        let columns: [ProgramLogicSheet.Column] = [
            ProgramLogicSheet.Column(
                title: strings["program_logic.resources"], key: "resources",
                items: logic.resources.map {
                    item($0, gapsOf: [(gaps.unusedResources.contains($0.id), strings["program_logic.gap_unused_resource"])], links: [], state: nil)
                }),
            ProgramLogicSheet.Column(
                title: strings["program_logic.activities"], key: "activities",
                items: logic.activities.map {
                    item(
                        $0,
                        gapsOf: [
                            (gaps.activitiesWithoutResult.contains($0.id), strings["program_logic.gap_activity_without_result"]),
                            (gaps.activitiesNotDone.contains($0.id), strings["program_logic.gap_not_done"]),
                        ], links: [(strings["program_logic.uses"], $0.uses), (strings["program_logic.leads_to"], $0.leadsTo)],
                        state: $0.done == true ? (strings["program_logic.done"], "yes") : nil)
                }),
            ProgramLogicSheet.Column(
                title: strings["program_logic.results"], key: "results",
                items: logic.results.map {
                    item(
                        $0, gapsOf: [(gaps.resultsWithoutActivity.contains($0.id), strings["program_logic.gap_result_without_activity"])],
                        links: [(strings["program_logic.leads_to"], $0.leadsTo)], state: achieved($0.achieved))
                }),
            ProgramLogicSheet.Column(
                title: strings["program_logic.effects"], key: "effects",
                items: logic.effects.map {
                    item(
                        $0, gapsOf: [(gaps.effectsWithoutResult.contains($0.id), strings["program_logic.gap_effect_without_result"])],
                        links: [], state: achieved($0.achieved))
                }),
        ]
        var summary: [String] = []
        func add(_ key: String, _ ids: [String]) {
            if !ids.isEmpty { summary.append(strings.format(key, ["items": names(ids), "count": String(ids.count)])) }
        }
        add("program_logic.summary_activity_without_result", gaps.activitiesWithoutResult)
        add("program_logic.summary_result_without_activity", gaps.resultsWithoutActivity)
        add("program_logic.summary_effect_without_result", gaps.effectsWithoutResult)
        add("program_logic.summary_unused_resource", gaps.unusedResources)
        add("program_logic.summary_not_done", gaps.activitiesNotDone)
        return ProgramLogicSheet(columns: columns, gaps: summary)
    }
}
