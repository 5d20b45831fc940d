/// Every symbol the progress pages use, explained where they are used.
struct Legend {
    let context: RenderContext

    /// `..` is always explained: a reader meets it in tables, charts and data files alike.
    func items(steps: Bool = true) -> [SymbolView] {
        let strings = context.strings
        var keys = ["reached", "not_reached", "better", "worse", "unchanged"]
        if steps { keys = ["step_done", "step_in_progress", "step_planned", "late"] + keys }
        keys.append("missing")
        var items = keys.map { SymbolView(symbol: strings["symbols.\($0)"], text: strings["legend.\($0)"]) }
        items.append(
            SymbolView(
                symbol: strings["symbols.suppressed"],
                text: strings.format("legend.suppressed", ["min": String(context.site.config.minGroupSize)])))
        return items
    }
}
