/// Exports of a term table for the tools terminologists, search engineers and NLP
/// engineers use, and the import of termbases back into a table. `Exchange/README.md`
/// describes every format and which tools read it.
public enum TableExport {
    /// The concepts of a table in order of first appearance, each with its rows in
    /// order, languages grouped in order of first appearance.
    static func concepts(_ table: TermTable) -> [(id: String, languages: [(language: String, rows: [TermRow])])] {
        var order: [String] = []
        var byConcept: [String: [TermRow]] = [:]
        for row in table.rows {
            if byConcept[row.conceptID] == nil { order.append(row.conceptID) }
            byConcept[row.conceptID, default: []].append(row)
        }
        return order.map { id in
            var languages: [String] = []
            var byLanguage: [String: [TermRow]] = [:]
            for row in byConcept[id]! {
                if byLanguage[row.language] == nil { languages.append(row.language) }
                byLanguage[row.language, default: []].append(row)
            }
            return (id, languages.map { ($0, byLanguage[$0]!) })
        }
    }

    // MARK: TBX

    /// The TBX v3 namespace that TBX-Basic's current schemas use.
    public static let tbxNamespace = "urn:iso:std:iso:30042:ed:3.0"

    static func tbxTermType(_ form: TermForm) -> String {
        switch form {
        case .full: "fullForm"
        case .short: "shortForm"
        case .abbr: "acronym"
        case .protected: "fullForm"
        case .title: "shortForm"
        case .context, .kind: ""
        }
    }

    static func tbxStatus(_ status: TermStatus) -> String {
        switch status {
        case .preferred: "preferredTerm-admn-sts"
        case .admitted: "admittedTerm-admn-sts"
        case .deprecated: "deprecatedTerm-admn-sts"
        }
    }

    /// Marks of what TBX-Basic has no data category for, kept in notes so that an
    /// export imports back to the same rows.
    static let sharingNote = "glossary-sharing: "
    static let introNote = "glossary-needs-introduction"
    static let titlecaseNote = "glossary-also-titlecase"
    static let contextNote = "glossary-context\t"
    /// Titles and protected names are term sections (a TBX concept needs one) with this
    /// note, which says they are not terms to use.
    static let formNote = "glossary-form: "
    /// A concept's kind, as a note of its entry.
    static let kindNote = "glossary-kind: "

