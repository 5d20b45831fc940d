import Diagnostics
import Foundation
import Kolada
import Model
import Site
import Testing
import ValgrundTestSupport

/// What the content asks Kolada for: KPIs × ids × years, in addresses no longer than Kolada takes.
@Suite struct KoladaRequestsTests {
    static let keyFigures = """
        - id: heltid
          name: Andel heltid
          perspective: Medarbetare
          measure: percent
          better: higher
          groups: [women, men]
          kolada: N00206
          kolada_unit: N15033
          years:
            2025: {value: {women: 68, men: 83}}
        - id: sjuk
          name: Sjukfrånvaro
          perspective: Medarbetare
          measure: percent
          better: lower
          groups: [women, men, total]
          kolada: N00207
        - id: egen
          name: Egen siffra
          perspective: Medborgare
          measure: count
          better: higher
          groups: [women, men]

        """

    static func unit(_ name: String, kolada: String?, year: Int) -> String {
        "name: \(name)\ndepartment: Skola\n" + (kolada.map { "kolada: \($0)\n" } ?? "") + "years:\n  \(year):\n    self_assessment: 10\n"
    }

    /// The municipality 2083 compared with the country and a group; two units with Kolada ids, one without.
    static func source(
        kolada: String = "kolada:\n  municipality: \"2083\"\n  compare:\n    - {id: \"0000\", name: Riket}\n    - {id: G124026, name: Liknande}\n"
    )
        -> URL
    {
        TestSupport.minimalSource([
            "content/site.yaml": TestSupport.siteYAML + kolada,
            "content/key-figures.yaml": keyFigures,
            "content/units/solrosen.yaml": unit("Solrosen", kolada: "V15E208300101", year: 2026),
            "content/units/ekorren.yaml": unit("Ekorren", kolada: "V15E208300202", year: 2026),
            "content/units/utan.yaml": unit("Utan", kolada: nil, year: 2023),
        ])
    }

    static func site(_ source: URL) throws -> Site {
        let (site, diagnostics) = SiteBuilder.model(BuildOptions(source: source, asOf: TestSupport.sampleDate))
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        return try #require(site)
    }

