import Model

/// Every key of site.yaml, key-figures.yaml, unit files and front matter (docs/content-format.md),
/// described once: the validators read the files by these descriptions and `valgrund schema`
/// writes them out as JSON Schema.
enum ContentShapes {
    // MARK: site.yaml

    static let contact = MappingShape(
        [
            Key("name", .text(), required: "the contact's name (a person or a function), e.g. `name: Emelie Berg`", "A person or a function."),
            Key("role", .text(), "The person's role, e.g. Mångfaldsstrateg."),
            Key("email", .text(), "An e-mail address like namn@kommun.se."),
            Key("phone", .text(), "Digits, spaces and hyphens (a leading + for abroad), e.g. 0225-341 51."),
        ], help: "Who answers questions about the pages.")

    static let ratingScale = MappingShape(
        [
            Key("min", .whole(NumberLimits.ratings), required: "the lowest rating, e.g. `min: 1`", "The lowest rating."),
            Key(
                "max", .whole(NumberLimits.ratings), required: "the highest rating, e.g. `max: 10`",
                "The highest rating, at most \(NumberLimits.ratingSteps) steps above min."),
        ], help: "The scale of the learning follow-up's assessments.")

    static let folders = MappingShape(
        [
            Key("units", .text(), "The units' folder in content/ (default units)."),
            Key("examples", .text(), "The good examples' folder in content/ (default examples)."),
            Key("annual_report", .text(), "The annual reports' folder in content/ (default annual-report)."),
        ], help: "Other names for the data folders in content/.")

    static let accessibility = MappingShape(
        [
            Key("contact", .text(), "How to reach the people responsible for the site's accessibility."),
            Key("reviewed", .day, "The date of the last review (YYYY-MM-DD)."),
            Key("known_issues", .text(), "Known shortcomings (Markdown)."),
        ], help: "What the accessibility statement says.")

    static let searchWeights = MappingShape(
        SearchGroup.allCases.map { group in
            Key(group.rawValue, .number(SearchGroup.weights), "How much this part of the site counts in search results.")
        }, what: "'search: weights'")

    static let search = MappingShape([Key("weights", .mapping(searchWeights), "Weights of the parts of the site in search results.")])

    static let koladaCompare = MappingShape(
        [
            Key(
                "id", .text(.koladaComparison),
                required: "the Kolada id of a municipality (\"1982\"), the country (\"0000\") or a municipality group (\"G124026\")",
                "A Kolada municipality id (four digits; 0000 is the whole country) or a municipality group id (G and digits)."),
            Key("name", .text(), required: "the name pages show, e.g. `name: Riket`", "The name shown on the pages."),
        ], what: "a 'compare' entry")

    static let siteKolada = MappingShape(
        [
            Key(
                "municipality", .text(.koladaMunicipality), required: "the municipality's four-digit Kolada id, e.g. `municipality: \"2083\"`",
                "This municipality's four-digit Kolada id."),
            Key("compare", .list(.mapping(koladaCompare)), "Municipalities and groups shown beside this one on key-figure pages."),
        ], help: "Key figures from Kolada.")

    static let site = MappingShape(
        [
            Key("title", .text(), required: "the site's title, e.g. `title: Välgrundad verksamhet`", "The site's title."),
            Key("organisation", .text(), required: "the municipality's name, e.g. `organisation: Hedemora kommun`", "The municipality's name."),
            Key("language", .text(), "The language of the theme's strings, e.g. sv."),
            Key("url", .text(.webAddress), "The site's full address, starting with https://."),
            Key("theme", .text(), "The name of a folder in themes/ (default: default)."),
            Key("perspectives", .list(.text(), unique: true), "The perspectives (styrperspektiv) key figures belong to."),
            Key("rating_scale", .mapping(ratingScale), "The learning follow-up's scale, e.g. {min: 1, max: 10}."),
            Key("self_assessment_max", .whole(NumberLimits.selfAssessmentMax), "The self-assessment's highest score."),
            Key("min_group_size", .whole(1...1_000_000), "Statistics about fewer people than this are suppressed."),
            Key("allow_raw_html", .bool, "Whether pages may hold raw HTML."),
            Key("print", .list(.text()), "Pages printed as one document."),
            Key("folders", .mapping(folders), "Other names for the data folders."),
            Key("paths", .keyed(.names, .text(.segment), nullValues: false), "Other URL names for generated pages, like `units: enheter`."),
            Key("accessibility", .mapping(accessibility), "The accessibility statement."),
            Key("notice", .text(), "A notice shown on every page."),
            Key("contact", .mapping(contact), "Who answers questions, shown on every page."),
            Key("feedback", .text(), "An e-mail address or a web address for views on a page."),
            Key("search", .mapping(search), "Search settings."),
            Key("kolada", .mapping(siteKolada), "Key figures from Kolada."),
        ], what: "site.yaml", help: "The site's settings (content/site.yaml).")

