/// The concepts of a table in order of first appearance, each with its preferred rows,
/// and the concept of every row: step 2 of compiling a ``Matcher``.
struct ConceptIndex {
    var concepts: [Matcher.Concept] = []
    /// The preferred terms, a concept's together (``Matcher/Concept/preferred``).
    var preferredTerms: [Matcher.PreferredTerm] = []
    /// Row index → index in `concepts`.
    var conceptOfRow: [Int32] = []
    /// The UTF-8 of the preferred terms, back to back.
    var preferredTermBytes: [UInt8] = []
    /// The languages of the rows, each once, in order of first appearance.
    var languageNames: [String] = []
    /// Row index → index in `languageNames`.
    var languageOfRow: [UInt16] = []

    init(table: TermTable) {
        let rows = table.rows
        var index: [String: Int32] = Dictionary(minimumCapacity: rows.count / 2)
        var preferredRows: [[Int]] = []
        conceptOfRow.reserveCapacity(rows.count)
        var kinds: [ConceptKind?] = []
        var ids: [String] = []
        var languageIndex: [String: UInt16] = [:]
        languageOfRow.reserveCapacity(rows.count)
        for (rowIndex, row) in rows.enumerated() {
            if let known = languageIndex[row.language] {
                languageOfRow.append(known)
            } else {
                precondition(languageNames.count < Int(UInt16.max), "more than 65,535 languages")
                languageIndex[row.language] = UInt16(languageNames.count)
                languageOfRow.append(UInt16(languageNames.count))
                languageNames.append(row.language)
            }
            let concept: Int32
            if let last = ids.last, last == row.conceptID {  // rows of a concept are usually adjacent
                concept = Int32(ids.count - 1)
            } else if let known = index[row.conceptID] {
                concept = known
            } else {
                concept = Int32(ids.count)
                index[row.conceptID] = concept
                ids.append(row.conceptID)
                kinds.append(nil)
                preferredRows.append([])
            }
            if row.form == .kind { kinds[Int(concept)] = ConceptKind(rawValue: row.term) }
            if row.status == .preferred { preferredRows[Int(concept)].append(rowIndex) }
            conceptOfRow.append(concept)
        }
        concepts.reserveCapacity(ids.count)
        for (concept, id) in ids.enumerated() {
            let start = Int32(preferredTerms.count)
            for row in preferredRows[concept] {
                let from = Int32(preferredTermBytes.count)
                preferredTermBytes += rows[row].term.utf8
                preferredTerms.append(.init(row: Int32(row), language: languageOfRow[row], form: rows[row].form,
                                            term: from..<Int32(preferredTermBytes.count)))
            }
            concepts.append(Matcher.Concept(id: id, preferred: start..<Int32(preferredTerms.count), kind: kinds[concept]))
        }
    }
}