    /// TBX-Basic in TBX v3 form (DCA style): `conceptEntry` / `langSec` / `termSec`, term
    /// types fullForm, shortForm and acronym, administrative status preferred, admitted
    /// and deprecated, and notes. With `version: 2`, the older form many tools still
    /// read: `martif` / `termEntry` / `langSet` / `tig`, with the same data categories.
    /// Context words and `+shared`/`+default` have no TBX data category: they travel as
    /// notes that start `glossary-context` and `glossary-sharing:`, and `+intro` as the
    /// note `glossary-needs-introduction`, `+titlecase` as `glossary-also-titlecase`, a
    /// concept's kind as the entry's note `glossary-kind: person`. Titles and protected names are term sections
    /// without a status and with the note `glossary-form: title` or `glossary-form: protected`.
    /// Comments of the TSV
    /// file are not exported.
    public static func tbx(_ table: TermTable, version: Int = 3, sourceLanguage: String = "en") -> String {
        let v3 = version != 2
        let (entry, section, term) = v3 ? ("conceptEntry", "langSec", "termSec") : ("termEntry", "langSet", "tig")
        let root = v3
            ? "<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"\(xmlEscaped(sourceLanguage))\" xmlns=\"\(tbxNamespace)\">"
            : "<martif type=\"TBX-Basic\" xml:lang=\"\(xmlEscaped(sourceLanguage))\">"
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            \(root)
              <\(v3 ? "tbxHeader" : "martifHeader")>
                <fileDesc>
                  <sourceDesc>
                    <p>Exported by Glossary from \(xmlEscaped(table.source))</p>
                  </sourceDesc>
                </fileDesc>
              </\(v3 ? "tbxHeader" : "martifHeader")>
              <text>
                <body>

            """
        for concept in concepts(table) {
            // An XML id is a name: it may not start with a digit, which a concept id may.
            let id = concept.id.first.map { $0.isLetter } == true ? concept.id : "_" + concept.id
            out += "      <\(entry) id=\"\(xmlEscaped(id))\">\n"
            for (_, rows) in concept.languages {
                for row in rows where row.form == .kind { out += "        <note>\(Self.kindNote)\(xmlEscaped(row.term))</note>\n" }
                for row in rows where row.form == .context {
                    let note = Self.contextNote + row.language + "\t" + row.term + (row.note.isEmpty ? "" : "\t" + row.note)
                    out += "        <note>\(xmlEscaped(note))</note>\n"
                }
            }
            for (language, rows) in concept.languages where rows.contains(where: { $0.form != .context && $0.form != .kind }) {
                out += "        <\(section) xml:lang=\"\(xmlEscaped(language))\">\n"
                for row in rows where row.form != .context && row.form != .kind {
                    out += "          <\(term)>\n"
                    out += "            <term>\(xmlEscaped(row.term))</term>\n"
                    out += "            <termNote type=\"termType\">\(tbxTermType(row.form))</termNote>\n"
                    if let status = row.status {
                        out += "            <termNote type=\"administrativeStatus\">\(tbxStatus(status))</termNote>\n"
                    }
                    if row.sharing != .none {
                        out += "            <note>\(Self.sharingNote)\(row.sharing.rawValue)</note>\n"
                    }
                    if !row.form.isTerm { out += "            <note>\(Self.formNote)\(row.form.rawValue)</note>\n" }
                    if row.needsIntroduction { out += "            <note>\(Self.introNote)</note>\n" }
                    if row.alsoTitlecase { out += "            <note>\(Self.titlecaseNote)</note>\n" }
                    if !row.note.isEmpty { out += "            <note>\(xmlEscaped(row.note))</note>\n" }
                    out += "          </\(term)>\n"
                }
                out += "        </\(section)>\n"
            }
            out += "      </\(entry)>\n"
        }
        out += "    </body>\n  </text>\n</\(v3 ? "tbx" : "martif")>\n"
        return out
    }

    // MARK: OmegaT

    /// An OmegaT glossary for one language pair: tab-separated source term, target term
    /// and comment, one line per spelling in the source language (deprecated ones too,
    /// so that the translator sees what to write instead). The target is the concept's
    /// preferred term in the target language, of the same form where there is one.
    public static func omegaT(_ matcher: Matcher, from source: String, to target: String) -> String {
        var out = ""
        for row in matcher.table.rows where row.language == source && row.form.isTerm {
            guard let preferred = matcher.preferredTerm(conceptID: row.conceptID, language: target, form: row.form),
                preferred.language == target
            else { continue }
            var comment = row.conceptID
            if row.status == .deprecated { comment += "; deprecated in \(source)" }
            if row.sharing != .none { comment += "; also names another concept" }
            if row.needsIntroduction { comment += "; only after the full name" }
            if !row.note.isEmpty { comment += "; " + row.note }
            out += [row.term, preferred.term, comment].map(\.onOneLine).joined(separator: "\t") + "\n"
        }
        return out
    }

    // MARK: Elasticsearch and Solr synonyms

    /// A Solr / Elasticsearch synonyms file for one language: per concept and form, the
    /// explicit mapping `variant, variant => preferred` from every other spelling of the
    /// concept (in any language and script) to its preferred term in `language`.
    ///
    /// Left out, with the reason in a comment at the top: spellings that name several
    /// concepts without a declared default (a synonym filter cannot choose), spellings
    /// that count only after an introduction (`+intro`: a filter sees no document), and,
    /// unless `abbreviations` is true, abbreviations — a search analyzer lowercases
    /// before the synonym filter, and *AS* would then rewrite the English word *as*.
    public static func synonyms(_ matcher: Matcher, language: String, abbreviations: Bool = false) -> String {
        var out = """
            # Synonyms for \(language), exported by Glossary from \(matcher.table.source).
            # Explicit mappings (variant, variant => preferred) for a synonym_graph filter.
            # Left out: spellings shared by several concepts without a default, spellings that count only after an introduction (+intro)\(abbreviations ? "" : ", and abbreviations (export with --abbreviations to include them)").

            """
        func escaped(_ term: String) -> String {
            var result = ""
            for character in term {
                if character == "\\" || character == "," || character == "=" { result.append("\\") }
                result.append(character)
            }
            return result.onOneLine
        }
        for concept in concepts(matcher.table) {
            let rows = concept.languages.flatMap(\.rows).filter { row in
                row.form.isTerm && row.sharing != .shared && !row.needsIntroduction && (abbreviations || row.form != .abbr)
            }
            for form in [TermForm.full, .short, .abbr] {
                // As the normalizer does: the preferred term of the form, else the full one.
                guard let preferred = matcher.preferredTerm(conceptID: concept.id, language: language, form: form),
                    preferred.language == language
                else { continue }
                var seen: Set<String> = [preferred.term]
                var variants: [String] = []
                for row in rows where row.form == form && seen.insert(row.term).inserted { variants.append(row.term) }
                guard !variants.isEmpty else { continue }
                out += variants.map(escaped).joined(separator: ", ") + " => " + escaped(preferred.term) + "\n"
            }
        }
        return out
    }

    // MARK: spaCy

    /// spaCy EntityRuler patterns, one JSON object per line: `label`, `id` (the concept)
    /// and a token `pattern`. Words match on `LOWER`, abbreviations on `ORTH` (their own
    /// case, as in Glossary); hyphens are tokens of their own, as spaCy's tokenizer splits
    /// them. Context words are not patterns, and neither are spellings that count only
    /// after an introduction (`+intro`): a pattern cannot wait for one.
    public static func spacyPatterns(_ table: TermTable, label: String = "GLOSSARY") -> String {
        var out = ""
        var seen: Set<String> = []  // the same spelling in several languages is one pattern
        for row in table.rows where row.form.isTerm && !row.needsIntroduction && seen.insert(row.conceptID + "\t" + (row.form == .abbr ? row.term : row.term.lowercased())).inserted {
            var json = JSONWriter()
            json.field("label", label)
            json.field("id", row.conceptID)
            json.field("pattern") { json in
                json.array(spacyTokens(row.term)) { json, token in
                    json.object { json in
                        if row.form == .abbr || token == "-" {
                            json.field("ORTH", token)
                        } else {
                            json.field("LOWER", token.lowercased())
                        }
                    }
                }
            }
            out += String(decoding: json.finish(), as: UTF8.self) + "\n"
        }
        return out
    }

    /// A term's tokens as spaCy's default tokenizer makes them for these names: split at
    /// spaces, with hyphens between letters as tokens of their own.
    static func spacyTokens(_ term: String) -> [String] {
        var tokens: [String] = []
        for word in term.split(whereSeparator: { $0.isWhitespace }) {
            var current = ""
            for character in word {
                if character == "-" && !current.isEmpty {
                    tokens.append(current)
                    tokens.append("-")
                    current = ""
                } else {
                    current.append(character)
                }
            }
            if !current.isEmpty { tokens.append(current) }
        }
        return tokens
    }

    // MARK: JSON

    /// The whole table as one JSON document for other programs; the schema is
    /// `Exchange/terms.schema.json`.
    public static func json(_ table: TermTable) -> String {
        var json = JSONWriter()
        json.field("format", "glossary-terms")
        json.field("version", 1)
        json.field("source", table.source)
        json.field("concepts") { json in
            json.array(concepts(table)) { json, concept in
                json.object { json in
                    let rows = concept.languages.flatMap(\.rows)
                    json.field("id", concept.id)
                    json.field("kind", rows.first { $0.form == .kind }?.term)
                    json.field("terms") { json in
                        json.array(rows.filter { $0.form != .context && $0.form != .kind }) { json, row in  // titles and protected names too
                            json.object { json in
                                json.field("lang", row.language)
                                json.field("term", row.term)
                                json.field("form", row.form.rawValue)
                                json.field("status", row.status?.rawValue)
                                json.field("sharing", row.sharing.rawValue)
                                json.field("needs_introduction", row.needsIntroduction)
                                json.field("also_titlecase", row.alsoTitlecase)
                                json.field("note", row.note)
                            }
                        }
                    }
                    json.field("context") { json in
                        json.array(rows.filter { $0.form == .context }) { json, row in
                            json.object { json in
                                json.field("lang", row.language)
                                json.field("word", row.term)
                                json.field("note", row.note)
                            }
                        }
                    }
                }
            }
        }
        return String(decoding: json.finish(), as: UTF8.self) + "\n"
    }
}
