// Choosing the mentions among the candidates: leftmost-longest (rule 1), the row each
// reports (rule 8), short forms that need an introduction (rule 10) or stand alone
// (rule 11), protected names (rule 12), and shared spellings resolved by their
// paragraph, then by their document (rule 9).

extension Matcher {
    /// Chooses the mentions among the candidates (sorted by `scan`: leftmost first, then
    /// longest), each checked against the rules; resolves shared spellings.
    func select(_ line: UnsafeBufferPointer<UInt8>, _ workspace: inout ScanWorkspace) {
        let tokens = workspace.line.tokens
        let keys = workspace.line.keys
        var undecided = false, sawBareForm = false, sawCityName = false
        var free = 0
        var groupStart = 0
        while groupStart < workspace.candidates.count {
            let i = workspace.candidates[groupStart].first
            var groupEnd = groupStart + 1
            while groupEnd < workspace.candidates.count && workspace.candidates[groupEnd].first == i { groupEnd += 1 }
            defer { groupStart = groupEnd }
            if i < free { continue }

            // Longest first: the first candidate with a term that passes the case and
            // script rules is the mention, and a protected name is none (rule 12).
            // Context words count wherever they pass.
            var found = false
            for candidate in workspace.candidates[groupStart..<groupEnd] {
                guard hanRuleAllows(tokens, i, candidate.last) else { continue }
                let sensesStart = workspace.senses.count
                // Whether rule 11 holds for every sense (short forms, a city's one-word
                // name), whose namesakes make the concept's later bare forms doubtful;
                // whether all are bare forms (short forms, abbreviations, a city's one-word
                // name), which such a doubt concerns.
                var protects = false, standAlone = true, onlyBare = true, cityName = false
                for entryIndex in trie.accepted(candidate.node) {
                    let entry = entries[Int(entryIndex)]
                    guard passes(entry, entryIndex, tokens, i, candidate, line, keys, headline: workspace.isHeadline) else { continue }
                    switch entry.form {
                    case .context:
                        workspace.support[entry.concept, default: 0] += 1
                    case .title, .kind:
                        break
                    case .protected:
                        protects = true
                    case .full, .short, .abbr:
                        guard !found else { continue }
                        if !entry.standsAlone { standAlone = false }
                        if entry.form == .full {
                            if entry.standsAlone { cityName = true } else { onlyBare = false }
                        }
                        addBest(entry.concept, entryIndex, &workspace.senses, from: sensesStart, tokens, i, candidate, line, keys)
                    }
                }
                if !found && workspace.senses.count > sensesStart && standAlone && !standsAlone(line, first: i, candidate, &workspace) {
                    // Rule 11: a namesake, who makes the concept's later bare forms doubtful.
                    for sense in workspace.senses[sensesStart...] {
                        workspace.namesakes.append(sense.concept)
                        workspace.namesakeTokens.append(i)
                        workspace.namesakeEnds.append(candidate.last)
                    }
                    workspace.senses.removeSubrange(sensesStart...)
                    undecided = true
                }
                if !found && workspace.senses.count == sensesStart && protects {
                    found = true
                    free = candidate.last + 1
                    noteBareFormsInside(candidate, from: groupStart, tokens, line, keys, &workspace)
                    undecided = true
                    continue
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
                    if onlyBare && cityName { sawCityName = true }
                    var mixed = false
                    for k in i...candidate.last where tokens[k].flags.contains(.mixedScript) { mixed = true }
                    workspace.found.append(.init(
                        first: i, last: candidate.last, stem: candidate.stem, start: Int(tokens[i].start),
                        end: Int(candidate.stem ? last.stemEnd : last.end), senses: senses,
                        resolution: .unique, mixedScript: mixed, bare: onlyBare, cityName: onlyBare && cityName))
                    if onlyBare { sawBareForm = true }
                    free = candidate.last + 1
                }
            }
        }
        if !workspace.namesakes.isEmpty { settleNamesakes(&workspace) }
        // A city's name after a locative (*di Washington*) is no bare form; asked only
        // where a namesake may make it doubtful, since a bare form matters only there.
        if sawCityName && (workspace.evidenceMatters || !workspace.namesakes.isEmpty) {
            for index in workspace.found.indices where workspace.found[index].cityName {
                let found = workspace.found[index]
                if followsLocative(line, first: found.first, last: found.last, &workspace) { workspace.found[index].bare = false }
            }
        }
        if sawBareForm && workspace.evidenceMatters { noteEvidence(&workspace) }
        if undecided { resolveByParagraph(&workspace) }
    }

