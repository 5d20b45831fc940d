import Model
import Mustache

/// The learning follow-up's chart and table.
struct LearningFollowUpSheet: MustacheParent {
    /// A question's row of `tableHTML` (`PageParts.ratings`).
    struct Row {
        var number: Int
        var title: String
        var href: String?
        var ratings: String
        var spread: String?
        var agreed: Int?
    }

    var date: DateView?
    var chart: String
    var rows: [Row]
    var tooFewNote: String?
    var scale: String
    var strings: Strings

    func child(named name: String) -> Any? {
        switch name {
        case "date": maybe(date)
        case "chart": chart
        case "tableHTML": PageParts.ratings(rows, strings: strings)
        case "tooFewNote": maybe(tooFewNote)
        case "scale": scale
        default: nil
        }
    }
}

/// The learning follow-up: every participant's rating per question and the group's joint one. A
/// question's ratings are shown one by one only when enough people rated it (`Suppression.ratings`);
/// otherwise only the joint assessment, and nothing made from the ratings (count, spread).
struct LearningFollowUpView {
    let context: RenderContext
    var strings: Strings { context.strings }

    func view(_ followUp: LearningFollowUp, unit: Unit, year: Int, url: String) -> LearningFollowUpSheet? {
        let questions = context.site.questions.filter { followUp.ratings[$0.id] != nil || followUp.agreed[$0.id] != nil }
        guard !questions.isEmpty else { return nil }
        let status = StatusViews(context: context)
        let minimum = String(context.site.config.minGroupSize)
        let shown = Suppression.ratings(of: followUp, minGroupSize: context.site.config.minGroupSize)
        func ratings(_ question: Question) -> [Int] {
            if case .shown(let ratings) = shown[question.id] { return ratings }
            return []
        }
        let tooFew = questions.contains { shown[$0.id] == .tooFew }
        let anyShown = questions.contains { !ratings($0).isEmpty }
        let rows = questions.map { question in
            DotPlot.Row(label: "\(question.number). \(question.title)", ratings: ratings(question), agreed: followUp.agreed[question.id])
        }
        let widest = questions.compactMap { q -> (String, Int)? in
            let r = ratings(q)
            guard let lo = r.min(), let hi = r.max() else { return nil }
            return (q.title, hi - lo)
        }.max { $0.1 < $1.1 }
        let description =
            anyShown
            ? strings.plural(
                "learning_follow_up.description", count: questions.count,
                ["count": String(questions.count), "widest": widest.map { "\($0.0) (\($0.1))" } ?? "–"])
            : strings.plural("learning_follow_up.description_agreed_only", count: questions.count, ["count": String(questions.count), "min": minimum])
        let plot = DotPlot(
            idPrefix: "vg-lf", title: strings.format("learning_follow_up.chart_title", ["unit": unit.name, "year": String(year)]),
            description: description, rows: rows, scale: context.site.config.ratingScale,
            labels: DotPlot.Labels(rating: strings["learning_follow_up.one_rating"], agreed: strings["learning_follow_up.agreed"]))
        return LearningFollowUpSheet(
            date: status.date(followUp.date),
            chart: plot.svg(),
            rows: questions.map { question in
                let ratings = ratings(question)
                let text =
                    shown[question.id] == .tooFew
                    ? strings.format("learning_follow_up.too_few", ["min": minimum])
                    : ratings.isEmpty ? strings["symbols.missing"] : ratings.map(String.init).joined(separator: ", ")
                return LearningFollowUpSheet.Row(
                    number: question.number, title: question.title,
                    href: status.link(from: url, to: context.url(ofContent: question.pagePath)),
                    ratings: text,
                    spread: ratings.min().map { lo in "\(lo)–\(ratings.max()!)" },
                    agreed: followUp.agreed[question.id])
            },
            tooFewNote: tooFew ? strings.format("learning_follow_up.too_few_note", ["min": minimum]) : nil,
            scale: strings.format(
                "form.scale",
                [
                    "min": String(context.site.config.ratingScale.lowerBound),
                    "max": String(context.site.config.ratingScale.upperBound),
                ]),
            strings: strings)
    }
}
