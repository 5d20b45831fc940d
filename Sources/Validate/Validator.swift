import Diagnostics
import Load
import Model

/// Checks everything Load found and builds the typed site, or reports every mistake at once.
public enum Validator {
    public static func validate(_ content: LoadedContent, context: ValidationContext, log: DiagnosticLog) -> Site? {
        let config = SiteConfigValidator.validate(content.siteConfig, context: context, log: log)
        var pages: [Page] = []
        var unpublished: [String: UnpublishedReason] = [:]
        for raw in content.pages {
            guard let page = PageValidator.validate(raw, log: log) else {
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
        site.units = content.units.compactMap(units.validate).sorted { Collation.less($0.name, $1.name) }
        return site
    }
}
