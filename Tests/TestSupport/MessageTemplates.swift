import Foundation

/// The message templates written in the sources, found the way `Message` makes them: each string
/// literal passed to `error(`, `warning(` (before their `at:`), `Message(`, `broken(`, `refused(`,
/// `cannotWrite(`, `cannotReplace(`, `problem(`, `warn(` or to a parameter labelled `what:`, `required:`,
/// `message:` or `warning:`, with each `\(…)` counted as `{1}`, `{2}` …. A literal without a
/// letter outside its placeholders (`"/"`, `"{1}"`) has nothing to translate and is left out.
public enum MessageTemplates {
    static let calls = ["error", "warning", "Message", "broken", "refused", "cannotWrite", "cannotReplace", "problem", "warn", "JSONSyntaxError"]
    static let labels = ["what", "required", "message", "warning"]

    /// Every template in the .swift files under `folder`, with the first place it is written.
    public static func inSources(_ folder: URL) -> [String: String] {
        var found: [String: String] = [:]
        let files = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        for file in files.sorted() {
            guard let text = try? String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8) else { continue }
            for (template, line) in templates(in: text) where found[template] == nil {
                found[template] = "\(file):\(line)"
            }
        }
        return found
    }

    /// The templates in one file's text, with their line numbers.
    public static func templates(in text: String) -> [(String, Int)] {
        let scalars = Array(text.unicodeScalars)
        var result: [(String, Int)] = []
        var index = 0
        var line = 1
        func isWord(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\n" { line += 1 }
            // Comments and literals outside the calls are skipped whole.
            if scalar == "/", index + 1 < scalars.count, scalars[index + 1] == "/" {
                while index < scalars.count, scalars[index] != "\n" { index += 1 }
                continue
            }
            if scalar == "\"" {
                let (_, end) = literal(scalars, from: index)
                line += scalars[index..<end].filter { $0 == "\n" }.count
                index = end
                continue
            }
            guard isWord(scalar), index == 0 || !isWord(scalars[index - 1]) else {
                index += 1
                continue
            }
            var end = index
            while end < scalars.count, isWord(scalars[end]) { end += 1 }
            let word = String(String.UnicodeScalarView(scalars[index..<end]))
            if calls.contains(word), end < scalars.count, scalars[end] == "(" {
                for template in arguments(scalars, open: end) { result.append((template, line)) }
            } else if labels.contains(word), end < scalars.count, scalars[end] == ":" {
                var start = end + 1
                while start < scalars.count, scalars[start] == " " || scalars[start] == "\n" { start += 1 }
                if start < scalars.count, scalars[start] == "\"" {
                    let (template, _) = literal(scalars, from: start)
                    if let template { result.append((template, line)) }
                }
            }
            index = end
        }
        return result.filter { hasWords($0.0) }
    }

    /// The templates of the literals among a call's arguments (at its top level, before `at:`).
    static func arguments(_ scalars: [Unicode.Scalar], open: Int) -> [String] {
        var templates: [String] = []
        var depth = 0
        var index = open
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case "(", "[", "{": depth += 1
            case ")", "]", "}":
                depth -= 1
                if depth == 0 { return templates }
            case "\"":
                let (template, end) = literal(scalars, from: index)
                if depth == 1, let template { templates.append(template) }
                index = end
                continue
            case "a":
                if depth == 1, index + 2 < scalars.count, scalars[index + 1] == "t", scalars[index + 2] == ":",
                    [",", " ", "\n"].contains(scalars[index - 1])
                {
                    return templates
                }
            default: break
            }
            index += 1
        }
        return templates
    }

    /// The template of the string literal starting at `start` (a `"`), and the index after it;
    /// nil for a multi-line literal, which no message uses.
    static func literal(_ scalars: [Unicode.Scalar], from start: Int) -> (String?, Int) {
        if start + 2 < scalars.count, scalars[start + 1] == "\"", scalars[start + 2] == "\"" {
            var index = start + 3
            while index + 2 < scalars.count, !(scalars[index] == "\"" && scalars[index + 1] == "\"" && scalars[index + 2] == "\"") { index += 1 }
            return (nil, index + 3)
        }
        var template = ""
        var placeholders = 0
        var index = start + 1
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\"" { return (template, index + 1) }
            if scalar == "\\", index + 1 < scalars.count {
                let next = scalars[index + 1]
                switch next {
                case "(":
                    // An interpolation: skip to its closing parenthesis, over nested literals.
                    var depth = 0
                    var inner = index + 1
                    while inner < scalars.count {
                        if scalars[inner] == "\"" {
                            inner = literal(scalars, from: inner).1
                            continue
                        }
                        if scalars[inner] == "(" { depth += 1 }
                        if scalars[inner] == ")" {
                            depth -= 1
                            if depth == 0 { break }
                        }
                        inner += 1
                    }
                    placeholders += 1
                    template += "{\(placeholders)}"
                    index = inner + 1
                    continue
                case "n": template += "\n"
                case "t": template += "\t"
                case "u":
                    // \u{…}
                    var inner = index + 3
                    var hex = ""
                    while inner < scalars.count, scalars[inner] != "}" {
                        hex.unicodeScalars.append(scalars[inner])
                        inner += 1
                    }
                    if let value = UInt32(hex, radix: 16), let decoded = Unicode.Scalar(value) { template.unicodeScalars.append(decoded) }
                    index = inner + 1
                    continue
                default: template.unicodeScalars.append(next)
                }
                index += 2
                continue
            }
            template.unicodeScalars.append(scalar)
            index += 1
        }
        return (template, index)
    }

    /// Whether the template holds a letter (placeholders hold only digits).
    static func hasWords(_ template: String) -> Bool {
        template.contains { $0.isLetter }
    }
}
