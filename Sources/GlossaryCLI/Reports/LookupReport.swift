import Glossary

/// `glossary lookup`, for people. A row is placed by its line, and by its layer's file
/// too when the table has several (`sources`).
func lookupText(_ lookup: Lookup, sources: [String] = []) -> String {
    func line(_ row: TermRow) -> String { sources.count > 1 ? "\(sources[row.layer]):\(row.line)" : "line \(row.line)" }
    var lines: [String] = []
    lines.append("“\(lookup.text)” has the match key “\(lookup.key)”.")
    for word in lookup.words {
        lines.append("")
        lines.append("word “\(word.surface)” → “\(word.key)”")
        for step in word.steps { lines.append("  \(step.name): \(step.text)") }
        for rule in word.rules {
            lines.append("  variant rule at line \(rule.line), `\(rule.rule)`: \(rule.before) → \(rule.after)")
        }
    }
    lines.append("")
    for row in lookup.names {
        lines.append(row.form == .protected
            ? "“\(row.term)” is a protected name (\(row.conceptID), \(row.language), \(line(row))): the name of something else, never a mention, and neither is any word inside it."
            : "“\(row.term)” is a title (\(row.conceptID), \(row.language), \(line(row))): a short form after it still stands alone.")
    }
    if lookup.mentions.isEmpty && !lookup.names.isEmpty {
        return lines.joined(separator: "\n")
    }
    if lookup.mentions.isEmpty {
        lines.append("No concept: nothing in the table has this key.")
        if !lookup.nearest.isEmpty {
            lines.append("Nearest terms:")
            for near in lookup.nearest {
                let term = near.term
                lines.append("  \(term.term)  (\(term.conceptID), \(term.language) \(term.form.rawValue), edit distance \(near.distance), \(line(term)))")
            }
        }
        return lines.joined(separator: "\n")
    }
    for mention in lookup.mentions {
        let how: String
        switch mention.resolution {
        case .unique: how = ""
        case .context: how = ", chosen by the context"
        case .document: how = mention.senses.contains { $0.term.needsIntroduction } ? "" : ", chosen by an earlier paragraph"
        case .defaultSense: how = ", the default sense"
        case .ambiguous: how = ", ambiguous"
        }
        let senses = mention.senses.map { "\($0.conceptID) through “\($0.term.term)” (\($0.term.language) \($0.term.form.rawValue), \(line($0.term)))" }
        let intro = mention.senses.contains { $0.term.needsIntroduction }
            ? "; it counts only where the concept was introduced (+intro: the full name earlier, or a context word)" : ""
        lines.append("“\(mention.surface)” is a mention of \(senses.joined(separator: " or "))\(how)\(mention.isMixedScript ? "; it mixes scripts" : "")\(intro).")
    }
    if !lookup.sameKey.isEmpty {
        lines.append("Rows with the key “\(lookup.key)”: "
                     + lookup.sameKey.map { "\($0.term) (\($0.conceptID), \($0.language) \($0.form.rawValue), \(line($0)))" }.joined(separator: "; "))
    }
    for concept in lookup.concepts {
        let rows = concept.rows
        lines.append("")
        let kind = rows.first { $0.form == .kind }?.term
        lines.append("\(concept.id)\(kind.map { " (\($0)\($0 == ConceptKind.idea.rawValue ? ": not a mention unless normalize --kinds includes idea" : ""))" } ?? ""):")
        var languages: [String] = []
        for row in rows where row.form != .kind && !languages.contains(row.language) { languages.append(row.language) }
        for language in languages {
            let terms = rows.filter { $0.language == language && $0.form != .kind }.map { row in
                "\(row.term) (\(row.form.rawValue)\(StatusField(of: row).map { " " + $0.description } ?? ""))"
            }
            lines.append("  \(language): \(terms.joined(separator: ", "))")
        }
    }
    return lines.joined(separator: "\n")
}

/// `glossary lookup --format json`. A row carries its layer's file (`sources`) as `file`.
func lookupJSON(_ lookup: Lookup, sources: [String] = []) -> String {
    func row(_ json: inout JSONWriter, _ row: TermRow) {
        if row.layer < sources.count { json.field("file", sources[row.layer]) }
        json.field("id", row.conceptID)
        json.field("lang", row.language)
        json.field("term", row.term)
        json.field("form", row.form.rawValue)
        json.field("status", row.status?.rawValue)
        json.field("needs_introduction", row.needsIntroduction)
        json.field("line", row.line)
    }
    var json = JSONWriter()
    json.field("text", lookup.text)
    json.field("key", lookup.key)
    json.field("words") { json in
        json.array(lookup.words) { json, word in
            json.object { json in
                json.field("surface", word.surface)
                json.field("key", word.key)
                json.field("steps") { json in
                    json.array(word.steps) { json, step in
                        json.object { json in
                            json.field("step", step.name)
                            json.field("text", step.text)
                        }
                    }
                }
                json.field("rules") { json in
                    json.array(word.rules) { json, rule in
                        json.object { json in
                            json.field("line", rule.line)
                            json.field("rule", rule.rule)
                            json.field("before", rule.before)
                            json.field("after", rule.after)
                        }
                    }
                }
            }
        }
    }
    json.field("mentions") { json in
        json.array(lookup.mentions) { json, mention in
            json.object { json in
                json.field("start", mention.range.lowerBound)
                json.field("end", mention.range.upperBound)
                json.field("surface", mention.surface)
                json.field("resolution", mention.resolution.rawValue)
                json.field("mixed_script", mention.isMixedScript)
                json.field("senses") { json in
                    json.array(mention.senses) { json, sense in json.object { row(&$0, sense.term) } }
                }
            }
        }
    }
    json.field("concepts") { json in
        json.array(lookup.concepts) { json, concept in
            json.object { json in
                json.field("id", concept.id)
                json.field("kind", concept.rows.first { $0.form == .kind }?.term)
                json.field("terms") { json in json.array(concept.rows.filter { $0.form != .kind }) { json, term in json.object { row(&$0, term) } } }
            }
        }
    }
    json.field("same_key") { json in json.array(lookup.sameKey) { json, term in json.object { row(&$0, term) } } }
    json.field("names") { json in json.array(lookup.names) { json, term in json.object { row(&$0, term) } } }
    json.field("nearest") { json in
        json.array(lookup.nearest) { json, near in
            json.object { json in
                row(&json, near.term)
                json.field("distance", near.distance)
            }
        }
    }
    return String(decoding: json.finish(), as: UTF8.self)
}
