import Document

public enum ReportDocumentProbe {
    /// A document with one table holding one text cell.
    public static func single(_ text: String) -> ReportDocument {
        ReportDocument(
            title: "T", language: "sv", organisation: "O",
            sections: [
                ReportSection(id: "s", title: "S", blocks: [.table(DataTable(caption: "C", header: ["H"], rows: [[.text(text)]]))])
            ])
    }
}
