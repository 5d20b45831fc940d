/// Who answers questions about a page (site.yaml's `contact:`, or a page's own in its front matter).
public struct Contact: Sendable, Equatable {
    public var name: String
    public var role: String?
    public var email: String?
    public var phone: String?

    public init(name: String, role: String? = nil, email: String? = nil, phone: String? = nil) {
        self.name = name
        self.role = role
        self.email = email
        self.phone = phone
    }
}

/// Where readers send their views on a page (site.yaml's `feedback:`).
public enum Feedback: Sendable, Equatable {
    /// Linked as mailto: with the page's title in the subject.
    case email(String)
    /// A form or page of the intranet, linked as it is written.
    case url(String)
}

/// The rule for what counts as an e-mail address, for the content's checks and for links made from
/// what people write (the accessibility statement's contact).
public enum EmailAddress {
    /// `local@domain.tld`: one `@`, a local part without spaces, quotes or brackets, and a domain
    /// of at least two dot-separated labels of letters, digits and inner hyphens. Stricter than
    /// RFC 5322 on purpose: what it refuses (quoted local parts, IP literals) no municipality uses,
    /// and what it accepts is safe in a mailto: link.
    public static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, let local = parts.first, let domain = parts.last,
            !local.isEmpty, local.count <= 64, text.count <= 254
        else { return false }
        let refusedInLocal: Set<Character> = ["\"", "(", ")", ",", ":", ";", "<", ">", "[", "\\", "]", "?", "#", "%", "&", "/"]
        guard local.allSatisfy({ !$0.isWhitespace && !refusedInLocal.contains($0) && !$0.isNewline }),
            !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..")
        else { return false }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        return labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.allSatisfy { $0.isLetter || ($0.isASCII && $0.isNumber) || $0 == "-" }
        }
    }
}

/// The rule for what counts as a phone number written by hand ("0225-341 51", "+46 225 341 51").
public enum PhoneNumber {
    /// What a `tel:` link dials: the digits alone, with a leading `+` when the number starts with
    /// one (an international number needs it). nil for anything but a phone number: other
    /// characters than digits, spaces, hyphens, dots, slashes and brackets, or fewer than 3 digits.
    public static func dialString(_ text: String) -> String? {
        var trimmed = Substring(text)
        while trimmed.first?.isWhitespace == true { trimmed.removeFirst() }
        while trimmed.last?.isWhitespace == true { trimmed.removeLast() }
        let body = trimmed.hasPrefix("+") ? trimmed.dropFirst() : trimmed[...]
        guard body.allSatisfy({ ($0.isASCII && $0.isNumber) || " -./()".contains($0) }) else { return nil }
        let digits = body.filter { $0.isASCII && $0.isNumber }
        guard (3...20).contains(digits.count) else { return nil }
        return (trimmed.hasPrefix("+") ? "+" : "") + digits
    }
}
