/// Reads a TBX termbase into a term table: TBX v3 (`tbx` / `conceptEntry` / `langSec` /
/// `termSec`) and the older v2 form that many tools still write (`martif` / `termEntry`
/// / `langSet` / `tig`, or `ntig` / `termGrp`).
///
/// The whole file is read and checked before anything is produced: any problem throws
/// a ``TableError`` whose diagnostics name the TBX file's line and column, and no table
/// comes out. The table it gives loads (it is checked as `glossary normalize` would load
/// it), so a termbase with, say, two preferred terms for one concept and language is
/// refused at the second one.
public enum TableImport {
    /// One row and the line of the TBX file it came from.
    private struct Found {
        var row: TermRow
        var location: SourceLocation
    }

    /// The table text (TSV, canonical order) of a TBX file.
    public static func tbx(_ bytes: [UInt8], source: String, variants: VariantRules = .shipped) throws(TableError) -> String {
        func error(_ element: XMLElement, _ message: String) -> TableError {
            TableError([Diagnostic(at: element.location, message: message)])
        }
        let root: XMLElement
        do {
            root = try XMLReader.parse(bytes, source: source)
        } catch {
            throw TableError([Diagnostic(at: error.location, message: "not well-formed XML: \(error.message)", fix: "correct the XML")])
        }
        let version3 = root.localName == "tbx"
        guard version3 || root.localName == "martif" else {
            throw error(root, "the root element is <\(root.name)>, not <tbx> (TBX v3) or <martif> (TBX v2)")
        }
        guard let text = root.elements(named: "text").first, let body = text.elements(named: "body").first else {
            throw error(root, "no <text><body> with the entries")
        }
        let entryName = version3 ? "conceptEntry" : "termEntry"
        let languageName = version3 ? "langSec" : "langSet"

        var found: [Found] = []
        var problems: [Diagnostic] = []
        func problem(_ element: XMLElement, _ message: String, fix: String? = nil) {
            if problems.count < TableError.limit {
                problems.append(Diagnostic(at: element.location, message: message, fix: fix))
            }
        }
        var usedIDs: Set<String> = []
        for (index, entry) in body.elements.enumerated() {
            guard entry.localName == entryName else {
                problem(entry, "<\(entry.name)> where a <\(entryName)> was expected")
                continue
            }
            let id = conceptID(entry.attribute("id"), index: index)
            guard usedIDs.insert(id).inserted else {
                problem(entry, "a second entry with the id \(id)", fix: "give every entry its own id")
                continue
            }
            for note in entry.elements(named: "note") where note.text.hasPrefix(TableExport.kindNote) {
                found.append(Found(row: TermRow(conceptID: id, language: "und", term: String(note.text.dropFirst(TableExport.kindNote.count)).onOneLine.trimmingSpaces(),
                                                form: .kind, status: nil),
                                   location: note.location))
            }
            for note in entry.elements(named: "note") where note.text.hasPrefix(TableExport.contextNote) {
                let fields = note.text.dropFirst(TableExport.contextNote.count).split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
                guard fields.count >= 2 else {
                    problem(note, "a glossary-context note needs a language and a word")
                    continue
                }
                found.append(Found(row: TermRow(conceptID: id, language: languageTag(String(fields[0])), term: String(fields[1]).onOneLine,
                                                form: .context, status: nil, note: fields.count > 2 ? String(fields[2]).onOneLine : ""),
                                   location: note.location))
            }
            for languageSection in entry.elements(named: languageName) {
                guard let language = languageSection.attribute("xml:lang") ?? languageSection.attribute("lang") else {
                    problem(languageSection, "<\(languageSection.name)> has no xml:lang")
                    continue
                }
                let terms: [(XMLElement, [XMLElement])] =
                    version3
                    ? languageSection.elements(named: "termSec").map { ($0, [$0]) }
                    : languageSection.elements(named: "tig").map { ($0, [$0]) }
                        + languageSection.elements(named: "ntig").map { ntig in (ntig, [ntig] + ntig.elements(named: "termGrp")) }
                for (section, parts) in terms {
                    let termElements = parts.flatMap { $0.elements(named: "term") }
                    guard termElements.count == 1, let term = termElements.first else {
                        problem(section, "a term section needs exactly one <term>, found \(termElements.count)")
                        continue
                    }
                    let notes = parts.flatMap { $0.elements(named: "termNote") + $0.elements(named: "termNoteGrp").flatMap { $0.elements(named: "termNote") } }
                    var form = TermForm.full
                    var status = TermStatus.admitted
                    var sharing = Sharing.none
                    var needsIntroduction = false, alsoTitlecase = false
                    var texts: [String] = []
                    for note in notes {
                        let value = note.text.trimmingSpaces()
                        switch note.attribute("type") {
                        case "termType":
                            switch value {
                            case "fullForm", "variant", "phrase": form = .full
                            case "shortForm": form = .short
                            case "acronym", "abbreviation": form = .abbr
                            default: problem(note, "unknown termType “\(value)”", fix: "use fullForm, shortForm, acronym or abbreviation")
                            }
                        case "administrativeStatus", "normativeAuthorization":
                            switch value {
                            case "preferredTerm-admn-sts", "preferredTerm": status = .preferred
                            case "admittedTerm-admn-sts", "admittedTerm": status = .admitted
                            case "deprecatedTerm-admn-sts", "deprecatedTerm", "supersededTerm-admn-sts", "supersededTerm": status = .deprecated
                            default: problem(note, "unknown administrative status “\(value)”", fix: "use preferredTerm-admn-sts, admittedTerm-admn-sts or deprecatedTerm-admn-sts")
                            }
                        default:
                            break  // other term notes (part of speech, gender…) have no column in the table
                        }
                    }
                    for note in parts.flatMap({ $0.elements(named: "note") }) {
                        let value = note.text
                        if value == TableExport.introNote {
                            needsIntroduction = true
                        } else if value == TableExport.titlecaseNote {
                            alsoTitlecase = true
                        } else if value.hasPrefix(TableExport.formNote) {
                            let name = String(value.dropFirst(TableExport.formNote.count))
                            if let marked = TermForm(rawValue: name), !marked.isTerm, marked != .context {
                                form = marked
                            } else {
                                problem(note, "unknown glossary-form value in “\(value)”", fix: "use title or protected")
                            }
                        } else if value.hasPrefix(TableExport.sharingNote) {
                            switch value.dropFirst(TableExport.sharingNote.count) {
                            case "shared": sharing = .shared
                            case "default": sharing = .defaultSense
                            default: problem(note, "unknown glossary-sharing value in “\(value)”", fix: "use shared or default")
                            }
                        } else {
                            texts.append(value.onOneLine.trimmingSpaces())
                        }
                    }
                    found.append(Found(row: TermRow(conceptID: id, language: languageTag(language), term: term.text.onOneLine.trimmingSpaces(),
                                                    form: form, status: form.isTerm ? status : nil, sharing: sharing, needsIntroduction: needsIntroduction, alsoTitlecase: alsoTitlecase,
                                                    note: texts.filter { !$0.isEmpty }.joined(separator: "; ")),
                                       location: term.location))
                }
            }
        }
        if !problems.isEmpty { throw TableError(problems) }

        // The table as text, then loaded as `normalize` would load it; a problem is
        // reported at the TBX line of the row that caused it.
        var lines = [TermTable.header]
        var origin: [Int: SourceLocation] = [:]  // table line -> place in the TBX file
        var previous = ""
        for item in found {
            if item.row.conceptID != previous {
                lines.append("")
                previous = item.row.conceptID
            }
            lines.append(TableDocument.fields(of: item.row).joined(separator: "\t"))
            origin[lines.count] = item.location
        }
        let tableText = TableDocument(parsing: lines.joined(separator: "\n") + "\n").formatted().text
        // Formatting reorders rows; map the diagnostics through the unformatted text.
        let unformatted = lines.joined(separator: "\n") + "\n"
        do {
            let table = try TermTable(parsing: unformatted, source: source)
            _ = try Matcher(table: table, variants: variants, kinds: Set(ConceptKind.allCases))
        } catch {
            throw TableError(error.diagnostics.map { diagnostic in
                var moved = diagnostic
                if let location = origin[diagnostic.location.line] {
                    moved.location = location
                }
                moved.fix = moved.fix.map { "in the termbase: " + $0 }
                return moved
            })
        }
        return tableText
    }

    /// A concept id from a TBX id: ours come back as they were (a leading `_` added to
    /// ids that start with a digit is dropped); others are made into slugs (lower case,
    /// other characters as hyphens), and an entry without a usable id gets `concept-N`,
    /// N its position in the file.
    private static func conceptID(_ raw: String?, index: Int) -> String {
        var slug = ""
        for scalar in (raw ?? "").lowercased().unicodeScalars {
            if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty && !slug.hasSuffix("-") {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug.isEmpty ? "concept-\(index + 1)" : slug
    }

    /// A language tag with its language subtag in lower case (`EN-us` → `en-us`).
    private static func languageTag(_ tag: String) -> String {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first else { return tag }
        return ([first.lowercased()] + parts.dropFirst().map(String.init)).joined(separator: "-")
    }
}
