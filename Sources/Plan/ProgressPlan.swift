import Diagnostics
import Model

/// The generated progress pages: the overview, every department, unit and key figure and the
/// key figures' page, each for every year it has data for (`YearPages`), and their machine-readable copies.
struct ProgressPlan {
    let pathNames: [String: String]
    let titles: [String: String]
    /// The year the overview, the departments and the key figures show at their main addresses
    /// (`ProgressRules.latestYear`); nil when no unit has a year.
    let currentYear: Int?
    private(set) var pages: [PlannedPage] = []
    private(set) var navigation: [NavItem] = []
    /// A department with more units than this shows none of them in the sidebar (docs/content-format.md).
    static let sidebarUnitLimit = 60
    private(set) var yearly: [YearlyPage: YearPages] = [:]
    private(set) var generatedURLs: [String: String] = [:]

    init(pathNames: [String: String], titles: [String: String], currentYear: Int?) {
        self.pathNames = pathNames
        self.titles = titles
        self.currentYear = currentYear
    }

    private func name(_ key: String) -> String { pathNames[key] ?? key }
    private func title(_ key: String) -> String { titles[key] ?? key }

    mutating func plan(_ site: Site, claim: (String, SourceLocation?, Message) -> Bool) {
        if !site.units.isEmpty { planUnits(site, claim: claim) }
        if !site.keyFigures.isEmpty { planKeyFigures(site, claim: claim) }
    }

    private mutating func add(
        _ url: String, _ kind: PageKind, _ title: String, location: SourceLocation?,
        claim: (String, SourceLocation?, Message) -> Bool
    ) -> Bool {
        guard claim(url, location, Message("the page '\(title)'")) else { return false }
        pages.append(PlannedPage(url: url, kind: kind, title: title))
        return true
    }

    /// A yearly page's main address, `<base>.<ext>`, showing `year`.
    private mutating func addMain(
        _ page: YearlyPage, base: String, ext: String = "html", year: Int?, _ kind: PageKind, _ title: String,
        location: SourceLocation?, claim: (String, SourceLocation?, Message) -> Bool
    ) -> String? {
        let url = base + "." + ext
        guard add(url, kind, title, location: location, claim: claim) else { return nil }
        var entry = YearPages(main: url, mainYear: year)
        if let year { entry.byYear[year] = url }
        yearly[page] = entry
        return url
    }

    /// A yearly page's other years, `<base>-<year>.<ext>`, titled with the year; only for a page
    /// that got its main address, so that a link to any year of it can fall back to one that exists.
    private mutating func addOtherYears(
        _ page: YearlyPage, base: String, ext: String = "html", years: some Sequence<Int>,
        _ kind: (Int) -> PageKind, _ title: String, location: SourceLocation?,
        claim: (String, SourceLocation?, Message) -> Bool
    ) {
        guard let mainYear = yearly[page].map(\.mainYear) else { return }
        for year in years.sorted(by: >) where year != mainYear {
            let url = base + "-" + String(year) + "." + ext
            if add(url, kind(year), "\(title) \(year)", location: location, claim: claim) { yearly[page]?.byYear[year] = url }
        }
    }

