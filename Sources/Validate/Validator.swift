import Diagnostics
import Load
import Model

/// Checks everything Load found and builds the typed site, or reports every mistake at once.
public enum Validator {
    public static func validate(_ content: LoadedContent, context: ValidationContext, log: DiagnosticLog) -> Site? {
        let config = SiteConfigValidator.validate(content.siteConfig, context: context, log: log)
        var pages: [Page] = []
        var unpublished: [String: UnpublishedReason] = [:]
        // Each file on its own, in parallel; the log sorts what they report.
        let validated = concurrentMap(content.pages) { PageValidator.validate($0, log: log) }
        for (raw, page) in zip(content.pages, validated) {
            guard let page else {
                unpublished[raw.contentPath] = .invalid
                continue
            }
            if page.draft && !context.includeDrafts {
                unpublished[raw.contentPath] = .draft
                continue
            }
            pages.append(page)
        }
        let steps = ProcessValidator.steps(in: pages, log: log)
        let questions = ProcessValidator.questions(in: pages, log: log)
        let catalogue = KeyFigureValidator.validate(content.keyFigures, config: config, log: log)
        guard let config else { return nil }
        var site = Site(config: config, pages: pages, steps: steps, questions: questions, unpublished: unpublished,
                        keyFigures: catalogue.figures)
        // References to key figures that have their own errors are not reported a second time.
        let catalogueBroken = catalogue.invalid == nil || content.brokenFiles.contains("content/key-figures.yaml")
        let units = UnitValidator(site: site, context: context, log: log,
                                  unreportedKeyFigures: catalogueBroken ? nil : catalogue.invalid ?? [])
        site.units = concurrentMap(content.units, units.validate).compactMap { $0 }.sorted { Collation.less($0.name, $1.name) }
        let examples = ExampleValidator(site: site, context: context, log: log)
        var slugs: [String: String] = [:]
        for raw in content.examples {
            guard let (example, draft) = examples.example(raw), !draft || context.includeDrafts else { continue }
            if let other = slugs[example.slug] {
                log.error("two examples would get the address '\(example.slug)': this one and \(other); give one a `slug`", at: example.location)
                continue
            }
            slugs[example.slug] = example.sourcePath
            site.examples.append(example)
        }
        site.examples.sort { $0.date != $1.date ? $0.date > $1.date : Collation.less($0.title, $1.title) }
        site.annualReports = content.annualReports.compactMap { raw in
            guard let (report, draft) = examples.report(raw), !draft || context.includeDrafts else { return nil }
            return report
        }.sorted { $0.year > $1.year }
        return site
    }

    /// One handbook page on its own (the live preview's page edit); nil after reporting why not.
    /// Whether it fits the rest of the site (its step or question, its address) is the caller's
    /// to know: only an edit that leaves the front matter as it was may skip `validate`.
    public static func page(_ raw: RawPage, log: DiagnosticLog) -> Page? {
        PageValidator.validate(raw, log: log)
    }
}
