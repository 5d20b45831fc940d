import Foundation
import Testing
@testable import Site
import ValgrundTestSupport

/// The end of a hand-written page: "Senast uppdaterad", the page's contact and "Synpunkter på sidan?".
@Suite struct PageFooterTests {
    static let contactSite =
        TestSupport.siteYAML + """
            contact: {name: Emelie Berg, role: Mångfaldsstrateg, email: emelie.berg@kommun.example, phone: 0225-341 51}
            feedback: synpunkter@kommun.example

            """

    func built(_ files: [String: String]) -> URL {
        let (report, output) = TestSupport.build(TestSupport.minimalSource(files))
        #expect(report.succeeded, "\(TestSupport.errors(report))")
        return output
    }

    /// Runs git in `folder` as a fixed person, with the commit's dates set to `date`.
    static func git(_ arguments: String, in folder: URL, date: String = "2025-03-07T10:00:00+01:00") throws {
        let run = try Command.shell(
            "cd '\(folder.path)' && GIT_AUTHOR_DATE='\(date)' GIT_COMMITTER_DATE='\(date)' "
                + "git -c user.name=Test -c user.email=test@example.invalid -c commit.gpgsign=false \(arguments)")
        #expect(run.status == 0, "git \(arguments): \(run.stderr)")
    }

    @Test func theDateFromFrontMatterAndNoneWithoutGit() {
        let output = built([
            "content/a.md": "---\ntitle: A\nupdated: 2026-11-03\n---\n\nText.\n",
            "content/b.md": "---\ntitle: B\n---\n\nText.\n",
        ])
        let a = TestSupport.read(output, "a.html")
        #expect(a.contains(#"<p class="page-updated"><span class="label">Senast uppdaterad:</span> <time datetime="2026-11-03">3 november 2026</time></p>"#))
        #expect(a.contains(#"<footer class="page-footer">"#))
        #expect(a.contains(#"<h2 id="vg-page-footer-title">Om sidan</h2>"#))
        // The test's SOURCE is no git repository: no date, no error, and no footer with nothing in it.
        let b = TestSupport.read(output, "b.html")
        #expect(b.contains("<h1>B</h1>"))
        #expect(!b.contains("Senast uppdaterad"))
        #expect(!b.contains("page-footer"))
    }

