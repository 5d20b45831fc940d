/// The Swedish text of every message, keyed by its English template (`Message.template`).
enum SwedishMessages {
    static let catalogue: [String: String] = [:]
}
