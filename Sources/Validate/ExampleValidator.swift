import Diagnostics
import Foundation
import Load
import Model

/// examples/*.md and annual-report/<year>.md.
struct ExampleValidator {
    let site: Site
    let context: ValidationContext
    let log: DiagnosticLog
    var brokenUnits = BrokenIDs([])
    var brokenKeyFigures = BrokenIDs([])

    /// The example, whether it is a draft, and where each of its tags is written (for `TagSpellings`).
    func example(_ raw: RawPage) -> (example: Example, draft: Bool, tagLocations: [SourceLocation])? {
        guard let frontMatter = raw.frontMatter else {
            log.error("a good example starts with front matter: `---`, `title: …`, `date: …` and another `---`", at: raw.frontMatterStart)
            return nil
        }
        guard
            let map = MappingReader(
                frontMatter.root, in: frontMatter, log: log, shape: ContentShapes.example, start: raw.frontMatterStart)
        else { return nil }
        let title = map.string("title")
        let date = map.day("date")
        let stem = String(raw.contentPath.split(separator: "/").last?.dropLast(3) ?? "")
        // The file name makes the address by the rule for all names (`fika-för-alla.md` → `fika-for-alla`).
        var slug = URLSegment.make(stem)
        if let own = map.string("slug") {
            if isSafeSegment(own.value) {
                slug = own.value
            } else {
                log.error("'slug' must be one URL segment of plain ASCII letters, digits and hyphens\(segmentSuggestion(own.value))", at: own.location)
            }
        }
        var example = Example(
            sourcePath: raw.path, slug: slug, title: title?.value ?? "", date: date?.value ?? Day(ordinal: 0),
            summary: map.string("summary")?.value, body: raw.body, bodyFirstLine: raw.bodyFirstLine,
            location: raw.frontMatterStart)
        if let unit = map.string("unit") {
            if site.unit(unit.value) != nil {
                example.unit = unit.value
            } else if !brokenUnits.contains(unit.value) {
                log.error(
                    "no unit '\(unit.value)'\(Suggestion.hint(for: unit.value, in: site.units.map(\.id))); units are named by their file in units/",
                    at: unit.location)
            }
        }
        for figure in map.stringList("key_figures") ?? [] {
            if site.keyFigure(figure.value) != nil {
                example.keyFigures.append(figure.value)
            } else if !brokenKeyFigures.contains(figure.value) {
                log.error(
                    "no key figure '\(figure.value)' in key-figures.yaml\(Suggestion.hint(for: figure.value, in: site.keyFigures.map(\.id)))",
                    at: figure.location)
            }
        }
        let tags = (map.stringList("tags") ?? []).map { ($0.value.trimmingCharacters(in: .whitespaces), $0.location) }.filter { !$0.0.isEmpty }
        example.tags = tags.map(\.0)
        example.annualReport = map.int("annual_report")?.value
        guard title != nil, date != nil else { return nil }
        return (example, map.bool("draft")?.value ?? false, tags.map(\.1))
    }

    func report(_ raw: RawPage) -> (report: AnnualReport, draft: Bool)? {
        let stem = String(raw.contentPath.split(separator: "/").last?.dropLast(3) ?? "")
        guard stem.count == 4, let year = Int(stem), (1900...2200).contains(year) else {
            log.error("an annual report's file is named after its year, e.g. 2026.md", at: SourceLocation(path: raw.path))
            return nil
        }
        guard let frontMatter = raw.frontMatter else {
            log.error("the report starts with front matter: `---`, `title: …` and another `---`", at: raw.frontMatterStart)
            return nil
        }
        guard
            let map = MappingReader(
                frontMatter.root, in: frontMatter, log: log, shape: ContentShapes.annualReport, start: raw.frontMatterStart)
        else { return nil }
        guard let title = map.string("title", required: "the report's title, e.g. `title: Välgrundad verksamhet \(year)`") else { return nil }
        return (
            AnnualReport(
                year: year, title: title.value, summary: map.string("summary")?.value, body: raw.body,
                bodyFirstLine: raw.bodyFirstLine, sourcePath: raw.path), map.bool("draft")?.value ?? false
        )
    }
}