    @Test func urlsPrintsEveryAddressTheContentNeeds() throws {
        let source = Self.source()
        let run = try Command.valgrund(["kolada", "urls", "--source", source.path])
        #expect(run.status == 0, "\(run.stderr)")
        // Years: from the year before the first (2023, a unit's) to the last (2026); units in name order.
        #expect(
            run.stdout == """
                https://api.kolada.se/v2/data/kpi/N00206,N00207/municipality/2083,0000,G124026/year/2022,2023,2024,2025,2026
                https://api.kolada.se/v2/oudata/kpi/N15033/ou/V15E208300202,V15E208300101/year/2022,2023,2024,2025,2026

                """)
        #expect(run.stderr.isEmpty)
        let other = try Command.valgrund(["kolada", "urls", "--source", source.path, "--api", "http://127.0.0.1:8080/kolada/v2/"])
        #expect(
            other.stdout.split(separator: "\n").first
                == "http://127.0.0.1:8080/kolada/v2/data/kpi/N00206,N00207/municipality/2083,0000,G124026/year/2022,2023,2024,2025,2026")
    }

    @Test func urlsRefusesContentWithErrorsAsCheckDoes() throws {
        let source = Self.source(kolada: "kolada:\n  municipality: \"20830\"\n")
        let run = try Command.valgrund(["kolada", "urls", "--source", source.path])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("content/site.yaml:6:17: error: 'municipality' must be the municipality's four-digit Kolada id"), "\(run.stderr)")
        // The key figures' kolada: cannot stand without a municipality.
        #expect(run.stderr.contains("content/key-figures.yaml:7:11: error: 'kolada' needs the municipality's Kolada id in site.yaml"))
        #expect(run.stderr.hasSuffix("3 errors; nothing was asked of Kolada\n"))
        let usage = try Command.valgrund(["kolada", "urls", "--source", source.path, "--api", "ftp://example.org"])
        #expect(usage.status == 2)
        #expect(usage.stderr.contains("--api must be an http or https address"))
    }

    @Test func contentWithoutKoladaAsksForNothing() throws {
        let run = try Command.valgrund(["kolada", "urls", "--source", TestSupport.minimalSource().path])
        #expect(run.status == 0)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("The content asks Kolada for nothing"))
        let fetch = try Command.valgrund(["kolada", "fetch", "--source", TestSupport.minimalSource().path, "--api", "http://127.0.0.1:9"])
        #expect(fetch.status == 0)
    }

    @Test func queriesComeFromTheTypedModel() throws {
        let site = try Self.site(Self.source())
        #expect(KoladaRequests.years(of: site) == [2022, 2023, 2024, 2025, 2026])
        #expect(
            KoladaRequests.queries(of: site) == [
                .init(kind: .municipality, kpis: ["N00206", "N00207"], ids: ["2083", "0000", "G124026"], years: [2022, 2023, 2024, 2025, 2026]),
                .init(kind: .unit, kpis: ["N15033"], ids: ["V15E208300202", "V15E208300101"], years: [2022, 2023, 2024, 2025, 2026]),
            ])
        // Without site.yaml's kolada: only the units' query (kolada: on a figure would be an error).
        var bare = site
        bare.config.kolada = nil
        #expect(KoladaRequests.queries(of: bare).map(\.kind) == [.unit])
        // A content without any year asks for every year Kolada has.
        var timeless = site
        timeless.keyFigures = timeless.keyFigures.map {
            var figure = $0; figure.years = [:]; return figure
        }
        timeless.units = timeless.units.map {
            var unit = $0; unit.years = [:]; return unit
        }
        #expect(KoladaRequests.years(of: timeless).isEmpty)
        #expect(
            try KoladaRequests.addresses(of: timeless).map(\.url) == [
                "https://api.kolada.se/v2/data/kpi/N00206,N00207/municipality/2083,0000,G124026",
                "https://api.kolada.se/v2/oudata/kpi/N15033/ou/V15E208300202,V15E208300101",
            ])
    }

    /// An address of exactly the limit is one address; one character more splits it.
    @Test func addressesStayWithinTheLimitAtItsEdge() throws {
        let site = try Self.site(Self.source())
        let plain = try KoladaRequests.addresses(of: site, api: "http://k")
        let path = plain[0].url.utf8.count - "http://k".utf8.count
        let exact = "http://k" + String(repeating: "a", count: KoladaRequests.maxLength - path - "http://k".utf8.count)
        let atLimit = try KoladaRequests.addresses(of: site, api: exact).filter { $0.kind == .municipality }
        #expect(atLimit.count == 1)
        #expect(atLimit[0].url.utf8.count == KoladaRequests.maxLength)
        let over = try KoladaRequests.addresses(of: site, api: exact + "a").filter { $0.kind == .municipality }
        #expect(over.count == 2)
        #expect(over.allSatisfy { $0.url.utf8.count <= KoladaRequests.maxLength })
        // The ids are split first: both KPIs and all years stay together.
        #expect(
            over.map { $0.url.dropFirst(exact.count + 1) } == [
                "/data/kpi/N00206,N00207/municipality/2083,0000/year/2022,2023,2024,2025,2026",
                "/data/kpi/N00206,N00207/municipality/G124026/year/2022,2023,2024,2025,2026",
            ])
        // Not even one KPI, id and year fit: an error, not an address too long.
        #expect(throws: KoladaRequests.TooLong.self) { try KoladaRequests.addresses(of: site, api: exact + String(repeating: "a", count: 200)) }
    }

    /// Many units, KPIs and years under small limits: every address fits and every KPI, id and
    /// year is asked for exactly once.
    @Test func splittingCoversEveryTripleOnce() throws {
        var generator = SeededGenerator(seed: 19)
        for round in 0..<100 {
            let kpis = (0..<Int.random(in: 1...12, using: &generator)).map { "N\(10000 + $0)" }
            let ids = (0..<Int.random(in: 1...150, using: &generator)).map {
                "V\($0)E\(String(repeating: "1", count: Int.random(in: 1...14, using: &generator)))"
            }
            let years = Int.random(in: 0...1, using: &generator) == 0 ? [] : Array(2000...(2000 + Int.random(in: 0...30, using: &generator)))
            let query = KoladaRequests.Query(kind: .unit, kpis: kpis, ids: ids, years: years)
            let api = "http://k/v2"
            let smallest = KoladaRequests.Query(kind: .unit, kpis: ["N10000"], ids: [ids.max { $0.count < $1.count }!], years: Array(years.prefix(1)))
            let limit = Int.random(in: smallest.address(api: api).utf8.count...2500, using: &generator)
            let parts = try KoladaRequests.split(query, api: api, maxLength: limit)
            var asked: [String: Int] = [:]
            for part in parts {
                #expect(part.address(api: api).utf8.count <= limit, "round \(round)")
                for kpi in part.kpis {
                    for id in part.ids {
                        for year in part.years.isEmpty ? [0] : part.years { asked["\(kpi) \(id) \(year)", default: 0] += 1 }
                    }
                }
            }
            #expect(asked.count == kpis.count * ids.count * max(years.count, 1), "round \(round)")
            #expect(asked.values.allSatisfy { $0 == 1 }, "round \(round)")
            if query.address(api: api).utf8.count <= limit { #expect(parts == [query]) }
        }
    }

    @Test func errorsInTheFetchedResponsesDoNotStopTheFetchThatReplacesThem() {
        let diagnostics = [
            Diagnostic.error("not JSON", at: SourceLocation(path: "content/kolada/data-001-page-001.json", line: 1, column: 7)),
            Diagnostic.warning("unused", at: SourceLocation(path: "content/site.yaml")),
            Diagnostic.error("bad", at: SourceLocation(path: "content/key-figures.yaml", line: 3, column: 9)),
        ]
        #expect(KoladaRequests.blockingErrors(in: diagnostics) == [diagnostics[2]])
    }
}
