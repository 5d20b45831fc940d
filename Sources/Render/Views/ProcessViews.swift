import Markup
import Model
import Mustache
import Plan

/// The cycle of steps (`partials/cycle`): the picture, and the same steps as a list.
struct CycleView: MustacheParent {
    struct Step: MustacheParent {
        var number: Int
        var title: String
        var current: Bool
        /// Nil for a figure's items, which lead nowhere.
        var href: String?

        func child(named name: String) -> Any? {
            switch name {
            case "number": number
            case "title": title
            case "current": current
            case "href": maybe(href)
            default: nil
            }
        }
    }

    var svg: String
    var steps: [Step]
    var caption: String

    func child(named name: String) -> Any? {
        switch name {
        case "svg": svg
        case "steps": steps
        case "caption": caption
        default: nil
        }
    }
}

/// The cycle of steps and the place of a page in the process or the question guide.
struct ProcessViews {
    let context: RenderContext

    /// The cycle for a page at `url`, with `current` marked: the picture, and the same steps as a
    /// list for narrow screens where the picture's text would be too small. Nil when the site has no steps.
    func cycle(at url: String, current: String? = nil) -> CycleView? {
        guard let svg = cycleSVG(at: url, current: current) else { return nil }
        let steps = context.site.steps.map { step in
            let target = context.url(ofContent: step.pagePath) ?? "index.html"
            return CycleView.Step(
                number: step.number, title: step.title, current: step.id == current,
                href: Href.escape(URLPath.relative(from: url, to: target)))
        }
        return CycleView(svg: svg, steps: steps, caption: caption())
    }

    func cycleSVG(at url: String, current: String?) -> String? {
        let steps = context.site.steps
        guard !steps.isEmpty else { return nil }
        let strings = context.strings
        let names = steps.map { "\($0.number) \($0.title)" }
        let diagram = CycleDiagram(
            steps: steps.map { step in
                let target = context.url(ofContent: step.pagePath) ?? "index.html"
                return CycleDiagram.Step(
                    number: step.number, title: step.title,
                    href: Href.escape(URLPath.relative(from: url, to: target)),
                    isCurrent: step.id == current)
            },
            title: strings["cycle.title"],
            description: strings.format("cycle.description", ["count": String(steps.count), "steps": strings.sentenceList(names)]),
            centerText: context.site.config.title,
            youAreHere: strings["cycle.you_are_here"], hyphenator: context.options.hyphenator)
        return diagram.svg()
    }

    func caption() -> String {
        context.strings.format("cycle.caption", ["count": String(context.site.steps.count)])
    }

    /// "Steg 2 av 6" or "Del 1 – … · Fråga 3 av 9".
    func position(of page: Page) -> String? {
        let strings = context.strings
        if let step = context.stepOfPage[page.contentPath] {
            return strings.format("step_position", ["number": String(step.number), "count": String(context.site.steps.count)])
        }
        if let question = context.questionOfPage[page.contentPath] {
            let position = strings.format("question_position", ["number": String(question.number), "count": String(context.site.questions.count)])
            return question.part.map { "\($0) · \(position)" } ?? position
        }
        return nil
    }
}
