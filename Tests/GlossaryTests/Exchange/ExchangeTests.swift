import Foundation
@testable import Glossary
import Testing

/// Exports for other tools, and the TBX import.
@Suite("Exchanging the table")
struct ExchangeTests {
    /// A table with what is hard to carry: notes with markup characters, context words
    /// with notes, shared and default senses, an id that starts with a digit, a script
    /// subtag, hyphens, deprecated terms.
    static let tricky = """
        \(TermTable.header)
        pkt-party\ten\tCommunist Party of China\tfull\tpref\t<b>&"quotes" 'and' ampersands</b>
        pkt-party\tid\tPartai Komunis Tiongkok\tfull\tpref
        pkt-party\tid\tPKT\tabbr\tpref+default\tthe party, unless the paragraph says fertilizer
        pkt-party\tid\tPartai Komunis Cina\tfull\tdeprecated\tsee Keppres 12/2014
        pkt-party\tzh-Hans\t中国共产党\tfull\tpref
        pkt-party\tid\tpolitbiro\tcontext\t\tword of the party's paragraphs
        pupuk\tid\tPupuk Kalimantan Timur\tfull\tpref
        pupuk\ten\tPupuk Kalimantan Timur\tfull\tpref
        pupuk\tid\tPKT\tabbr\tpref+shared
        pupuk\tid\tKaltim\tshort\tpref+shared+intro\tonly after the company is named
        pupuk\ten\tKaltim\tshort\tpref+intro
        pupuk\tid\tpupuk\tcontext\t
        2024-election\ten\tGeneral Election 2024\tfull\tpref
        2024-election\tid\tPemilu 2024\tfull\tpref
        bangsa\tid\tPerserikatan Bangsa-Bangsa\tfull\tpref
        bangsa\ten\tUnited Nations\tfull\tpref
        bangsa\tid\tPBB\tabbr\tpref
        bangsa\ten\tUN\tabbr\tpref

        """

    static func rows(_ table: TermTable) -> [String] {
        table.rows.map {
            [$0.conceptID, $0.language, $0.term, $0.form.rawValue, $0.status?.rawValue ?? "", $0.sharing.rawValue,
             $0.needsIntroduction ? "intro" : "", $0.note].joined(separator: "|")
        }.sorted()
    }

    @Test("TBX: export then import gives back the same rows, for the shipped table and a tricky one", arguments: [true, false])
    func tbxRoundTrip(shipped: Bool) throws {
        let table = shipped ? try TermTable.shipped() : try TermTable(parsing: Self.tricky, source: "tricky.tsv")
        let tbx = Array(TableExport.tbx(table).utf8)
        #expect(TBXBasicCheck.problems(tbx).isEmpty, "\(TBXBasicCheck.problems(tbx))")
        let imported = try TableImport.tbx(tbx, source: "export.tbx")
        let back = try TermTable(parsing: imported)
        #expect(Self.rows(back) == Self.rows(table))
        // Written in canonical order: formatting changes nothing.
        #expect(TableDocument(parsing: imported).formatted().text == imported)
    }

    @Test("TBX v2 (martif): export then import gives back the same rows too")
    func tbxVersion2RoundTrip() throws {
        for table in [try TermTable.shipped(), try TermTable(parsing: Self.tricky, source: "tricky.tsv")] {
            let tbx = TableExport.tbx(table, version: 2)
            #expect(tbx.contains("<martif type=\"TBX-Basic\"") && tbx.contains("<tig>"))
            let back = try TermTable(parsing: TableImport.tbx(Array(tbx.utf8), source: "export.tbx"))
            #expect(Self.rows(back) == Self.rows(table))
        }
    }

    @Test("TBX: an id that starts with a digit is written as an XML name and comes back")
    func digitID() throws {
        let tbx = TableExport.tbx(try TermTable(parsing: Self.tricky))
        #expect(tbx.contains("<conceptEntry id=\"_2024-election\">"))
        #expect(tbx.contains("&lt;b&gt;&amp;&quot;quotes&quot;"))
    }

    static let version2 = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">
        <martif type="TBX-Basic" xml:lang="en-US">
          <martifHeader><fileDesc><sourceDesc><p>written for the tests</p></sourceDesc></fileDesc></martifHeader>
          <text><body>
            <termEntry id="C-001">
              <descrip type="subjectField">international relations</descrip>
              <langSet xml:lang="EN">
                <tig>
                  <term>Shanghai Cooperation Organisation</term>
                  <termNote type="termType">fullForm</termNote>
                  <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
                  <termNote type="partOfSpeech">noun</termNote>
                </tig>
                <tig><term>SCO</term><termNote type="termType">acronym</termNote></tig>
              </langSet>
              <langSet xml:lang="id">
                <ntig>
                  <termGrp>
                    <term>Organisasi Kerja Sama Shanghai</term>
                    <termNote type="termType">fullForm</termNote>
                  </termGrp>
                  <termNote type="normativeAuthorization">preferredTerm</termNote>
                  <note>dipakai <hi>Kemlu</hi> &amp; media</note>
                </ntig>
                <tig>
                  <term><![CDATA[Pakta Shanghai]]></term>
                  <termNote type="administrativeStatus">supersededTerm-admn-sts</termNote>
                </tig>
              </langSet>
            </termEntry>
          </body></text>
        </martif>
        """

    @Test("TBX v2: martif, tig and ntig/termGrp, with the values older tools write")
    func version2Import() throws {
        let imported = try TableImport.tbx(Array(Self.version2.utf8), source: "old.tbx")
        #expect(imported == """
            \(TermTable.header)

