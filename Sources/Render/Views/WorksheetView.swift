import Model
import Mustache
import Plan

/// A blank form a page declares (`worksheet:` in its front matter): its columns with their
/// prompts, empty rows to write in and the footer line of each column, for printing on A4.
struct WorksheetPage: PageView {
    struct Column: MustacheParent {
        var title: String
        var prompt: String?

        func child(named name: String) -> Any? {
            switch name {
            case "title": title
            case "prompt": maybe(prompt)
            default: nil
            }
        }
    }

    /// An empty row: one cell per column.
    struct Row: MustacheParent {
        var cells: Int

        func child(named name: String) -> Any? {
            switch name {
            case "cells": Array(repeating: true, count: cells)
            default: nil
            }
        }
    }

    var chrome: Chrome
    var intro: String?
    var columns: [Column]
    var rows: [Row]
    var footer: String?
    /// The page that declares it.
    var source: TitledLink

    func own(named name: String) -> Any? {
        switch name {
        case "intro": maybe(intro)
        case "columns": columns
        case "rows": rows
        case "footer": maybe(footer)
        case "source": source
        default: nil
        }
    }
}

struct WorksheetView {
    let context: RenderContext

    func view(pageIndex: Int, url: String) -> WorksheetPage? {
        let page = context.site.pages[pageIndex]
        guard let worksheet = page.worksheet else { return nil }
        let chrome = PageChrome(context: context)
        let folders = context.folderChain(page.folder)
        let view = chrome.view(
            url: url, title: worksheet.title, summary: nil, openFolders: folders, bodyClass: "form-page blank-form-page",
            breadcrumbs: chrome.breadcrumbs(url: url, folders: folders))
        let pageURL = context.url(ofContent: page.contentPath) ?? "index.html"
        return WorksheetPage(
            chrome: view, intro: worksheet.intro,
            columns: worksheet.columns.map { WorksheetPage.Column(title: $0.title, prompt: $0.prompt) },
            rows: Array(repeating: WorksheetPage.Row(cells: worksheet.columns.count), count: worksheet.rows),
            footer: worksheet.footer, source: TitledLink(title: page.title, href: chrome.href(from: url, to: pageURL)))
    }

    /// The link to a page's worksheet, from `url`; nil when it has none.
    func link(pageIndex: Int, from url: String) -> TitledLink? {
        guard let target = context.plan.worksheetURLs[pageIndex], let worksheet = context.site.pages[pageIndex].worksheet else { return nil }
        return TitledLink(
            title: context.strings.format("worksheet_link", ["title": worksheet.title]),
            href: PageChrome(context: context).href(from: url, to: target))
    }
}
