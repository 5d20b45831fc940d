import Diagnostics
import Model

extension MappingReader {
    /// `contact: {name, role, email, phone}`, in site.yaml and in a page's front matter alike;
    /// nil when absent or when it has errors (reported at their values).
    func contact() -> Contact? {
        guard let map = mapping("contact") else { return nil }
        let name = map.string("name")
        let role = map.string("role")
        var valid = name != nil
        let email = map.string("email")
        if let email, !EmailAddress.isValid(email.value) {
            log.error("'email' must be an e-mail address like `namn@kommun.se`, not '\(email.value)'", at: email.location)
            valid = false
        }
        let phone = map.string("phone")
        if let phone, PhoneNumber.dialString(phone.value) == nil {
            log.error(
                "'phone' must be a phone number of digits, spaces and hyphens (a leading + for abroad), e.g. `0225-341 51`, not '\(phone.value)'",
                at: phone.location)
            valid = false
        }
        guard valid, let name else { return nil }
        return Contact(name: name.value, role: role?.value, email: email?.value, phone: phone?.value)
    }

    /// `feedback:` in site.yaml: an e-mail address, or the address of a form or page (http or https).
    func feedback() -> Feedback? {
        guard let value = string("feedback") else { return nil }
        let text = value.value
        if EmailAddress.isValid(text) { return .email(text) }
        if isWebAddress(text) { return .url(text) }
        let hint =
            text.lowercased().hasPrefix("mailto:")
            ? Message(": write the address alone, without 'mailto:'")
            : Message(", not '\(text)'")
        log.error(
            "'feedback' must be an e-mail address (`synpunkter@kommun.se`) or a web address starting with https:// (or http://)\(hint)",
            at: value.location)
        return nil
    }
}

/// `https://host/…` (or http) with a host and nothing a link cannot hold as it is (spaces, quotes,
/// angle brackets): such an address is written into pages unchanged.
func isWebAddress(_ text: String) -> Bool {
    let lower = text.lowercased()
    guard let scheme = ["https://", "http://"].first(where: { lower.hasPrefix($0) }) else { return false }
    let rest = text.dropFirst(scheme.count)
    let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
    guard !host.isEmpty, !host.hasPrefix("."), !host.hasPrefix("@") else { return false }
    return !text.contains { $0.isWhitespace || "\"<>\\{}|^`".contains($0) || $0.asciiValue.map { $0 < 32 || $0 == 127 } == true }
}
