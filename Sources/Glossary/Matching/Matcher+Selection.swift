// Choosing the mentions among the candidates: leftmost-longest (rule 1), the row each
// reports (rule 8), short forms that need an introduction (rule 10), and shared
// spellings resolved by their paragraph, then by their document (rule 9).

extension Matcher {
    /// Chooses the mentions among the candidates (sorted by `scan`: leftmost first, then
    /// longest), each checked against the rules; resolves shared spellings.
    func select(_ line: UnsafeBufferPointer<UInt8>, _ workspace: inout ScanWorkspace) {
        let tokens = workspace.line.tokens
        let keys = workspace.line.keys
        var undecided = false
        var free = 0
        var groupStart = 0
        while groupStart < workspace.candidates.count {
            let i = workspace.candidates[groupStart].first
            var groupEnd = groupStart + 1
            while groupEnd < workspace.candidates.count && workspace.candidates[groupEnd].first == i { groupEnd += 1 }
            defer { groupStart = groupEnd }
            if i < free { continue }

            // Longest first: the first candidate with a term that passes the case and
            // script rules is the mention. Context words count wherever they pass.
            var found = false
            for candidate in workspace.candidates[groupStart..<groupEnd] {
                guard hanRuleAllows(tokens, i, candidate.last) else { continue }
                let sensesStart = workspace.senses.count
                for entryIndex in trie.accepted(candidate.node) {
                    let entry = entries[Int(entryIndex)]
                    guard passes(entry, entryIndex, tokens, i, candidate, line, keys) else { continue }
                    if entry.isContext {
                        workspace.support[entry.concept, default: 0] += 1
                    } else if !found {
                        addBest(entry.concept, entryIndex, &workspace.senses, from: sensesStart, tokens, i, candidate, line, keys)
                    }
                }
                if !found && workspace.senses.count > sensesStart {
                    found = true
                    let last = tokens[candidate.last]
                    let senses = sensesStart..<workspace.senses.count
                    // A mention is evidence for its concept, unless it needs evidence itself.
                    if senses.count == 1 && !workspace.senses[sensesStart].needsIntroduction {
                        workspace.support[workspace.senses[sensesStart].concept, default: 0] += 1
                    }
                    if senses.count > 1 || workspace.senses[sensesStart].needsIntroduction { undecided = true }
                    var mixed = false
                    for k in i...candidate.last where tokens[k].flags.contains(.mixedScript) { mixed = true }
                    workspace.found.append(.init(
                        first: i, last: candidate.last, stem: candidate.stem, start: Int(tokens[i].start),
                        end: Int(candidate.stem ? last.stemEnd : last.end), senses: senses,
                        resolution: .unique, mixedScript: mixed))
                    free = candidate.last + 1
                }
            }
        }
        if undecided { resolveByParagraph(&workspace) }
    }

    /// Adds a passing entry to the candidate's senses, keeping one entry per concept:
    /// the one spelled most like the surface, then the best status, then the first row.
    func addBest(
        _ concept: Int32, _ entry: Int32, _ senses: inout [ScanWorkspace.SenseRef], from start: Int,
        _ tokens: [Token], _ first: Int, _ candidate: ScanWorkspace.Candidate, _ line: UnsafeBufferPointer<UInt8>,
        _ keys: [UInt8]
    ) {
        func score(_ index: Int32) -> (Int, Int, Int) {
            let e = entries[Int(index)]
            return (surfaceCased(equals: casedKey(ofEntry: index), tokens, first, candidate, line, keys) ? 0 : 1, e.rank, e.row)
        }
        // A concept needs an introduction only if every row of it that matched says so.
        let needs = entries[Int(entry)].needsIntroduction
        if let existing = senses[start...].firstIndex(where: { $0.concept == concept }) {
            if score(entry) < score(senses[existing].entry) { senses[existing].entry = entry }
            senses[existing].needsIntroduction = senses[existing].needsIntroduction && needs
        } else {
            senses.append(.init(concept: concept, entry: entry, needsIntroduction: needs))
        }
    }

