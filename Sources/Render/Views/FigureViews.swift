import Markdown
import Mustache

/// A figure declared in a page's text (`FigureBlock`), through `partials/figure`: a cycle drawn
/// like the process's (`partials/cycle`) or a flow (`partials/flow`), each a picture on wide
/// screens and in print and the same in a list on narrow ones, with its title as caption.
struct DeclaredFigureView: MustacheParent {
    var title: String?
    var cycle: CycleView?
    var flow: FlowView?

    func child(named name: String) -> Any? {
        switch name {
        case "title": maybe(title)
        case "cycle": maybe(cycle)
        case "flow": maybe(flow)
        default: nil
        }
    }
}

/// A flow's picture, and its columns and bands as lists.
struct FlowView: MustacheParent {
    struct Group: MustacheParent {
        var title: String
        var items: [String]

        func child(named name: String) -> Any? {
            switch name {
            case "title": title
            case "items": items
            case "hasItems": !items.isEmpty
            default: nil
            }
        }
    }

    var svg: String
    var above: Group?
    var columns: [Group]
    var below: Group?
    var backwards: String?

    func child(named name: String) -> Any? {
        switch name {
        case "svg": svg
        case "above": maybe(above)
        case "columns": columns
        case "below": maybe(below)
        case "backwards": maybe(backwards)
        default: nil
        }
    }
}

/// Draws the figures of pages' text: `MarkdownOptions.drawFigure`.
struct FigureDrawing {
    let context: RenderContext

    var draw: @Sendable (FigureBlock, String) -> String {
        let context = context
        return { figure, id in FigureDrawing(context: context).html(figure, id: id) }
    }

    func html(_ figure: FigureBlock, id: String) -> String {
        let view: DeclaredFigureView
        switch figure.kind {
        case .cycle: view = DeclaredFigureView(title: figure.title, cycle: cycle(figure, id: id))
        case .flow: view = DeclaredFigureView(title: figure.title, flow: flow(figure, id: id))
        }
        return context.templates?.render(view, withTemplate: "partials/figure") ?? ""
    }

    private func cycle(_ figure: FigureBlock, id: String) -> CycleView {
        let strings = context.strings
        let steps = figure.items.enumerated().map { CycleView.Step(number: $0.offset + 1, title: $0.element, current: false, href: nil) }
        let named = steps.map { "\($0.number) \($0.title)" }
        let diagram = CycleDiagram(
            steps: steps.map { CycleDiagram.Step(number: $0.number, title: $0.title, href: nil, isCurrent: false) },
            title: figure.title ?? strings["figures.untitled"],
            description: strings.format("figures.cycle", ["count": String(steps.count), "items": strings.sentenceList(named)]),
            centerText: figure.title ?? "", youAreHere: "", id: id, hyphenator: context.options.hyphenator)
        return CycleView(svg: diagram.svg(), steps: steps, caption: figure.title ?? "")
    }

    private func flow(_ figure: FigureBlock, id: String) -> FlowView {
        let strings = context.strings
        func said(_ group: FigureBlock.Group) -> String {
            group.items.isEmpty ? group.title : group.title + " (" + group.items.joined(separator: "; ") + ")"
        }
        var sentences: [String] = []
        if let above = figure.above { sentences.append(strings.format("figures.above", ["band": said(above)])) }
        sentences.append(
            strings.format(
                "figures.flow", ["count": String(figure.columns.count), "columns": figure.columns.map(said).joined(separator: strings["figures.leads_to"])]))
        if let backwards = figure.backwards, let first = figure.columns.first, let last = figure.columns.last {
            sentences.append(strings.format("figures.backwards", ["first": first.title, "last": last.title, "text": backwards]))
        }
        if let below = figure.below { sentences.append(strings.format("figures.below", ["band": said(below)])) }
        let diagram = FlowDiagram(
            figure: figure, title: figure.title ?? strings["figures.untitled"], description: sentences.joined(separator: " "), id: id,
            hyphenator: context.options.hyphenator)
        let group = { (group: FigureBlock.Group) in FlowView.Group(title: group.title, items: group.items) }
        return FlowView(
            svg: diagram.svg(), above: figure.above.map(group), columns: figure.columns.map(group),
            below: figure.below.map(group), backwards: figure.backwards)
    }
}
