import Diagnostics
import Load
import Markdown
import Model

/// Front matter of handbook pages → Page, and the steps and questions the pages define.
enum PageValidator {
    static func validate(_ raw: RawPage, log: DiagnosticLog) -> Page? {
        guard let frontMatter = raw.frontMatter else {
            log.error("the page has no front matter: start it with a `---` line, `title: …` and another `---` line", at: raw.frontMatterStart)
            return nil
        }
        guard
            let map = MappingReader(
                frontMatter.root, in: frontMatter, log: log, shape: ContentShapes.page, start: raw.frontMatterStart)
        else { return nil }
        guard let title = map.string("title") else { return nil }
        var page = Page(
            sourcePath: raw.path, contentPath: raw.contentPath, title: title.value,
            body: raw.body, bodyFirstLine: raw.bodyFirstLine, location: raw.frontMatterStart)
        page.order = map.int("order")?.value
        page.summary = map.string("summary")?.value
        page.draft = map.bool("draft")?.value ?? false
        page.updated = map.day("updated")?.value
        page.contact = map.contact()
        page.worksheet = map.worksheet()
        if let slug = map.string("slug") {
            if isSafeSegment(slug.value) {
                page.slug = slug.value
            } else {
                let suggestion = segmentSuggestion(slug.value)
                log.error(
                    "'slug' must be one URL segment of plain ASCII letters, digits and hyphens\(suggestion.isEmpty ? Message(", e.g. `uppstart`") : suggestion)",
                    at: slug.location)
            }
        }
        if let step = map.string("step") {
            if isID(step.value) { page.step = StepInfo(id: step.value, location: step.location) } else { invalidID("step", step, log) }
        }
        let part = map.string("part")
        let assessment = map.string("assessment")
        if let question = map.string("question") {
            if !isID(question.value) {
                invalidID("question", question, log)
            } else if let assessment {
                page.question = QuestionInfo(id: question.value, part: part?.value, assessment: assessment.value, location: question.location)
            } else {
                _ = map.string("assessment", required: "a question page needs the question people rate, e.g. `assessment: I vilken mån …?`")
            }
        } else {
            for (key, value) in [("part", part), ("assessment", assessment)] {
                if let value { log.error("'\(key)' belongs on question pages: add `question: <id>` or remove it", at: value.location) }
            }
        }
        if page.step != nil, page.question != nil, let location = map.location(ofKey: "question") {
            log.error("a page is either a step or a question, not both", at: location)
        }
        return page
    }

    private static func invalidID(_ key: String, _ value: Located<String>, _ log: DiagnosticLog) {
        log.error("'\(key)' must be an id of lowercase letters, digits and hyphens, e.g. `\(key): \(suggestedID(value.value))`", at: value.location)
    }
}

/// Ids that units' files refer to: short, lowercase, safe in URLs.
func isID(_ text: String) -> Bool {
    idProblem(text) == nil
}

/// Why `text` is no id (see `isID`), or nil when it is one.
func idProblem(_ text: String) -> Message? {
    let maxLength = 80
    guard let first = text.unicodeScalars.first else { return Message("it is empty") }
    let isAllowed = { (scalar: Unicode.Scalar) in
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_"
    }
    if let other = text.unicodeScalars.first(where: { !isAllowed($0) }) {
        let what: Message =
            other == " "
            ? Message("a space") : other.properties.isUppercase ? Message("the capital '\(other)'") : .verbatim("'\(other.escaped(asASCII: false))'")
        return Message("it holds \(what), and an id holds only lowercase letters, digits and hyphens")
    }
    if !(("a"..."z").contains(first) || ("0"..."9").contains(first)) {
        return Message("it starts with '\(first)', and an id starts with a lowercase letter or a digit")
    }
    if text.count > maxLength { return Message("it has \(text.count) characters, and an id has at most \(maxLength)") }
    return nil
}

func suggestedID(_ text: String) -> String {
    let slug = Slug.make(text)
    return slug.isEmpty ? "id" : slug
}