    // MARK: key-figures.yaml

    static let groupValues = MappingShape([
        Key("value", .groupValues(.value), "The outcome per group, like {women: 68, men: 83}."),
        Key("target", .groupValues(.target), "The target per group."),
        Key("n", .groupValues(.n), "How many people each value is about, per group."),
    ])

    static let keyFigureYear = MappingShape(groupValues.keys, what: "a key figure's year")

    static let keyFigure = MappingShape(
        [
            Key("id", .text(.id), required: "every key figure needs an id that units refer to, e.g. `id: heltid`", "Lowercase letters, digits and hyphens."),
            Key("name", .text(), required: "the key figure's name, e.g. `name: Andel som arbetar heltid`", "The key figure's name."),
            Key("name_in_sentence", .text(), "The name as it reads inside a sentence."),
            Key("perspective", .text(.fromSite(.perspectives)), required: "one of site.yaml's perspectives", "One of site.yaml's perspectives."),
            Key("measure", .word(Measure.allCases.map(\.rawValue)), required: "percent, count or number", "percent, count or number."),
            Key("better", .word(Better.allCases.map(\.rawValue)), required: "higher or lower", "Whether higher or lower values are better."),
            Key(
                "groups", .list(.word(Group.allCases.map(\.rawValue)), unique: true),
                required: "the groups the figure is split by, e.g. `groups: [women, men]`", "The groups the figure is split by."),
            Key("source", .text(), "Where the values come from."),
            Key("kolada", .text(.koladaKPI), "The Kolada KPI with the municipality-wide values, e.g. N00206."),
            Key("kolada_unit", .text(.koladaKPI), "The Kolada KPI with units' values (units with `kolada:`)."),
            Key("description", .text(), "Markdown."),
            Key("unit", .text(), "The unit of the values, e.g. kr."),
            Key("distribution", .bool, "Whether the values are a distribution across the groups."),
            Key("years", .keyed(.year, .mapping(keyFigureYear), nullValues: false), "The municipality-wide outcome and target per year."),
        ], what: "a key figure", help: "One key figure of the catalogue (content/key-figures.yaml).")

    // MARK: units/<id>.yaml

    static let step = MappingShape([
        Key("status", .word(StepStatus.allCases.map(\.rawValue)), required: "planned, in_progress or done", "planned, in_progress or done."),
        Key("date", .day, "When the step was or is to be taken (YYYY-MM-DD)."),
    ])

    static let unitKeyFigure = groupValues

    static let activityPlan = MappingShape(
        [
            Key("title", .text(), required: "what the plan is, e.g. `title: Scheman som gör heltid möjlig`", "What the plan is."),
            Key("key_figure", .text(.fromSite(.keyFigures)), "The key figure the plan is for."),
            Key("responsible", .text(), "Who is responsible."),
            Key("status", .word(PlanStatus.allCases.map(\.rawValue)), "planned, in_progress, done or dropped."),
            Key("due", .day, "When the plan is due (YYYY-MM-DD)."),
        ], what: "an activity plan")

    static let learningFollowUp = MappingShape([
        Key("date", .day, "The date of the follow-up (YYYY-MM-DD)."),
        Key(
            "ratings", .keyed(.site(.questions), .list(.whole(NumberLimits.ratings, site: .ratingScale)), nullValues: false),
            "Each participant's rating per question, like `aims: [6, 7, 5]`."),
        Key("agreed", .keyed(.site(.questions), .whole(NumberLimits.ratings, site: .ratingScale), nullValues: false), "The group's joint rating per question."),
    ])

