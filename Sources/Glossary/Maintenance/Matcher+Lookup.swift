// `glossary lookup`: how a spelling becomes its key and what it meets.

extension Matcher {
    /// Explains how a spelling is matched (see ``Lookup``).
    public func lookup(_ text: String) -> Lookup {
        let rules = VariantRuleList(text: variantsText)
        var words: [Lookup.Word] = []
        var scratch = LineTokens()
        var line = text
        line.withUTF8 { bytes in
            scratch.tokenize(bytes, keyMaker: keyMaker)
            for token in scratch.tokens where token.kind != .punct {
                let surface = Array(bytes[Int(token.start)..<Int(token.end)])
                var steps: [Lookup.Step] = []
                var previous = String(decoding: surface, as: UTF8.self)
                var beforeVariants = previous
                for (name, output) in keyMaker.trace(ofWord: surface) {
                    let text = String(decoding: output, as: UTF8.self)
                    if name == "case folded" { beforeVariants = text }
                    if text != previous || name == "variant rules" && steps.isEmpty {
                        steps.append(Lookup.Step(name: name, text: text))
                    }
                    previous = text
                }
                let key = String(decoding: LineTokens.folded(token, stem: false, bytes, scratch.keys), as: UTF8.self)
                words.append(Lookup.Word(surface: String(decoding: surface, as: UTF8.self), steps: steps,
                                         rules: rules.changes(to: beforeVariants), key: key))
            }
        }
        let key = matchKey(of: text)
        let index = TermKeyIndex(matcher: self)
        let sameKey = index.rows(withKey: key).sorted().map { table.rows[$0] }
        let names = table.rows.filter { ($0.form == .title || $0.form == .protected) && matchKey(of: $0.term) == key }
        // A spelling that counts only after an introduction (rule 10) is looked up as
        // though its concepts were introduced: the report says that it needs one.
        var document = DocumentContext()
        for row in sameKey where row.needsIntroduction {
            if let concept = conceptIndex[row.conceptID] { document.insert(concept) }
        }
        var found: [Mention] = []
        withWorkspace { workspace in
            var document = document
            var line = text
            line.withUTF8 { bytes in
                forEachLine(bytes) { paragraph, start in
                    found += mentions(inParagraph: paragraph, offset: start, workspace: &workspace, document: &document)
                }
            }
        }
        var ids: [String] = []
        for mention in found {
            for sense in mention.senses where !ids.contains(sense.conceptID) { ids.append(sense.conceptID) }
        }
        let concepts = ids.map { id in Lookup.Concept(id: id, rows: table.rows.filter { $0.conceptID == id }) }
        var nearest: [Lookup.Near] = []
        if found.isEmpty && names.isEmpty {
            let bound = max(1, min(3, key.count / 4))
            nearest = index.rows(near: key, maxDistance: bound)
                .sorted { ($0.distance, $0.row) < ($1.distance, $1.row) }
                .prefix(5)
                .map { Lookup.Near(term: table.rows[$0.row], distance: $0.distance) }
        }
        return Lookup(text: text, key: String(decoding: key, as: UTF8.self), words: words,
                      mentions: found, concepts: concepts, sameKey: sameKey, names: names, nearest: nearest)
    }
}
