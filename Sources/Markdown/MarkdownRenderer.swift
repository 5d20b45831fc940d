import Diagnostics
import CMark
import Foundation
import Hyphenation
import Markup

/// What the page author wrote as a link or image destination, with its position in the file.
public struct LinkReference: Sendable, Equatable {
    public var destination: String
    public var isImage: Bool
    public var line: Int
    public var column: Int
}

/// How the caller wants a link written: unchanged, rewritten (e.g. `x.md` → `../x.html`), or refused.
public enum LinkResolution: Sendable, Equatable {
    case keep
    case replace(String)
    case broken(Message)
}

public struct Heading: Sendable, Equatable {
    public var level: Int
    public var text: String
    public var id: String
    /// Whether it stands at the top level of the page (not inside a list or quote), i.e. belongs in the table of contents.
    public var isTopLevel: Bool
}

public struct MarkdownProblem: Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var message: Message
    public var description: String { "\(line):\(column): \(message)" }
}

public struct RenderedMarkdown: Sendable {
    public var html: String
    public var headings: [Heading]
    public var problems: [MarkdownProblem]
    /// The text without markup, for search and summaries (empty unless asked for).
    public var text: String
    /// How many characters of text the Markdown holds (its words and code, not its markup), counted
    /// always: how long the page reads.
    public var textLength: Int = 0
}

public struct MarkdownOptions: Sendable {
    /// Raw HTML and unsafe link schemes pass through only when the site opts in.
    public var allowRawHTML: Bool
    /// The file line on which the body starts (after front matter), so positions point into the file.
    public var firstLine: Int
    /// Prepended to every heading id, so pages can share one document (the print view).
    public var idPrefix: String
    /// Ids the page template already uses; headings never take them.
    public var reservedIDs: Set<String>
    public var collectText: Bool
    /// The level the text's top headings are written at, where the page already has its own above
    /// them: with 3, `#` and `##` are written as `<h3>` (a unit's texts under the page's `<h2>`).
    public var shallowestHeading: Int
    /// Puts soft hyphens into the long words of the text readers see (the site's pages); nil for
    /// none (the exports, whose text is copied into other documents).
    public var hyphenator: Hyphenator?
    /// The titles of callout boxes by kind (`note`, `tip`, `important`, `warning`, `caution`): a
    /// block quote that starts with `[!TIP]` (GitHub's alert syntax) becomes a box with that title.
    /// A kind without a title stays a block quote.
    public var calloutTitles: [String: String]
    /// Draws a figure declared as a fenced block (`FigureBlock`), given the figure and the id its
    /// markup is to use (unique in the document, `idPrefix` in front). Without it the block
    /// stays a block of code; its mistakes are reported either way.
    public var drawFigure: (@Sendable (FigureBlock, String) -> String)?
    /// When set, each `h2`–`h4` (as written) is followed by a link to its own fragment that a reader
    /// can copy: `<div class="heading heading-2"><h2 id="…">…</h2><a class="heading-link" href="#…"
    /// aria-label="…">…</a></div>`. It gives the link's accessible name from the heading's text.
    /// The link stands outside the heading, so the heading's name, the table of contents and the
    /// search text stay as they were; only pages ask for it (not the print view or the feed).
    public var headingLinkLabel: (@Sendable (String) -> String)?

    /// The title of the callout that `line` (a quote's first line, `[!TIP]`) opens, if it is one.
    /// The one reading of the marker, for pages and for the exports' blocks.
    static func callout(marker line: String, titles: [String: String]) -> (kind: String, title: String)? {
        guard line.hasPrefix("[!"), let close = line.firstIndex(of: "]"), line[line.index(after: close)...].allSatisfy(\.isWhitespace)
        else { return nil }
        let kind = line[line.index(line.startIndex, offsetBy: 2)..<close].lowercased()
        return titles[kind].map { (kind, $0) }
    }

    public init(
        allowRawHTML: Bool = false, firstLine: Int = 1, idPrefix: String = "",
        reservedIDs: Set<String> = [], collectText: Bool = false, shallowestHeading: Int = 1,
        calloutTitles: [String: String] = [:], hyphenator: Hyphenator? = nil,
        drawFigure: (@Sendable (FigureBlock, String) -> String)? = nil,
        headingLinkLabel: (@Sendable (String) -> String)? = nil
    ) {
        self.drawFigure = drawFigure
        self.headingLinkLabel = headingLinkLabel
        self.shallowestHeading = shallowestHeading
        self.calloutTitles = calloutTitles
        self.hyphenator = hyphenator
        self.allowRawHTML = allowRawHTML
        self.firstLine = firstLine
        self.idPrefix = idPrefix
        self.reservedIDs = reservedIDs
        self.collectText = collectText
    }
}

