import Foundation
import Markdown
import Model
import Mustache
import Plan

/// The accessibility statement's page.
struct AccessibilityPage: PageView {
    /// The statement's sentences.
    struct Statement: MustacheParent {
        var lead: String
        var howAccessible: String
        var contact: String
        var tested: String

        func child(named name: String) -> Any? {
            switch name {
            case "lead": lead
            case "how_accessible": howAccessible
            case "contact": contact
            case "tested": tested
            default: nil
            }
        }
    }

    var chrome: Chrome
    var statement: Statement
    var contact: String?
    var contactHref: String?
    var knownIssues: String?

    func own(named name: String) -> Any? {
        switch name {
        case "statement": statement
        case "contact": maybe(contact)
        case "contactHref": maybe(contactHref)
        case "knownIssues": maybe(knownIssues)
        default: nil
        }
    }
}

/// The accessibility statement the law asks for, from site.yaml's `accessibility`.
struct AccessibilityView {
    let context: RenderContext

    func view(url: String) -> AccessibilityPage {
        let chrome = PageChrome(context: context)
        let strings = context.strings
        let config = context.site.config
        let statement = config.accessibility
        let names = ["organisation": config.organisation, "title": config.title]
        let view = chrome.view(url: url, title: strings["titles.accessibility"], summary: nil, openFolders: [])
        let reviewed = statement.reviewed.map { strings.date(($0.year, $0.month, $0.day)) }
        return AccessibilityPage(
            chrome: view,
            statement: AccessibilityPage.Statement(
                lead: strings.format("a11y.lead", names),
                howAccessible: strings[statement.knownIssues == nil ? "a11y.how_accessible_full" : "a11y.how_accessible_partial"],
                contact: statement.contact == nil ? strings.format("a11y.contact_missing", names) : strings["a11y.contact"],
                tested: reviewed.map { strings.format("a11y.tested", ["reviewed": $0]) } ?? strings["a11y.tested_missing"]),
            contact: statement.contact,
            contactHref: statement.contact.flatMap(Self.href(forContact:)),
            knownIssues: statement.knownIssues.map {
                MarkdownRenderer.render(
                    $0,
                    options: MarkdownOptions(
                        reservedIDs: RenderContext.reservedIDs,
                        hyphenator: context.options.hyphenator)
                ).html
            })
    }

    /// An e-mail address becomes a mailto: link and a phone number a tel: link; anything else stays text.
    static func href(forContact contact: String) -> String? {
        let trimmed = contact.trimmingCharacters(in: .whitespaces)
        if EmailAddress.isValid(trimmed) { return "mailto:" + trimmed }
        return PhoneNumber.dialString(trimmed).map { "tel:" + $0 }
    }
}
