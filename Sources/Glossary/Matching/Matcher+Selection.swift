// Choosing the mentions among the candidates: leftmost-longest (rule 1), the row each
// reports (rule 8), and shared spellings resolved by their paragraph (rule 9).

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
        if ambiguous { resolveAmbiguity(&workspace) }
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

    /// Chooses among the senses of each shared spelling: the concept its paragraph
    /// supports most (context words and unambiguous mentions), else the declared
    /// default, else none.
    func resolveAmbiguity(_ workspace: inout ScanWorkspace) {
        for index in workspace.found.indices where workspace.found[index].resolution == .ambiguous {
            let range = workspace.found[index].senses
            let senses = Array(workspace.senses[range])
            let scores = senses.map { workspace.support[$0.concept] ?? 0 }
            let top = scores.max() ?? 0
            let leaders = scores.indices.filter { scores[$0] == top }
            var chosen: Int?
            if top > 0 && leaders.count == 1 {
                chosen = leaders[0]
                workspace.found[index].resolution = .context
            } else if let d = leaders.first(where: { table.rows[entries[Int(senses[$0].entry)].row].sharing == .defaultSense }) {
                chosen = d
                workspace.found[index].resolution = .defaultSense
            }
            if let chosen {
                let position = range.lowerBound + chosen
                workspace.found[index].senses = position..<(position + 1)
            }
        }
    }
}