/// CommonMark to HTML through libcmark, with heading ids, a table of contents and link rewriting.
public enum MarkdownRenderer {
    public static func render(
        _ markdown: some StringProtocol,
        options: MarkdownOptions = MarkdownOptions(),
        resolveLink: (LinkReference) -> LinkResolution = { _ in .keep }
    ) -> RenderedMarkdown {
        var source = String(markdown)
        let cmarkOptions = options.allowRawHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT
        guard
            let document = source.withUTF8({ bytes in
                bytes.withMemoryRebound(to: CChar.self) { cmark_parse_document($0.baseAddress, $0.count, cmarkOptions) }
            })
        else {
            return RenderedMarkdown(html: "", headings: [], problems: [], text: "")
        }
        defer { cmark_node_free(document) }

        var walk = TreeWalk(options: options, source: source)
        walk.visit(document, resolveLink: resolveLink)
        walk.drawFigures()
        let headings = walk.giveHeadingsIDs()
        walk.makeCallouts()
        // After the headings' texts (ids, table of contents) and the search text are taken, so neither has soft hyphens.
        if let hyphenator = options.hyphenator { hyphenate(document, with: hyphenator) }

        guard let rendered = cmark_render_html(document, cmarkOptions) else {
            return RenderedMarkdown(html: "", headings: headings, problems: walk.problems, text: walk.text, textLength: walk.textLength)
        }
        defer { free(rendered) }
        return RenderedMarkdown(
            html: String(cString: rendered), headings: headings,
            problems: walk.problems, text: walk.text, textLength: walk.textLength)
    }

    /// Soft hyphens in the text readers see: text nodes, never code, raw HTML or an image's text
    /// (cmark writes it into `alt`). Addresses written as text or autolinks are left whole by
    /// `Hyphenator.hyphenate`.
    private static func hyphenate(_ document: OpaquePointer, with hyphenator: Hyphenator) {
        guard let iterator = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iterator) }
        var images = 0
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_IMAGE {
                images += event == CMARK_EVENT_ENTER ? 1 : -1
                continue
            }
            // Text nodes are leaves: the iterator enters them only.
            guard type == CMARK_NODE_TEXT, images == 0, let literal = cmark_node_get_literal(node) else { continue }
            // The literal is read where cmark keeps it; only a node that gets a soft hyphen is written anew.
            let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: strlen(literal))
            guard var hyphenated = hyphenator.hyphenate(utf8: bytes) else { continue }
            hyphenated.append(0)
            hyphenated.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { _ = cmark_node_set_literal(node, $0.baseAddress) }
            }
        }
    }
}