    @Test func theDateInEnglish() {
        let output = built([
            "content/site.yaml": TestSupport.siteYAML.replacingOccurrences(of: "language: sv", with: "language: en"),
            "content/a.md": "---\ntitle: A\nupdated: 2026-11-03\n---\n",
        ])
        #expect(
            TestSupport.read(output, "a.html").contains(
                #"<p class="page-updated"><span class="label">Last updated:</span> <time datetime="2026-11-03">3 November 2026</time></p>"#))
    }

    @Test func theDateFromGitFollowsTheCommitNotTheFile() throws {
        let source = TestSupport.minimalSource([
            "content/guide/a.md": "---\ntitle: A\n---\n\nText.\n",
            "content/guide/b.md": "---\ntitle: B\nupdated: 2026-01-15\n---\n\nText.\n",
        ])
        try Self.git("init -q", in: source)
        try Self.git("add content", in: source)
        try Self.git("commit -q -m first", in: source)
        // Written after the commit: no date, whatever its file time.
        try Data("---\ntitle: C\n---\n".utf8).write(to: source.appendingPathComponent("content/guide/c.md"))
        // Files changed less than a second before a build are looked at again by the next one
        // (InputSnapshot.racyMargin); older ones are trusted, as in real use.
        Thread.sleep(forTimeInterval: 1.2)

        let output = TestSupport.temporaryFolder("git").appendingPathComponent("site")
        let (report, _) = TestSupport.build(source, output: output)
        #expect(report.succeeded, "\(TestSupport.errors(report))")
        let a = TestSupport.read(output, "guide/a.html")
        #expect(a.contains(#"<span class="label">Senast uppdaterad:</span> <time datetime="2025-03-07">7 mars 2025</time>"#))
        // The front matter wins over the commit.
        #expect(TestSupport.read(output, "guide/b.html").contains(#"<time datetime="2026-01-15">15 januari 2026</time>"#))
        #expect(!TestSupport.read(output, "guide/c.html").contains("Senast uppdaterad"))
        // The start page (content/index.md) is a written page too.
        #expect(TestSupport.read(output, "index.html").contains(#"<time datetime="2025-03-07">7 mars 2025</time>"#))

        // A commit that leaves the file's bytes as they were changes its date: the rebuild sees it,
        // although no file changed.
        try Self.git("commit -q --amend --no-edit", in: source, date: "2025-06-30T23:30:00+02:00")
        let (again, _) = TestSupport.build(source, output: output)
        #expect(again.succeeded)
        // The commit's own day, not the build machine's (2025-06-30 23:30 at +02:00 is the 30th).
        #expect(TestSupport.read(output, "guide/a.html").contains(#"<time datetime="2025-06-30">30 juni 2025</time>"#))
        TestSupport.expectSameAsFromScratch(source, output, "after a commit that left the files as they were")
    }

    @Test func thePreviewsPageEditKeepsTheCommitDate() throws {
        let source = TestSupport.minimalSource(["content/guide/a.md": "---\ntitle: A\n---\n\nText.\n"])
        try Self.git("init -q", in: source)
        try Self.git("add content", in: source)
        try Self.git("commit -q -m first", in: source)
        let output = TestSupport.temporaryFolder("edit").appendingPathComponent("site")
        let session = BuildSession(options: BuildOptions(source: source, output: output, asOf: TestSupport.sampleDate))
        #expect(session.build().succeeded)
        try TestSupport.edit(source, "content/guide/a.md") { $0 + "\nMer text.\n" }
        let edit = session.build(changed: [source.appendingPathComponent("content/guide/a.md").path])
        #expect(edit.succeeded && edit.fromMemory)
        session.flush()
        let page = TestSupport.read(output, "guide/a.html")
        #expect(page.contains("Mer text."))
        #expect(page.contains(#"<time datetime="2025-03-07">7 mars 2025</time>"#))
    }

    @Test func thePagesContactOverridesTheSites() {
        let output = built([
            "content/site.yaml": Self.contactSite,
            "content/guide/index.md": "---\ntitle: Guide\n---\n\nOm guiden.\n",
            "content/guide/a.md": """
            ---
            title: A
            contact:
              name: Jonas Lind
              email: jonas.lind@kommun.example
              phone: +46 225-341 77
            ---

            """,
            "content/guide/b.md": "---\ntitle: B\n---\n",
        ])
        let a = TestSupport.read(output, "guide/a.html")
        #expect(a.contains(#"<p class="page-contact"><span class="label">Kontakt:</span> <span class="contact-name">Jonas Lind</span></p>"#))
        #expect(a.contains(#"<a href="mailto:jonas.lind@kommun.example">jonas.lind@kommun.example</a>"#))
        #expect(a.contains(#"<a href="tel:+4622534177">+46 225-341 77</a>"#))
        #expect(!a.contains("Emelie Berg"))
        let b = TestSupport.read(output, "guide/b.html")
        #expect(
            b.contains(
                #"<p class="page-contact"><span class="label">Kontakt:</span> <span class="contact-name">Emelie Berg</span>, <span class="contact-role">Mångfaldsstrateg</span></p>"#
            ))
        #expect(b.contains(#"<a href="mailto:emelie.berg@kommun.example">emelie.berg@kommun.example</a>"#))
        #expect(b.contains(#"<a href="tel:022534151">0225-341 51</a>"#))
        // A folder written as an index.md has the footer; generated pages do not.
        #expect(TestSupport.read(output, "guide/index.html").contains("Emelie Berg"))
        #expect(!TestSupport.read(output, "sok.html").contains("page-footer"))
        #expect(!TestSupport.read(output, "tillganglighet.html").contains("page-footer"))
        // The footer is the same on many pages and says nothing of what a page is about: its words
        // stay out of the search index (the page's own words are in it).
        let index = TestSupport.files(in: output).filter { $0.key.hasPrefix("search/") }
            .map { String(decoding: $0.value, as: UTF8.self).lowercased() }.joined()
        #expect(index.contains("guide"))
        for word in ["emelie", "mangfaldsstrateg", "mångfaldsstrateg", "jonas"] {
            #expect(!index.contains(word), "\(word) is in the search index")
        }
    }

    @Test func theFeedbackSubjectIsThePagesTitlePercentEncoded() {
        let output = built([
            "content/site.yaml": Self.contactSite,
            "content/a.md": "---\ntitle: \"Lön & villkor på Åsgården?\"\n---\n",
        ])
        let page = TestSupport.read(output, "a.html")
        let subject = "Synpunkter%20p%C3%A5%20sidan%3A%20L%C3%B6n%20%26%20villkor%20p%C3%A5%20%C3%85sg%C3%A5rden%3F"
        #expect(
            page.contains(
                #"<p class="page-feedback"><a href="mailto:synpunkter@kommun.example?subject=\#(subject)">Synpunkter på sidan?</a></p>"#))
    }

    @Test func aFeedbackAddressIsLinkedAsWritten() {
        let output = built([
            "content/site.yaml": TestSupport.siteYAML + "feedback: https://intranat.kommun.example/form?id=7&typ=sida\n",
            "content/a.md": "---\ntitle: A\n---\n",
        ])
        let page = TestSupport.read(output, "a.html")
        #expect(page.contains(#"<a href="https://intranat.kommun.example/form?id=7&amp;typ=sida">Synpunkter på sidan?</a>"#))
        #expect(!page.contains("page-contact"))
    }
}
