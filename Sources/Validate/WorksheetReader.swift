import Model

extension MappingReader {
    /// A page's `worksheet:` (`Worksheet`); nil when absent or when it has errors (reported at
    /// their values).
    func worksheet() -> Worksheet? {
        guard let map = mapping("worksheet") else { return nil }
        let title = map.string("title")
        let rows = map.has("rows") ? map.int("rows") : nil
        var valid = title != nil && (rows != nil || !map.has("rows"))
        var columns: [Worksheet.Column] = []
        if let node = map.requiredNode("columns") {
            if case .sequence(let sequence) = node {
                if !Worksheet.columnCount.contains(sequence.count) {
                    log.error(
                        "'columns' must list \(Worksheet.columnCount.lowerBound) to \(Worksheet.columnCount.upperBound) columns, not \(sequence.count)",
                        at: document.location(of: node))
                    valid = false
                }
                for item in sequence {
                    guard let column = MappingReader(item, in: document, log: log, shape: ContentShapes.worksheetColumn),
                        let columnTitle = column.string("title")
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
            valid = false
        }
        guard valid, let title else { return nil }
        return Worksheet(
            title: title.value, intro: map.string("intro")?.value, columns: columns,
            rows: rows?.value ?? Worksheet.defaultRows, footer: map.string("footer")?.value)
    }
}
