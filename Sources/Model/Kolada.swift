/// site.yaml's `kolada:`: the municipality's id in Kolada, the open database of Swedish
/// municipalities' key figures, and the municipalities and groups its key-figure pages compare it with.
public struct KoladaConfig: Sendable, Equatable {
    /// This municipality's Kolada id, four digits (`"2083"`).
    public var municipality: String
    /// Shown beside the municipality, in site.yaml's order.
    public var compare: [KoladaComparison]

    public init(municipality: String, compare: [KoladaComparison] = []) {
        self.municipality = municipality
        self.compare = compare
    }
}

/// A municipality (`"1982"`), the whole country (`"0000"`) or a municipality group (`"G124026"`)
/// shown beside the municipality, with the name pages give it.
public struct KoladaComparison: Sendable, Equatable {
    public var id: String
    public var name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

/// The forms of Kolada's ids, checked where content writes them.
public enum KoladaID {
    /// A KPI: one capital letter and five digits (`N00206`, `U15033`).
    public static func isKPI(_ id: String) -> Bool {
        let scalars = Array(id.unicodeScalars)
        return scalars.count == 6 && ("A"..."Z").contains(scalars[0]) && scalars.dropFirst().allSatisfy(isDigit)
    }

    /// A municipality or region: four digits (`2083`, `0000` for the whole country).
    public static func isMunicipality(_ id: String) -> Bool {
        id.unicodeScalars.count == 4 && id.unicodeScalars.allSatisfy(isDigit)
    }

    /// A municipality group: `G` and digits (`G124026`).
    public static func isMunicipalityGroup(_ id: String) -> Bool {
        let scalars = Array(id.unicodeScalars)
        return (2...12).contains(scalars.count) && scalars[0] == "G" && scalars.dropFirst().allSatisfy(isDigit)
    }

    /// An organisational unit (a school, a preschool, a care unit): `V` and capital letters or
    /// digits (`V15E208300101`).
    public static func isUnit(_ id: String) -> Bool {
        let scalars = Array(id.unicodeScalars)
        return (4...24).contains(scalars.count) && scalars[0] == "V"
            && scalars.dropFirst().allSatisfy { isDigit($0) || ("A"..."Z").contains($0) }
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }
}

/// Kolada's genders: `K` (kvinnor), `M` (män), `T` (totalt).
public enum KoladaGender: String, Sendable, CaseIterable {
    case women = "K"
    case men = "M"
    case total = "T"

    /// The key figure's group a gender fills: K its women or else its girls, M its men or else its
    /// boys, T its total; nil when the figure has none of them.
    public func group(in figure: KeyFigure) -> Group? {
        let candidates: [Group] =
            switch self {
            case .women: [.women, .girls]
            case .men: [.men, .boys]
            case .total: [.total]
            }
        return candidates.first { figure.groups.contains($0) }
    }
}