    static let followUp = MappingShape([
        Key("done", .text(), "Vad har gjorts? (Markdown)"),
        Key("went_well", .text(), "Vad har gått bra? (Markdown)"),
        Key("went_less_well", .text(), "Vad har gått mindre bra? (Markdown)"),
        Key("lessons", .text(), "Vilka är de viktigaste lärdomarna? (Markdown)"),
        Key("celebrate", .text(), "Vilka framgångar ska vi fira? (Markdown)"),
        Key("tips", .text(), "Vilka tips har vi till andra? (Markdown)"),
    ])

    static let unitYear = MappingShape([
        Key("steps", .keyed(.site(.steps), .mapping(step), nullValues: false), "The process's steps by id, like `start: {status: done, date: 2026-02-10}`."),
        Key("self_assessment", .whole(0...NumberLimits.selfAssessmentMax.upperBound, site: .selfAssessment), "The self-assessment's score."),
        Key("stamp", .day, "The date the unit was granted the Välgrundat stamp (YYYY-MM-DD)."),
        Key("key_figures", .keyed(.site(.keyFigures), .mapping(unitKeyFigure), nullValues: true), "The key figures prioritised this year, by id."),
        Key("activity_plans", .list(.mapping(activityPlan), max: UnitValidator.maxPlansPerYear), "The activity plans."),
        Key("program_logic", .mapping(ProgramLogicReader.shape), "Resources -> activities -> results -> effects."),
        Key("learning_follow_up", .mapping(learningFollowUp), "The learning follow-up."),
        Key("interim_report", .text(), "Delårsavstämning (Markdown; intranet only)."),
        Key("follow_up", .mapping(followUp), "Uppföljning (Markdown answers; intranet only)."),
    ])

    static let unit = MappingShape(
        [
            Key("name", .text(), required: "the unit's name, e.g. `name: Förskolan Solrosen`", "The unit's name."),
            Key("department", .text(), required: "the unit's department (förvaltning)", "The unit's department (förvaltning)."),
            Key("kolada", .text(.koladaUnit), "The unit's Kolada id (organisational unit), e.g. V15E208300101."),
            Key("manager", .text(), "The manager's name (intranet only)."),
            Key("team", .list(.text()), "The working group's names (intranet only)."),
            Key("years", .keyed(.year, .mapping(unitYear), nullValues: true), "The unit's data per year; every key inside a year is optional."),
        ], what: "a unit file", help: "A unit's file (content/units/<id>.yaml); the file name is the unit's id.")

    // MARK: Front matter (no schema: it lives inside Markdown files)

    static let page = MappingShape(
        [
            Key("title", .text(), required: "every page needs a title, e.g. `title: Uppstart`"),
            Key("order", .whole(NumberLimits.wholeNumbers)), Key("summary", .text()), Key("draft", .bool), Key("slug", .text(.segment)),
            Key("step", .text(.id)), Key("question", .text(.id)), Key("part", .text()), Key("assessment", .text()), Key("updated", .day),
            Key("contact", .mapping(contact)), Key("worksheet", .mapping(worksheet)),
        ], what: "the front matter")

    /// A page's blank form to print (`Worksheet`).
    static let worksheet = MappingShape(
        [
            Key("title", .text(), required: "the form's title, e.g. `title: Arbetsunderlag för programlogik`"),
            Key("intro", .text()),
            Key(
                "columns", .list(.mapping(worksheetColumn), max: Worksheet.columnCount.upperBound),
                required: "the form's columns, e.g. `columns: [{title: Resurser}, {title: Planerade aktiviteter}]`"),
            Key("rows", .whole(Worksheet.rowCount)), Key("footer", .text()),
        ])

    static let worksheetColumn = MappingShape(
        [Key("title", .text(), required: "the column's heading, e.g. `title: Resurser`"), Key("prompt", .text())],
        what: "a column of 'worksheet'")

    static let example = MappingShape(
        [
            Key("title", .text(), required: "every example needs a title"),
            Key("date", .day, required: "the date the example was published, e.g. `date: 2026-10-01`"),
            Key("summary", .text()), Key("unit", .text()), Key("key_figures", .list(.text())), Key("tags", .list(.text())), Key("draft", .bool),
            Key("annual_report", .whole(YearMap.years)), Key("slug", .text(.segment)),
        ], what: "a good example's front matter")

    static let annualReport = MappingShape(
        [Key("title", .text(), required: "the report's title"), Key("summary", .text()), Key("draft", .bool)],
        what: "the report's front matter")
}