/// One pass over the cmark tree: rewrites links, remembers headings and collects text.
private struct TreeWalk {
    let options: MarkdownOptions
    let source: String
    var problems: [MarkdownProblem] = []
    var text = ""
    var textLength = 0
    private var headingNodes: [OpaquePointer] = []
    private var quoteNodes: [OpaquePointer] = []
    private var figureNodes: [(OpaquePointer, FigureBlock)] = []
    /// The ids the figures' markup uses, which headings do not take.
    private var figureIDs: Set<String> = []
    /// Byte offset of each line's start, found once, for turning cmark's byte columns into characters.
    private lazy var lineStarts: [Int] = {
        var source = source
        return source.withUTF8 { bytes in
            var starts = [0]
            for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(offset + 1) }
            return starts
        }
    }()

    init(options: MarkdownOptions, source: String) {
        self.options = options
        self.source = source
    }

    mutating func visit(_ document: OpaquePointer, resolveLink: (LinkReference) -> LinkResolution) {
        guard let iterator = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if event == CMARK_EVENT_EXIT {
                if options.collectText,
                    type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING
                        || type == CMARK_NODE_CODE_BLOCK || type == CMARK_NODE_ITEM
                {
                    text.append("\n")
                }
                continue
            }
            switch type {
            case CMARK_NODE_HEADING:
                headingNodes.append(node)
            case CMARK_NODE_BLOCK_QUOTE where !options.calloutTitles.isEmpty:
                quoteNodes.append(node)
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                rewrite(node, isImage: type == CMARK_NODE_IMAGE, resolveLink: resolveLink)
            case CMARK_NODE_CODE_BLOCK where figure(node):
                break
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
                guard let literal = cmark_node_get_literal(node) else { break }
                // Characters, not bytes: the bytes that start a UTF-8 sequence.
                var at = literal
                while at.pointee != 0 {
                    if UInt8(bitPattern: at.pointee) & 0xC0 != 0x80 { textLength += 1 }
                    at += 1
                }
                if options.collectText { text.append(String(cString: literal)) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                if options.collectText { text.append(" ") }
            default:
                break
            }
        }
    }

    /// Whether the code block is a figure (its info string names a `FigureBlock.Kind`): reads it,
    /// reports its mistakes at their lines, and remembers it to be drawn.
    private mutating func figure(_ node: OpaquePointer) -> Bool {
        let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
        guard let kind = FigureBlock.kind(ofInfo: info) else { return false }
        let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
        let fenceLine = Int(cmark_node_get_start_line(node))
        let fenceColumn = column(line: fenceLine, byteColumn: Int(cmark_node_get_start_column(node)))
        var lines: [(text: Substring, line: Int, column: Int)] = []
        for (offset, text) in literal.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = fenceLine + 1 + offset
            // cmark takes the fence's indentation (and a quote's `>`) off each line: the line's
            // text is the end of the file's line, so it starts that many characters in.
            let written = sourceLine(line)
            let start = written.hasSuffix(text) ? written.count - text.count + 1 : fenceColumn
            lines.append((text, line + options.firstLine - 1, start))
        }
        let (figure, problems) = FigureBlock.parse(
            kind: kind, lines: lines, fenceLine: fenceLine + options.firstLine - 1, fenceColumn: fenceColumn)
        self.problems += problems
        if let figure {
            if options.collectText { text.append(figure.texts.joined(separator: "\n") + "\n") }
            if options.drawFigure != nil { figureNodes.append((node, figure)) }
        }
        return true
    }

    private mutating func sourceLine(_ line: Int) -> Substring {
        guard line >= 1, line <= lineStarts.count else { return "" }
        let start = lineStarts[line - 1]
        let end = line < lineStarts.count ? lineStarts[line] - 1 : source.utf8.count
        let utf8 = source.utf8
        return source[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: max(start, end))]
    }

    /// Replaces each figure's code block by what `drawFigure` makes of it.
    mutating func drawFigures() {
        guard let draw = options.drawFigure else { return }
        for (index, (node, figure)) in figureNodes.enumerated() {
            let id = options.idPrefix + "vg-figure-\(index + 1)"
            figureIDs.insert(id)
            guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { continue }
            cmark_node_set_on_enter(block, draw(figure, id))
            cmark_node_insert_before(node, block)
            cmark_node_free(node)
        }
    }

    private mutating func rewrite(_ node: OpaquePointer, isImage: Bool, resolveLink: (LinkReference) -> LinkResolution) {
        let destination = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
        let line = Int(cmark_node_get_start_line(node))
        let reference = LinkReference(
            destination: destination, isImage: isImage,
            line: line + options.firstLine - 1, column: column(line: line, byteColumn: Int(cmark_node_get_start_column(node))))
        if let scheme = RefusedScheme.of(destination) {
            cmark_node_set_url(node, "")
            problems.append(
                MarkdownProblem(
                    line: reference.line, column: reference.column,
                    message:
                        "the link uses the '\(scheme):' scheme, which could run code or hide content in the reader's browser; link to a page or an https:// address instead"
                ))
            return
        }
        switch resolveLink(reference) {
        case .keep:
            break
        case .replace(let url):
            cmark_node_set_url(node, url)
        case .broken(let message):
            problems.append(MarkdownProblem(line: reference.line, column: reference.column, message: message))
        }
    }

    /// cmark counts columns in bytes; people count characters.
    private mutating func column(line: Int, byteColumn: Int) -> Int {
        guard line >= 1, line <= lineStarts.count, byteColumn > 1 else { return max(1, byteColumn) }
        let start = lineStarts[line - 1]
        var source = source
        return source.withUTF8 { bytes in
            let end = min(bytes.count, start + byteColumn - 1)
            // Count the bytes that start a scalar (not UTF-8 continuation bytes).
            var scalars = 0
            for index in start..<max(start, end) where bytes[index] & 0xC0 != 0x80 { scalars += 1 }
            return scalars + 1
        }
    }

    /// Replaces each heading by custom nodes that render `<hN id="…">`, since cmark's HTML has no attributes.
    mutating func giveHeadingsIDs() -> [Heading] {
        var used = options.reservedIDs.union(figureIDs)
        var headings: [Heading] = []
        for node in headingNodes {
            let level = Int(cmark_node_get_heading_level(node))
            let title = plainText(of: node)
            let slug = Slug.make(title)
            var id = options.idPrefix + (slug.isEmpty ? "h\(headings.count + 1)" : slug)
            if used.contains(id) {
                var n = 2
                while used.contains("\(id)-\(n)") { n += 1 }
                id = "\(id)-\(n)"
            }
            used.insert(id)
            let parent = cmark_node_parent(node)
            let isTopLevel = parent.map { cmark_node_get_type($0) == CMARK_NODE_DOCUMENT } ?? true
            headings.append(Heading(level: level, text: title, id: id, isTopLevel: isTopLevel))

            // A custom block adds line breaks around its own text, so it stays empty and
            // a custom inline inside it carries the tags, keeping `<hN id="…">text</hN>` on one line.
            guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK),
                let inline = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)
            else { continue }
            let written = max(level, options.shallowestHeading)
            cmark_node_set_on_enter(inline, "<h\(written) id=\"\(id)\">")
            if let label = options.headingLinkLabel, (2...4).contains(written) {
                cmark_node_set_on_enter(block, "<div class=\"heading heading-\(written)\">")
                cmark_node_set_on_exit(block, "</div>")
                cmark_node_set_on_exit(
                    inline,
                    "</h\(written)><a class=\"heading-link\" href=\"#\(id)\" aria-label=\"\(HTML.escape(label(title)))\">"
                        + Self.hashIcon + "</a>")
            } else {
                cmark_node_set_on_exit(inline, "</h\(written)>")
            }
            while let child = cmark_node_first_child(node) {
                cmark_node_unlink(child)
                cmark_node_append_child(inline, child)
            }
            cmark_node_append_child(block, inline)
            cmark_node_insert_before(node, block)
            cmark_node_free(node)
        }
        return headings
    }

    /// The heading link's picture: a `#` drawn in the text's colour, hidden from screen readers
    /// (the link has its name) and from the search index (which skips SVG).
    private static let hashIcon =
        "<svg aria-hidden=\"true\" focusable=\"false\" width=\"16\" height=\"16\" viewBox=\"0 0 16 16\">"
        + "<path d=\"M6.5 2 5 14M11.5 2 10 14M2.5 5.5h11.5M2 10.5h11.5\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.6\" stroke-linecap=\"round\"/></svg>"

    /// Turns each block quote whose first line is `[!KIND]` into a callout box:
    /// `<div class="callout callout-tip" role="note"><p class="callout-title">Tips</p>…</div>`.
    /// The title is a word, so the box never tells its kind by colour alone.
    mutating func makeCallouts() {
        for quote in quoteNodes {
            guard let paragraph = cmark_node_first_child(quote), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH,
                let first = cmark_node_first_child(paragraph), cmark_node_get_type(first) == CMARK_NODE_TEXT,
                let literal = cmark_node_get_literal(first)
            else { continue }
            let text = String(cString: literal)
            guard let (kind, title) = MarkdownOptions.callout(marker: text, titles: options.calloutTitles) else { continue }
            // The marker's own line goes: the text node, and the line break after it.
            if let next = cmark_node_next(first), cmark_node_get_type(next) == CMARK_NODE_SOFTBREAK || cmark_node_get_type(next) == CMARK_NODE_LINEBREAK {
                cmark_node_free(next)
            }
            cmark_node_free(first)
            if cmark_node_first_child(paragraph) == nil { cmark_node_free(paragraph) }
            guard let box = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { continue }
            cmark_node_set_on_enter(box, "<div class=\"callout callout-\(kind)\" role=\"note\">\n<p class=\"callout-title\">\(HTML.escape(title))</p>")
            cmark_node_set_on_exit(box, "</div>")
            while let child = cmark_node_first_child(quote) {
                cmark_node_unlink(child)
                cmark_node_append_child(box, child)
            }
            cmark_node_insert_before(quote, box)
            cmark_node_free(quote)
        }
    }

    private func plainText(of node: OpaquePointer) -> String {
        guard let iterator = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iterator) }
        var result = ""
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(child)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE, let literal = cmark_node_get_literal(child) {
                result += String(cString: literal)
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                result += " "
            }
        }
        // What Foundation's .whitespaces trims (tab and space separators), without its slow path on Linux.
        let isSpace: (Character) -> Bool = { character in
            character == "\t" || character.unicodeScalars.allSatisfy { $0.properties.generalCategory == .spaceSeparator }
        }
        guard result.first.map(isSpace) == true || result.last.map(isSpace) == true else { return result }
        return String(result.drop(while: isSpace).reversed().drop(while: isSpace).reversed())
    }
}
