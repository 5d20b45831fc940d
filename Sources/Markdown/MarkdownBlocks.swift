import CMark

/// Markdown read into plain blocks, for formats that are not HTML (Word): headings, paragraphs,
/// lists, quotes and code, with simple inline formatting. Nested structure is flattened.
public enum MarkdownBlock: Sendable, Equatable {
    case heading(level: Int, [MarkdownInline])
    case paragraph([MarkdownInline])
    case list(ordered: Bool, items: [[MarkdownInline]])
    case quote([MarkdownInline])
    case code(String)
}

public enum MarkdownInline: Sendable, Equatable {
    case text(String)
    case strong(String)
    case emphasis(String)
    case code(String)
    case link(text: String, url: String)
}

extension MarkdownRenderer {
    /// - Parameter calloutTitles: as in `MarkdownOptions`: a quote that starts with `[!TIP]` keeps
    ///   its words and gets its title in bold in front of them.
    public static func blocks(_ markdown: String, calloutTitles: [String: String] = [:]) -> [MarkdownBlock] {
        var source = markdown
        guard
            let document = source.withUTF8({ bytes in
                bytes.withMemoryRebound(to: CChar.self) { cmark_parse_document($0.baseAddress, $0.count, CMARK_OPT_DEFAULT) }
            })
        else { return [] }
        defer { cmark_node_free(document) }
        var result: [MarkdownBlock] = []
        var child = cmark_node_first_child(document)
        while let node = child {
            result.append(contentsOf: block(node, calloutTitles: calloutTitles))
            child = cmark_node_next(node)
        }
        return result
    }

    private static func block(_ node: OpaquePointer, calloutTitles: [String: String]) -> [MarkdownBlock] {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_HEADING:
            return [.heading(level: Int(cmark_node_get_heading_level(node)), inlines(node))]
        case CMARK_NODE_PARAGRAPH:
            return [.paragraph(inlines(node))]
        case CMARK_NODE_LIST:
            var items: [[MarkdownInline]] = []
            var item = cmark_node_first_child(node)
            while let current = item {
                // An item's paragraphs (and any nested list) become one line.
                var parts: [MarkdownInline] = []
                var inner = cmark_node_first_child(current)
                while let paragraph = inner {
                    if !parts.isEmpty { parts.append(.text(" ")) }
                    parts.append(contentsOf: inlines(paragraph))
                    inner = cmark_node_next(paragraph)
                }
                items.append(parts)
                item = cmark_node_next(current)
            }
            return [.list(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST, items: items)]
        case CMARK_NODE_BLOCK_QUOTE:
            var parts: [MarkdownInline] = []
            var inner = cmark_node_first_child(node)
            while let paragraph = inner {
                if !parts.isEmpty { parts.append(.text(" ")) }
                parts.append(contentsOf: inlines(paragraph))
                inner = cmark_node_next(paragraph)
            }
            return [.quote(callout(parts, titles: calloutTitles))]
        case CMARK_NODE_CODE_BLOCK:
            if let kind = FigureBlock.kind(ofInfo: cmark_node_get_fence_info(node).map { String(cString: $0) } ?? "") {
                let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
                let lines = literal.split(separator: "\n", omittingEmptySubsequences: false).map { (text: $0, line: 1, column: 1) }
                if let figure = FigureBlock.parse(kind: kind, lines: lines, fenceLine: 1, fenceColumn: 1).0 { return figure.blocks }
            }
            return [.code(cmark_node_get_literal(node).map { String(cString: $0) } ?? "")]
        default:
            return []
        }
    }

    /// `[!TIP] Boka …` → **Tips** Boka …, for a kind that has a title.
    private static func callout(_ parts: [MarkdownInline], titles: [String: String]) -> [MarkdownInline] {
        guard case .text(let first)? = parts.first, let title = MarkdownOptions.callout(marker: first, titles: titles)?.title
        else { return parts }
        let rest = parts.dropFirst().drop { if case .text(let text) = $0 { text.allSatisfy(\.isWhitespace) } else { false } }
        return [.strong(title), .text(" ")] + rest
    }

    /// The inline content of a block, flattened: nested emphasis keeps its outermost style.
    private static func inlines(_ node: OpaquePointer) -> [MarkdownInline] {
        var result: [MarkdownInline] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            let text = literalText(current)
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT: result.append(.text(text))
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: result.append(.text(" "))
            case CMARK_NODE_CODE: result.append(.code(text))
            case CMARK_NODE_STRONG: result.append(.strong(text))
            case CMARK_NODE_EMPH: result.append(.emphasis(text))
            case CMARK_NODE_LINK:
                result.append(.link(text: text, url: cmark_node_get_url(current).map { String(cString: $0) } ?? ""))
            case CMARK_NODE_IMAGE:
                result.append(.text(text))
            default:
                if !text.isEmpty { result.append(.text(text)) }
            }
            child = cmark_node_next(current)
        }
        return result
    }

    private static func literalText(_ node: OpaquePointer) -> String {
        if let literal = cmark_node_get_literal(node) { return String(cString: literal) }
        var text = ""
        var child = cmark_node_first_child(node)
        while let current = child {
            let type = cmark_node_get_type(current)
            text += type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK ? " " : literalText(current)
            child = cmark_node_next(current)
        }
        return text
    }
}

extension FigureBlock {
    /// The figure in words, for formats that draw no picture: a cycle as a numbered list of its
    /// items, a flow as a numbered list of its columns (`**Resurser**: tid; pengar`), its bands
    /// before and after, each with its title first, and the arrow back as a sentence.
    var blocks: [MarkdownBlock] {
        func line(_ group: Group) -> [MarkdownInline] {
            [.strong(group.title)] + (group.items.isEmpty ? [] : [.text(": " + group.items.joined(separator: "; "))])
        }
        var result: [MarkdownBlock] = title.map { [.paragraph([.strong($0)])] } ?? []
        switch kind {
        case .cycle:
            result.append(.list(ordered: true, items: items.map { [.text($0)] }))
        case .flow:
            if let above { result.append(.paragraph(line(above))) }
            result.append(.list(ordered: true, items: columns.map(line)))
            if let below { result.append(.paragraph(line(below))) }
            if let backwards { result.append(.paragraph([.text(backwards)])) }
        }
        return result
    }
}
