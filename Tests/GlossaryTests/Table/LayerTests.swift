import Foundation
@testable import Glossary
import Testing

/// Layered tables (Data/README.md, "Layers"): a later layer adds, refines and removes
/// rows of the earlier ones, and every conflict names both files.
@Suite("Layers of a term table")
struct LayerTests {
    static let header = TermTable.header + "\n"

    static let base = header + """
        china\tund\tcountry\tkind\t
        china\ten\tChina\tfull\tpref
        china\tid\tTiongkok\tfull\tpref
        china\tid\tCina\tfull\talt
        china\tid\tRRT\tabbr\tpref
        russia\tund\tcountry\tkind\t
        russia\ten\tRussia\tfull\tpref
        russia\tid\tRusia\tfull\tpref

        """

    static func merged(_ top: String) throws(TableError) -> TermTable {
        try TermTable(layers: [TableLayer(parsing: base, source: "base.tsv"), TableLayer(parsing: header + top, source: "top.tsv")])
    }

    static func row(_ table: TermTable, _ language: String, _ term: String) -> TermRow? {
        table.rows.first { $0.language == language && $0.term == term }
    }

    @Test("A new row or concept of a later layer is added after the earlier rows, and remembers its file and line")
    func adds() throws {
        let table = try Self.merged("china\tid\tNegeri Tirai Bambu\tfull\talt\nkompas\tid\tKompas\tfull\tpref\nkompas\ten\tKompas\tfull\tpref\n")
        #expect(table.rows.count == 11)
        let added = try #require(Self.row(table, "id", "Negeri Tirai Bambu"))
        #expect(table.location(of: added) == SourceLocation(file: "top.tsv", line: 2, column: 1))
        #expect(table.conceptIDs == ["china", "russia", "kompas"])
        #expect(table.sources == ["base.tsv", "top.tsv"] && table.source == "base.tsv + top.tsv")
    }

    @Test("A row with the identity of an earlier one replaces it in its place, and a later kind replaces the earlier")
    func refines() throws {
        let table = try Self.merged("china\tid\tCina\tfull\tdeprecated\tKeppres 12/2014\nchina\tund\tterritory\tkind\t\n")
        let cina = try #require(Self.row(table, "id", "Cina"))
        #expect(cina.status == .deprecated && cina.note == "Keppres 12/2014" && cina.layer == 1)
        #expect(table.rows.firstIndex(of: cina) == 3)
        #expect(table.kinds["china"] == .territory)
        #expect(table.rows.filter { $0.form == .kind && $0.conceptID == "china" }.count == 1)
        #expect(table.layerFindings.contains { $0.severity == .note && $0.message.contains("base.tsv:5") && $0.message.contains("deprecated") })
    }

    @Test("A later layer's preferred term wins: the earlier one of the same concept, language and form becomes alt")
    func preferredWins() throws {
        let table = try Self.merged("china\tid\tRepublik Rakyat Tiongkok\tfull\tpref\n")
        #expect(Self.row(table, "id", "Republik Rakyat Tiongkok")?.status == .preferred)
        #expect(Self.row(table, "id", "Tiongkok")?.status == .admitted)
        #expect(Self.row(table, "id", "RRT")?.status == .preferred)  // another form keeps its own
        let matcher = try Matcher(table: table)
        #expect(matcher.normalize("media Tiongkok", to: "id") == "media Republik Rakyat Tiongkok")
    }

    @Test("A removed row takes the earlier row away; removing what no earlier layer lists is an error at the removal")
    func removes() throws {
        let table = try Self.merged("china\tid\tCina\tfull\tremoved\n")
        #expect(Self.row(table, "id", "Cina") == nil)
        #expect(try Matcher(table: table).mentions(in: "media Cina").isEmpty)
        let error = try #require(throws: TableError.self) { try Self.merged("china\tid\tChina\tfull\tremoved\n") }
        #expect(error.diagnostics.map(\.location) == [SourceLocation(file: "top.tsv", line: 2, column: 1)])
        #expect(error.description.contains("which no earlier layer lists"))
        // A table of one file has nothing below it.
        #expect(throws: TableError.self) { try TermTable(parsing: Self.header + "china\tid\tCina\tfull\tremoved\n") }
    }

    @Test("Two concepts with one key in different layers are an error that names both files")
    func conflict() throws {
        let table = try Self.merged("kompas\tid\tCina\tfull\tpref\nkompas\ten\tKompas\tfull\tpref\n")
        let error = try #require(throws: TableError.self) { try Matcher(table: table) }
        let diagnostic = try #require(error.diagnostics.first)
        #expect(diagnostic.location.file == "top.tsv" && diagnostic.location.line == 2)
        #expect(diagnostic.message.contains("base.tsv:5"))
    }

