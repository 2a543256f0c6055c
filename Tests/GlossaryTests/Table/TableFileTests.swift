import Foundation
@testable import Glossary
import Testing

/// Edits of a table file: refused edits change nothing, accepted ones are atomic, and
/// the key cache beside the table follows.
@Suite("Editing a table file")
struct TableFileTests {
    @Test("A change that would make the table invalid is refused and leaves the file as it was", arguments: [
        TermRow(conceptID: "china", language: "id", term: "Cina", form: .full, status: .admitted),  // listed twice
        TermRow(conceptID: "china", language: "id", term: "RRC", form: .full, status: .preferred),  // a second pref
        TermRow(conceptID: "russia", language: "id", term: "Tiongkok", form: .full, status: .admitted),  // another concept's key
        TermRow(conceptID: "Bad_ID", language: "id", term: "X", form: .full, status: .preferred),
    ])
    func refused(_ row: TermRow) throws {
        let folder = try TemporaryFolder.make()
        let path = try TemporaryFolder.write(TableEditingTests.small, named: "terms.tsv", in: folder)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let error = try #require(throws: EditError.self) { try TableFile(path: path).edit { (d: inout TableDocument) throws(EditError) in try d.add(row) } }
        #expect(error.message.contains("invalid"))
        #expect(!error.diagnostics.isEmpty)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["terms.tsv"])
    }

    @Test("An accepted edit replaces the file, keeps its permissions, and leaves no temporary file")
    func accepted() throws {
        let folder = try TemporaryFolder.make()
        let path = try TemporaryFolder.write(TableEditingTests.small, named: "terms.tsv", in: folder)
        chmod(path, 0o640)
        let outcome = try TableFile(path: path).edit { (d: inout TableDocument) throws(EditError) in
            try d.add(TermRow(conceptID: "sergei-shoigu", language: "ru", term: "Шойгу", form: .short, status: .preferred))
        }
        #expect(outcome.changed)
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("sergei-shoigu\tru\tШойгу\tshort\tpref\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["terms.tsv"])
        var info = stat()
        stat(path, &info)
        #expect(info.st_mode & 0o777 == 0o640)
    }

    @Test("An edit of a file that does not exist starts a new table: the header, a blank line, the row")
    func newFile() throws {
        let path = try TemporaryFolder.make() + "/new.tsv"
        _ = try TableFile(path: path).edit { (d: inout TableDocument) throws(EditError) in
            try d.add(TermRow(conceptID: "russia", language: "en", term: "Russia", form: .full, status: .preferred))
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == TermTable.header + "\n\nrussia\ten\tRussia\tfull\tpref\n")
    }

    @Test("Temporary files of a killed edit are removed by the next one")
    func staleTemporaries() throws {
        let folder = try TemporaryFolder.make()
        let path = try TemporaryFolder.write(TableEditingTests.small, named: "terms.tsv", in: folder)
        try Data("half".utf8).write(to: URL(fileURLWithPath: folder + "/.terms.tsv.tmp-99999"))
        _ = try TableFile(path: path).edit { (d: inout TableDocument) throws(EditError) in
            try d.remove(conceptID: "china", language: "id", term: "Cina")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["terms.tsv"])
    }

    @Test("A key cache beside the table is rewritten with it")
    func keyCacheFollows() throws {
        let folder = try TemporaryFolder.make()
        let path = try TemporaryFolder.write(TableEditingTests.small, named: "terms.tsv", in: folder)
        let keys = folder + "/terms.keys"
        #expect(TableFile.keyCachePath(forTable: path) == keys)
        try Data(Matcher(table: TermTable(contentsOfFile: path)).keyCache().bytes).write(to: URL(fileURLWithPath: keys))
        for add in [true, false] {
            _ = try TableFile(path: path).edit { (d: inout TableDocument) throws(EditError) in
                if add {
                    try d.add(TermRow(conceptID: "sergei-shoigu", language: "ru", term: "Шойгу", form: .short, status: .preferred))
                } else {
                    try d.remove(conceptID: "sergei-shoigu", language: "ru", term: "Шойгу")  // its key must go too
                }
            }
            let cache = try KeyCache(contentsOfFile: keys)
            let fresh = try Matcher(table: TermTable(contentsOfFile: path)).keyCache()
            #expect(cache.bytes == fresh.bytes)
        }
    }

    @Test("Concurrent edits in one process all land")
    func concurrentThreads() async throws {
        let folder = try TemporaryFolder.make()
        let path = try TemporaryFolder.write(TableEditingTests.small, named: "terms.tsv", in: folder)
        let names = (0..<8).map { "Concept Number \(["One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight"][$0])" }
        await withTaskGroup(of: Void.self) { group in
            for (index, name) in names.enumerated() {
                group.addTask {
                    _ = try? TableFile(path: path).edit { (d: inout TableDocument) throws(EditError) in
                        try d.add(TermRow(conceptID: "concept-\(index)", language: "en", term: name, form: .full, status: .preferred))
                    }
                }
            }
        }
        let table = try TermTable(contentsOfFile: path)
        #expect(Set(table.rows.map(\.term)).isSuperset(of: names))
    }
}
