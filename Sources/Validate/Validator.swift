import Diagnostics
import Load
import Markup
import Model
import Yams

/// Checks everything Load found and builds the typed site, or reports every mistake at once.
public enum Validator {
    public static func validate(_ content: LoadedContent, context: ValidationContext, log: DiagnosticLog) -> Site? {
        let config = SiteConfigValidator.validate(content.siteConfig, context: context, log: log)
        var pages: [Page] = []
        var unpublished: [String: UnpublishedReason] = [:]
        // Each file on its own, in parallel; the log sorts what they report.
        let validated = concurrentMap(content.pages) { PageValidator.validate($0, log: log) }
        for (raw, page) in zip(content.pages, validated) {
            guard var page else {
                unpublished[raw.contentPath] = .invalid
                continue
            }
            if page.draft && !context.includeDrafts {
                unpublished[raw.contentPath] = .draft
                continue
            }
            page.committed = content.commitDates[raw.path].flatMap { Day(iso: $0) }
            pages.append(page)
        }
        let steps = ProcessValidator.steps(in: pages, log: log)
        let questions = ProcessValidator.questions(in: pages, log: log)
        let catalogue = KeyFigureValidator.validate(content.keyFigures, config: config, log: log)
        guard let config else { return nil }
        var site = Site(
            config: config, pages: pages, steps: steps, questions: questions, unpublished: unpublished,
            keyFigures: catalogue.figures)
        // References to steps, questions, key figures and units that have errors of their own are not
        // reported a second time: the one real error is.
        let catalogueBroken = catalogue.invalid == nil || content.brokenFiles.contains("content/key-figures.yaml")
        let brokenKeyFigures = BrokenIDs(catalogueBroken ? nil : catalogue.invalid ?? [])
        let (brokenSteps, brokenQuestions) = BrokenIDs.process(content, validated: validated, config: config)
        let units = UnitValidator(
            site: site, context: context, log: log, brokenKeyFigures: brokenKeyFigures,
            brokenSteps: brokenSteps, brokenQuestions: brokenQuestions)
        let validatedUnits = concurrentMap(content.units, units.validate)
        site.units = validatedUnits.compactMap { $0 }.sorted { Collation.less($0.name, $1.name) }
        let unitsFolder = "content/\(config.folders.units)/"
        let brokenUnitFiles =
            content.brokenFiles.filter { $0.hasPrefix(unitsFolder) }
            + zip(content.units, validatedUnits).filter { $0.1 == nil }.map(\.0.path)
        let brokenUnits = BrokenIDs(Set(brokenUnitFiles.map(ContentLoader.unitID(ofFile:))))
        KoladaValidator.merge(
            content.kolada, into: &site, log: log, catalogueBroken: catalogueBroken, unitsBroken: !brokenUnitFiles.isEmpty)
        let examples = ExampleValidator(site: site, context: context, log: log, brokenUnits: brokenUnits, brokenKeyFigures: brokenKeyFigures)
        var slugs: [String: String] = [:]
        var tagSpellings = TagSpellings()
        for raw in content.examples {
            guard let (example, draft, tagLocations) = examples.example(raw), !draft || context.includeDrafts else { continue }
            if let other = slugs[example.slug] {
                log.error("two examples would get the address '\(example.slug)': this one and \(other); give one a `slug`", at: example.location)
                continue
            }
            slugs[example.slug] = example.sourcePath
            tagSpellings.add(example.tags, at: tagLocations)
            site.examples.append(example)
        }
        tagSpellings.unify(&site.examples, log: log)
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

/// Ids that are defined but whose definition has errors of its own, so a reference to one is known,
/// just broken, and is not reported as a second error. nil when the definitions could not be read
/// at all: then no reference can be judged, and none is reported.
struct BrokenIDs: Sendable {
    let ids: Set<String>?

    init(_ ids: Set<String>?) { self.ids = ids }

    func contains(_ id: String) -> Bool { ids?.contains(id) ?? true }

    /// The steps and questions that pages declare but do not define because the page has errors;
    /// unknown (nil) when a page could not be read, since any page may declare one.
    static func process(_ content: LoadedContent, validated: [Page?], config: SiteConfig) -> (steps: BrokenIDs, questions: BrokenIDs) {
        let dataFolders = [config.folders.examples, config.folders.annualReport]
        let read = Set(content.pages.map(\.contentPath))
        let unreadable = content.files.contains { file in
            file.hasSuffix(".md") && !read.contains(file)
                && !dataFolders.contains { file.hasPrefix($0 + "/") }
        }
        if unreadable { return (BrokenIDs(nil), BrokenIDs(nil)) }
        var steps: Set<String> = [], questions: Set<String> = []
        for (raw, page) in zip(content.pages, validated) {
            guard case .mapping(let frontMatter)? = raw.frontMatter?.root else { continue }
            if page?.step == nil, let id = frontMatter["step"]?.string { steps.insert(id) }
            if page?.question == nil, let id = frontMatter["question"]?.string { questions.insert(id) }
        }
        return (BrokenIDs(steps), BrokenIDs(questions))
    }
}
