import Foundation
@testable import Glossary
import Testing

/// The linter's findings, one table per kind, each at its line and column.
@Suite("Checking a term table")
struct CheckTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var rows: String
        var line: Int
        var column: Int
        var severity: Diagnostic.Severity
        var says: String
        var testDescription: String { name }
    }

    /// Both languages have a preferred full term, so that only the row under test warns.
    static let base = """
        \(TermTable.header)
        russia\ten\tRussia\tfull\tpref
        russia\tid\tRusia\tfull\tpref

        """

    static let cases: [Case] = [
        Case(name: "collision with another concept", rows: "prussia\ten\tRusia\tfull\tpref\n", line: 4, column: 12, severity: .error,
             says: "same match key “rusia” as “Rusia” of russia at line 3"),
        Case(name: "redundant row of the same concept and language", rows: "russia\tid\tRUSIA\tfull\talt\n", line: 4, column: 11,
             severity: .warning, says: "adds no match"),
        Case(name: "a term that never matches as written", rows: "russia\ten\tRussian Federation -\tfull\talt\n", line: 4, column: 11,
             severity: .warning, says: "can never match as written: in running text it is read as “Russian Federation” of russia"),
        Case(name: "no preferred full term in id", rows: "moscow\ten\tMoscow\tfull\tpref\n", line: 4, column: 1, severity: .warning,
             says: "no preferred full term in id"),
        Case(name: "deprecated without a replacement", rows: "bear\ten\tBear\tfull\tpref\nbear\tid\tBeruang\tfull\tpref\nbear\tms\tBeruang Besar\tfull\tdeprecated\n",
             line: 6, column: 28, severity: .warning, says: "no preferred ms term"),
        Case(name: "lowercase abbreviation", rows: "russia\tid\trf\tabbr\tpref\n", line: 4, column: 11, severity: .warning,
             says: "no capital letter"),
        Case(name: "space around a field", rows: "russia\ten\tRussian Federation \tfull\talt\n", line: 4, column: 29, severity: .warning,
             says: "ends with a space"),
        Case(name: "two spaces in a row", rows: "russia\ten\tRussian  Federation\tfull\talt\n", line: 4, column: 18, severity: .warning,
             says: "two spaces"),
        Case(name: "not NFC", rows: "russia\tfr\tRussie\u{301}\tfull\tpref\n", line: 4, column: 11, severity: .warning, says: "not in NFC"),
        Case(name: "invisible character", rows: "russia\ten\tRus\u{200B}sian Federation\tfull\talt\n", line: 4, column: 14, severity: .warning,
             says: "U+200B ZERO WIDTH SPACE"),
        Case(name: "mixed scripts in a word", rows: "russia\ten\tRussian Fed\u{0435}ration\tfull\talt\n", line: 4, column: 19, severity: .warning,
             says: "mixes Latin and Cyrillic"),
    ]

    @Test("Each check reports its finding at the row's line and the field's column", arguments: cases)
    func finding(_ test: Case) throws {
        let findings = TableCheck.check(utf8: Array((Self.base + test.rows).utf8), source: "t.tsv")
        let match = findings.first { $0.message.contains(test.says) }
        let finding = try #require(match, "\(findings.map(\.description))")
        #expect(finding.line == test.line)
        #expect(finding.column == test.column)
        #expect(finding.severity == test.severity)
        #expect(finding.fix != nil)
    }

    @Test("A clean table has no findings; the shipped table is clean")
    func clean() {
        #expect(TableCheck.check(utf8: Array(Self.base.utf8), source: "t.tsv").isEmpty)
        #expect(TableCheck.check(utf8: EmbeddedData.terms, source: "Data/terms.tsv").isEmpty)
    }

    @Test("Shared spellings resolved by default or context are not reported as unmatchable")
    func sharedIsFine() {
        let table = Self.base + "pkt-party\tid\tPKT\tabbr\tpref+default\npkt-party\ten\tParty\tfull\tpref\npkt-party\tid\tPartai\tfull\tpref\n"
            + "pupuk\tid\tPKT\tabbr\tpref+shared\npupuk\ten\tPupuk Kaltim\tfull\tpref\npupuk\tid\tPupuk Kaltim\tfull\talt\npupuk\tid\tPupuk Kalimantan Timur\tfull\tpref\n"
        let findings = TableCheck.check(utf8: Array(table.utf8), source: "t.tsv")
        #expect(findings.isEmpty, "\(findings.map(\.description))")
    }
}

/// Black-box runs of the maintenance commands.
@Suite("The maintenance commands")
struct MaintenanceCommandTests {
    typealias Command = CommandTests

