import Diagnostics
import Markdown
import Model

/// Puts the generated figures into hand-written text (`{% units %}` → "8") before anything reads
/// it, so the pages, the search index and every export show the same number as the generated
/// sections. An annual report quotes its own year, any other text the year the progress pages
/// show; `{% units 2025 %}` names the year.
public enum GeneratedFigureText {
    public static func fill(_ site: inout Site, strings: Strings, asOf: Day, log: DiagnosticLog) {
        let latest = ProgressRules.latestYear(of: site.units, asOf: asOf) ?? asOf.year
        let names = ProgressRules.generatedFigureNames(steps: site.steps)
        let figures = site
        func fill(_ text: inout String, year: Int, at place: (FigurePlaceholders.Occurrence) -> SourceLocation) -> Bool {
            guard FigurePlaceholders.mayOccur(in: text) else { return false }
            let (filled, occurrences) = FigurePlaceholders.substitute(text) { occurrence in
                if let extra = occurrence.extra {
                    log.error(
                        "'\(extra)' after the figure's name: only a year may stand there, e.g. `{% \(occurrence.name) \(latest) %}`", at: place(occurrence))
                    return nil
                }
                guard let value = ProgressRules.generatedFigure(occurrence.name, year: occurrence.year ?? year, site: figures) else {
                    log.error(
                        "no generated figure '\(occurrence.name)'\(Suggestion.hint(for: occurrence.name, in: names)); the figures are \(names.joined(separator: ", "))",
                        at: place(occurrence))
                    return nil
                }
                return strings.number(Double(value))
            }
            text = filled
            return !occurrences.isEmpty
        }
        /// Bodies and summaries; positions in a body are in the file, a summary's point to its front matter.
        func fill<Text>(
            _ items: inout [Text], body: WritableKeyPath<Text, String>, summary: WritableKeyPath<Text, String?>,
            path: KeyPath<Text, String>, firstLine: KeyPath<Text, Int>, frontMatter: (Text) -> SourceLocation,
            year: (Text) -> Int, quoting: WritableKeyPath<Text, Bool>?
        ) {
            for index in items.indices {
                var item = items[index]
                let (path, firstLine) = (item[keyPath: path], item[keyPath: firstLine])
                var quotes = fill(&item[keyPath: body], year: year(item)) {
                    SourceLocation(path: path, line: firstLine + $0.line - 1, column: $0.column)
                }
                if var text = item[keyPath: summary] {
                    let location = frontMatter(item)
                    if fill(&text, year: year(item), at: { _ in location }) { quotes = true }
                    item[keyPath: summary] = text
                }
                guard quotes else { continue }
                if let quoting { item[keyPath: quoting] = true }
                items[index] = item
            }
        }
        fill(
            &site.pages, body: \.body, summary: \.summary, path: \.sourcePath, firstLine: \.bodyFirstLine,
            frontMatter: \.location, year: { _ in latest }, quoting: \.usesGeneratedFigures)
        fill(
            &site.examples, body: \.body, summary: \.summary, path: \.sourcePath, firstLine: \.bodyFirstLine,
            frontMatter: \.location, year: { _ in latest }, quoting: \.usesGeneratedFigures)
        // A report changes with the units anyway.
        fill(
            &site.annualReports, body: \.body, summary: \.summary, path: \.sourcePath, firstLine: \.bodyFirstLine,
            frontMatter: { SourceLocation(path: $0.sourcePath) }, year: \.year, quoting: nil)
    }
}