    /// Rule 12: the abbreviations, short forms and cities' one-word names that a
    /// protected name holds (*AS* in *berinisial AS*, *Washington* in *Denzel
    /// Washington*) are namesakes of their concepts, like rule 11's: the concept's later
    /// bare forms in the paragraph and the document need an introduction.
    func noteBareFormsInside(
        _ name: ScanWorkspace.Candidate, from groupStart: Int, _ tokens: [Token], _ line: UnsafeBufferPointer<UInt8>,
        _ keys: [UInt8], _ workspace: inout ScanWorkspace
    ) {
        var c = groupStart
        while c < workspace.candidates.count && workspace.candidates[c].first <= name.last {
            let inner = workspace.candidates[c]
            c += 1
            guard inner.last <= name.last, inner.last != name.last || inner.stem != name.stem || inner.first != name.first,
                inner.last != name.last || inner.stem || !name.stem,  // not past the name's end
                hanRuleAllows(tokens, inner.first, inner.last)
            else { continue }
            for entryIndex in trie.accepted(inner.node) {
                let entry = entries[Int(entryIndex)]
                guard entry.form == .short || entry.form == .abbr || (entry.form == .full && entry.standsAlone),
                    passes(entry, entryIndex, tokens, inner.first, inner, line, keys, headline: workspace.isHeadline)
                else { continue }
                workspace.namesakes.append(entry.concept)
                workspace.namesakeTokens.append(name.first)
                workspace.namesakeEnds.append(name.last)
            }
        }
    }

    /// Rules 11 and 12: a namesake whose name shares a token with a mention is none
    /// (in *Uy Shoyg U S*, the *U* that makes *Shoyg U* someone's name belongs to the
    /// mention *U S*), so that rewriting the mention cannot change what the paragraph
    /// met; of the others, each concept keeps its first.
    func settleNamesakes(_ workspace: inout ScanWorkspace) {
        var kept = 0
        for n in workspace.namesakes.indices {
            let concept = workspace.namesakes[n], first = workspace.namesakeTokens[n], last = workspace.namesakeEnds[n]
            guard !workspace.found.contains(where: { $0.first <= last && first <= $0.last }),
                !workspace.namesakes[..<kept].contains(concept)
            else { continue }
            workspace.namesakes[kept] = concept
            workspace.namesakeTokens[kept] = first
            workspace.namesakeEnds[kept] = last
            kept += 1
        }
        workspace.namesakes.removeSubrange(kept...)
        workspace.namesakeTokens.removeSubrange(kept...)
        workspace.namesakeEnds.removeSubrange(kept...)
    }

    /// Whether the paragraph names the concept of bare-form mention `index` otherwise too
    /// (rule 11): by context words, or by mentions that are not bare forms. Asked right
    /// after selection, before the paragraph's senses are narrowed.
    func hasEvidence(_ index: Int, _ workspace: ScanWorkspace) -> Bool {
        let concept = workspace.senses[workspace.found[index].senses.lowerBound].concept
        var bare = 0
        for found in workspace.found where found.bare && found.senses.count == 1 {
            let sense = workspace.senses[found.senses.lowerBound]
            if sense.concept == concept && !sense.needsIntroduction { bare += 1 }
        }
        return (workspace.support[concept] ?? 0) > bare
    }

