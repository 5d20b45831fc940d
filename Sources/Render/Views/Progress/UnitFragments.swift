import Markup

/// The step track and the plan table of a unit page, written from the page's view (see `Fragments`).
enum UnitFragments {
    static func steps(_ steps: [String: Any], strings: Strings) -> String {
        var out = HTMLBuilder(capacity: 2048)
        out.raw("<ol class=\"step-track\">\n")
        for item in steps["items"] as? [[String: Any]] ?? [] {
            let status = item["status"] as? [String: Any] ?? [:]
            let late = status["late"] as? Bool == true
            out.raw("  <li class=\"step-status \(HTML.escape(status["kind"] as? String ?? ""))\(late ? " late" : "")\(item["current"] as? Bool == true ? " current" : "")\">\n")
            out.raw("    <span class=\"symbol\" aria-hidden=\"true\">")
            out.text(status["symbol"] as? String ?? "")
            out.raw("</span>\n    <span class=\"step-name\"><a href=\"\(HTML.escape(item["href"] as? String ?? ""))\">")
            out.text("\(item["number"] as? Int ?? 0). \(item["title"] as? String ?? "")")
            out.raw("</a></span>\n    <span class=\"status-text\">")
            out.text(status["text"] as? String ?? "")
            if late {
                out.raw(" <strong class=\"late-note\">(")
                out.text(strings["legend.late"])
                out.raw(")</strong>")
            }
            date(item["date"], into: &out, prefix: " · ")
            out.raw("</span>\n  </li>\n")
        }
        out.raw("</ol>")
        return out.html
    }

    /// `team` adds the column of who is responsible (units without a team leave it out).
    static func plans(_ plans: [[String: Any]], year: Int?, team: Bool, strings: Strings) -> String {
        var out = HTMLBuilder(capacity: 4096)
        out.raw("<table class=\"plans\">\n  <caption>")
        out.text(strings["unit.plans_caption"] + (year.map { " \($0)" } ?? ""))
        out.raw("</caption>\n  <thead><tr>")
        for key in ["plans.title", "plans.key_figure"] + (team ? ["plans.responsible"] : []) + ["plans.status", "plans.due"] {
            out.element("th", "scope=\"col\"", strings[key])
        }
        out.raw("</tr></thead>\n  <tbody>\n")
        let missing = strings["symbols.missing"]
        for plan in plans {
            let overdue = plan["overdue"] as? Bool == true
            out.raw("    <tr class=\"\(overdue ? "overdue" : "")\">\n      ")
            out.element("th", "scope=\"row\"", plan["title"] as? String ?? "")
            out.raw("\n      <td>")
            if let figure = plan["keyFigure"] as? [String: Any] {
                out.raw("<a href=\"\(HTML.escape(figure["href"] as? String ?? ""))\">")
                out.text(figure["name"] as? String ?? "")
                out.raw("</a>")
            } else {
                out.text(missing)
            }
            out.raw("</td>\n")
            if team {
                out.raw("      ")
                out.element("td", "", plan["responsible"] as? String ?? missing)
                out.raw("\n")
            }
            let status = plan["status"] as? [String: Any] ?? [:]
            out.raw("      <td><span class=\"plan-status \(HTML.escape(status["kind"] as? String ?? ""))\"><span aria-hidden=\"true\">")
            out.text(status["symbol"] as? String ?? "")
            out.raw("</span> ")
            out.text(status["text"] as? String ?? "")
            out.raw("</span></td>\n      <td>")
            if !date(plan["due"], into: &out, prefix: "") { out.text(missing) }
            if overdue {
                out.raw(" <strong class=\"overdue-note\">")
                out.text(strings["plans.overdue"])
                out.raw("</strong>")
            }
            out.raw("</td>\n    </tr>\n")
        }
        out.raw("  </tbody>\n</table>")
        return out.html
    }

    /// A section per key figure with its chart and table, as `partials/key-figures` and
    /// `partials/figure` write them (the first line's indent and the last newline stand in unit.mustache).
    static func keyFigures(_ figures: [[String: Any]], strings: Strings) -> String {
        var out = HTMLBuilder(capacity: 8192 * max(1, figures.count))
        for figure in figures {
            let id = HTML.escape(figure["id"] as? String ?? "")
            out.raw("    <section class=\"key-figure\" id=\"\(id)\" aria-labelledby=\"\(id)-title\">\n")
            out.raw("      <h3 id=\"\(id)-title\"><a href=\"\(HTML.escape(figure["href"] as? String ?? ""))\">")
            out.text(figure["name"] as? String ?? "")
            out.raw("</a></h3>\n      <p class=\"perspective\">")
            out.text(strings["key_figures.perspective"] + ": " + (figure["perspective"] as? String ?? ""))
            out.raw("</p>\n<figure class=\"chart-figure\">\n")
            out.raw(figure["chart"] as? String ?? "")
            out.raw("\n</figure>\n")
            if let gap = figure["gap"] as? String {
                out.raw("<p class=\"gap\">")
                out.text(gap)
                out.raw("</p>\n")
            }
            out.raw("<div class=\"table-scroll\" role=\"region\" aria-label=\"\(HTML.escape(figure["tableCaption"] as? String ?? ""))\" tabindex=\"0\">\n")
            out.raw(figure["table"] as? String ?? "")
            out.raw("\n</div>\n")
            if figure["hasSuppressed"] as? Bool == true {
                out.raw("<p class=\"footnote\">")
                out.text(figure["suppressedNote"] as? String ?? "")
                out.raw("</p>\n")
            }
            out.raw("    </section>\n")
        }
        // On UTF-8 (both ends are ASCII): dropping characters would walk the whole text's graphemes.
        let html = out.html.utf8
        guard html.count > 5 else { return "" }
        return String(Substring(html.dropFirst(4).dropLast()))
    }

    /// `<time datetime="2026-03-01">1 mars 2026</time>` for a date view; false when there is no date.
    @discardableResult
    private static func date(_ value: Any?, into out: inout HTMLBuilder, prefix: String) -> Bool {
        guard let date = value as? [String: Any] else { return false }
        out.raw("\(prefix)<time datetime=\"\(HTML.escape(date["iso"] as? String ?? ""))\">")
        out.text(date["text"] as? String ?? "")
        out.raw("</time>")
        return true
    }
}
