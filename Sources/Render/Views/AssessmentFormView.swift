import Model
import Plan

/// Appendix 2 of the question guide: one scale per question, for each participant to fill in.
struct AssessmentFormView {
    let context: RenderContext

    func view(url: String) -> [String: Any] {
        let chrome = PageChrome(context: context)
        let strings = context.strings
        let scale = context.site.config.ratingScale
        let folder = context.site.questions.first.map { question -> String in
            guard let slash = question.pagePath.lastIndex(of: "/") else { return "" }
            return String(question.pagePath[..<slash])
        } ?? ""
        let folders = context.folderChain(folder)
        var view = chrome.view(url: url, title: strings["titles.assessment_form"], summary: nil, openFolders: folders, bodyClass: "form-page")
        view.merge(chrome.breadcrumbs(url: url, folders: folders)) { $1 }
        var parts: [(title: String?, questions: [[String: Any]])] = []
        for question in context.site.questions {
            let target = context.url(ofContent: question.pagePath) ?? "index.html"
            let item: [String: Any] = [
                "number": question.number, "title": question.title, "assessment": question.assessment,
                "href": chrome.href(from: url, to: target),
                "scale": scale.map { ["value": $0, "name": "q-\(question.id)"] },
                "low": "\(scale.lowerBound) = \(strings["form.low"])",
                "high": "\(scale.upperBound) = \(strings["form.high"])",
            ]
            if let last = parts.last, last.title == question.part {
                parts[parts.count - 1].questions.append(item)
            } else {
                parts.append((question.part, [item]))
            }
        }
        view["parts"] = parts.map { ["title": maybe($0.title), "questions": $0.questions] }
        view["intro"] = strings["form.intro"]
        view["scaleExplanation"] = strings.format("form.scale", ["min": String(scale.lowerBound), "max": String(scale.upperBound)])
        return view
    }
}
