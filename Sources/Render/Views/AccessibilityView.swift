import Foundation
import Markdown
import Model
import Plan

/// The accessibility statement the law asks for, from site.yaml's `accessibility`.
struct AccessibilityView {
    let context: RenderContext

    func view(url: String) -> [String: Any] {
        let chrome = PageChrome(context: context)
        let strings = context.strings
        let config = context.site.config
        let statement = config.accessibility
        let names = ["organisation": config.organisation, "title": config.title]
        var view = chrome.view(url: url, title: strings["titles.accessibility"], summary: nil, openFolders: [])
        let reviewed = statement.reviewed.map { strings.date(($0.year, $0.month, $0.day)) }
        view["statement"] = [
            "lead": strings.format("a11y.lead", names),
            "how_accessible": strings[statement.knownIssues == nil ? "a11y.how_accessible_full" : "a11y.how_accessible_partial"],
            "contact": statement.contact == nil ? strings.format("a11y.contact_missing", names) : strings["a11y.contact"],
            "tested": reviewed.map { strings.format("a11y.tested", ["reviewed": $0]) } ?? strings["a11y.tested_missing"],
        ]
        view["contact"] = maybe(statement.contact)
        view["contactHref"] = maybe(statement.contact.flatMap(Self.href(forContact:)))
        if let issues = statement.knownIssues {
            view["knownIssues"] = MarkdownRenderer.render(issues, options: MarkdownOptions(reservedIDs: RenderContext.reservedIDs)).html
        }
        return view
    }

    /// An e-mail address becomes a mailto: link and a phone number a tel: link; anything else stays text.
    static func href(forContact contact: String) -> String? {
        let trimmed = contact.trimmingCharacters(in: .whitespaces)
        if trimmed.contains("@"), !trimmed.contains(" "), !trimmed.contains(":") { return "mailto:" + trimmed }
        let digits = trimmed.filter { $0.isNumber || $0 == "+" }
        if digits.count >= 6, trimmed.allSatisfy({ $0.isNumber || " -+()".contains($0) }) { return "tel:" + digits }
        return nil
    }
}
