import Foundation
import Search
import Testing
@testable import Site
import ValgrundTestSupport

/// What search puts first, on the sample and on the second municipality: the page a reader means
/// (Tests/Fixtures/search-ranking.txt lists the queries), ranked from the index files the build
/// wrote, the way search.js ranks them (`SearchRanking`).
@Suite struct SearchRankingTests {
    static let sample = try? SearchRanking(site: TestSupport.builtSample.output)
    static let other = try? SearchRanking(site: OtherMunicipalityTests.built.1)

    /// The lines of the expectations file: site, query, the page it must put first.
    static let expectations: [(site: String, query: String, first: String)] = {
        let file = TestSupport.repositoryRoot.appendingPathComponent("Tests/Fixtures/search-ranking.txt")
        let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap { line in
            let fields = line.split(separator: "\t").map(String.init)
            return fields.count == 3 ? (fields[0], fields[1], fields[2]) : nil
        }
    }()

    @Test func eachQueryPutsTheMeantPageFirst() throws {
        #expect(Self.expectations.count >= 10)
        let sample = try #require(Self.sample), other = try #require(Self.other)
        for expectation in Self.expectations {
            let ranking = expectation.site == "sample" ? sample : other
            let results = ranking.rank(expectation.query)
            #expect(
                results.first == expectation.first,
                "'\(expectation.query)' puts first \(results.first ?? "nothing"), then \(Array(results.dropFirst().prefix(4)))")
        }
    }

    /// "självskattning": the step that explains it, then the other steps that ask for it, and only
    /// then the unit pages that show its scores.
    @Test func guidanceComesBeforeDataPages() throws {
        let sample = try #require(Self.sample)
        let results = sample.rank("självskattning")
        #expect(Array(results.prefix(3)) == ["handbok/uppstart.html", "handbok/nu-och-framat.html", "handbok/uppfoljning.html"], "\(results)")
        #expect(results.dropFirst(3).first?.hasPrefix("enheter/") == true, "\(results)")
    }

    /// Compounds: a word finds the compounds it ends or is part of, written with or without å, ä, ö;
    /// endings of the language are the same word.
    @Test func swedishWordsAreFoundInTheirFormsAndCompounds() throws {
        let sample = try #require(Self.sample)
        let frånvaro = sample.rank("frånvaro")
        #expect(frånvaro.contains("nyckeltal/sjukfranvaro.html"))
        #expect(frånvaro.contains("modellkommuner.html"), "\(frånvaro)")
        #expect(sample.rank("franvaro") == frånvaro)
        #expect(sample.rank("skattning").contains("handbok/uppstart.html"))
        // "stämpel" finds "stämpeln"; typed without the ä too.
        #expect(sample.rank("stampel").first == "handbok/nu-och-framat.html")
        // As you type: the last word also as the start of a longer one.
        #expect(sample.rank("självskatt").first == "handbok/uppstart.html")
    }

    /// Each page's group is in the index, in the groups the search page filters by.
    @Test func everyPageHasItsGroup() throws {
        let sample = try #require(Self.sample)
        #expect(sample.groups.count == sample.urls.count)
        let group = Dictionary(uniqueKeysWithValues: zip(sample.urls, sample.groups))
        #expect(group["handbok/uppstart.html"] == "handbook")
        #expect(group["index.html"] == "handbook")
        #expect(group["larande-uppfoljning/programlogik.html"] == "question_guide")
        #expect(group["larande-uppfoljning/personlig-bedomning.html"] == "question_guide")
        #expect(group["nyckeltal/sjukfranvaro.html"] == "key_figures")
        #expect(group["enheter/hagaskolan.html"] == "units")
        #expect(group["enheter/index.html"] == "units")
        #expect(Set(sample.groups) == ["handbook", "question_guide", "examples", "key_figures", "units", "annual_report"])
        let other = try #require(Self.other)
        #expect(Set(other.groups) == ["handbook", "question_guide"])
    }
}
