import Markup

/// Lists written straight from Swift: navigation that appears on nearly every page, and the step
/// track, plan table and key figures of every unit page. Writing them through a template entry
/// by entry is what costs most in a large site. A theme restyles them with CSS, or replaces one
/// with its own `partials/breadcrumbs`, `toc`, `pager`, `steps`, `plans` or `key-figures`
/// template (docs/themes.md).
enum Fragments {
    /// The view's key (`breadcrumbs` → `breadcrumbsHTML`, shown when `hasBreadcrumbs`), the page
    /// template it belongs to (nil: any), and the partials that, when the site's theme has its own
    /// version of one, are rendered instead of Valgrund's markup (the first is the one rendered).
    static let fragments: [(key: String, page: String?, partials: Set<String>, partial: String)] = [
        ("breadcrumbs", nil, ["partials/breadcrumbs"], "partials/breadcrumbs"),
        ("toc", nil, ["partials/toc"], "partials/toc"),
        ("pager", nil, ["partials/pager"], "partials/pager"),
        ("steps", "unit", ["partials/steps"], "partials/steps"),
        ("plans", "unit", ["partials/plans"], "partials/plans"),
        // The built-in theme has this loop as a template too; it places partials/figure.
        ("keyFigures", "unit", ["partials/key-figures", "partials/figure"], "partials/key-figures"),
    ]

    /// Turns the view's `breadcrumbs`, `toc`, `pager`, and on unit pages `steps`, `plans` and
    /// `keyFigures` into `breadcrumbsHTML`, `tocHTML`, `pagerHTML`, `stepsHTML`, `plansHTML` and
    /// `keyFiguresHTML`, for the page `template`.
    static func apply(to view: inout [String: Any], template: String, context: RenderContext) {
        let strings = context.strings
        var builtIn: Set<String> = []
        for fragment in fragments where fragment.page == nil || fragment.page == template {
            guard !context.ownTemplates.isDisjoint(with: fragment.partials), let templates = context.templates else {
                builtIn.insert(fragment.key)
                continue
            }
            if view["has" + fragment.key.prefix(1).uppercased() + fragment.key.dropFirst()] as? Bool == true {
                view[fragment.key + "HTML"] = templates.render(view, withTemplate: fragment.partial) ?? ""
            }
        }
        let title = ((view["page"] as? [String: Any])?["title"] as? String) ?? ""
        if builtIn.contains("breadcrumbs"), view["hasBreadcrumbs"] as? Bool == true, let crumbs = view["breadcrumbs"] as? [[String: Any]] {
            var out = HTMLBuilder(capacity: 512)
            out.raw("<nav class=\"breadcrumbs\" aria-label=\"\(HTML.escape(strings["breadcrumbs"]))\">\n  <ol>\n")
            for crumb in crumbs {
                out.raw("    <li><a href=\"\(HTML.escape(crumb["href"] as? String ?? ""))\">")
                out.text(crumb["title"] as? String ?? "")
                out.raw("</a></li>\n")
            }
            out.raw("    <li><span aria-current=\"page\">")
            out.text(title)
            out.raw("</span></li>\n  </ol>\n</nav>")
            view["breadcrumbsHTML"] = out.html
        }
        if builtIn.contains("toc"), view["hasToc"] as? Bool == true, let toc = view["toc"] as? [[String: Any]] {
            var out = HTMLBuilder(capacity: 1024)
            out.raw("<nav class=\"toc\" aria-labelledby=\"vg-toc-title\">\n  <h2 id=\"vg-toc-title\">")
            out.text(strings["on_this_page"])
            out.raw("</h2>\n  <ol>\n")
            for entry in toc {
                out.raw("    <li class=\"level-\(entry["level"] as? Int ?? 2)\"><a href=\"#\(HTML.escape(entry["id"] as? String ?? ""))\">")
                out.text(entry["text"] as? String ?? "")
                out.raw("</a></li>\n")
            }
            out.raw("  </ol>\n</nav>")
            view["tocHTML"] = out.html
        }
        if builtIn.contains("pager"), view["hasPager"] as? Bool == true, let pager = view["pager"] as? [String: Any] {
            var out = HTMLBuilder(capacity: 512)
            out.raw("<nav class=\"pager\" aria-label=\"\(HTML.escape(strings["pager"]))\">\n")
            for (key, label, rel) in [("previous", "previous", "prev"), ("next", "next", "next")] {
                guard let link = pager[key] as? [String: Any] else { continue }
                out.raw("  <a class=\"\(key)\" href=\"\(HTML.escape(link["href"] as? String ?? ""))\" rel=\"\(rel)\"><span class=\"pager-label\">")
                out.text(strings[label])
                out.raw("</span> <span class=\"pager-title\">")
                out.text(link["title"] as? String ?? "")
                out.raw("</span></a>\n")
            }
            out.raw("</nav>")
            view["pagerHTML"] = out.html
        }
        if builtIn.contains("steps"), view["hasSteps"] as? Bool == true, let steps = view["steps"] as? [String: Any] {
            view["stepsHTML"] = UnitFragments.steps(steps, strings: strings)
        }
        if builtIn.contains("keyFigures"), view["hasKeyFigures"] as? Bool == true, let figures = view["keyFigures"] as? [[String: Any]] {
            view["keyFiguresHTML"] = UnitFragments.keyFigures(figures, strings: strings)
        }
        if builtIn.contains("plans"), view["hasPlans"] as? Bool == true, let plans = view["plans"] as? [[String: Any]] {
            view["plansHTML"] = UnitFragments.plans(plans, year: view["year"] as? Int, team: view["hasTeam"] as? Bool == true, strings: strings)
        }
    }
}
