import Diagnostics
import Markup
import Model

/// A hash per planned page of everything its bytes depend on: when it is the same as in the last
/// build, the page is the same and need not be rendered again.
///
/// Every page depends on the "structure" (titles, order and addresses of all pages, the catalogue,
/// the units' names and departments, site.yaml, the theme, the build's options): a change there
/// renders everything again. Beyond that each kind of page depends on its own inputs: a Markdown
/// page on its file, a unit's pages on the unit's file, the overview on every unit file, and so on.
public enum Fingerprints {
    /// - Parameters:
    ///   - hashes: a hash of each content file's bytes, by path relative to SOURCE.
    ///   - environment: a hash of the theme, the options and the version of Valgrund.
    public static func compute(site: Site, plan: SitePlan, hashes: [String: UInt64], environment: UInt64) -> [String: UInt64] {
        let inputs = Inputs(site: site, hashes: hashes, structure: structureHash(site: site, plan: plan, hashes: hashes, environment: environment))
        var result: [String: UInt64] = [:]
        result.reserveCapacity(plan.pages.count)
        for page in plan.pages { result[page.url] = inputs.fingerprint(of: page, plan: plan) }
        return result
    }

    /// The fingerprints of `pages` alone, when the structure hash is known (the live preview).
    public static func compute(_ pages: [PlannedPage], site: Site, plan: SitePlan, hashes: [String: UInt64], structure: UInt64) -> [String: UInt64] {
        let inputs = Inputs(site: site, hashes: hashes, structure: structure)
        return Dictionary(pages.map { ($0.url, inputs.fingerprint(of: $0, plan: plan)) }, uniquingKeysWith: { first, _ in first })
    }

    /// For each handbook page (by its place in `site.pages`), the planned pages (by their place in
    /// `plan.pages`) that show its text: the only ones whose fingerprint an edit to that text alone changes.
    public static func textReaders(plan: SitePlan) -> [Int: [Int]] {
        var readers: [Int: [Int]] = [:]
        for (position, page) in plan.pages.enumerated() {
            switch page.kind {
            case .content(let index): readers[index, default: []].append(position)
            case .section(let folder): if let index = plan.sections[folder]?.indexPage { readers[index, default: []].append(position) }
            case .start: if let index = plan.sections[""]?.indexPage { readers[index, default: []].append(position) }
            case .print: for index in plan.printPages { readers[index, default: []].append(position) }
            default: break
            }
        }
        return readers
    }

    /// What fingerprints are made of; the hashes of all units and of all examples only when a page needs them.
    private final class Inputs {
        let site: Site
        let hashes: [String: UInt64]
        let structure: UInt64

        init(site: Site, hashes: [String: UInt64], structure: UInt64) {
            self.site = site
            self.hashes = hashes
            self.structure = structure
        }

        func file(_ path: String) -> UInt64 { hashes[path] ?? 0 }
        func page(_ index: Int) -> UInt64 {
            guard site.pages.indices.contains(index) else { return 0 }
            let page = site.pages[index]
            var hash = StableHash()
            hash.add(page.usesGeneratedFigures ? withUnits(file(page.sourcePath)) : file(page.sourcePath))
            // The file's bytes hold its `updated`; the date of its last commit comes from outside
            // them and changes with a commit that leaves the file as it is.
            hash.add(page.committed?.description ?? "")
            return hash.value
        }

        /// A text that quotes generated figures changes with every unit file.
        func withUnits(_ hash: UInt64) -> UInt64 {
            var combined = StableHash()
            combined.add(hash)
            combined.add(units)
            return combined.value
        }

        func combined(_ paths: [String]) -> UInt64 {
            var hash = StableHash()
            for path in paths.sorted() { hash.add(path); hash.add(file(path)) }
            return hash.value
        }

        func fingerprint(of page: PlannedPage, plan: SitePlan) -> UInt64 {
            var hash = StableHash()
            hash.add(structure)
            switch page.kind {
            case .content(let index):
                hash.add(self.page(index))
            case .section(let folder):
                if let index = plan.sections[folder]?.indexPage { hash.add(self.page(index)) }
            case .worksheet(let index):
                hash.add(self.page(index))
            case .start:
                if let index = plan.sections[""]?.indexPage { hash.add(self.page(index)) }
            case .print:
                for index in plan.printPages { hash.add(self.page(index)) }
            case .unit(let id, _), .unitData(let id):
                hash.add(file(site.unit(id)?.sourcePath ?? ""))
            case .unitsOverview, .department, .overviewData, .keyFigure, .keyFiguresIndex:
                hash.add(units)
            case .example(let slug):
                let example = site.examples.first { $0.slug == slug }
                hash.add(example?.usesGeneratedFigures == true ? withUnits(file(example!.sourcePath)) : file(example?.sourcePath ?? ""))
            case .examplesIndex, .tag, .examplesFeed:
                hash.add(examples)
                if site.examples.contains(where: \.usesGeneratedFigures) { hash.add(units) }
            case .annualReport(let year), .reportDownload(let year, _, _):
                hash.add(file(site.annualReports.first { $0.year == year }?.sourcePath ?? ""))
                hash.add(units)
                hash.add(examples)
            case .assessmentForm, .accessibility, .notFound, .search, .annualReportsIndex:
                break
            }
            return hash.value
        }

        private lazy var units = combined(site.units.map(\.sourcePath))
        private lazy var examples = combined(site.examples.map(\.sourcePath))
    }

    /// Everything that many pages show: a change here renders every page again.
    public static func structureHash(site: Site, plan: SitePlan, hashes: [String: UInt64], environment: UInt64) -> UInt64 {
        var hash = StableHash()
        hash.add(environment)
        for path in ["content/site.yaml", "content/key-figures.yaml"] { hash.add(hashes[path] ?? 0) }
        // Kolada's values fill the key figures and units and are compared on many pages; they change
        // once a year, when they are fetched again.
        for (path, value) in hashes.filter({ $0.key.hasPrefix("content/kolada/") }).sorted(by: { $0.key < $1.key }) {
            hash.add(path)
            hash.add(value)
        }
        for page in site.pages {
            hash.add(page.sourcePath)
            hash.add(page.title)
            hash.add(page.order ?? Int.min)
            hash.add(page.summary ?? "\u{0}")
            hash.add(page.slug ?? "\u{0}")
            hash.add(page.step.map { "step:" + $0.id } ?? "")
            hash.add(page.question.map { "question:\($0.id)|\($0.part ?? "")|\($0.assessment)" } ?? "")
            hash.add(page.worksheet.map { "worksheet:" + $0.title } ?? "")
        }
        for unit in site.units {
            hash.add(unit.id)
            hash.add(unit.name)
            hash.add(unit.department)
            for year in unit.years.keys.sorted() { hash.add(year) }
        }
        for example in site.examples {
            hash.add(example.slug)
            hash.add(example.title)
            hash.add(example.date.description)
            hash.add(example.summary ?? "\u{0}")
            hash.add(example.unit ?? "\u{0}")
            hash.add(example.keyFigures.joined(separator: ","))
            hash.add(example.tags.joined(separator: ","))
            hash.add(example.annualReport ?? 0)
        }
        for report in site.annualReports {
            hash.add(report.year)
            hash.add(report.title)
            hash.add(report.summary ?? "\u{0}")
        }
        for (path, value) in site.unpublished.sorted(by: { $0.key < $1.key }) {
            hash.add(path)
            hash.add(value == .draft ? 1 : 2)
        }
        for page in plan.pages {
            hash.add(page.url)
            hash.add(page.title)
        }
        for asset in plan.assets { hash.add(asset.url) }
        return hash.value
    }
}
