import Foundation
import Model
import Testing
@testable import Site
import ValgrundTestSupport

/// Mistakes in `updated`, `contact` and `feedback` (site.yaml and front matter) point at the value
/// that is wrong, all in one run, like every other key.
@Suite struct PageFooterErrorTests {
    func errors(_ files: [String: String]) -> [String] {
        TestSupport.errors(TestSupport.check(TestSupport.minimalSource(files)))
    }

    /// site.yaml with `lines` after the minimal site's four lines (so they start on line 5).
    func siteErrors(_ lines: String) -> [String] {
        errors(["content/site.yaml": TestSupport.siteYAML + lines])
    }

    @Test func updatedMustBeARealDate() {
        let errors = errors([
            "content/a.md": "---\ntitle: A\nupdated: 2026-02-30\n---\n",
            "content/b.md": "---\ntitle: B\nupdated: 3 november 2026\n---\n",
            "content/c.md": "---\ntitle: C\nupdated: 2026-11-3\n---\n",
            "content/d.md": "---\ntitle: D\nupdated: 2024-02-29\n---\n",
        ])
        #expect(
            errors == [
                "content/a.md:3:10: error: 'updated' must be a date written YYYY-MM-DD, not '2026-02-30'",
                "content/b.md:3:10: error: 'updated' must be a date written YYYY-MM-DD, not '3 november 2026'",
                "content/c.md:3:10: error: 'updated' must be a date written YYYY-MM-DD, not '2026-11-3'",
            ])
    }

    @Test func misspeltKeysNameTheIntendedOne() {
        #expect(
            errors(["content/a.md": "---\ntitle: A\nupdatd: 2026-11-03\ncontacts: {name: X}\n---\n"]) == [
                "content/a.md:3:1: error: unknown key 'updatd' in the front matter (did you mean 'updated'?)",
                "content/a.md:4:1: error: unknown key 'contacts' in the front matter (did you mean 'contact'?)",
            ])
        #expect(
            siteErrors("contakt: {name: X}\nfeedbak: a@b.se\ncontact: {name: X, mail: x@kommun.se, rol: Chef}\n") == [
                "content/site.yaml:5:1: error: unknown key 'contakt' in site.yaml (did you mean 'contact'?)",
                "content/site.yaml:6:1: error: unknown key 'feedbak' in site.yaml (did you mean 'feedback'?)",
                "content/site.yaml:7:20: error: unknown key 'mail' in 'contact' (did you mean 'email'?)",
                "content/site.yaml:7:39: error: unknown key 'rol' in 'contact' (did you mean 'role'?)",
            ])
    }

    @Test func contactValuesAreChecked() {
        let errors = errors([
            "content/a.md": """
            ---
            title: A
            contact:
              role: Strateg
              email: emelie.berg(at)kommun.se
              phone: ring växeln
            ---

            """
        ])
        #expect(
            errors == [
                "content/a.md:4:3: error: 'name' is missing: the contact's name (a person or a function), e.g. `name: Emelie Berg`",
                "content/a.md:5:10: error: 'email' must be an e-mail address like `namn@kommun.se`, not 'emelie.berg(at)kommun.se'",
                "content/a.md:6:10: error: 'phone' must be a phone number of digits, spaces and hyphens (a leading + for abroad), e.g. `0225-341 51`, not 'ring växeln'",
            ])
        #expect(
            self.errors(["content/a.md": "---\ntitle: A\ncontact: Emelie Berg\n---\n"]) == [
                "content/a.md:3:10: error: 'contact' must be a mapping of keys and values (like `key: value`), not 'Emelie Berg'"
            ])
    }

    @Test func feedbackIsAnEmailAddressOrAWebAddress() {
        #expect(siteErrors("feedback: synpunkter@kommun.se\n").isEmpty)
        #expect(siteErrors("feedback: https://intranat.kommun.se/synpunkter?form=7\n").isEmpty)
        #expect(
            siteErrors("feedback: mailto:synpunkter@kommun.se\n") == [
                "content/site.yaml:5:11: error: 'feedback' must be an e-mail address (`synpunkter@kommun.se`) or a web address starting with https:// (or http://): write the address alone, without 'mailto:'"
            ])
        #expect(
            siteErrors("feedback: intranat/synpunkter\n") == [
                "content/site.yaml:5:11: error: 'feedback' must be an e-mail address (`synpunkter@kommun.se`) or a web address starting with https:// (or http://), not 'intranat/synpunkter'"
            ])
        #expect(
            siteErrors("feedback: https://\n") == [
                "content/site.yaml:5:11: error: 'feedback' must be an e-mail address (`synpunkter@kommun.se`) or a web address starting with https:// (or http://), not 'https://'"
            ])
    }

    @Test func everyMistakeInOneRun() {
        let errors = errors([
            "content/site.yaml": TestSupport.siteYAML + "contact: {name: E, email: e@kommun}\nfeedback: synpunkter\n",
            "content/a.md": "---\ntitle: A\nupdated: 2026-13-01\ncontact: {name: F, phone: \"12\"}\n---\n",
        ])
        #expect(
            errors == [
                "content/a.md:3:10: error: 'updated' must be a date written YYYY-MM-DD, not '2026-13-01'",
                "content/a.md:4:27: error: 'phone' must be a phone number of digits, spaces and hyphens (a leading + for abroad), e.g. `0225-341 51`, not '12'",
                "content/site.yaml:5:27: error: 'email' must be an e-mail address like `namn@kommun.se`, not 'e@kommun'",
                "content/site.yaml:6:11: error: 'feedback' must be an e-mail address (`synpunkter@kommun.se`) or a web address starting with https:// (or http://), not 'synpunkter'",
            ])
    }

    @Test func theRulesForAddressesAndNumbers() {
        for good in ["emelie.berg@hedemora.se", "e+kontakt@kommun.example", "åsa@kommun.se", "a@b-c.d.se"] {
            #expect(EmailAddress.isValid(good), "\(good)")
        }
        for bad in ["emelie", "a@b", "a@@b.se", "a b@c.se", "a@-b.se", "a@b..se", ".a@b.se", "<a@b.se>", "a@b.se?subject=x"] {
            #expect(!EmailAddress.isValid(bad), "\(bad)")
        }
        #expect(PhoneNumber.dialString("0225-341 51") == "022534151")
        #expect(PhoneNumber.dialString(" +46 (0)225 341 51 ") == "+46022534151")
        #expect(PhoneNumber.dialString("46+225") == nil)
        #expect(PhoneNumber.dialString("12") == nil)
    }
}