    static func copyOfSmallTable() throws -> String {
        try TableFileTests.write(TableEditingTests.small, in: TableFileTests.folder())
    }

    @Test("check: status 0 when clean, 1 with --strict and warnings, 2 with errors; JSON for tools")
    func checkStatus() throws {
        let clean = try Command.temporaryFile("clean.tsv", Data(CheckTests.base.utf8))
        #expect(try Command.run(["check", clean]).status == 0)

        let warned = try Command.temporaryFile("warned.tsv", Data((CheckTests.base + "russia\tid\trf\tabbr\tpref\n").utf8))
        let loose = try Command.run(["check", warned])
        #expect(loose.status == 0)
        #expect(loose.text.contains("warned.tsv:4:11: warning: "))
        #expect(try Command.run(["check", "--strict", warned]).status == 1)

        let broken = try Command.temporaryFile("broken.tsv", Data((CheckTests.base + "russia\ten\tRussia\tshort\tmaybe\n").utf8))
        let failed = try Command.run(["check", "--format", "json", broken])
        #expect(failed.status == 2)
        let json = try #require(try JSONSerialization.jsonObject(with: failed.stdout) as? [String: Any])
        #expect(json["errors"] as? Int == 1)
        let first = try #require((json["findings"] as? [[String: Any]])?.first)
        #expect(first["line"] as? Int == 4)
        #expect(first["severity"] as? String == "error")
        #expect(try Command.run(["check", "/no/such/table.tsv"]).status == 2)
    }

