import Foundation
@testable import Glossary
import Testing

/// Edits of a table as a document: what each edit changes, what it keeps, and what
/// `format` makes of a messy table.
@Suite("Editing a term table")
struct TableEditingTests {
    static let header = TermTable.header + "\n"

    static let small = """
        # A table to edit.
        \(TermTable.header)

        # Sergei Shoigu
        sergei-shoigu\ten\tSergei Shoigu\tfull\tpref
        sergei-shoigu\ten\tShoigu\tshort\tpref
        # the Indonesian short form
        sergei-shoigu\tid\tShoigu\tshort\tpref

        china\ten\tChina\tfull\tpref
        china\tid\tTiongkok\tfull\tpref
        china\tid\tCina\tfull\talt+shared

        """

    @Test("Reading and writing a document gives back the same text")
    func roundTrip() throws {
        #expect(TableDocument(parsing: Self.small).text == Self.small)
        let shipped = String(decoding: EmbeddedData.terms, as: UTF8.self)
        #expect(TableDocument(parsing: shipped).text == shipped)
    }

    @Test("add puts a row among its concept's rows at its canonical place")
    func addToConcept() throws {
        var document = TableDocument(parsing: Self.small)
        try document.add(TermRow(conceptID: "sergei-shoigu", language: "id", term: "Sergei Shoigu", form: .full, status: .preferred))
        let lines = document.text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[4] == "sergei-shoigu\ten\tSergei Shoigu\tfull\tpref")
        #expect(lines[5] == "sergei-shoigu\tid\tSergei Shoigu\tfull\tpref")
        #expect(lines[6] == "sergei-shoigu\ten\tShoigu\tshort\tpref")
        #expect(document.text.contains("# the Indonesian short form\nsergei-shoigu\tid\tShoigu"))
    }

    @Test("add puts a new concept at the end after a blank line, in NFC, with its note")
    func addNewConcept() throws {
        var document = TableDocument(parsing: Self.small)
        try document.add(TermRow(conceptID: "cafe", language: "fr", term: "Cafe\u{301}", form: .full, status: .preferred, note: "test"))
        #expect(document.text == Self.small + "\ncafe\tfr\tCaf\u{E9}\tfull\tpref\ttest\n")
    }

    @Test("add refuses tabs and line breaks, context rows with a status, terms without one")
    func addRefusesBadRows() {
        var document = TableDocument(parsing: Self.small)
        #expect(throws: EditError.self) { try document.add(TermRow(conceptID: "x", language: "en", term: "a\tb", form: .full, status: .preferred)) }
        #expect(throws: EditError.self) { try document.add(TermRow(conceptID: "x", language: "en", term: "a", form: .context, status: .admitted)) }
        #expect(throws: EditError.self) { try document.add(TermRow(conceptID: "x", language: "en", term: "a", form: .full, status: nil)) }
        #expect(document.text == Self.small)
    }

    @Test("remove deletes only the row; the comment above it stays")
    func remove() throws {
        var document = TableDocument(parsing: Self.small)
        try document.remove(conceptID: "sergei-shoigu", language: "id", term: "Shoigu")
        #expect(document.text == Self.small.replacingOccurrences(of: "sergei-shoigu\tid\tShoigu\tshort\tpref\n", with: ""))
        #expect(document.text.contains("# the Indonesian short form"))
    }

    @Test("remove names the concept's terms in that language when the term is not there")
    func removeMissing() throws {
        var document = TableDocument(parsing: Self.small)
        let error = try #require(throws: EditError.self) { try document.remove(conceptID: "china", language: "id", term: "Chinna") }
        #expect(error.message.contains("“Tiongkok”, “Cina”"))
        let unknown = try #require(throws: EditError.self) { try document.remove(conceptID: "japan", language: "id", term: "Jepang") }
        #expect(unknown.message.contains("no concept “japan”"))
    }

    @Test("set-pref promotes the term, demotes the old preferred term, keeps +shared")
    func setPreferred() throws {
        var document = TableDocument(parsing: Self.small)
        #expect(try document.setPreferred(conceptID: "china", language: "id", term: "Cina"))
        #expect(document.text.contains("china\tid\tTiongkok\tfull\talt\n"))
        #expect(document.text.contains("china\tid\tCina\tfull\tpref+shared\n"))
        #expect(try document.setPreferred(conceptID: "china", language: "id", term: "Cina") == false)
        // Only the same language and form is demoted.
        #expect(document.text.contains("china\ten\tChina\tfull\tpref\n"))
    }

    static let messy = """
        # header comment
        \(TermTable.header)


        # ==== PLACES ====

        # China
        china\tid\tCina\tfull\tdeprecated
        china\ten\tChina\tfull\tpref\t
        # the official Indonesian name since 2014
        china\tid\t Tiongkok \tfull\tpref
        russia\ten\tRussia\tfull\tpref
        # a late addition for China
        china\tid\tRRT\tabbr\tpref
        russia\tid\tRusia\tfull\tpref\t
        cafe\tfr\tCafe\u{301}\tfull\tpref
        # trailing comment

        """

    @Test("format: concept blocks, canonical order, comments kept with their rows, one blank line between blocks")
    func format() {
        let expected = """
            # header comment
            \(TermTable.header)

            # ==== PLACES ====

            # China
            china\ten\tChina\tfull\tpref
            # the official Indonesian name since 2014
            china\tid\tTiongkok\tfull\tpref
            china\tid\tCina\tfull\tdeprecated
            # a late addition for China
            china\tid\tRRT\tabbr\tpref

            russia\ten\tRussia\tfull\tpref
            russia\tid\tRusia\tfull\tpref

            cafe\tfr\tCaf\u{E9}\tfull\tpref

            # trailing comment

            """
        let formatted = TableDocument(parsing: Self.messy).formatted()
        #expect(formatted.text == expected)
        #expect(formatted.formatted() == formatted)
    }

    @Test("format keeps every row of the shipped table and changes no match")
    func formatShipped() throws {
        let shipped = String(decoding: EmbeddedData.terms, as: UTF8.self)
        let formatted = TableDocument(parsing: shipped).formatted()
        #expect(formatted.formatted() == formatted)
        // The curated layer refines the generated one, so both are read as the shipped data is.
        let world = TableLayer.shipped[0]
        let before = try TermTable(layers: [world, TableLayer(parsing: shipped)]), after = try TermTable(layers: [world, TableLayer(parsing: formatted.text)])
        func rows(_ table: TermTable) -> [String] {
            table.rows.map { "\($0.conceptID)|\($0.language)|\($0.term)|\($0.form)|\(String(describing: $0.status))|\($0.sharing)|\($0.note)" }.sorted()
        }
        #expect(rows(before) == rows(after))
        let comments = shipped.split(separator: "\n").filter { $0.hasPrefix("#") }
        #expect(comments.allSatisfy { formatted.text.contains($0) })
        let old = try Matcher(table: before), new = try Matcher(table: after)
        let sample = "Menlu Rusia Sergey Lavrov bertemu Wang Yi dan Xi di Moskwa; PKT, PBB, AS dan SCO (Organisasi Kerjasama Shanghai) hadir."
        #expect(old.tag(sample) == new.tag(sample))
    }
}
