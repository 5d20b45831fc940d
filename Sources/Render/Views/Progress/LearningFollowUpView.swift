import Model

/// The learning follow-up: every participant's rating per question and the group's joint one.
struct LearningFollowUpView {
    let context: RenderContext
    var strings: Strings { context.strings }

    func view(_ followUp: LearningFollowUp, unit: Unit, year: Int, url: String) -> [String: Any]? {
        let questions = context.site.questions.filter { followUp.ratings[$0.id] != nil || followUp.agreed[$0.id] != nil }
        guard !questions.isEmpty else { return nil }
        let status = StatusViews(context: context)
        let rows = questions.map { question in
            DotPlot.Row(label: "\(question.number). \(question.title)", ratings: followUp.ratings[question.id] ?? [],
                        agreed: followUp.agreed[question.id])
        }
        let widest = questions.compactMap { q -> (String, Int)? in
            guard let r = followUp.ratings[q.id], let lo = r.min(), let hi = r.max() else { return nil }
            return (q.title, hi - lo)
        }.max { $0.1 < $1.1 }
        let plot = DotPlot(
            idPrefix: "vg-lf", title: strings.format("learning_follow_up.chart_title", ["unit": unit.name, "year": String(year)]),
            description: strings.format("learning_follow_up.description", [
                "count": String(questions.count),
                "widest": widest.map { "\($0.0) (\($0.1))" } ?? "–",
            ]),
            rows: rows, scale: context.site.config.ratingScale,
            labels: DotPlot.Labels(rating: strings["learning_follow_up.one_rating"], agreed: strings["learning_follow_up.agreed"]))
        return [
            "date": status.date(followUp.date),
            "chart": plot.svg(),
            "rows": questions.map { question -> [String: Any] in
                let ratings = followUp.ratings[question.id] ?? []
                return [
                    "number": question.number, "title": question.title,
                    "href": status.link(from: url, to: context.url(ofContent: question.pagePath)),
                    "ratings": ratings.isEmpty ? strings["symbols.missing"] : ratings.map(String.init).joined(separator: ", "),
                    "spread": maybe(ratings.min().map { lo in "\(lo)–\(ratings.max()!)" }),
                    "agreed": maybe(followUp.agreed[question.id]),
                ]
            },
            "scale": strings.format("form.scale", ["min": String(context.site.config.ratingScale.lowerBound),
                                                    "max": String(context.site.config.ratingScale.upperBound)]),
        ]
    }
}
