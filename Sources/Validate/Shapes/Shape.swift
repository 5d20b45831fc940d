import Diagnostics
import Model

/// What one value in a YAML file people write may be. The keys of every mapping are described
/// once (`ContentShapes`): `MappingReader` reads them by their description, so the validator
/// knows no key that is not described, and `ContentSchema` writes the same description out as
/// JSON Schema for editors. Checks that need the rest of the content (does this step exist?) stay
/// in the validators; where a value comes from the site (`SiteList`, `SiteRange`), the schema says
/// so, and names the site's values when it is made from a site.
indirect enum Shape: Sendable {
    /// Any scalar, read as text (`name: 12` is the text "12"); `form` when the text has a form of its own.
    case text(TextForm = .any)
    /// A whole number in `range`, or in the site's own range when `site` names one.
    case whole(ClosedRange<Int>, site: SiteRange? = nil)
    case number(ClosedRange<Double>)
    case bool
    /// A date written YYYY-MM-DD.
    case day
    /// One word of a fixed set (`measure: percent`).
    case word([String])
    /// A list; `unique`: no item twice; `max`: at most this many items.
    case list(Shape, unique: Bool = false, max: Int? = nil)
    case mapping(MappingShape)
    /// A mapping whose keys the writer chooses (years, step ids), each to a value of one shape;
    /// `nullValues`: a key may be written without a value (`2026:`).
    case keyed(KeyKind, Shape, nullValues: Bool)
    /// A key figure's values by group, like `{women: 68, men: 83}`.
    case groupValues(GroupValuesRole)

    /// The mapping's description, when the value is one.
    var mapping: MappingShape? {
        if case .mapping(let shape) = self { return shape }
        return nil
    }
}

/// The forms of text the validator checks, each with the regular expression the schema gives
/// editors. `SchemaTests` checks each pattern against the validator's own function.
enum TextForm: Sendable {
    case any
    /// An id units refer to (`isID`).
    case id
    /// One URL segment (`isSafeSegment`).
    case segment
    /// A full web address (`url:`).
    case webAddress
    /// One of the site's values (a perspective, a key-figure id).
    case fromSite(SiteList)
    /// A Kolada KPI (`KoladaID.isKPI`), municipality (`isMunicipality`), municipality or group to
    /// compare with (`isMunicipality` or `isMunicipalityGroup`) and organisational unit (`isUnit`).
    case koladaKPI, koladaMunicipality, koladaComparison, koladaUnit

    var pattern: String? {
        switch self {
        case .any, .fromSite: return nil
        case .id: return "^[a-z0-9][a-z0-9_-]{0,79}$"
        case .segment: return "^[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}$"
        case .webAddress: return "^https?://"
        case .koladaKPI: return "^[A-Z][0-9]{5}$"
        case .koladaMunicipality: return "^[0-9]{4}$"
        case .koladaComparison: return "^([0-9]{4}|G[0-9]{1,11})$"
        case .koladaUnit: return "^V[0-9A-Z]{3,23}$"
        }
    }
}

/// Who chooses the keys of a `keyed` mapping.
enum KeyKind: Sendable {
    /// Years, four digits in `YearMap.years`.
    case year
    /// Ids defined elsewhere in the content.
    case site(SiteList)
    /// Names the validator checks against the theme (`paths:`).
    case names

    /// `YearMap.years` as a pattern, written as the validator reads a number (`+2026` and
    /// `02026` are 2026); `SchemaTests` checks the two agree.
    static let yearPattern = "^[+]?0*(19[0-9]{2}|2[01][0-9]{2}|2200)$"
}

/// Values that come from the site's other files.
enum SiteList: Sendable {
    case perspectives, steps, questions, keyFigures

    func values(in site: Site) -> [String] {
        switch self {
        case .perspectives: return site.config.perspectives
        case .steps: return site.steps.map(\.id)
        case .questions: return site.questions.map(\.id)
        case .keyFigures: return site.keyFigures.map(\.id)
        }
    }

    /// For the schema's descriptions.
    var origin: String {
        switch self {
        case .perspectives: return "one of site.yaml's `perspectives`"
        case .steps: return "the id of a step (a handbook page with `step:`)"
        case .questions: return "the id of a question (a follow-up page with `question:`)"
        case .keyFigures: return "the id of a key figure in key-figures.yaml"
        }
    }
}

/// Ranges that site.yaml sets.
enum SiteRange: Sendable {
    case selfAssessment, ratingScale

    func range(in config: SiteConfig) -> ClosedRange<Int> {
        switch self {
        case .selfAssessment: return 0...config.selfAssessmentMax
        case .ratingScale: return config.ratingScale
        }
    }

    var origin: String {
        switch self {
        case .selfAssessment: return "from 0 to site.yaml's `self_assessment_max`"
        case .ratingScale: return "on site.yaml's `rating_scale`"
        }
    }
}

/// Which of a key figure's values a `groupValues` holds: outcomes and targets follow the figure's
/// measure, `n` counts people.
enum GroupValuesRole: Sendable {
    case value, target, n

    /// Whether the values must be whole numbers, for `figure` (any figure when nil).
    func whole(_ figure: KeyFigure?) -> Bool {
        self == .n || figure?.measure == .count
    }

    /// The values' range for `figure`, or the widest any figure allows.
    func range(_ figure: KeyFigure?) -> ClosedRange<Double> {
        if self == .n { return NumberLimits.counts }
        guard let figure else { return NumberLimits.numbers }
        switch figure.measure {
        case .percent: return NumberLimits.percent
        case .count: return NumberLimits.counts
        case .number: return NumberLimits.numbers
        }
    }
}

/// The keys one mapping may hold.
struct MappingShape: Sendable {
    var keys: [Key]
    /// How messages name the mapping when it is a key's value; nil: the key's name in quotes (`'rating_scale'`).
    var what: Message?
    /// For the schema: what the mapping is.
    var help: String?

    init(_ keys: [Key], what: Message? = nil, help: String? = nil) {
        self.keys = keys
        self.what = what
        self.help = help
    }

    var names: [String] { keys.map(\.name) }

    func key(_ name: String) -> Key? { keys.first { $0.name == name } }
}

/// One key of a mapping: its value's shape, whether it must be given (with the message's hint
/// when it is missing) and what it is for, for editors.
struct Key: Sendable {
    let name: String
    let shape: Shape
    /// The hint of "'name' is missing: …"; nil when the key is optional.
    let required: Message?
    let help: String

    init(_ name: String, _ shape: Shape, required: Message? = nil, _ help: String = "") {
        self.name = name
        self.shape = shape
        self.required = required
        self.help = help
    }
}