    @Test("add, set-pref, remove and format change the file; a refused edit leaves it byte for byte")
    func edits() throws {
        let path = try Self.copyOfSmallTable()
        var run = try Command.run(["add", "--terms", path, "sergei-shoigu", "ru", "Шойгу", "--form", "short", "--status", "pref"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("sergei-shoigu\tru\tШойгу\tshort\tpref\n"))

        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        run = try Command.run(["add", "--terms", path, "china", "id", "RRC", "--form", "full", "--status", "pref"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("second preferred"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)

        run = try Command.run(["set-pref", "--terms", path, "china", "id", "Cina"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("china\tid\tCina\tfull\tpref+shared\n"))

        run = try Command.run(["remove", "--terms", path, "china", "id", "Tiongkok"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try !String(contentsOfFile: path, encoding: .utf8).contains("Tiongkok"))

        // Rows appended out of order, by hand.
        let handEdited = try String(contentsOfFile: path, encoding: .utf8) + "china\tid\tRRT\tabbr\tpref\nchina\ten\tPRC\tabbr\tpref\n"
        try Data(handEdited.utf8).write(to: URL(fileURLWithPath: path))
        run = try Command.run(["format", "--check", path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("not in canonical form"))
        #expect(try Command.run(["format", path]).status == 0)
        #expect(try Command.run(["format", "--check", path]).status == 0)
        #expect(try Command.run(["check", path]).status == 0)
    }

    @Test("add prints the warnings its row leaves, such as a redundant spelling")
    func addWarns() throws {
        let path = try Self.copyOfSmallTable()
        let run = try Command.run(["add", "--terms", path, "sergei-shoigu", "en", "Shoygu", "--form", "short", "--status", "alt"])
        #expect(run.status == 0)
        #expect(run.stderr.contains("warning: “Shoygu” has the same match key “shoigu”"))
    }

    @Test("Eight editors at once: every edit lands and the table loads")
    func racingEditors() throws {
        let path = try Self.copyOfSmallTable()
        let words = ["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel"]
        var processes: [Process] = []
        for (index, word) in words.enumerated() {
            processes.append(try FaultTests.start(["add", "--terms", path, "concept-\(index)", "en", "Concept \(word)", "--form", "full", "--status", "pref"]))
        }
        for process in processes { process.waitUntilExit() }
        #expect(processes.allSatisfy { $0.terminationStatus == 0 })
        let table = try TermTable(contentsOfFile: path)
        let terms = Set(table.rows.map(\.term))
        #expect(words.allSatisfy { terms.contains("Concept \($0)") })
        print("racing editors: \(words.count) concurrent adds, \(words.filter { terms.contains("Concept \($0)") }.count) landed")
    }

    @Test("lookup explains the key and names the concept; status 1 and the nearest terms when none")
    func lookup() throws {
        var run = try Command.run(["lookup", "Сергей Шойгу"])
        #expect(run.status == 0)
        #expect(run.text.contains("ICU Russian-Latin/BGN: Sergey"))
        #expect(run.text.contains("variant rule at line"))
        #expect(run.text.contains("is a mention of sergei-shoigu"))
        #expect(run.text.contains("  id: Sergei Shoigu (full pref)"))

        run = try Command.run(["lookup", "Organisasi Kerjasama Shangkahi"])
        #expect(run.status == 1)
        #expect(run.text.contains("Organisasi Kerja Sama Shanghai  (sco, id full, edit distance 2"))

        run = try Command.run(["lookup", "--format", "json", "Sh\u{043E}igu"])
        let json = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
        #expect(json["key"] as? String == "shoigu")
        let mention = try #require((json["mentions"] as? [[String: Any]])?.first)
        #expect(mention["mixed_script"] as? Bool == true)
    }

    @Test("suggest proposes unlisted spellings close to known terms, as rows to paste")
    func suggest() throws {
        let corpus = """
            Menteri Pertahanan Rusia saat itu, Shoygu, tiba di Jakarta.
            Kunjungan Shoigou ke Beijing dibahas oleh para diplomat.
            Pejabat Moskow menyebut Shojgu akan hadir lagi tahun depan.
            Para menteri dari Organisasi Kerjasama Shangkahi bertemu di Astana.
            Delegasi Saint Petersburg datang dengan Shoigu dan Wang Yi.
            Mereka bertemu. Kemudian pulang.

            """
        let path = try Command.temporaryFile("corpus.txt", Data(corpus.utf8))
        let run = try Command.run(["suggest", path])
        #expect(run.status == 0, "\(run.stderr)")
        let rows = run.text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { $0.split(separator: "\t").map(String.init) }
        let proposed = Dictionary(rows.map { ($0[2], $0) }, uniquingKeysWith: { a, _ in a })
        for spelling in ["Shoygu", "Shoigou", "Shojgu"] {
            #expect(proposed[spelling]?[0] == "sergei-shoigu", "\(spelling): \(run.text)")
            #expect(proposed[spelling]?[4] == "alt")
        }
        #expect(proposed["Organisasi Kerjasama Shangkahi"]?[0] == "sco", "\(run.text)")
        // Listed spellings, parts of known names and sentence-initial words are not proposed.
        for spelling in ["Shoigu", "Wang Yi", "Petersburg", "Kemudian", "Mereka"] { #expect(proposed[spelling] == nil, "\(spelling)") }
        #expect(run.text.contains("# 1× “Shoigou” ~ "))
        // Every row can be pasted into the table as it is.
        let table = String(decoding: EmbeddedData.terms, as: UTF8.self) + run.text
        #expect(throws: Never.self) { try TermTable(parsing: table) }
    }
}

/// What `suggest` leaves out, on purpose.
@Suite("Suggesting variants")
struct SuggestTests {
    static let table = """
        \(TermTable.header)
        sergei-shoigu\ten\tSergei Shoigu\tfull\tpref
        sergei-shoigu\tid\tSergei Shoigu\tfull\tpref
        sergei-shoigu\tid\tShoigu\tshort\tpref
        sulasa\ten\tSulasa\tfull\tpref
        sulasa\tid\tSulasa\tfull\tpref

        """

    static func suggestions(_ corpus: String) throws -> [String: Suggestion] {
        var suggester = VariantSuggester(matcher: try Matcher(table: TermTable(parsing: Self.table)))
        for (index, line) in corpus.split(separator: "\n").enumerated() {
            var text = String(line)
            text.withUTF8 { suggester.add(line: $0, source: "c", lineNumber: index + 1) }
        }
        return Dictionary(suggester.suggestions().map { ($0.surface, $0) }, uniquingKeysWith: { a, _ in a })
    }

    @Test("A common word that looks like a rare name is not proposed; a rare variant of a frequent name is")
    func frequency() throws {
        let corpus = Array(repeating: "Rapat digelar pada hari Selasa pagi.", count: 10) + ["Pejabat itu, Shoigo, hadir bersama Shoigu."]
        let found = try Self.suggestions(corpus.joined(separator: "\n"))
        #expect(found["Selasa"] == nil)
        #expect(found["Shoigo"]?.term.conceptID == "sergei-shoigu")
    }

    @Test("All-caps passages propose nothing; spellings that differ in case are one proposal")
    func capitals() throws {
        let found = try Self.suggestions("""
            MENTERI SHOYGU BERTEMU DENGAN DELEGASI
            Kata Menteri, Shoygu sudah tiba.
            Menurut sumber, SHOYGU tiba kemarin.
            """)
        #expect(found.keys.sorted() == ["Shoygu"])
        #expect(found["Shoygu"]?.count == 2)
    }

    @Test("A word with look-alike letters of another script is never proposed")
    func lookAlikes() throws {
        let found = try Self.suggestions("Kemarin Sh\u{043E}igu dan Sh\u{043E}ygu tiba di kota.")
        #expect(found.isEmpty)
    }
}
