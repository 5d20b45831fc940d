import Foundation
import Model
import Testing
@testable import Site
@testable import Write
import ValgrundTestSupport

/// The output folder is the site and its marker only: two builds of the same content into two
/// folders are the same bytes, and a build without drafts holds no trace of one, not even its
/// file name, its address or its title (sitemap, search index, feed, data/*.json, prev/next links,
/// tag pages, print page, 404, assets).
@Suite struct DraftTraceTests {
    static let draftPage = """
        ---
        title: Kvarnhjulets hemliga utkast
        summary: Zebrafinkens sammanfattning
        order: 2
        slug: zebrafink-adress
        draft: true
        ---

        ## Kvarnhjulets rubrik

        Text om zebrafinken.

        """
    static let draftExample = """
        ---
        title: Kvarnstenens hemliga exempel
        date: 2026-11-01
        summary: Kvarnstenens sammanfattning
        unit: hemtjansten-norr
        key_figures: [kostnad-per-brukare]
        tags: [kvarnstenstagg, statistik]
        annual_report: 2026
        slug: kvarnsten-adress
        draft: true
        ---

        Text om kvarnstenen.

        """
    /// File name stems, slugs, titles, summaries, headings and tags of the drafts (the sample's own draft example too).
    static let traces = [
        "zebrafink-utkast", "zebrafink-adress", "Kvarnhjulets", "kvarnhjulets-rubrik", "Zebrafink",
        "kvarnsten-utkast", "kvarnsten-adress", "Kvarnstenens", "kvarnstenstagg",
        "utkast-samma-behov-samma-hjalp", "Samma behov, samma hj", "samma-behov",
    ]

    static func source() throws -> URL {
        let source = try TestSupport.sampleCopy()
        for (path, text) in ["content/handbook/zebrafink-utkast.md": draftPage, "content/examples/kvarnsten-utkast.md": draftExample] {
            try Data(text.utf8).write(to: source.appendingPathComponent(path))
        }
        return source
    }

    @Test(arguments: [Audience.public, Audience.intranet])
    func twoBuildsAreTheSameBytesAndHoldNoTraceOfADraft(audience: Audience) throws {
        let source = try Self.source()
        let (first, a) = TestSupport.build(source, audience: audience)
        let (second, b) = TestSupport.build(source, audience: audience)
        #expect(first.succeeded && second.succeeded, "\(TestSupport.errors(first))")
        let one = TestSupport.siteFiles(a), two = TestSupport.siteFiles(b)
        #expect(one.count > 300)
        #expect(Set(one.keys) == Set(two.keys), "\(Set(one.keys).symmetricDifference(two.keys).sorted().prefix(5))")
        #expect(one.keys.filter { one[$0] != two[$0] }.sorted() == [])
        // Beside the site, only the marker.
        let top = Set(one.keys.map { String($0.prefix { $0 != "/" }) })
        let hidden = try FileManager.default.contentsOfDirectory(atPath: a.path).filter { !top.contains($0) }
        #expect(hidden == [OutputWriter.markerName], "\(hidden)")
        for (path, data) in one {
            let text = String(decoding: data, as: UTF8.self)
            for trace in Self.traces {
                #expect(!path.contains(trace) && !text.contains(trace), "\(audience): \(path) holds a trace of a draft: \(trace)")
            }
        }
        // With --drafts the same drafts are there, so the traces above are the ones a draft leaves.
        let (withDrafts, c) = TestSupport.build(source, audience: audience, drafts: true)
        #expect(withDrafts.succeeded)
        let all = TestSupport.siteFiles(c).values.map { String(decoding: $0, as: UTF8.self) }.joined()
        for trace in ["zebrafink-adress", "Kvarnhjulets", "kvarnsten-adress", "Kvarnstenens", "kvarnstenstagg", "Samma behov, samma hj"] {
            #expect(all.contains(trace), "\(audience): --drafts shows no \(trace)")
        }
    }
}
