/// Merges the layers of a term table, bottom first, by the rules of `Data/README.md`,
/// "Layers":
///
/// 1. A row is identified by its concept, language and term. A row of a later layer
///    with a new identity is added; one with the identity of an earlier row replaces
///    that row (form, status, flags, note) in its place: a refinement. One that changes
///    nothing, not even the note, is redundant (a warning of `glossary check`).
/// 2. A row whose status is `removed` takes the earlier row with its identity away; it
///    is an error when there is none.
/// 3. A concept has one kind: a later `kind` row replaces the earlier one.
/// 4. A later layer's preferred term wins: an earlier `pref` of the same concept,
///    language and form becomes `alt`.
///
/// Conflicts that the merge cannot settle (two concepts with the same match key) are
/// found when the merged rows are compiled, and reported with both rows' files.
struct LayerMerge {
    private struct Identity: Hashable {
        var concept: String, language: String, term: String
    }

    private struct Slot: Hashable {
        var concept: String, language: String, form: TermForm
    }

    private var rows: [TermRow?] = []
    private var position: [Identity: Int] = [:]
    private var kindPosition: [String: Int] = [:]
    /// Errors: removals of nothing.
    private(set) var errors: [Diagnostic] = []
    /// Notes on refinements, warnings on redundant rows.
    private(set) var findings: [Diagnostic] = []

    mutating func add(rows layerRows: [TermRow], removals: [TermRow], layer: Int, sources: [String]) {
        func here(_ row: TermRow) -> SourceLocation { SourceLocation(file: sources[row.layer], line: row.line, column: 1) }
        func there(_ row: TermRow) -> String { "\(sources[row.layer]):\(row.line)" }
        if layer == 0 {
            rows.reserveCapacity(layerRows.count)
        }
        for removal in removals {
            let identity = Identity(concept: removal.conceptID, language: removal.language, term: removal.term)
            if let index = position[identity], let earlier = rows[index] {
                rows[index] = nil
                position[identity] = nil
                findings.append(Diagnostic(at: here(removal), severity: .note,
                                           message: "removes “\(earlier.term)” of \(earlier.conceptID) (\(earlier.language)) of \(there(earlier))"))
            } else {
                errors.append(Diagnostic(at: here(removal),
                                         message: "removes “\(removal.term)” of \(removal.conceptID) (\(removal.language)), which no earlier layer lists",
                                         fix: layer == 0 ? "a removed row belongs in a layer above the one that lists the row" : "check the concept, language and term against the earlier layers (glossary lookup shows them)"))
            }
        }
        for row in layerRows {
            if row.form == .kind, let index = kindPosition[row.conceptID], let earlier = rows[index] {
                if earlier.term != row.term {
                    findings.append(Diagnostic(at: here(row), severity: .note,
                                               message: "makes \(row.conceptID) a \(row.term), where \(there(earlier)) made it a \(earlier.term)"))
                }
                position[Identity(concept: earlier.conceptID, language: earlier.language, term: earlier.term)] = nil
                rows[index] = row
                position[Identity(concept: row.conceptID, language: row.language, term: row.term)] = index
                continue
            }
            let identity = Identity(concept: row.conceptID, language: row.language, term: row.term)
            if let index = position[identity], let earlier = rows[index] {
                if earlier.sameContent(as: row) && (row.note.isEmpty || row.note == earlier.note) {
                    findings.append(Diagnostic(at: here(row), severity: .warning,
                                               message: "repeats “\(row.term)” of \(row.conceptID) (\(row.language)) as \(there(earlier)) has it",
                                               fix: "delete this row: it changes nothing"))
                } else {
                    findings.append(Diagnostic(at: here(row), severity: .note,
                                               message: "refines “\(row.term)” of \(row.conceptID) (\(row.language)) of \(there(earlier)): \(earlier.summary) → \(row.summary)"))
                }
                rows[index] = row
            } else {
                position[identity] = rows.count
                if row.form == .kind { kindPosition[row.conceptID] = rows.count }
                rows.append(row)
            }
        }
    }

    /// The merged rows; where two layers prefer a term for the same concept, language and
    /// form, the later layer's stays preferred and the other becomes an admitted variant.
    func result() -> [TermRow] {
        var merged = rows.compactMap { $0 }
        var preferred: [Slot: Int] = [:]
        for index in merged.indices where merged[index].status == .preferred {
            let slot = Slot(concept: merged[index].conceptID, language: merged[index].language, form: merged[index].form)
            guard let other = preferred[slot] else {
                preferred[slot] = index
                continue
            }
            let loser = merged[other].layer < merged[index].layer ? other : index
            merged[loser].status = .admitted
            if loser == other { preferred[slot] = index }
        }
        return merged
    }
}

extension TermRow {
    /// Whether two rows say the same thing (their notes and places aside).
    func sameContent(as other: TermRow) -> Bool {
        form == other.form && status == other.status && sharing == other.sharing
            && needsIntroduction == other.needsIntroduction && alsoTitlecase == other.alsoTitlecase
    }

    /// The form and status as the table writes them: `full pref+shared`.
    var summary: String {
        form.rawValue + (StatusField(of: self).map { " " + $0.description } ?? "")
    }
}
