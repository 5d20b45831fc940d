import Diagnostics
import Model

/// The generated progress pages: every unit (a page per year), every department, every key figure,
/// the overview, and their machine-readable copies.
struct ProgressPlan {
    let pathNames: [String: String]
    let titles: [String: String]
    private(set) var pages: [PlannedPage] = []
    private(set) var navigation: [NavItem] = []
    /// A department with more units than this shows none of them in the sidebar (docs/content-format.md).
    static let sidebarUnitLimit = 60
    private(set) var unitURLs: [String: [Int: String]] = [:]
    private(set) var unitPageURLs: [String: String] = [:]
    private(set) var departmentURLs: [String: String] = [:]
    private(set) var keyFigureURLs: [String: String] = [:]
    private(set) var generatedURLs: [String: String] = [:]

    init(pathNames: [String: String], titles: [String: String]) {
        self.pathNames = pathNames
        self.titles = titles
    }

    private func name(_ key: String) -> String { pathNames[key] ?? key }
    private func title(_ key: String) -> String { titles[key] ?? key }

    mutating func plan(_ site: Site, claim: (String, SourceLocation?, String) -> Bool) {
        if !site.units.isEmpty { planUnits(site, claim: claim) }
        if !site.keyFigures.isEmpty { planKeyFigures(site, claim: claim) }
    }

    private mutating func add(
        _ url: String, _ kind: PageKind, _ title: String, location: SourceLocation?,
        claim: (String, SourceLocation?, String) -> Bool
    ) -> Bool {
        guard claim(url, location, "the page '\(title)'") else { return false }
        pages.append(PlannedPage(url: url, kind: kind, title: title))
        return true
    }

    private mutating func planUnits(_ site: Site, claim: (String, SourceLocation?, String) -> Bool) {
        let folder = name("units")
        let overview = folder + "/index.html"
        _ = add(overview, .unitsOverview, title("units"), location: nil, claim: claim)
        generatedURLs["units"] = overview
        var departmentItems: [NavItem] = []
        var used = Set<String>()
        for department in site.departments {
            let slug = URLSegment.unique(department, in: &used)
            let url = name("departments") + "/" + slug + ".html"
            if add(url, .department(department), department, location: nil, claim: claim) { departmentURLs[department] = url }
        }
        for unit in site.units {
            let location = SourceLocation(path: unit.sourcePath)
            let years = unit.yearsLatestFirst
            let main = folder + "/" + unit.id + ".html"
            if add(main, .unit(id: unit.id, year: years.first), unit.name, location: location, claim: claim) {
                unitPageURLs[unit.id] = main
                if let latest = years.first { unitURLs[unit.id, default: [:]][latest] = main }
            }
            for year in years.dropFirst() {
                let url = folder + "/" + unit.id + "-" + String(year) + ".html"
                if add(url, .unit(id: unit.id, year: year), "\(unit.name) \(year)", location: location, claim: claim) {
                    unitURLs[unit.id, default: [:]][year] = url
                }
            }
            _ = add("data/units/\(unit.id).json", .unitData(unit.id), unit.name, location: location, claim: claim)
        }
        _ = add("data/overview.json", .overviewData, title("units"), location: nil, claim: claim)
        for department in site.departments {
            guard let url = departmentURLs[department] else { continue }
            var units = site.units.filter { $0.department == department }.compactMap { unit in
                unitPageURLs[unit.id].map { NavItem(title: unit.name, url: $0) }
            }
            // A list longer than a screen or two helps no one find a unit, and it would be on every
            // page of the department's units: the department's own page lists them all.
            if units.count > Self.sidebarUnitLimit { units = [] }
            departmentItems.append(NavItem(title: department, url: url, folder: "@department:" + department, children: units))
        }
        navigation.append(NavItem(title: title("units"), url: overview, folder: "@units", children: departmentItems))
    }

    private mutating func planKeyFigures(_ site: Site, claim: (String, SourceLocation?, String) -> Bool) {
        let folder = name("key_figures")
        let index = folder + "/index.html"
        _ = add(index, .keyFiguresIndex, title("key_figures"), location: nil, claim: claim)
        generatedURLs["key_figures"] = index
        var items: [NavItem] = []
        for figure in site.keyFigures {
            let url = folder + "/" + figure.id + ".html"
            if add(url, .keyFigure(figure.id), figure.name, location: SourceLocation(path: "content/key-figures.yaml"), claim: claim) {
                keyFigureURLs[figure.id] = url
                items.append(NavItem(title: figure.name, url: url))
            }
        }
        navigation.append(NavItem(title: title("key_figures"), url: index, folder: "@key-figures", children: items))
    }
}
