import Markup

/// The pieces of markup Valgrund writes itself from the typed views, because a template costs
/// more than the rest of the page for them in a large site: a content page's table of contents,
/// and a unit page's step track, plan table and key figures (with the key-figure pages' figure).
/// Themes restyle them with CSS; they cannot replace them (docs/themes.md). The view's
/// `tocHTML`, `stepsHTML`, `plansHTML`, `keyFiguresHTML` and a figure's `html` place them.
enum PageParts {
    /// `<nav class="toc">`, for a page with two or more headings.
    static func toc(_ entries: [ContentPage.TocEntry], strings: Strings) -> String {
        var out = HTMLBuilder(capacity: 1024)
        out.raw("<nav class=\"toc\" aria-labelledby=\"vg-toc-title\">\n  <h2 id=\"vg-toc-title\">")
        out.text(strings["on_this_page"])
        out.raw("</h2>\n  <ol>\n")
        for entry in entries {
            out.raw("    <li class=\"level-\(entry.level)\"><a href=\"#\(HTML.escape(entry.id))\">")
            out.text(entry.text)
            out.raw("</a></li>\n")
        }
        out.raw("  </ol>\n</nav>")
        return out.html
    }

    /// `<ol class="step-track">`: a step per item, its status as a class.
    static func steps(_ steps: UnitPage.Steps, strings: Strings) -> String {
        var out = HTMLBuilder(capacity: 2048)
        out.raw("<ol class=\"step-track\">\n")
        for item in steps.items {
            let late = item.status.late == true
            out.raw("  <li class=\"step-status \(HTML.escape(item.status.kind))\(late ? " late" : "")\(item.current ? " current" : "")\">\n")
            out.raw("    <span class=\"symbol\" aria-hidden=\"true\">")
            out.text(item.status.symbol)
            out.raw("</span>\n    <span class=\"step-name\"><a href=\"\(HTML.escape(item.href ?? ""))\">")
            out.text("\(item.number). \(item.title)")
            out.raw("</a></span>\n    <span class=\"status-text\">")
            out.text(item.status.text)
            if late {
                out.raw(" <strong class=\"late-note\">(")
                out.text(strings["legend.late"])
                out.raw(")</strong>")
            }
            if let date = item.date {
                out.raw(" · ")
                time(date, into: &out)
            }
            out.raw("</span>\n  </li>\n")
        }
        out.raw("</ol>")
        return out.html
    }

    /// `<table class="plans">`; `team` adds the column of who is responsible (units without a team leave it out).
    static func plans(_ plans: [UnitPage.Plan], year: Int, team: Bool, strings: Strings) -> String {
        var out = HTMLBuilder(capacity: 4096)
        out.raw("<table class=\"plans\">\n  <caption>")
        out.text(strings["unit.plans_caption"] + " \(year)")
        out.raw("</caption>\n  <thead><tr>")
        for key in ["plans.title", "plans.key_figure"] + (team ? ["plans.responsible"] : []) + ["plans.status", "plans.due"] {
            out.element("th", "scope=\"col\"", strings[key])
        }
        out.raw("</tr></thead>\n  <tbody>\n")
        let missing = strings["symbols.missing"]
        for plan in plans {
            out.raw("    <tr class=\"\(plan.overdue ? "overdue" : "")\">\n      ")
            out.element("th", "scope=\"row\"", plan.title)
            out.raw("\n      <td>")
            if let figure = plan.keyFigure {
                out.raw("<a href=\"\(HTML.escape(figure.href ?? ""))\">")
                out.text(figure.name)
                out.raw("</a>")
            } else {
                out.text(missing)
            }
            out.raw("</td>\n")
            if team {
                out.raw("      ")
                out.element("td", "", plan.responsible ?? missing)
                out.raw("\n")
            }
            out.raw("      <td><span class=\"plan-status \(HTML.escape(plan.status.kind))\"><span aria-hidden=\"true\">")
            out.text(plan.status.symbol)
            out.raw("</span> ")
            out.text(plan.status.text)
            out.raw("</span></td>\n      <td>")
            if let due = plan.due { time(due, into: &out) } else { out.text(missing) }
            if plan.overdue {
                out.raw(" <strong class=\"overdue-note\">")
                out.text(strings["plans.overdue"])
                out.raw("</strong>")
            }
            out.raw("</td>\n    </tr>\n")
        }
        out.raw("  </tbody>\n</table>")
        return out.html
    }

    /// A `<section class="key-figure">` per figure, each with its heading, perspective and figure;
    /// they follow each other on lines indented to stand in the page's section.
    static func keyFigures(_ figures: [FigureView], strings: Strings) -> String {
        var out = HTMLBuilder(capacity: 8192 * max(1, figures.count))
        for (index, figure) in figures.enumerated() {
            guard let heading = figure.heading else { continue }
            let id = HTML.escape(heading.id)
            if index > 0 { out.raw("\n    ") }
            out.raw("<section class=\"key-figure\" id=\"\(id)\" aria-labelledby=\"\(id)-title\">\n")
            out.raw("      <h3 id=\"\(id)-title\"><a href=\"\(HTML.escape(heading.href ?? ""))\">")
            out.text(heading.name)
            out.raw("</a></h3>\n      <p class=\"perspective\">")
            out.text(strings["key_figures.perspective"] + ": " + heading.perspective)
            out.raw("</p>\n")
            self.figure(figure, into: &out)
            out.raw("\n    </section>")
        }
        return out.html
    }

    /// A key figure's chart, gap sentence, table and footnote.
    static func figure(_ figure: FigureView) -> String {
        var out = HTMLBuilder(capacity: figure.chart.utf8.count + figure.table.utf8.count + 512)
        self.figure(figure, into: &out)
        return out.html
    }

    private static func figure(_ figure: FigureView, into out: inout HTMLBuilder) {
        out.raw("<figure class=\"chart-figure\">\n")
        out.raw(figure.chart)
        out.raw("\n</figure>\n")
        if let gap = figure.gap {
            out.raw("<p class=\"gap\">")
            out.text(gap)
            out.raw("</p>\n")
        }
        out.raw("<div class=\"table-scroll\" role=\"region\" aria-label=\"\(HTML.escape(figure.tableCaption))\" tabindex=\"0\">\n")
        out.raw(figure.table)
        out.raw("\n</div>")
        if figure.hasSuppressed {
            out.raw("\n<p class=\"footnote\">")
            out.text(figure.suppressedNote)
            out.raw("</p>")
        }
        if let note = figure.koladaNote {
            out.raw("\n<p class=\"footnote kolada-note\">")
            out.raw(note)
            out.raw("</p>")
        }
    }

    /// `<time datetime="2026-03-01">1 mars 2026</time>`.
    private static func time(_ date: DateView, into out: inout HTMLBuilder) {
        out.raw("<time datetime=\"\(HTML.escape(date.iso))\">")
        out.text(date.text)
        out.raw("</time>")
    }
}
