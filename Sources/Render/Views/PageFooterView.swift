import Markup
import Model
import Mustache

/// What intranet readers look for at the end of a hand-written page (`partials/page-footer`): when
/// it was last updated, whom to ask, and where to send views on it. nil (no footer) when the page
/// has none of them.
struct PageFooter: MustacheParent {
    /// The contact's name and role, and the links to reach them.
    struct ContactView: MustacheParent {
        var name: String
        var role: String?
        var email: String?
        var emailHref: String?
        var phone: String?
        var phoneHref: String?

        func child(named name: String) -> Any? {
            switch name {
            case "name": self.name
            case "role": maybe(role)
            case "email": maybe(email)
            case "emailHref": maybe(emailHref)
            case "phone": maybe(phone)
            case "phoneHref": maybe(phoneHref)
            default: nil
            }
        }
    }

    var updated: DateView?
    var contact: ContactView?
    /// The "Synpunkter på sidan?" link.
    var feedback: String?

    func child(named name: String) -> Any? {
        switch name {
        case "updated": maybe(updated)
        case "contact": maybe(contact)
        case "feedback": maybe(feedback)
        default: nil
        }
    }

    /// The footer of `page` (a content page, or the index.md of a folder or the start page):
    /// its `updated` or last commit, its own contact or else the site's, and the site's feedback.
    static func of(_ page: Page, context: RenderContext) -> PageFooter? {
        let config = context.site.config
        let strings = context.strings
        let updated = page.lastUpdated.map { DateView($0, strings: strings) }
        let contact = (page.contact ?? config.contact).map { contact in
            ContactView(
                name: contact.name, role: contact.role,
                email: contact.email, emailHref: contact.email.map { "mailto:" + $0 },
                phone: contact.phone, phoneHref: contact.phone.flatMap(PhoneNumber.dialString).map { "tel:" + $0 })
        }
        let feedback = config.feedback.map { feedback in
            switch feedback {
            case .email(let address):
                // RFC 6068: the subject is percent-encoded UTF-8, so "&", "?" and "å" reach the mail as written.
                "mailto:" + address + "?subject=" + Href.queryValue(strings.format("page_footer.subject", ["title": page.title]))
            case .url(let address):
                // Written as it is: a form's own parameters are the site's to add, and a query
                // appended here could break an address that has one or a fragment.
                address
            }
        }
        guard updated != nil || contact != nil || feedback != nil else { return nil }
        return PageFooter(updated: updated, contact: contact, feedback: feedback)
    }
}
