import Diagnostics
import Foundation
import Load
import Model
import Validate

/// `valgrund new unit ID`: a unit file with every key present and a short comment on each, made
/// from the site's own steps, key figures and questions, that passes `valgrund check` as written,
/// with warnings naming what is still to fill in (and counts nowhere until it is).
public enum UnitTemplate {
    public enum Failure: Error, CustomStringConvertible {
        /// The id and why `check` would refuse it.
        case invalidID(String, Message)
        case exists(String)
        case content([Diagnostic])
        case cannotWrite(Message)

        /// What went wrong in `language`: the content's diagnostics one per line, or one message.
        public func description(in language: Language) -> String {
            switch self {
            case .content(let diagnostics): return diagnostics.map { $0.description(in: language) }.joined(separator: "\n")
            case let .invalidID(id, why): return Message("'\(id)' cannot be a unit id: \(why); e.g. \(UnitID.suggestion(for: id))").text(in: language)
            case .exists(let path): return Message("\(path) already exists; Valgrund does not overwrite it").text(in: language)
            case .cannotWrite(let why): return why.text(in: language)
            }
        }

        public var description: String { description(in: .english) }
    }

    /// Writes the file and returns its path relative to SOURCE.
    public static func create(id: String, name: String?, department: String?, options: BuildOptions) throws(Failure) -> String {
        if let problem = UnitID.problem(id) { throw .invalidID(id, problem) }
        let source = options.source.standardizedFileURL
        let (site, diagnostics) = SiteBuilder.model(options)
        guard let site else { throw .content(diagnostics.filter { $0.severity == .error }) }
        let folder = "content/\(site.config.folders.units)/"
        let relative = folder + id + ".yaml"
        let url = source.appendingPathComponent(relative)
        // A unit file may also end in .yml; a second file of one id would fail `check`.
        for existing in [relative, folder + id + ".yml"] where FileManager.default.fileExists(atPath: source.appendingPathComponent(existing).path) {
            throw .exists(existing)
        }
        let text = render(id: id, name: name ?? humanize(id), department: department, site: site, year: options.asOf.year)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .withoutOverwriting)
        } catch {
            throw .cannotWrite(Message("cannot write \(relative): \(systemReason(error))"))
        }
        return relative
    }

    static func humanize(_ id: String) -> String {
        let words = id.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    static func render(id: String, name: String, department: String?, site: Site, year: Int) -> String {
        let scale = site.config.ratingScale
        var lines: [String] = [
            SchemaFiles.unitReference,
            "# Enhetens fil för \(site.config.title). Filnamnet (\(id)) är enhetens id.",
            "# Fyll i det som gäller er och lämna resten tomt. Allt under ett år är frivilligt.",
            "# Kontrollera filen med: valgrund check",
            "",
            line("name: \(quoted(name))", "Enhetens namn"),
            line("department: \(quoted(department ?? UnitPlaceholder.department))", "Förvaltningen enheten hör till"),
            "manager: \"\"                      # Chefens namn (visas bara på intranätet)",
            "team: []                          # Arbetsgruppen, t.ex. [Anna Andersson, Bo Berg]",
            "years:",
            "  \(year):",
            "    steps:                        # Processens steg: status planned, in_progress eller done, och datum ÅÅÅÅ-MM-DD",
        ]
        for step in site.steps {
            lines.append(line("      \(step.id): {status: planned, date: }", "\(step.number). \(step.title)"))
        }
        if site.steps.isEmpty { lines.append("      {}") }
        lines += [
            "    self_assessment:              # Självskattningens poäng, 0–\(site.config.selfAssessmentMax)",
            "    stamp:                        # Datum då enheten fick Välgrundat-stämpeln",
            "    key_figures:                  # Prioriterade nyckeltal, minst ett per styrperspektiv",
        ]
        var listed = Set<String>()
        for perspective in site.config.perspectives {
            guard let figure = site.keyFigures.first(where: { $0.perspective == perspective }) else { continue }
            listed.insert(figure.id)
            let groups = figure.groups.map { "\($0.rawValue): " }.joined(separator: ", ")
            lines += [
                line("      \(figure.id):", "\(figure.name) (\(perspective))"),
                "        value: {}                 # Ert utfall per grupp, t.ex. {\(groups.isEmpty ? "" : groups + "…")}",
                "        n: {}                     # Hur många personer varje värde gäller",
                "        target: {}                # Ert mål per grupp",
            ]
        }
        if listed.isEmpty { lines.append("      {}") }
        let others = site.keyFigures.filter { !listed.contains($0.id) }
        if !others.isEmpty {
            lines.append("      # Fler nyckeltal: \(others.map(\.id).joined(separator: ", "))")
        }
        lines += [
            "    activity_plans:               # Aktivitetsplaner, en rad per plan:",
            "      []                          # - {title: …, key_figure: …, responsible: …, status: planned, due: ÅÅÅÅ-MM-DD}",
            "    program_logic:                # Programlogik: resurser -> aktiviteter -> resultat -> effekter",
            "      resources: []               # - {id: r1, text: Tid på arbetsplatsträffar}",
            "      activities: []              # - {id: a1, text: …, uses: [r1], leads_to: [res1], done: false}",
            "      results: []                 # - {id: res1, text: …, leads_to: [e1], achieved: partly}",
            "      effects: []                 # - {id: e1, text: …}",
            "    learning_follow_up:           # Lärande uppföljning",
            "      date:                       # Datum för samtalet",
            "      ratings: {}                 # Varje deltagares bedömning \(scale.lowerBound)–\(scale.upperBound) per fråga, t.ex. \(site.questions.first?.id ?? "fraga"): [6, 7, 5]",
            "      agreed: {}                  # Gruppens gemensamma bedömning per fråga",
            "    interim_report: \"\"            # Delårsavstämning (Markdown; visas bara på intranätet)",
            "    follow_up:                    # Uppföljning (Markdown; visas bara på intranätet)",
            "      done: \"\"                    # Vad har gjorts?",
            "      went_well: \"\"               # Vad har gått bra?",
            "      went_less_well: \"\"          # Vad har gått mindre bra?",
            "      lessons: \"\"                 # Vilka är de viktigaste lärdomarna?",
            "      celebrate: \"\"               # Vilka framgångar ska vi fira?",
            "      tips: \"\"                    # Vilka tips har vi till andra?",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// A line with its comment lined up in a column.
    private static func line(_ text: String, _ comment: String) -> String {
        text + String(repeating: " ", count: max(1, 34 - text.count)) + "# " + comment
    }
}
