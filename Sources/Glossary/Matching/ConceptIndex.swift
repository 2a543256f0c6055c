/// The concepts of a table in order of first appearance, each with its preferred rows,
/// and the concept of every row: step 2 of compiling a ``Matcher``.
struct ConceptIndex {
    var concepts: [Matcher.Concept] = []
    /// Concept id → index in `concepts`.
    var index: [String: Int32]
    /// Row index → index in `concepts`.
    var conceptOfRow: [Int32] = []

    init(table: TermTable) {
        index = Dictionary(minimumCapacity: table.rows.count / 2)
        conceptOfRow.reserveCapacity(table.rows.count)
        for (rowIndex, row) in table.rows.enumerated() {
            let concept: Int32
            if let last = concepts.last, last.id == row.conceptID {  // rows of a concept are usually adjacent
                concept = Int32(concepts.count - 1)
            } else if let known = index[row.conceptID] {
                concept = known
            } else {
                concept = Int32(concepts.count)
                index[row.conceptID] = concept
                concepts.append(Matcher.Concept(id: row.conceptID, preferred: []))
            }
            if row.form == .kind { concepts[Int(concept)].kind = ConceptKind(rawValue: row.term) }
            if row.status == .preferred {
                concepts[Int(concept)].preferred.append(rowIndex)
            }
            conceptOfRow.append(concept)
        }
    }
}
