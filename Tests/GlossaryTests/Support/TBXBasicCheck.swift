@testable import Glossary

/// The TBX-Basic rules that can be checked without the schemas at hand: what an export
/// must satisfy for CAT tools to read it. The tests run it on every TBX export.
enum TBXBasicCheck {
    /// Problems found, as "FILE:LINE:COLUMN: message"; empty when the file passes.
    static func problems(_ bytes: [UInt8], source: String = "export.tbx") -> [String] {
        let root: XMLElement
        do { root = try XMLReader.parse(bytes, source: source) } catch { return ["\(error)"] }
        var problems: [String] = []
        func fail(_ element: XMLElement, _ message: String) { problems.append("\(element.location): \(message)") }
        guard root.localName == "tbx" else { return ["\(root.location): the root is not <tbx>"] }
        if root.attribute("type") != "TBX-Basic" { fail(root, "type must be TBX-Basic") }
        if root.attribute("style") != "dca" { fail(root, "style must be dca") }
        if root.attribute("xml:lang") == nil { fail(root, "xml:lang is required on <tbx>") }
        if root.attribute("xmlns") != TableExport.tbxNamespace { fail(root, "the namespace must be \(TableExport.tbxNamespace)") }
        guard let header = root.elements(named: "tbxHeader").first,
            let fileDesc = header.elements(named: "fileDesc").first,
            !fileDesc.elements(named: "sourceDesc").isEmpty
        else {
            fail(root, "tbxHeader/fileDesc/sourceDesc is required")
            return problems
        }
        guard let body = root.elements(named: "text").first?.elements(named: "body").first else {
            fail(root, "text/body is required")
            return problems
        }
        var ids: Set<String> = []
        for entry in body.elements {
            guard entry.localName == "conceptEntry" else {
                fail(entry, "<\(entry.name)> is not allowed in <body>")
                continue
            }
            guard let id = entry.attribute("id"), let first = id.unicodeScalars.first,
                first == "_" || first.properties.isAlphabetic
            else {
                fail(entry, "conceptEntry needs an id that is an XML name")
                continue
            }
            if !ids.insert(id).inserted { fail(entry, "the id \(id) is used twice") }
            for child in entry.elements where !["langSec", "note", "descrip", "descripGrp", "admin", "transacGrp", "ref", "xref"].contains(String(child.localName)) {
                fail(child, "<\(child.name)> is not allowed in <conceptEntry>")
            }
            let sections = entry.elements(named: "langSec")
            if sections.isEmpty { fail(entry, "a conceptEntry needs at least one langSec") }
            for section in sections {
                if section.attribute("xml:lang") == nil { fail(section, "langSec needs xml:lang") }
                let terms = section.elements(named: "termSec")
                if terms.isEmpty { fail(section, "a langSec needs at least one termSec") }
                for term in terms {
                    if term.elements(named: "term").count != 1 { fail(term, "a termSec needs exactly one term") }
                    for note in term.elements(named: "termNote") {
                        let value = note.text
                        switch note.attribute("type") {
                        case "termType":
                            if !["fullForm", "acronym", "abbreviation", "shortForm", "variant", "phrase"].contains(value) {
                                fail(note, "termType “\(value)” is not a TBX-Basic value")
                            }
                        case "administrativeStatus":
                            if !["preferredTerm-admn-sts", "admittedTerm-admn-sts", "deprecatedTerm-admn-sts", "supersededTerm-admn-sts"].contains(value) {
                                fail(note, "administrativeStatus “\(value)” is not a TBX-Basic value")
                            }
                        case "partOfSpeech", "grammaticalGender", "termLocation":
                            break
                        default:
                            fail(note, "termNote type “\(note.attribute("type") ?? "")” is not a TBX-Basic data category")
                        }
                    }
                }
            }
            // termNote only at the termSec level.
            func noStrayTermNotes(_ element: XMLElement) {
                for child in element.elements {
                    if child.localName == "termNote" && element.localName != "termSec" && element.localName != "termNoteGrp" {
                        fail(child, "a termNote is allowed only in a termSec")
                    }
                    noStrayTermNotes(child)
                }
            }
            noStrayTermNotes(entry)
        }
        return problems
    }
}
