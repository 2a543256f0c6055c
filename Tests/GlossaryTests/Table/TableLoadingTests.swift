@testable import Glossary
import Testing

/// Loading is strict and all-or-nothing: every bad table throws, and the error names
/// the file, line and column and says what would fix it.
@Suite("Loading a term table")
struct TableLoadingTests {
    static let header = "id\tlang\tterm\tform\tstatus\tnote\n"

    struct Bad: CustomTestStringConvertible, Sendable {
        var name: String
        var body: String
        var line: Int
        var column: Int
        var says: String
        var testDescription: String { name }
    }

    static let badTables: [Bad] = [
        Bad(name: "no header", body: "russia\ten\tRussia\tfull\tpref\t\n", line: 1, column: 1, says: "header"),
        Bad(name: "unknown form", body: header + "russia\ten\tRussia\tfull\tpref\t\nrussia\tid\tRusia\tlong\tpref\t\n",
            line: 3, column: 17, says: "unknown form “long”"),
        Bad(name: "unknown status", body: header + "russia\ten\tRussia\tfull\tpreferred\t\n", line: 2, column: 23, says: "unknown status"),
        Bad(name: "unknown status suffix", body: header + "russia\ten\tRussia\tfull\tpref+maybe\t\n", line: 2, column: 23, says: "+maybe"),
        Bad(name: "a suffix twice", body: header + "wang\ten\tWang\tshort\tpref+intro+intro\t\n", line: 2, column: 20, says: "unknown or given twice"),
        Bad(name: "shared and default", body: header + "wang\ten\tWang\tshort\tpref+shared+default\t\n", line: 2, column: 20, says: "unknown or given twice"),
        Bad(name: "a context row with +intro", body: header + "wang\ten\tWang\tshort\tpref\t\nwang\ten\tmenlu\tcontext\t+intro\t\n",
            line: 3, column: 23, says: "a context row has no status"),
        Bad(name: "bad slug", body: header + "Russia_Fed\ten\tRussia\tfull\tpref\t\n", line: 2, column: 1, says: "not a concept id"),
        Bad(name: "bad language", body: header + "russia\tEnglish\tRussia\tfull\tpref\t\n", line: 2, column: 8, says: "BCP 47"),
        Bad(name: "empty term", body: header + "russia\ten\t\tfull\tpref\t\n", line: 2, column: 11, says: "empty"),
        Bad(name: "too few fields", body: header + "russia\ten\tRussia\n", line: 2, column: 1, says: "found 3"),
        Bad(name: "too many fields", body: header + "russia\ten\tRussia\tfull\tpref\tnote\textra\n", line: 2, column: 1, says: "found 7"),
        Bad(name: "two preferred terms", body: header + "russia\ten\tRussia\tfull\tpref\t\nrussia\ten\tRussian Federation\tfull\tpref\t\n",
            line: 3, column: 35, says: "line 2"),
        Bad(name: "duplicate row", body: header + "russia\ten\tRussia\tfull\tpref\t\nrussia\ten\tRussia\tshort\talt\t\n",
            line: 3, column: 11, says: "twice"),
        Bad(name: "context row with a status", body: header + "russia\ten\tRussia\tfull\tpref\t\nrussia\ten\tKremlin\tcontext\talt\t\n",
            line: 3, column: 27, says: "no status"),
        Bad(name: "term row without a status", body: header + "russia\ten\tRussia\tfull\t\t\n", line: 2, column: 23, says: "unknown status"),
        Bad(name: "context words only", body: header + "russia\ten\tRussia\tfull\tpref\t\nkremlin\ten\tMoscow\tcontext\t\t\n",
            line: 3, column: 1, says: "no terms"),
        Bad(name: "CR LF line ends", body: header.replacingOccurrences("\n", "\r\n"), line: 1, column: 30, says: "CR LF"),
        Bad(name: "control character", body: header + "russia\ten\tRus\u{7}sia\tfull\tpref\t\n", line: 2, column: 14, says: "U+0007"),
    ]

