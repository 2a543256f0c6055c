import Foundation
@testable import Glossary
import Testing

/// Black-box runs of the maintenance commands.
@Suite("The maintenance commands")
struct MaintenanceCommandTests {
    static func copyOfSmallTable() throws -> String {
        try TemporaryFolder.write(TableEditingTests.small, named: "terms.tsv")
    }

    @Test("check: status 0 when clean, 1 with --strict and warnings, 2 with errors; JSON for tools")
    func checkStatus() throws {
        let clean = try TemporaryFolder.write(Data(CheckTests.base.utf8), named: "clean.tsv")
        #expect(try CommandRunner.run(["check", clean]).status == 0)

        let warned = try TemporaryFolder.write(Data((CheckTests.base + "russia\tid\trf\tabbr\tpref\n").utf8), named: "warned.tsv")
        let loose = try CommandRunner.run(["check", warned])
        #expect(loose.status == 0)
        #expect(loose.text.contains("warned.tsv:4:11: warning: "))
        #expect(try CommandRunner.run(["check", "--strict", warned]).status == 1)

        let broken = try TemporaryFolder.write(Data((CheckTests.base + "russia\ten\tRussia\tshort\tmaybe\n").utf8), named: "broken.tsv")
        let failed = try CommandRunner.run(["check", "--format", "json", broken])
        #expect(failed.status == 2)
        let json = try #require(try JSONSerialization.jsonObject(with: failed.stdout) as? [String: Any])
        #expect(json["errors"] as? Int == 1)
        let first = try #require((json["findings"] as? [[String: Any]])?.first)
        #expect(first["line"] as? Int == 4)
        #expect(first["severity"] as? String == "error")
        #expect(try CommandRunner.run(["check", "/no/such/table.tsv"]).status == 2)
    }

    @Test("add, set-pref, remove and format change the file; a refused edit leaves it byte for byte")
    func edits() throws {
        let path = try Self.copyOfSmallTable()
        var run = try CommandRunner.run(["add", "--terms", path, "sergei-shoigu", "ru", "Шойгу", "--form", "short", "--status", "pref"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("sergei-shoigu\tru\tШойгу\tshort\tpref\n"))

        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        run = try CommandRunner.run(["add", "--terms", path, "china", "id", "RRC", "--form", "full", "--status", "pref"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("second preferred"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)

        run = try CommandRunner.run(["set-pref", "--terms", path, "china", "id", "Cina"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("china\tid\tCina\tfull\tpref+shared\n"))

        run = try CommandRunner.run(["remove", "--terms", path, "china", "id", "Tiongkok"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try !String(contentsOfFile: path, encoding: .utf8).contains("Tiongkok"))

        // Rows appended out of order, by hand.
        let handEdited = try String(contentsOfFile: path, encoding: .utf8) + "china\tid\tRRT\tabbr\tpref\nchina\ten\tPRC\tabbr\tpref\n"
        try Data(handEdited.utf8).write(to: URL(fileURLWithPath: path))
        run = try CommandRunner.run(["format", "--check", path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("not in canonical form"))
        #expect(try CommandRunner.run(["format", path]).status == 0)
        #expect(try CommandRunner.run(["format", "--check", path]).status == 0)
        #expect(try CommandRunner.run(["check", path]).status == 0)
    }

    @Test("add prints the warnings its row leaves, such as a redundant spelling")
    func addWarns() throws {
        let path = try Self.copyOfSmallTable()
        let run = try CommandRunner.run(["add", "--terms", path, "sergei-shoigu", "en", "Shoygu", "--form", "short", "--status", "alt"])
        #expect(run.status == 0)
        #expect(run.stderr.contains("warning: “Shoygu” has the same match key “shoigu”"))
    }

    @Test("Eight editors at once: every edit lands and the table loads")
    func racingEditors() throws {
        let path = try Self.copyOfSmallTable()
        let words = ["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel"]
        var processes: [Process] = []
        for (index, word) in words.enumerated() {
            processes.append(try CommandRunner.start(["add", "--terms", path, "concept-\(index)", "en", "Concept \(word)", "--form", "full", "--status", "pref"]))
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
        var run = try CommandRunner.run(["lookup", "Сергей Шойгу"])
        #expect(run.status == 0)
        #expect(run.text.contains("ICU Russian-Latin/BGN: Sergey"))
        #expect(run.text.contains("variant rule at line"))
        #expect(run.text.contains("is a mention of sergei-shoigu"))
        #expect(run.text.contains("  id: Sergei Shoigu (full pref)"))

        run = try CommandRunner.run(["lookup", "Organisasi Kerjasama Shangkahi"])
        #expect(run.status == 1)
        #expect(run.text.contains("Organisasi Kerja Sama Shanghai  (sco, id full, edit distance 2"))

        run = try CommandRunner.run(["lookup", "--format", "json", "Sh\u{043E}igu"])
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
        let path = try TemporaryFolder.write(Data(corpus.utf8), named: "corpus.txt")
        let run = try CommandRunner.run(["suggest", path])
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
        #expect(throws: Never.self) { try TermTable(layers: [TableLayer.shipped[0], TableLayer(parsing: table)]) }
    }

    @Test("Regression: add --status with an empty status crashed; it and a bare + are usage errors that change nothing", arguments: ["", "alt+", "+shared"])
    func emptyStatus(_ status: String) throws {
        let path = try Self.copyOfSmallTable()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let run = try CommandRunner.run(["add", "--terms", path, "russia", "en", "Rossiya", "--form", "full", "--status", status])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.hasPrefix("glossary: "))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }
}