    /// Keeps ``hasEvidence(_:_:)`` in each bare-form mention (`Found.evidenced`), for
    /// ``resolve(_:document:alsoKnown:)``, where the document met a namesake (see
    /// `ScanWorkspace.evidenceMatters`). No table of counts: a paragraph holds few
    /// mentions.
    func noteEvidence(_ workspace: inout ScanWorkspace) {
        for index in workspace.found.indices where workspace.found[index].bare && workspace.found[index].senses.count == 1 {
            workspace.found[index].evidenced = hasEvidence(index, workspace)
        }
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
            return (surfaceCased(equals: casedKey(ofEntry: index), tokens, first, candidate, line, keys) ? 0 : 1, Int(e.rank), e.row)
        }
        // A concept needs an introduction only if every row of it that matched says so.
        let needs = entries[Int(entry)].needsIntroduction
        // A plain loop: a slice of `senses` here would retain its buffer per mention.
        var existing = start
        while existing < senses.count && senses[existing].concept != concept { existing += 1 }
        if existing < senses.count {
            if score(entry) < score(senses[existing].entry) { senses[existing].entry = entry }
            senses[existing].needsIntroduction = senses[existing].needsIntroduction && needs
        } else {
            senses.append(.init(concept: concept, entry: entry, needsIntroduction: needs))
        }
    }

    /// Decides what the paragraph can (rules 9 to 11): a sense that needs an
    /// introduction has it when the paragraph holds its concept's context words or
    /// another mention of it; so does a short form after a namesake that the paragraph
    /// met (rule 11), though its own bare short forms are no such mention; a shared
    /// spelling goes to the concept the paragraph supports most, if one leads. Each sense
    /// keeps its support as its score, and what the paragraph leaves open is marked
    /// undecided, for ``resolve(_:document:alsoKnown:)``.
    func resolveByParagraph(_ workspace: inout ScanWorkspace) {
        // Rule 11: the support that the bare short forms of a namesake's concept gave it.
        var doubtful: [Int32: Int] = [:]
        for found in workspace.found where !workspace.namesakes.isEmpty && found.bare && found.senses.count == 1 {
            let sense = workspace.senses[found.senses.lowerBound]
            if !sense.needsIntroduction && workspace.namesakes.contains(sense.concept) { doubtful[sense.concept, default: 0] += 1 }
        }
        for index in workspace.found.indices {
            let range = workspace.found[index].senses
            var awaiting = false
            for k in range {
                let concept = workspace.senses[k].concept
                if workspace.found[index].bare, let n = workspace.namesakes.firstIndex(of: concept),
                    workspace.namesakeTokens[n] < workspace.found[index].first
                {
                    workspace.senses[k].needsIntroduction = true
                }
                let support = (workspace.support[concept] ?? 0) - (doubtful[concept] ?? 0)
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

    /// Finishes what the paragraph left undecided, with what the document established
    /// earlier (`document`, and `alsoKnown`: what the part of the document that another
    /// thread read established, see `LineNormalizer.Deferred`):
    ///
    /// - rule 10: a sense that still needs an introduction is dropped unless the
    ///   document introduced its concept; a mention left without senses is no mention;
    /// - rule 9: of several senses, the one the paragraph supports most if one leads,
    ///   else the one leader the document introduced, else the declared default, else
    ///   none (ambiguous).
    ///
    /// - rule 11: a bare short form of a concept whose namesake the document met earlier
    ///   is dropped unless the concept was introduced, in the document or the paragraph.
    ///
    /// Then lists in `workspace.established` what the paragraph's resolved mentions
    /// establish (the concepts they introduce, the namesakes met); the caller adds it
    /// to its document.
    func resolve(_ workspace: inout ScanWorkspace, document: DocumentContext, alsoKnown: [Int32] = []) {
        workspace.established.removeAll(keepingCapacity: true)
        func known(_ fact: Int32) -> Bool { document.holds(fact) || alsoKnown.contains(fact) }
        func introduced(_ concept: Int32) -> Bool { known(DocumentContext.Fact.introduced(concept)) }
        let namesakesKnown = document.hasNamesakes || !alsoKnown.isEmpty
        var dropped = false
        for index in workspace.found.indices {
            var found = workspace.found[index]
            if namesakesKnown && found.bare && !found.undecided && found.senses.count == 1 {
                let concept = workspace.senses[found.senses.lowerBound].concept
                if known(DocumentContext.Fact.namesake(concept)) && !introduced(concept)
                    && !found.evidenced
                {
                    workspace.found[index].senses = found.senses.lowerBound..<found.senses.lowerBound
                    dropped = true
                    continue
                }
            }
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
                        entries[Int(workspace.senses[$0].entry)].sharing == .defaultSense
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
                if !found.senses.isEmpty {
                    workspace.established.append(DocumentContext.Fact.introduced(workspace.senses[found.senses.lowerBound].concept))
                }
            case .defaultSense, .ambiguous:
                break
            }
        }
        for concept in workspace.namesakes { workspace.established.append(DocumentContext.Fact.namesake(concept)) }
        if dropped { workspace.found.removeAll { $0.senses.isEmpty } }
        // A mention of a kind that is no mention here is evidence like any other, but is
        // not reported, and its words stay as written.
        if hasSilencedEntries {
            workspace.found.removeAll { found in
                found.resolution != .ambiguous && entries[Int(workspace.senses[found.senses.lowerBound].entry)].silenced
            }
        }
    }
}
