import Diagnostics
import Markdown
import Markup
import Model
import Plan

/// Renders a page's Markdown for a given address: `.md` links become links to built pages,
/// and links to missing pages are reported at their position in the file.
struct PageMarkdown {
    let context: RenderContext

    /// - Parameters:
    ///   - url: where the HTML will live (links are made relative to it).
    ///   - idPrefix: prefix for heading ids when several pages share one document.
    ///   - localTargets: pages that are in the same document: links to them become `#id` links.
    ///   - hyphenates: soft hyphens in long words, for pages; not for the feed, which other programs read.
    ///   - linkHeadings: whether headings get a link to themselves to copy (`heading_link`): on the
    ///     site's own pages, not in the print view or the feed.
    func render(
        _ markdown: String, of sourcePath: String, firstLine: Int, at url: String,
        idPrefix: String = "", localTargets: [String: String] = [:], collectText: Bool = false,
        hyphenates: Bool = true, linkHeadings: Bool = false
    ) -> RenderedMarkdown {
        let folder = URLPath.folder(of: contentPath(sourcePath))
        let strings = context.strings
        let label: (@Sendable (String) -> String)? = linkHeadings ? { @Sendable title in strings.format("heading_link", ["title": title]) } : nil
        let options = MarkdownOptions(
            allowRawHTML: context.site.config.allowRawHTML, firstLine: firstLine, idPrefix: idPrefix,
            reservedIDs: RenderContext.reservedIDs, collectText: collectText, calloutTitles: context.calloutTitles,
            hyphenator: hyphenates ? context.options.hyphenator : nil, drawFigure: FigureDrawing(context: context).draw,
            headingLinkLabel: label)
        let rendered = MarkdownRenderer.render(markdown, options: options) { link in
            resolve(link, folder: folder, sourcePath: sourcePath, pageURL: url, idPrefix: idPrefix, localTargets: localTargets)
        }
        for problem in rendered.problems {
            context.log.error(problem.message, at: SourceLocation(path: sourcePath, line: problem.line, column: problem.column))
        }
        return rendered
    }

    /// A page whose Markdown holds at least this many characters of text ends with a link back to
    /// its top (`back_to_top`, `partials/back-to-top`): about two screens of a phone (390 px: some 40
    /// characters a line), before the page's contents, pictures, footer and pager, which add to it.
    static let longPageLength = 1500

    /// Whether the page that shows `rendered` ends with a link back to its top.
    static func isLong(_ rendered: RenderedMarkdown) -> Bool { rendered.textLength >= longPageLength }

    /// Where a link written in a Markdown file leads in the site: the site-relative address and the
    /// fragment; nil for links that do not lead to a page of the site (external, broken).
    func siteTarget(of destination: String, from sourcePath: String) -> (url: String, fragment: String?)? {
        guard !destination.isEmpty, !destination.hasPrefix("#"), !LinkPath.hasScheme(destination), !destination.hasPrefix("/") else { return nil }
        let (pathPart, fragment) = LinkPath.split(destination)
        guard let target = LinkPath.normalize(folder: URLPath.folder(of: contentPath(sourcePath)), relative: LinkPath.decoded(pathPart)) else { return nil }
        for candidate in [target.trimmingTrailingSlash, target.trimmingTrailingSlash + "/index.md"] {
            if let url = context.url(ofContent: candidate) { return (url, fragment) }
        }
        return nil
    }

    private func resolve(
        _ link: LinkReference, folder: String, sourcePath: String, pageURL: String,
        idPrefix: String, localTargets: [String: String]
    ) -> LinkResolution {
        let destination = link.destination
        let location = SourceLocation(path: sourcePath, line: link.line, column: link.column)
        if destination.isEmpty { return .keep }
        if destination.hasPrefix("#") {
            let fragment = String(destination.dropFirst())
            if !idPrefix.isEmpty { return .replace("#" + idPrefix + fragment) }
            context.anchors.expect(fragment, in: pageURL, from: pageURL, at: location, written: destination)
            return .keep
        }
        if LinkPath.hasScheme(destination) || destination.hasPrefix("//") { return .keep }
        if destination.hasPrefix("/") {
            return .broken(
                "the link '\(destination)' starts with '/', which breaks when the site is opened from disk or under a sub-path; write it relative to this page")
        }
        var (pathPart, fragment) = LinkPath.split(destination)
        if let query = pathPart.utf8.firstIndex(of: UInt8(ascii: "?")) { pathPart = String(pathPart[..<query]) }
        guard let target = LinkPath.normalize(folder: folder, relative: LinkPath.decoded(pathPart)) else {
            return .broken("the link '\(destination)' leads outside content/")
        }
        let candidates = [target, target.hasSuffix("/") || target.isEmpty ? target + "index.md" : target + "/index.md"]
        guard let found = candidates.first(where: { context.url(ofContent: $0.trimmingTrailingSlash) != nil })?.trimmingTrailingSlash,
            let targetURL = context.url(ofContent: found)
        else {
            switch context.site.unpublished[target] ?? context.site.unpublished[target + "/index.md"] {
            case .draft?: return .broken("the link '\(destination)' points to a draft, which this build leaves out; build with --drafts or link elsewhere")
            case .invalid?: return .keep
            case nil: break
            }
            let known = context.plan.urlOfContent.keys
            let hint = Suggestion.hint(for: target, in: known)
            return .broken("the link '\(destination)' points to \(target.isEmpty ? "content/" : "'\(target)'"), which does not exist\(hint)")
        }
        if let local = localTargets[found] {
            return .replace("#" + (fragment.map { local + "-" + $0 } ?? local))
        }
        if let fragment, !fragment.isEmpty {
            context.anchors.expect(fragment, in: targetURL, from: pageURL, at: location, written: destination)
        }
        let relative = Href.escape(URLPath.relative(from: pageURL, to: targetURL))
        return .replace(fragment.map { relative + "#" + $0 } ?? relative)
    }

    private func contentPath(_ sourcePath: String) -> String {
        sourcePath.hasPrefix("content/") ? String(sourcePath.dropFirst("content/".count)) : sourcePath
    }
}

extension String {
    var trimmingTrailingSlash: String { hasSuffix("/") ? String(dropLast()) : self }
}
