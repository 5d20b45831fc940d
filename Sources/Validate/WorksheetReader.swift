import Model

extension MappingReader {
    /// A page's `worksheet:` (`Worksheet`); nil when absent or when it has errors (reported at
    /// their values).
    func worksheet() -> Worksheet? {
        guard let map = mapping("worksheet", allowed: Worksheet.keys, what: "'worksheet'") else { return nil }
        let title = map.string("title", required: "the form's title, e.g. `title: Arbetsunderlag för programlogik`")
        let rows = map.has("rows") ? map.int("rows", in: Worksheet.rowCount) : nil
        var valid = title != nil && (rows != nil || !map.has("rows"))
        var columns: [Worksheet.Column] = []
        if let node = map.node("columns") {
            if case .sequence(let sequence) = node {
                if !Worksheet.columnCount.contains(sequence.count) {
                    log.error(
                        "'columns' must list \(Worksheet.columnCount.lowerBound) to \(Worksheet.columnCount.upperBound) columns, not \(sequence.count)",
                        at: document.location(of: node))
                    valid = false
                }
                for item in sequence {
                    guard let column = MappingReader(item, in: document, log: log, allowed: Worksheet.columnKeys, what: "a column of 'worksheet'"),
                        let columnTitle = column.string("title", required: "the column's heading, e.g. `title: Resurser`")
                    else {
                        valid = false
                        continue
                    }
                    columns.append(Worksheet.Column(title: columnTitle.value, prompt: column.string("prompt")?.value))
                }
            } else {
                log.error("'columns' must be a list of columns, like `- {title: Resurser, prompt: …}`, not \(describe(node))", at: document.location(of: node))
                valid = false
            }
        } else {
            map.missing("columns", "the form's columns, e.g. `columns: [{title: Resurser}, {title: Planerade aktiviteter}]`")
            valid = false
        }
        guard valid, let title else { return nil }
        return Worksheet(
            title: title.value, intro: map.string("intro")?.value, columns: columns,
            rows: rows?.value ?? Worksheet.defaultRows, footer: map.string("footer")?.value)
    }
}