    @Test("A malformed row is an error at its line and column", arguments: badTables)
    func malformed(_ bad: Bad) throws {
        let error = try #require(throws: TableError.self) {
            try TermTable(parsing: bad.body, source: "bad.tsv")
        }
        let first = try #require(error.diagnostics.first)
        #expect(first.location.file == "bad.tsv")
        #expect(first.location.line == bad.line)
        #expect(first.location.column == bad.column)
        #expect(first.message.contains(bad.says), "\(first.message)")
        #expect(first.fix != nil)
        #expect(first.description.hasPrefix("bad.tsv:\(bad.line):\(bad.column): error: "))
    }

    @Test("Invalid UTF-8 is an error at its column")
    func invalidUTF8() throws {
        var bytes = Array(Self.header.utf8)
        bytes += Array("russia\ten\tRus".utf8) + [0xFF] + Array("sia\tfull\tpref\t\n".utf8)
        let error = try #require(throws: TableError.self) { try TermTable(utf8: bytes, source: "bad.tsv") }
        #expect(error.diagnostics.first?.location.line == 2)
        #expect(error.diagnostics.first?.location.column == 14)
        #expect(error.diagnostics.first?.message.contains("0xFF") == true)
    }

    @Test("Every problem is reported, not just the first")
    func allProblems() throws {
        let body = Self.header + "russia\ten\tRussia\tfoo\tpref\t\nchina\ten\tChina\tfull\tbar\t\n"
        let error = try #require(throws: TableError.self) { try TermTable(parsing: body, source: "bad.tsv") }
        #expect(error.diagnostics.map(\.location.line) == [2, 3])
    }

    @Test("Two concepts whose terms share a key are an error naming both rows")
    func accidentalCollision() throws {
        let body = Self.header + "sergei-shoigu\ten\tShoigu\tshort\tpref\t\nshoigu-brand\ten\tShoygu\tfull\tpref\t\n"
        let table = try TermTable(parsing: body, source: "c.tsv")
        let error = try #require(throws: TableError.self) { try Matcher(table: table) }
        let message = try #require(error.diagnostics.first)
        #expect(message.location.line == 3)
        #expect(message.location.column == 17)
        #expect(message.message.contains("shoigu"))
        #expect(message.message.contains("line 2"))
        #expect(message.fix?.contains("+shared") == true)
    }

    @Test("A collision marked +shared on both rows is allowed; on one row it is not")
    func deliberateCollision() throws {
        let both = Self.header + "a\tid\tPKT\tabbr\tpref+shared\t\nb\tid\tPKT\tabbr\tpref+default\t\n"
        _ = try Matcher(table: TermTable(parsing: both))
        let one = Self.header + "a\tid\tPKT\tabbr\tpref+shared\t\nb\tid\tPKT\tabbr\tpref\t\n"
        #expect(throws: TableError.self) { try Matcher(table: TermTable(parsing: one)) }
        let twoDefaults = Self.header + "a\tid\tPKT\tabbr\tpref+default\t\nb\tid\tPKT\tabbr\tpref+default\t\n"
        #expect(throws: TableError.self) { try Matcher(table: TermTable(parsing: twoDefaults)) }
    }

    @Test("A term without letters or digits is an error")
    func termWithoutLetters() throws {
        let body = Self.header + "dash\ten\t–\tfull\tpref\t\n"
        let error = try #require(throws: TableError.self) { try Matcher(table: TermTable(parsing: body)) }
        #expect(error.diagnostics.first?.location.line == 2)
    }

    @Test("Comments, blank lines, a BOM and a missing empty note are accepted")
    func lenientWhereHarmless() throws {
        let body = "\u{FEFF}# comment\n\n" + Self.header + "# about Russia\nrussia\ten\tRussia\tfull\tpref\n\n"
        let table = try TermTable(parsing: body)
        #expect(table.rows.count == 1)
        #expect(table.rows[0].line == 5)
        #expect(table.rows[0].note == "")
    }

    @Test("Language tags: language, optional script and region, then variants", arguments: [
        ("id", true), ("und", true), ("zh-Hant", true), ("zh-Hant-TW", true), ("sr-Latn", true), ("en-US", true),
        ("es-419", true), ("de-CH-1996", true), ("sl-rozaj-biske", true),
        ("EN", false), ("e", false), ("english", false), ("en-", false), ("en-12", false), ("zh--Hant", false),
        ("en-US-x", false), ("-en", false), ("", false),
    ])
    func languageTags(tag: String, valid: Bool) {
        #expect(isLanguageTag(Array(tag.utf8)) == valid)
    }

    @Test("Context words and terms of one concept may be apart; context words alone are an error at the first")
    func scatteredConcept() throws {
        let apart = Self.header + "pkt\tid\tpupuk\tcontext\t\t\nrussia\ten\tRussia\tfull\tpref\t\npkt\tid\tPKT\tabbr\tpref\t\n"
        #expect(try TermTable(parsing: apart).rows.count == 3)
        let alone = Self.header + "russia\ten\tRussia\tfull\tpref\t\npkt\tid\tpupuk\tcontext\t\t\n"
            + "china\ten\tChina\tfull\tpref\t\npkt\tid\tBontang\tcontext\t\t\n"
        let error = try #require(throws: TableError.self) { try TermTable(parsing: alone) }
        #expect(error.diagnostics.map(\.location.line) == [3])
    }

    @Test("A term spelled once composed and once decomposed is listed twice")
    func duplicateAfterNFC() throws {
        let body = Self.header + "cafe\tfr\tCafe\u{0301}\tfull\tpref\t\ncafe\tfr\tCaf\u{00E9}\tshort\talt\t\n"
        let error = try #require(throws: TableError.self) { try TermTable(parsing: body) }
        #expect(error.diagnostics.first?.message.contains("twice") == true)
        #expect(error.diagnostics.first?.location.line == 3)
    }

    @Test("Rows that share a hash but differ are told apart")
    func hashCollisions() {
        var index = RowsByHash(capacity: 8)
        let names = ["a", "b", "c", "d"]
        for row in names.indices { index.insert(hash: 42, row: row) }  // every row under one hash
        for (row, name) in names.enumerated() {
            #expect(index.first(hash: 42, where: { names[$0] == name }) == row)
        }
        #expect(index.first(hash: 42, where: { names[$0] == "e" }) == nil)
        #expect(index.first(hash: 7, where: { _ in true }) == nil)
    }

    @Test("Status suffixes: +shared or +default, and +intro, in any order; written in one order", arguments: [
        ("pref+intro", Sharing.none, true, "pref+intro"), ("alt+shared+intro", .shared, true, "alt+shared+intro"),
        ("pref+intro+default", .defaultSense, true, "pref+default+intro"), ("deprecated", .none, false, "deprecated"),
    ])
    func statusSuffixes(_ example: (String, Sharing, Bool, String)) throws {
        let row = try #require(try TermTable(parsing: Self.header + "wang-yi\ten\tWang\tshort\t\(example.0)\t\n").rows.first)
        #expect(row.sharing == example.1)
        #expect(row.needsIntroduction == example.2)
        #expect(TableDocument.fields(of: row)[4] == example.3)
        #expect(StatusField(parsing: example.0)?.description == example.3)
    }

    @Test("Terms are stored in NFC")
    func termsInNFC() throws {
        let body = Self.header + "cafe\tfr\tCafe\u{0301}\tfull\tpref\t\n"
        #expect(try TermTable(parsing: body).rows[0].term == "Caf\u{00E9}")
    }

    @Test("Variant rules that do not compile are an error naming the rule file and line")
    func badVariantRules() throws {
        let table = try TermTable(parsing: Self.header + "russia\ten\tRussia\tfull\tpref\t\n")
        let rules = VariantRules(parsing: "# rules\n$vowel = [aeiou];\n$vowel { y } > i\nfoo > ;\n", source: "v.txt")
        let error = try #require(throws: TableError.self) { try Matcher(table: table, variants: rules) }
        #expect(error.diagnostics.first?.location.file == "v.txt")
        #expect(error.diagnostics.first?.message.contains("do not compile") == true)
    }

    @Test("A missing file is an error naming it")
    func missingFile() throws {
        let error = try #require(throws: TableError.self) { try TermTable(contentsOfFile: "/nonexistent/terms.tsv") }
        #expect(error.description.hasPrefix("/nonexistent/terms.tsv: error: cannot read the table: No such file"))
    }
}

extension String {
    func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
