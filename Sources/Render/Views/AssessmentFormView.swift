import Model
import Mustache
import Plan

/// Appendix 2 of the question guide's page.
struct AssessmentFormPage: PageView {
    /// The questions of one part of the guide.
    struct Part: MustacheParent {
        var title: String?
        var questions: [Question]

        func child(named name: String) -> Any? {
            switch name {
            case "title": maybe(title)
            case "questions": questions
            default: nil
            }
        }
    }

    struct Question: MustacheParent {
        var number: Int
        var title: String
        var assessment: String
        var href: String
        var scale: [ScaleStep]
        var low: String
        var high: String

        func child(named name: String) -> Any? {
            switch name {
            case "number": number
            case "title": title
            case "assessment": assessment
            case "href": href
            case "scale": scale
            case "low": low
            case "high": high
            default: nil
            }
        }
    }

    /// One radio button: its value and the question's field name.
    struct ScaleStep: MustacheParent {
        var value: Int
        var name: String

        func child(named name: String) -> Any? {
            switch name {
            case "value": value
            case "name": self.name
            default: nil
            }
        }
    }

    var chrome: Chrome
    var parts: [Part]
    var intro: String
    var scaleExplanation: String

    func own(named name: String) -> Any? {
        switch name {
        case "parts": parts
        case "intro": intro
        case "scaleExplanation": scaleExplanation
        default: nil
        }
    }
}

/// Appendix 2 of the question guide: one scale per question, for each participant to fill in.
struct AssessmentFormView {
    let context: RenderContext

    func view(url: String) -> AssessmentFormPage {
        let chrome = PageChrome(context: context)
        let strings = context.strings
        let scale = context.site.config.ratingScale
        let folder =
            context.site.questions.first.map { question -> String in
                guard let slash = question.pagePath.lastIndex(of: "/") else { return "" }
                return String(question.pagePath[..<slash])
            } ?? ""
        let folders = context.folderChain(folder)
        let view = chrome.view(
            url: url, title: strings["titles.assessment_form"], summary: nil, openFolders: folders, bodyClass: "form-page",
            breadcrumbs: chrome.breadcrumbs(url: url, folders: folders))
        var parts: [AssessmentFormPage.Part] = []
        for question in context.site.questions {
            let target = context.url(ofContent: question.pagePath) ?? "index.html"
            let item = AssessmentFormPage.Question(
                number: question.number, title: question.title, assessment: question.assessment,
                href: chrome.href(from: url, to: target),
                scale: scale.map { AssessmentFormPage.ScaleStep(value: $0, name: "q-\(question.id)") },
                low: "\(scale.lowerBound) = \(strings["form.low"])",
                high: "\(scale.upperBound) = \(strings["form.high"])")
            if let last = parts.last, last.title == question.part {
                parts[parts.count - 1].questions.append(item)
            } else {
                parts.append(AssessmentFormPage.Part(title: question.part, questions: [item]))
            }
        }
        return AssessmentFormPage(
            chrome: view, parts: parts, intro: strings["form.intro"],
            scaleExplanation: strings.format("form.scale", ["min": String(scale.lowerBound), "max": String(scale.upperBound)]))
    }
}
