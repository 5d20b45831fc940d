import Diagnostics
import Model

/// The process and the question guide come from the pages that declare `step:` and `question:`.
enum ProcessValidator {
    static func steps(in pages: [Page], log: DiagnosticLog) -> [Step] {
        let stepPages = ordered(pages.filter { $0.step != nil })
        reportDuplicates(stepPages.map { ($0.step!.id, $0.step!.location, $0) }, what: "step id", log: log)
        return stepPages.enumerated().map { index, page in
            Step(id: page.step!.id, title: page.title, number: index + 1, pagePath: page.contentPath, summary: page.summary)
        }
    }

    static func questions(in pages: [Page], log: DiagnosticLog) -> [Question] {
        let questionPages = ordered(pages.filter { $0.question != nil })
        reportDuplicates(questionPages.map { ($0.question!.id, $0.question!.location, $0) }, what: "question id", log: log)
        return questionPages.enumerated().map { index, page in
            let info = page.question!
            return Question(
                id: info.id, title: page.title, number: index + 1, part: info.part,
                assessment: info.assessment, pagePath: page.contentPath)
        }
    }

    static func ordered(_ pages: [Page]) -> [Page] {
        pages.sorted { precedes(order: $0.order, path: $0.contentPath, before: $1.order, path: $1.contentPath) }
    }

    private static func reportDuplicates(_ entries: [(String, SourceLocation, Page)], what: Message, log: DiagnosticLog) {
        var first: [String: Page] = [:]
        for (id, location, page) in entries {
            if let earlier = first[id] {
                log.error("the \(what) '\(id)' is already used by \(earlier.sourcePath)", at: location)
            } else {
                first[id] = page
            }
        }
    }
}