    @Test("check reports a row that repeats an earlier layer unchanged as a warning, refinements only when asked")
    func check() {
        let layers = [TableLayer(parsing: Self.base, source: "base.tsv"),
                      TableLayer(parsing: Self.header + "china\ten\tChina\tfull\tpref\nchina\tid\tCina\tfull\tdeprecated\n", source: "top.tsv")]
        let findings = TableCheck.check(layers: layers)
        #expect(findings.map(\.severity) == [.warning])
        #expect(findings.first?.location == SourceLocation(file: "top.tsv", line: 2, column: 1))
        #expect(findings.first?.message.contains("base.tsv:3") == true)
        let all = TableCheck.check(layers: layers, refinements: true)
        #expect(all.map(\.severity) == [.warning, .note])
    }

    @Test("A problem in any layer throws, and no table is made")
    func allOrNothing() {
        #expect(throws: TableError.self) { try Self.merged("china\tid\tX\tlong\tpref\n") }
        #expect(throws: TableError.self) { try Self.merged("china\tund\tcountry\tkind\tremoved\n") }
    }

    @Test("The shipped data is two layers, generated and curated, and the curated one refines the generated")
    func shipped() throws {
        let table = try TermTable.shipped()
        #expect(table.sources == TableLayer.shippedPaths)
        #expect(table.rows.contains { $0.layer == 0 } && table.rows.contains { $0.layer == 1 })
        // CLDR's Indonesian name list has "Cina"; the curated layer deprecates it (Keppres 12/2014).
        let cina = try #require(table.rows.first { $0.conceptID == "china" && $0.term == "Cina" })
        #expect(cina.status == .deprecated && cina.layer == 1)
    }
}

/// The editing commands change one layer and check it over the layers below.
@Suite("Editing a layer")
struct LayerEditingTests {
    /// A fresh folder with the base layer and an empty top layer.
    static func files() throws -> (base: String, top: String) {
        let folder = try TemporaryFolder.make()
        return (try TemporaryFolder.write(LayerTests.base, named: "base.tsv", in: folder),
                try TemporaryFolder.write(LayerTests.header, named: "top.tsv", in: folder))
    }

    @Test("remove of a row that only a lower layer lists writes a removed row into the edited layer")
    func removeFromBelow() throws {
        let (base, top) = try Self.files()
        let run = try CommandRunner.run(["remove", "china", "id", "Cina", "--terms", base, "--terms", top])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try String(contentsOfFile: top, encoding: .utf8).contains("china\tid\tCina\tfull\tremoved\tremoves the row of \(base):5\n"))
        #expect(try String(contentsOfFile: base, encoding: .utf8) == LayerTests.base)
        let normalized = try CommandRunner.run(["normalize", "--terms", base, "--terms", top, "--format", "jsonl"], "media Cina\n")
        #expect(normalized.status == 0 && normalized.text.isEmpty)
    }

    @Test("set-pref of a lower layer's term writes a refining row; the lower preferred term becomes alt in the merge")
    func setPrefFromBelow() throws {
        let (base, top) = try Self.files()
        let run = try CommandRunner.run(["set-pref", "china", "id", "Cina", "--terms", base, "--layer", top])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try String(contentsOfFile: top, encoding: .utf8).contains("china\tid\tCina\tfull\tpref\t"))
        let normalized = try CommandRunner.run(["normalize", "--terms", base, "--layer", top, "--to", "id"], "media Tiongkok\n")
        #expect(normalized.text == "media Cina\n")
    }

    @Test("An edit that conflicts with a lower layer is refused and names both files; the layer is unchanged")
    func refusedConflict() throws {
        let (base, top) = try Self.files()
        let run = try CommandRunner.run(["add", "kompas", "id", "Cina", "--form", "full", "--status", "pref", "--terms", base, "--terms", top])
        #expect(run.status == 2)
        #expect(run.stderr.contains("\(base):5"))
        #expect(try String(contentsOfFile: top, encoding: .utf8) == LayerTests.header)
    }

    @Test("--layer puts a newsroom's table on top of the shipped data")
    func layerOverShipped() throws {
        let folder = try TemporaryFolder.make()
        let newsroom = try TemporaryFolder.write(LayerTests.header + "kompas\tund\torganisation\tkind\t\nkompas\tid\tHarian Kompas\tfull\tpref\nkompas\ten\tKompas daily\tfull\tpref\n",
                                                 named: "newsroom.tsv", in: folder)
        let run = try CommandRunner.run(["normalize", "--layer", newsroom, "--format", "jsonl"], "Harian Kompas dan Tiongkok\n")
        let ids = run.text.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["id"] as? String
        }
        #expect(ids == ["kompas", "china"])
        let check = try CommandRunner.run(["check", "Data/world.tsv", "Data/terms.tsv", newsroom], directory: CommandRunner.root.path)
        #expect(check.status == 0, "\(check.stderr)")
    }
}