    /// Decides what the paragraph can (rules 9 and 10): a sense that needs an
    /// introduction has it when the paragraph holds its concept's context words or
    /// another mention of it; a shared spelling goes to the concept the paragraph
    /// supports most, if one leads. Each sense keeps its support as its score, and what
    /// the paragraph leaves open is marked undecided, for ``resolve(_:document:alsoIntroduced:)``.
    func resolveByParagraph(_ workspace: inout ScanWorkspace) {
        for index in workspace.found.indices {
            let range = workspace.found[index].senses
            var awaiting = false
            for k in range {
                let support = workspace.support[workspace.senses[k].concept] ?? 0
                workspace.senses[k].score = Int32(support)
                if workspace.senses[k].needsIntroduction {
                    if support > 0 {
                        workspace.senses[k].needsIntroduction = false
                        workspace.found[index].resolution = .context
                    } else {
                        awaiting = true
                    }
                }
            }
            if !awaiting && range.count > 1 {
                let top = workspace.senses[range].map(\.score).max() ?? 0
                let leaders = range.filter { workspace.senses[$0].score == top }
                if top > 0 && leaders.count == 1 {
                    workspace.found[index].senses = leaders[0]..<(leaders[0] + 1)
                    workspace.found[index].resolution = .context
                    continue
                }
            }
            workspace.found[index].undecided = awaiting || range.count > 1
        }
    }

    /// Finishes what the paragraph left undecided, with what the document introduced
    /// earlier (`document`, and `alsoIntroduced`: what the part of the document that
    /// another thread read introduced, see `LineNormalizer.Deferred`):
    ///
    /// - rule 10: a sense that still needs an introduction is dropped unless the
    ///   document introduced its concept; a mention left without senses is no mention;
    /// - rule 9: of several senses, the one the paragraph supports most if one leads,
    ///   else the one leader the document introduced, else the declared default, else
    ///   none (ambiguous).
    ///
    /// Then lists in `workspace.introduced` the concepts that the paragraph's resolved
    /// mentions introduce; the caller adds them to its document.
    func resolve(_ workspace: inout ScanWorkspace, document: DocumentContext, alsoIntroduced: [Int32] = []) {
        workspace.introduced.removeAll(keepingCapacity: true)
        func introduced(_ concept: Int32) -> Bool { document.contains(concept) || alsoIntroduced.contains(concept) }
        var dropped = false
        for index in workspace.found.indices {
            var found = workspace.found[index]
            if found.undecided {
                // Rule 10: keep the senses that need no introduction or have one.
                var kept = found.senses.lowerBound
                var byDocument = false
                for k in found.senses {
                    let sense = workspace.senses[k]
                    if sense.needsIntroduction {
                        guard introduced(sense.concept) else { continue }
                        byDocument = true
                    }
                    workspace.senses[kept] = sense
                    kept += 1
                }
                found.senses = found.senses.lowerBound..<kept
                if found.senses.isEmpty {
                    found.resolution = .ambiguous
                    dropped = true
                } else if found.senses.count == 1 {
                    if byDocument { found.resolution = .document }
                } else {
                    // Rule 9.
                    let range = found.senses
                    let top = workspace.senses[range].map(\.score).max() ?? 0
                    let leaders = range.filter { workspace.senses[$0].score == top }
                    let named = leaders.filter { introduced(workspace.senses[$0].concept) }
                    var chosen: Int?
                    if top > 0 && leaders.count == 1 {
                        chosen = leaders[0]
                        found.resolution = .context
                    } else if named.count == 1 {
                        chosen = named[0]
                        found.resolution = .document
                    } else if let d = leaders.first(where: {
                        table.rows[entries[Int(workspace.senses[$0].entry)].row].sharing == .defaultSense
                    }) {
                        chosen = d
                        found.resolution = .defaultSense
                    } else {
                        found.resolution = .ambiguous
                    }
                    if let chosen { found.senses = chosen..<(chosen + 1) }
                }
                found.undecided = false
                workspace.found[index] = found
            }
            switch found.resolution {
            case .unique, .context, .document:
                if !found.senses.isEmpty { workspace.introduced.append(workspace.senses[found.senses.lowerBound].concept) }
            case .defaultSense, .ambiguous:
                break
            }
        }
        if dropped { workspace.found.removeAll { $0.senses.isEmpty } }
    }
}