    private mutating func planUnits(_ site: Site, claim: (String, SourceLocation?, Message) -> Bool) {
        let folder = name("units")
        let siteYears = Set(site.units.flatMap { $0.years.keys })
        // The overview's and the departments' years before the units: a unit whose id looks like
        // one of them (`index-2025`) is the one told to take another name.
        let overviewBase = folder + "/index"
        if let overview = addMain(
            .overview, base: overviewBase, year: currentYear, .unitsOverview(year: currentYear), title("units"),
            location: nil, claim: claim)
        {
            generatedURLs["units"] = overview
        }
        var departmentBases: [String: String] = [:]
        var used = Set<String>()
        for department in site.departments {
            let base = name("departments") + "/" + URLSegment.unique(department, in: &used)
            if addMain(
                .department(department), base: base, year: currentYear, .department(department, year: currentYear), department,
                location: nil, claim: claim) != nil
            {
                departmentBases[department] = base
            }
        }
        addOtherYears(.overview, base: overviewBase, years: siteYears, { .unitsOverview(year: $0) }, title("units"), location: nil, claim: claim)
        for department in site.departments {
            guard let base = departmentBases[department] else { continue }
            let years = ProgressRules.years(of: site.units.filter { $0.department == department }, among: siteYears)
            addOtherYears(
                .department(department), base: base, years: years, { .department(department, year: $0) }, department,
                location: nil, claim: claim)
        }
        for unit in site.units {
            let location = SourceLocation(path: unit.sourcePath)
            let base = folder + "/" + unit.id
            let latest = unit.yearsLatestFirst.first
            _ = addMain(.unit(unit.id), base: base, year: latest, .unit(id: unit.id, year: latest), unit.name, location: location, claim: claim)
            addOtherYears(
                .unit(unit.id), base: base, years: unit.years.keys, { .unit(id: unit.id, year: $0) }, unit.name,
                location: location, claim: claim)
            _ = add("data/units/\(unit.id).json", .unitData(unit.id), unit.name, location: location, claim: claim)
        }
        _ = addMain(
            .overviewData, base: "data/overview", ext: "json", year: currentYear, .overviewData(year: currentYear), title("units"),
            location: nil, claim: claim)
        addOtherYears(
            .overviewData, base: "data/overview", ext: "json", years: siteYears, { .overviewData(year: $0) }, title("units"),
            location: nil, claim: claim)
        var departmentItems: [NavItem] = []
        for department in site.departments {
            guard let url = yearly[.department(department)]?.main else { continue }
            var units = site.units.filter { $0.department == department }.compactMap { unit in
                yearly[.unit(unit.id)].map { NavItem(title: unit.name, url: $0.main) }
            }
            // A list longer than a screen or two helps no one find a unit, and it would be on every
            // page of the department's units: the department's own page lists them all.
            if units.count > Self.sidebarUnitLimit { units = [] }
            departmentItems.append(NavItem(title: department, url: url, folder: "@department:" + department, children: units))
        }
        navigation.append(NavItem(title: title("units"), url: overviewBase + ".html", folder: "@units", children: departmentItems))
    }

    private mutating func planKeyFigures(_ site: Site, claim: (String, SourceLocation?, Message) -> Bool) {
        let folder = name("key_figures")
        let location = SourceLocation(path: "content/key-figures.yaml")
        let indexBase = folder + "/index"
        if let index = addMain(
            .keyFiguresIndex, base: indexBase, year: currentYear, .keyFiguresIndex(year: currentYear),
            title("key_figures"), location: nil, claim: claim)
        {
            generatedURLs["key_figures"] = index
        }
        var items: [NavItem] = []
        for figure in site.keyFigures {
            if let url = addMain(
                .keyFigure(figure.id), base: folder + "/" + figure.id, year: currentYear,
                .keyFigure(figure.id, year: currentYear), figure.name, location: location, claim: claim)
            {
                items.append(NavItem(title: figure.name, url: url))
            }
        }
        // Without a current year (no unit has one) the pages show every year at their main address.
        if currentYear != nil {
            let years = site.keyFigures.map { ProgressRules.years(of: $0, units: site.units) }
            addOtherYears(
                .keyFiguresIndex, base: indexBase, years: years.reduce(into: Set<Int>()) { $0.formUnion($1) },
                { .keyFiguresIndex(year: $0) }, title("key_figures"), location: nil, claim: claim)
            for (figure, years) in zip(site.keyFigures, years) {
                addOtherYears(
                    .keyFigure(figure.id), base: folder + "/" + figure.id, years: years,
                    { .keyFigure(figure.id, year: $0) }, figure.name, location: location, claim: claim)
            }
        }
        navigation.append(NavItem(title: title("key_figures"), url: indexBase + ".html", folder: "@key-figures", children: items))
    }
}
