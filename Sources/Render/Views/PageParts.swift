import Markup

/// The pieces of markup Valgrund writes itself from the typed views, because a template costs
/// more than the rest of the page for them in a large site: a content page's table of contents,
/// a unit page's step track, plan table and key figures (with the key-figure pages' figure), the
/// overview's and departments' table of units by steps, a key figure's table of units, and a
/// unit's program-logic worksheet and table of learning follow-up ratings.
/// Themes restyle them with CSS; they cannot replace them (docs/themes.md). The view's `tocHTML`,
/// `stepsHTML`, `plansHTML`, `keyFiguresHTML`, a figure's `html`, a department's `matrixHTML`,
/// a key figure's `unitsHTML`, the program logic's `worksheetHTML` and the learning follow-up's
/// `tableHTML` place them.
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

    /// `<table class="matrix">` of the overview and a department's page: a row per unit, a cell per
    /// step (its status as a class, the symbol shown and the words for screen readers), the stamp
    /// and the self-assessment. Lines after the first are indented to stand in the department's section.
    static func matrix(
        department: String, units: [OverviewPage.UnitRow], steps: [OverviewPage.StepColumn], year: Int, strings: Strings
    ) -> String {
        var out = HTMLBuilder(capacity: 1024 + units.count * (600 + steps.count * 200))
        out.raw("<table class=\"matrix\">\n      <caption>")
        out.text(strings["overview.matrix_caption"] + " \(year): " + department)
        out.raw("</caption>\n      <thead>\n        <tr>\n          ")
        out.element("th", "scope=\"col\"", strings["overview.unit"])
        out.raw("\n          ")
        for step in steps {
            out.raw(
                "<th scope=\"col\" class=\"step-col\"><a href=\"\(HTML.escape(step.href ?? ""))\"><span aria-hidden=\"true\">\(step.number)</span><span class=\"visually-hidden\">"
            )
            out.text("\(step.number). \(step.title)")
            out.raw("</span></a></th>")
        }
        out.raw("\n          ")
        out.element("th", "scope=\"col\" class=\"stamp-col\"", strings["overview.stamp"])
        out.raw("\n          ")
        out.element("th", "scope=\"col\" class=\"num sa-col\"", strings["overview.self_assessment"])
        out.raw("\n        </tr>\n      </thead>\n      <tbody>\n")
        let lateSymbol = HTML.escape(strings["symbols.late"])
        let lateWords = HTML.escape(strings["legend.late"])
        let missing = HTML.escape(strings["symbols.missing"])
        let noStamp = HTML.escape(strings["unit.no_stamp"])
        for unit in units {
            out.raw("        <tr>\n          <th scope=\"row\"><a href=\"\(HTML.escape(unit.href ?? ""))\">")
            out.text(unit.name)
            out.raw("</a>")
            if let overdue = unit.overdue {
                out.raw(" ")
                out.element("span", "class=\"overdue-note\"", overdue)
            }
            out.raw("</th>\n          ")
            for cell in unit.cells {
                let late = cell.status.late == true
                out.raw("<td class=\"status \(HTML.escape(cell.status.kind))\(late ? " late" : "")\"><span aria-hidden=\"true\">")
                out.text(cell.status.symbol)
                if late { out.raw(lateSymbol) }
                out.raw("</span><span class=\"visually-hidden\">")
                out.text(cell.step + ": " + cell.status.text)
                if late { out.raw(", " + lateWords) }
                out.raw("</span></td>")
            }
            out.raw("\n          <td>")
            if let stamp = unit.stamp {
                out.raw("<span aria-hidden=\"true\">✓</span> ")
                time(stamp, into: &out)
            } else {
                out.raw("<span aria-hidden=\"true\">\(missing)</span><span class=\"visually-hidden\">\(noStamp)</span>")
            }
            out.raw("</td>\n          <td class=\"num\">")
            if let score = unit.selfAssessment {
                out.raw("\(score.score)")
                if let change = score.change {
                    out.raw(" (")
                    out.text(change)
                    out.raw(")")
                }
            } else {
                out.raw(missing)
            }
            out.raw("</td>\n        </tr>\n")
        }
        out.raw("      </tbody>\n    </table>")
        return out.html
    }

    /// `<table class="units-table">` of a key figure's page: a row per unit that prioritises the
    /// figure, with its department, the year shown and a cell per group (value, target, whether reached).
    static func figureUnits(_ units: [KeyFigurePage.UnitRow], groupHeaders: [String], strings: Strings) -> String {
        var out = HTMLBuilder(capacity: 1024 + units.count * (400 + groupHeaders.count * 200))
        tableHead(
            "units-table", caption: strings["key_figures.units_caption"],
            columns: [strings["overview.unit"], strings["key_figures.department"], strings["table.year"]], numbers: groupHeaders,
            into: &out)
        let targetShort = HTML.escape(strings["table.target_short"])
        for unit in units {
            out.raw("        <tr>\n          <th scope=\"row\"><a href=\"\(HTML.escape(unit.href ?? ""))\">")
            out.text(unit.name)
            out.raw("</a></th>\n          <td><a href=\"\(HTML.escape(unit.departmentHref ?? ""))\">")
            out.text(unit.department)
            out.raw("</a></td>\n          <td>\(unit.year)</td>\n          ")
            for value in unit.values {
                out.raw("<td class=\"num\">")
                out.text(value.value)
                if let target = value.target {
                    out.raw(" <span class=\"target-note\">(\(targetShort) ")
                    out.text(target)
                    out.raw(")</span>")
                }
                if let reached = value.reached {
                    out.raw(" <span class=\"reached\(reached.yes ? " yes" : "")\"><span aria-hidden=\"true\">")
                    out.text(reached.symbol)
                    out.raw("</span><span class=\"visually-hidden\">")
                    out.text(reached.text)
                    out.raw("</span></span>")
                }
                out.raw("</td>")
            }
            out.raw("\n        </tr>\n")
        }
        out.raw("      </tbody>\n    </table>")
        return out.html
    }

    /// `<div class="worksheet">` of a unit's program logic: a `<section class="worksheet-column KEY">`
    /// per column, a `<li class="box">` per box with its state, links and gaps.
    static func worksheet(_ columns: [ProgramLogicSheet.Column]) -> String {
        var out = HTMLBuilder(capacity: 1024 + columns.reduce(0) { $0 + $1.items.count } * 300)
        out.raw("<div class=\"worksheet\">\n")
        for column in columns {
            let key = HTML.escape(column.key)
            out.raw("      <section class=\"worksheet-column \(key)\" aria-labelledby=\"vg-pl-\(key)\">\n")
            out.raw("        <h3 id=\"vg-pl-\(key)\">")
            out.text(column.title)
            out.raw("</h3>\n        <ul>\n")
            for box in column.items {
                out.raw(box.gaps.isEmpty ? "          <li class=\"box\">\n            " : "          <li class=\"box has-gap\">\n            ")
                out.text(box.text)
                if let state = box.state {
                    out.raw("\n            <span class=\"box-state \(HTML.escape(state.kind))\">")
                    out.text(state.text)
                    out.raw("</span>")
                }
                if !box.links.isEmpty {
                    out.raw("\n            ")
                    for link in box.links { out.element("span", "class=\"box-link\"", link.label + ": " + link.targets) }
                }
                if !box.gaps.isEmpty {
                    out.raw("\n            ")
                    for gap in box.gaps {
                        out.raw("<strong class=\"box-gap\"><span aria-hidden=\"true\">⚠</span> ")
                        out.text(gap)
                        out.raw("</strong>")
                    }
                }
                out.raw("\n          </li>\n")
            }
            out.raw("        </ul>\n      </section>\n")
        }
        out.raw("    </div>")
        return out.html
    }

    /// `<table class="ratings">` of a unit's learning follow-up: a row per question with its
    /// ratings, their spread and the group's joint rating.
    static func ratings(_ rows: [LearningFollowUpSheet.Row], strings: Strings) -> String {
        var out = HTMLBuilder(capacity: 1024 + rows.count * 300)
        tableHead(
            "ratings", caption: strings["learning_follow_up.table_caption"],
            columns: [strings["learning_follow_up.question"], strings["learning_follow_up.ratings"]],
            numbers: [strings["learning_follow_up.spread"], strings["learning_follow_up.agreed_header"]], into: &out)
        let missing = strings["symbols.missing"]
        for row in rows {
            out.raw("        <tr><th scope=\"row\"><a href=\"\(HTML.escape(row.href ?? ""))\">")
            out.text("\(row.number). \(row.title)")
            out.raw("</a></th>")
            out.element("td", "", row.ratings)
            out.element("td", "class=\"num\"", row.spread ?? missing)
            out.element("td", "class=\"num\"", row.agreed.map(String.init) ?? missing)
            out.raw("</tr>\n")
        }
        out.raw("      </tbody>\n    </table>")
        return out.html
    }

    /// `<table class="NAME">` with its caption and a row of column headers, `numbers` (right-aligned)
    /// after `columns`, up to the opening `<tbody>`.
    private static func tableHead(_ name: String, caption: String, columns: [String], numbers: [String], into out: inout HTMLBuilder) {
        out.raw("<table class=\"\(name)\">\n      <caption>")
        out.text(caption)
        out.raw("</caption>\n      <thead><tr>")
        for column in columns { out.element("th", "scope=\"col\"", column) }
        for column in numbers { out.element("th", "scope=\"col\" class=\"num\"", column) }
        out.raw("</tr></thead>\n      <tbody>\n")
    }

    /// `<time datetime="2026-03-01">1 mars 2026</time>`.
    private static func time(_ date: DateView, into out: inout HTMLBuilder) {
        out.raw("<time datetime=\"\(HTML.escape(date.iso))\">")
        out.text(date.text)
        out.raw("</time>")
    }
}
