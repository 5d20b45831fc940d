import Foundation
import Testing
@testable import Site
import ValgrundTestSupport

/// Another municipality's process (five steps, four questions, English) builds with the same binary
/// and shows nothing of Hedemora's.
@Suite struct OtherMunicipalityTests {
    static let built = TestSupport.build(TestSupport.fixture("other-municipality"))

    func page(_ path: String) -> String { TestSupport.read(Self.built.1, path) }

    @Test func buildsItsOwnProcess() {
        #expect(TestSupport.errors(Self.built.0) == [])
        let start = page("index.html")
        #expect(start.contains("<html lang=\"en\">"))
        #expect(start.contains("Skip to content"))
        #expect(start.contains("The process has 5 steps that repeat every year: 1 Plan, 2 Do, 3 Study, 4 Act and 5 Share."))
        let step = page("cycle/study.html")
        #expect(step.contains("<p class=\"eyebrow\">Step 3 of 5</p>"))
        #expect(step.contains(#"<a href="study.html" aria-current="step" class="step current">"#))
    }

    @Test func formFollowsItsQuestionsAndScale() {
        let form = page("review/personal-assessment.html")
        #expect(TestSupport.count("<fieldset class=\"question\">", in: form) == 4)
        #expect(TestSupport.count("type=\"radio\"", in: form) == 20)
        #expect(form.contains(#"<input type="radio" name="q-aims" value="0">"#))
        #expect(form.contains("<h2>Part B</h2>"))
        #expect(page("accessibility.html").contains(#"<a href="tel:+442079460000">+44 20 7946 0000</a>"#))
    }

    @Test func noTraceOfHedemora() {
        let traces = ["Hedemora", "Uppstart", "framåt", "Välgrundad", "utgangspunkt", "Steg ", "Medarbetare", "Lärande", "Del 1", "handbok"]
        for (path, data) in TestSupport.files(in: Self.built.1) {
            let text = String(decoding: data, as: UTF8.self)
            for trace in traces {
                #expect(!text.contains(trace), "\(path) contains \(trace)")
            }
        }
    }
}
