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
///
/// Rows are found by 64-bit hashes of their fields (``RowsByHash``), confirmed by
/// comparing the fields: the shipped data merges ten thousand rows at start-up, where a
/// dictionary keyed by strings would cost more than parsing them.
struct LayerMerge {
    private var rows: [TermRow?] = []
    /// Rows by concept, language and term; and kind rows by concept.
    private var byIdentity: RowsByHash
    private var kindOf: RowsByHash
    let sources: [String]
    /// Errors: removals of nothing.
    private(set) var errors: [Diagnostic] = []
    /// Notes on refinements, warnings on redundant rows.
    private(set) var findings: [Diagnostic] = []

    /// A merge of at most `capacity` rows, from layers named `sources`.
    init(capacity: Int, sources: [String]) {
        byIdentity = RowsByHash(capacity: capacity)
        kindOf = RowsByHash(capacity: capacity)
        rows.reserveCapacity(capacity)
        self.sources = sources
    }

    private static func identity(_ row: TermRow) -> UInt64 { TableParser.identity(row.conceptID, row.language, row.term) }

    private func index(of row: TermRow) -> Int? {
        byIdentity.first(hash: Self.identity(row)) { index in
            guard let earlier = rows[index] else { return false }
            return earlier.conceptID == row.conceptID && earlier.language == row.language && earlier.term == row.term
        }
    }

    private func here(_ row: TermRow) -> SourceLocation { SourceLocation(file: sources[row.layer], line: row.line, column: 1) }
    private func there(_ row: TermRow) -> String { "\(sources[row.layer]):\(row.line)" }

    mutating func add(rows layerRows: [TermRow], removals: [TermRow], layer: Int) {
        for removal in removals {
            if let index = index(of: removal), let earlier = rows[index] {
                rows[index] = nil
                findings.append(Diagnostic(at: here(removal), severity: .note,
                                           message: "removes “\(earlier.term)” of \(earlier.conceptID) (\(earlier.language)) of \(there(earlier))"))
            } else {
                errors.append(Diagnostic(at: here(removal),
                                         message: "removes “\(removal.term)” of \(removal.conceptID) (\(removal.language)), which no earlier layer lists",
                                         fix: layer == 0 ? "a removed row belongs in a layer above the one that lists the row" : "check the concept, language and term against the earlier layers (glossary lookup shows them)"))
            }
        }
        for row in layerRows {
            if row.form == .kind {
                let hash = TableParser.identity(row.conceptID)
                if let index = kindOf.first(hash: hash, where: { rows[$0]?.conceptID == row.conceptID }), let earlier = rows[index] {
                    if earlier.term != row.term {
                        findings.append(Diagnostic(at: here(row), severity: .note,
                                                   message: "makes \(row.conceptID) a \(row.term), where \(there(earlier)) made it a \(earlier.term)"))
                    }
                    rows[index] = row
                } else {
                    kindOf.insert(hash: hash, row: rows.count)
                    rows.append(row)
                }
                continue
            }
            if let index = index(of: row), let earlier = rows[index] {
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
                byIdentity.insert(hash: Self.identity(row), row: rows.count)
                rows.append(row)
            }
        }
    }

    /// The merged rows; where two layers prefer a term for the same concept, language and
    /// form, the later layer's stays preferred and the other becomes an admitted variant.
    func result() -> [TermRow] {
        var merged = rows.compactMap { $0 }
        var preferred = RowsByHash(capacity: merged.count)
        for index in merged.indices where merged[index].status == .preferred {
            let row = merged[index]
            let hash = TableParser.identity(row.conceptID, row.language, row.form.rawValue)
            let same = { (other: Int) in
                merged[other].status == .preferred && merged[other].conceptID == row.conceptID
                    && merged[other].language == row.language && merged[other].form == row.form
            }
            guard let other = preferred.first(hash: hash, where: same) else {
                preferred.insert(hash: hash, row: index)
                continue
            }
            // One layer has one preferred term per slot, so the two come from two layers.
            if merged[other].layer < row.layer {
                merged[other].status = .admitted
                preferred.insert(hash: hash, row: index)
            } else {
                merged[index].status = .admitted
            }
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
