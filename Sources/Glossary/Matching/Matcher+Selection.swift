// Choosing the mentions among the candidates: leftmost-longest (rule 1), the row each
// reports (rule 8), and shared spellings resolved by their paragraph, then by their
// document (rule 9).

extension Matcher {
    /// Chooses the mentions among the candidates: leftmost first, then longest, each
    /// checked against the rules; resolves shared spellings.
    func select(_ line: UnsafeBufferPointer<UInt8>, _ workspace: inout ScanWorkspace) {
        workspace.candidates.sort { a, b in
            a.first != b.first ? a.first < b.first : (a.last, a.stem ? 0 : 1) > (b.last, b.stem ? 0 : 1)
        }
        let tokens = workspace.line.tokens
        let keys = workspace.line.keys
        var ambiguous = false
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
                    if senses.count == 1 {
                        workspace.support[workspace.senses[sensesStart].concept, default: 0] += 1
                    } else {
                        ambiguous = true
                    }
                    var mixed = false
                    for k in i...candidate.last where tokens[k].flags.contains(.mixedScript) { mixed = true }
                    workspace.found.append(.init(
                        first: i, last: candidate.last, stem: candidate.stem, start: Int(tokens[i].start),
                        end: Int(candidate.stem ? last.stemEnd : last.end), senses: senses,
                        resolution: senses.count == 1 ? .unique : .ambiguous, mixedScript: mixed))
                    free = candidate.last + 1
                }
            }
        }
        if ambiguous { resolveByParagraph(&workspace) }
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
        if let existing = senses[start...].firstIndex(where: { $0.concept == concept }) {
            if score(entry) < score(senses[existing].entry) { senses[existing].entry = entry }
        } else {
            senses.append(.init(concept: concept, entry: entry))
        }
    }

    /// Chooses among the senses of each shared spelling what its paragraph can: the
    /// concept it supports most (context words and unambiguous mentions), if one leads.
    /// The others are left undecided, with the leaders noted for ``resolve(_:document:)``.
    func resolveByParagraph(_ workspace: inout ScanWorkspace) {
        for index in workspace.found.indices where workspace.found[index].resolution == .ambiguous {
            let range = workspace.found[index].senses
            let scores = workspace.senses[range].map { workspace.support[$0.concept] ?? 0 }
            let top = scores.max() ?? 0
            let leaders = scores.indices.filter { scores[$0] == top }
            if top > 0 && leaders.count == 1 {
                let position = range.lowerBound + leaders[0]
                workspace.found[index].senses = position..<(position + 1)
                workspace.found[index].resolution = .context
            } else {
                let start = workspace.leaders.count
                workspace.leaders += leaders.map(Int32.init)
                workspace.found[index].leaders = start..<workspace.leaders.count
            }
        }
    }

    /// Finishes the shared spellings that the paragraph left undecided (rule 9): the one
    /// leader that the document introduced earlier, else the declared default, else
    /// none. Then lists in `workspace.introduced` the concepts that the paragraph's
    /// resolved mentions introduce; the caller adds them to its document.
    ///
    /// `alsoIntroduced` lists concepts to count as introduced too (what the part of the
    /// document that another thread read introduced, see `LineNormalizer.Deferred`).
    func resolve(_ workspace: inout ScanWorkspace, document: DocumentContext, alsoIntroduced: [Int32] = []) {
        workspace.introduced.removeAll(keepingCapacity: true)
        for index in workspace.found.indices {
            let found = workspace.found[index]
            if found.undecided {
                let range = found.senses
                let leaders = workspace.leaders[found.leaders].map { Int($0) }
                let introduced = leaders.filter {
                    let concept = workspace.senses[range.lowerBound + $0].concept
                    return document.contains(concept) || alsoIntroduced.contains(concept)
                }
                var chosen: Int?
                if introduced.count == 1 {
                    chosen = introduced[0]
                    workspace.found[index].resolution = .document
                } else if let d = leaders.first(where: {
                    table.rows[entries[Int(workspace.senses[range.lowerBound + $0].entry)].row].sharing == .defaultSense
                }) {
                    chosen = d
                    workspace.found[index].resolution = .defaultSense
                } else {
                    workspace.found[index].resolution = .ambiguous
                }
                if let chosen {
                    let position = range.lowerBound + chosen
                    workspace.found[index].senses = position..<(position + 1)
                }
            }
            switch workspace.found[index].resolution {
            case .unique, .context, .document:
                workspace.introduced.append(workspace.senses[workspace.found[index].senses.lowerBound].concept)
            case .defaultSense, .ambiguous:
                break
            }
        }
    }

}