            c-001\ten\tShanghai Cooperation Organisation\tfull\tpref
            c-001\tid\tOrganisasi Kerja Sama Shanghai\tfull\tpref\tdipakai Kemlu & media
            c-001\tid\tPakta Shanghai\tfull\tdeprecated
            c-001\ten\tSCO\tabbr\talt

            """)
    }

    struct Bad: CustomTestStringConvertible, Sendable {
        var name: String
        var tbx: String
        var line: Int
        var says: String
        var testDescription: String { name }
    }

    static func v3(_ entries: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed:3.0">
        <tbxHeader><fileDesc><sourceDesc><p>t</p></sourceDesc></fileDesc></tbxHeader>
        <text><body>
        \(entries)
        </body></text>
        </tbx>
        """
    }

    static let badFiles: [Bad] = [
        Bad(name: "mismatched tags", tbx: v3("<conceptEntry id=\"a\"><langSec xml:lang=\"en\"></conceptEntry>"), line: 5, says: "closes <langSec>"),
        Bad(name: "undefined entity", tbx: v3("<conceptEntry id=\"a\"><note>&nbsp;</note></conceptEntry>"), line: 5, says: "&nbsp;"),
        Bad(name: "a control character", tbx: v3("<conceptEntry id=\"a\"><note>caf\u{FFFD}</note></conceptEntry>").replacingOccurrences("\u{FFFD}", "\u{1}"),
            line: 5, says: "control character"),
        Bad(name: "unknown term type", tbx: v3("""
            <conceptEntry id="a"><langSec xml:lang="en"><termSec><term>A</term>
            <termNote type="termType">nickname</termNote></termSec></langSec></conceptEntry>
            """), line: 6, says: "unknown termType"),
        Bad(name: "two terms in a term section", tbx: v3("""
            <conceptEntry id="a"><langSec xml:lang="en"><termSec><term>A</term><term>B</term></termSec></langSec></conceptEntry>
            """), line: 5, says: "exactly one <term>"),
        Bad(name: "two preferred terms", tbx: v3("""
            <conceptEntry id="a"><langSec xml:lang="en">
            <termSec><term>Alpha</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
            <termSec><term>Alfa</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
            </langSec></conceptEntry>
            """), line: 7, says: "a second preferred"),
        Bad(name: "one spelling for two concepts", tbx: v3("""
            <conceptEntry id="a"><langSec xml:lang="en"><termSec><term>Alpha</term></termSec></langSec></conceptEntry>
            <conceptEntry id="b"><langSec xml:lang="en"><termSec><term>ALPHA</term></termSec></langSec></conceptEntry>
            """), line: 6, says: "same match key"),
        Bad(name: "two entries with one id", tbx: v3("""
            <conceptEntry id="a"><langSec xml:lang="en"><termSec><term>Alpha</term></termSec></langSec></conceptEntry>
            <conceptEntry id="a"><langSec xml:lang="en"><termSec><term>Beta</term></termSec></langSec></conceptEntry>
            """), line: 6, says: "a second entry with the id a"),
        Bad(name: "not TBX", tbx: "<html><body/></html>", line: 1, says: "not <tbx>"),
    ]

    @Test("TBX import refuses bad input with its line and the reason", arguments: badFiles)
    func badImport(_ bad: Bad) throws {
        let error = try #require(throws: TableError.self) { try TableImport.tbx(Array(bad.tbx.utf8), source: "bad.tbx") }
        let first = try #require(error.diagnostics.first)
        #expect(first.location.file == "bad.tbx")
        #expect(first.location.line == bad.line, "\(error)")
        #expect(first.message.contains(bad.says), "\(error)")
    }

    @Test("The TBX-Basic check is not vacuous: it finds what a broken export would get wrong")
    func checkerFindsProblems() {
        let broken = Self.v3("""
            <conceptEntry id="1a"><langSec><termSec><term>A</term><termNote type="termType">nickname</termNote></termSec></langSec>
            <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></conceptEntry>
            """).replacingOccurrences("style=\"dca\" ", "")
        let problems = TBXBasicCheck.problems(Array(broken.utf8)).joined(separator: "\n")
        for expected in ["style must be dca", "XML name", ] { #expect(problems.contains(expected), "\(problems)") }
        let noID = Self.v3("""
            <conceptEntry id="x"><langSec><termSec><term>A</term><termNote type="termType">nickname</termNote></termSec></langSec>
            <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></conceptEntry>
            """)
        let more = TBXBasicCheck.problems(Array(noID.utf8)).joined(separator: "\n")
        for expected in ["langSec needs xml:lang", "termType “nickname”", "not allowed in <conceptEntry>"] {
            #expect(more.contains(expected), "\(more)")
        }
    }

    @Test("OmegaT: source term, target's preferred term, comment; deprecated source terms too")
    func omegaT() throws {
        let matcher = try Matcher(table: TermTable(parsing: Self.tricky))
        let lines = TableExport.omegaT(matcher, from: "id", to: "en").split(separator: "\n")
        #expect(lines.contains("Partai Komunis Tiongkok\tCommunist Party of China\tpkt-party"))
        #expect(lines.contains("Partai Komunis Cina\tCommunist Party of China\tpkt-party; deprecated in id; see Keppres 12/2014"))
        #expect(lines.contains("PBB\tUN\tbangsa"))
        #expect(lines.allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == 3 })
    }

    @Test("Synonyms: explicit mappings to the language's preferred term; no shared spellings; abbreviations on request")
    func synonyms() throws {
        let matcher = try Matcher(table: TermTable(parsing: Self.tricky))
        let plain = TableExport.synonyms(matcher, language: "en").split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(plain.contains("Partai Komunis Tiongkok, Partai Komunis Cina, 中国共产党 => Communist Party of China"))
        #expect(plain.contains("Perserikatan Bangsa-Bangsa => United Nations"))
        #expect(!plain.contains { $0.contains("PBB") || $0.contains("PKT") })
        let withAbbreviations = TableExport.synonyms(matcher, language: "en", abbreviations: true).split(separator: "\n")
        #expect(withAbbreviations.contains("PBB => UN"))
        // PKT of the fertilizer maker is +shared: only the party, its default sense, maps it.
        #expect(withAbbreviations.contains("PKT => Communist Party of China"))
        #expect(!withAbbreviations.contains { $0.contains("PKT") && $0.contains("Pupuk") })
        #expect(TableExport.synonyms(matcher, language: "id", abbreviations: true).contains("PKT => PKT") == false)
    }

    @Test("Synonyms escape the characters of the file's syntax")
    func synonymEscapes() throws {
        let table = try TermTable(parsing: "\(TermTable.header)\nx\ten\tA, B and C\tfull\tpref\nx\tid\tA=B\tfull\tpref\n")
        let text = TableExport.synonyms(try Matcher(table: table), language: "en")
        #expect(text.contains("A\\=B => A\\, B and C"))
    }

    @Test("spaCy patterns: LOWER for words, ORTH for abbreviations, hyphens as tokens, one per spelling")
    func spacy() throws {
        let lines = TableExport.spacyPatterns(try TermTable(parsing: Self.tricky), label: "ORG").split(separator: "\n")
        let objects = try lines.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        let bangsa = try #require(objects.first { $0["id"] as? String == "bangsa" && ($0["pattern"] as? [[String: String]])?.count == 4 })
        #expect(bangsa["id"] as? String == "bangsa")
        #expect(bangsa["label"] as? String == "ORG")
        #expect((bangsa["pattern"] as? [[String: String]]) == [["LOWER": "perserikatan"], ["LOWER": "bangsa"], ["ORTH": "-"], ["LOWER": "bangsa"]])
        #expect(objects.contains { ($0["pattern"] as? [[String: String]]) == [["ORTH": "PBB"]] })
        #expect(!objects.contains { ($0["pattern"] as? [[String: String]]) == [["LOWER": "politbiro"]] })  // context words are not patterns
        #expect(objects.filter { ($0["pattern"] as? [[String: String]]) == [["LOWER": "pupuk"], ["LOWER": "kalimantan"], ["LOWER": "timur"]] }.count == 1)
    }

    @Test("JSON export: every concept with its terms and context words, keys as the schema lists them")
    func json() throws {
        let text = TableExport.json(try TermTable(parsing: Self.tricky, source: "tricky.tsv"))
        let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(document["format"] as? String == "glossary-terms")
        let concepts = try #require(document["concepts"] as? [[String: Any]])
        #expect(concepts.map { $0["id"] as? String } == ["pkt-party", "pupuk", "2024-election", "bangsa"])
        let party = concepts[0]
        #expect((party["terms"] as? [[String: Any]])?.count == 5)
        #expect((party["context"] as? [[String: Any]])?.first?["word"] as? String == "politbiro")
        // The schema in Exchange/ names every key the export writes.
        let schemaURL = CommandRunner.root.appendingPathComponent("Exchange/terms.schema.json")
        let schema = try String(contentsOf: schemaURL, encoding: .utf8)
        for key in ["format", "version", "source", "concepts", "id", "terms", "context", "lang", "term", "form", "status", "sharing", "needs_introduction", "note", "word"] {
            #expect(schema.contains("\"\(key)\""), "the schema does not describe \(key)")
        }
    }
}
