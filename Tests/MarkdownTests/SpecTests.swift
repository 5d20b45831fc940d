import Foundation
import Testing
@testable import Markdown

struct SpecExample: Decodable {
    let markdown: String
    let html: String
    let example: Int
    let section: String
}

/// Every example of the CommonMark spec goes through Valgrund's wrapper and gives the spec's HTML,
/// apart from the heading ids the wrapper adds on purpose.
@Suite struct SpecTests {
    static let examples: [SpecExample] = {
        let url = Bundle.module.url(forResource: "Resources/commonmark-spec-0.30", withExtension: "json")!
        return try! JSONDecoder().decode([SpecExample].self, from: Data(contentsOf: url))
    }()

    @Test func allExamplesPass() {
        #expect(Self.examples.count == 652)
        var failures: [Int] = []
        for example in Self.examples {
            let rendered = MarkdownRenderer.render(example.markdown, options: MarkdownOptions(allowRawHTML: true))
            if withoutHeadingIDs(rendered.html) != example.html { failures.append(example.example) }
        }
        #expect(failures.isEmpty, "failing spec examples: \(failures)")
    }

    @Test func safeModeOmitsRawHTMLInEveryExample() {
        for example in Self.examples where example.markdown.contains("<script") {
            let rendered = MarkdownRenderer.render(example.markdown)
            #expect(!rendered.html.contains("<script"), "example \(example.example)")
        }
    }

    private func withoutHeadingIDs(_ html: String) -> String {
        html.replacingOccurrences(of: #"<h([1-6]) id="[^"]*">"#, with: "<h$1>", options: .regularExpression)
    }
}
