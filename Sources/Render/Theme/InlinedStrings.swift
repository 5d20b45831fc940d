import Markup

/// Writes a theme's `{{t.key}}` tags into its templates as text, once per language, when the
/// theme is loaded. Mustache looks each tag up through the whole context stack with a dynamic
/// cast at every level, and the strings never change during a build, so this takes most of the
/// lookups out of every page. What a page shows is the same either way.
enum InlinedStrings {
    /// The template text with every `{{t.key}}`, `{{{t.key}}}` and `{{&t.key}}` whose text is
    /// known replaced by that text, escaped where Mustache would escape it. Tags it cannot
    /// replace safely stay as they are: unknown keys, text with a newline or with `{{` in it,
    /// and every tag of a template that changes its delimiters.
    static func inline(_ template: String, strings: Strings) -> String {
        guard template.contains("t."), !template.contains("{{=") else { return template }
        var result = ""
        result.reserveCapacity(template.utf8.count)
        var rest = Substring(template)
        while let open = rest.range(of: "{{") {
            result += rest[..<open.lowerBound]
            let tag = rest[open.lowerBound...]
            if let (text, length) = replacement(for: tag, strings: strings) {
                result += text
                rest = tag.dropFirst(length)
            } else {
                result += "{{"
                rest = tag.dropFirst(2)
            }
        }
        result += rest
        return result
    }

    /// The text for the tag at the start of `tag`, and how many characters the tag takes.
    private static func replacement(for tag: Substring, strings: Strings) -> (String, Int)? {
        var body = tag.dropFirst(2)
        var escaped = true
        var closing = "}}"
        if body.first == "{" {
            body = body.dropFirst(); escaped = false; closing = "}}}"
        } else if body.first == "&" {
            body = body.dropFirst(); escaped = false
        }
        guard let end = body.range(of: closing) else { return nil }
        let name = body[..<end.lowerBound].trimmingSpaces
        guard name.hasPrefix("t."), name.allSatisfy(isKeyCharacter), let text = strings.text(at: String(name.dropFirst(2))) else { return nil }
        let written = escaped ? HTML.escape(text) : text
        guard !written.contains("\n"), !written.contains("{{") else { return nil }
        return (written, tag.distance(from: tag.startIndex, to: end.upperBound))
    }

    private static func isKeyCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || character == "_" || character == "-" || character == ".")
    }
}

private extension Substring {
    var trimmingSpaces: Substring {
        var result = self
        while result.first == " " { result = result.dropFirst() }
        while result.last == " " { result = result.dropLast() }
        return result
    }
}

/// Mustache indents every line of a partial whose tag stands indented on its own line, and to do
/// so counts the characters of every piece it writes: for a chart of 5 KB that is most of a
/// page's time. Indentation changes nothing a reader sees in HTML, so Valgrund writes partials
/// as they are (docs/themes.md).
enum UnindentedPartials {
    static func strip(_ template: String) -> String {
        guard template.contains("{{>") else { return template }
        var changed = false
        let lines = template.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            guard trimmed.count < line.count, trimmed.hasPrefix("{{>"),
                trimmed.trimmingTrailingSpaces.hasSuffix("}}"), trimmed.dropFirst(2).firstRange(of: "{{") == nil
            else { return line }
            changed = true
            return trimmed
        }
        return changed ? lines.joined(separator: "\n") : template
    }
}

private extension Substring {
    var trimmingTrailingSpaces: Substring {
        var result = self
        while result.last == " " || result.last == "\t" || result.last == "\r" { result = result.dropLast() }
        return result
    }
}
