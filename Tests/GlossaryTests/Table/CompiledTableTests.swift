import Foundation
@testable import Glossary
import Testing

/// The compiled form of a table (`glossary compile`, ``CompiledTable``): a matcher read
/// from it finds and renders exactly what the matcher compiled from its layers does,
/// and a file that is stale, foreign or damaged is refused, never trusted.
@Suite("Compiled tables")
struct CompiledTableTests {
    /// The layers of each table the tests compile.
    static let tables: [(name: String, layers: [TableLayer])] = [
        ("fixture", [TableLayer(parsing: fixtureTSV, source: "fixture.tsv")]),
        ("shipped", TableLayer.shipped),
        // A layer over the fixture that refines, removes and adds (its findings too).
        ("layered", [TableLayer(parsing: fixtureTSV, source: "fixture.tsv"), TableLayer(parsing: """
            id\tlang\tterm\tform\tstatus\tnote
            sergei-shoigu\ten\tShoigu\tshort\talt\tnow an alternative
            sergei-shoigu\tid\tShoigu\tshort\tpref\trepeated
            wang-yi\tzh\t王毅\tfull\tremoved\t
            desk-person\tund\tperson\tkind\t\t
            desk-person\ten\tMaria Zakharova\tfull\tpref\tthe newsroom's own
            """, source: "desk.tsv")]),
    ]

    static func compile(_ layers: [TableLayer], variants: VariantRules = .shipped) throws -> [UInt8] {
        let matcher = try Matcher(table: TermTable(layers: layers), variants: variants)
        return CompiledTable.encode(matcher, layers: layers, variants: variants)
    }

    static func load(
        _ bytes: [UInt8], _ layers: [TableLayer], variants: VariantRules = .shipped,
        kinds: Set<ConceptKind> = ConceptKind.mentionedByDefault
    ) throws(CompiledTable.Rejection) -> Matcher {
        try CompiledTable.matcher(MappedBytes(copying: bytes), fingerprint: CompiledTable.fingerprint(of: layers), variants: variants,
                                  kinds: kinds)
    }

    /// Text to compare the two matchers on: hand-written lines, then seeded random and
    /// hostile lines.
    static func lines() -> [[UInt8]] {
        var lines = [
            "Sergei Shoigu bertemu Wang Yi di Moskow; Шойгу dan 王毅 membahas PBB dan pajak PBB.",
            "MOSKOW (AP) - Menlu Tiongkok Wang Yi tiba di Moskwa untuk rapat SCO, kata Maria Zakharova.",
            "Partai Komunis Tiongkok (PKT) dan pupuk PKT; Shoygu, Rusianya, AS dan as.",
        ].map { Array($0.utf8) }
        var rng = SeededGenerator(seed: 14)
        for _ in 0..<300 { lines.append(RandomText.line(&rng)) }
        for _ in 0..<100 { lines.append(HostileText.line(&rng)) }
        return lines
    }

    @Test("A matcher read from the compiled form finds and renders what the compiled layers do", arguments: [0, 1, 2])
    func sameMentions(table index: Int) throws {
        let layers = Self.tables[index].layers
        let fresh = try Matcher(table: TermTable(layers: layers))
        let loaded = try Self.load(try Self.compile(layers), layers)
        let text = Self.lines()
        for line in text {
            #expect(loaded.mentions(inUTF8: line) == fresh.mentions(inUTF8: line), "\(String(decoding: line, as: UTF8.self))")
        }
        // One document, in every output format and both languages.
        let document = Array(text.joined(separator: [0x0A]))
        for format in [OutputFormat.text, .tag, .jsonl] {
            for language in ["id", "en"] {
                #expect(loaded.render(document, format: format, language: language) == fresh.render(document, format: format, language: language))
            }
        }
        #expect(loaded.languages == fresh.languages)
    }

    @Test("Its table has the same rows, sources and layer findings", arguments: [0, 1, 2])
    func sameTable(table index: Int) throws {
        let layers = Self.tables[index].layers
        let fresh = try TermTable(layers: layers)
        let loaded = try Self.load(try Self.compile(layers), layers).table
        #expect(loaded.rows == fresh.rows)
        #expect(loaded.sources == fresh.sources)
        #expect(loaded.layerFindings == fresh.layerFindings)
        if index == 2 { #expect(!fresh.layerFindings.isEmpty) }  // the layered table has findings to carry
    }

    @Test("The kinds of concept that are mentions are chosen when it is loaded, as when compiling")
    func kindsAtLoad() throws {
        let layers = TableLayer.shipped
        let bytes = try Self.compile(layers)
        let text = "Presiden Prabowo bertemu Vladimir Putin di Moskow, ibu kota Rusia, dan membahas PBB."
        for kinds: Set<ConceptKind> in [[.person], [.city, .country], Set(ConceptKind.allCases)] {
            let fresh = try Matcher(table: TermTable(layers: layers), kinds: kinds)
            let loaded = try Self.load(bytes, layers, kinds: kinds)
            #expect(loaded.mentions(in: text) == fresh.mentions(in: text))
            #expect(loaded.render(Array(text.utf8), format: .text, language: "en") == fresh.render(Array(text.utf8), format: .text, language: "en"))
        }
    }

    @Test("A file made from other layers is stale")
    func staleLayers() throws {
        let layers = Self.tables[0].layers
        let bytes = try Self.compile(layers)
        var edited = layers[0].bytes
        edited[edited.count - 2] ^= 0x01  // one letter of the last row
        #expect(throws: CompiledTable.Rejection.self) { try Self.load(bytes, [TableLayer(utf8: edited, source: "fixture.tsv")]) }
        for other in [[TableLayer(utf8: edited, source: "fixture.tsv")], layers + layers] {
            do {
                _ = try Self.load(bytes, other)
                Issue.record("a compiled file made from other layers was used")
            } catch {
                guard case .stale = error else { Issue.record("not stale: \(error)"); continue }
            }
        }
        // The same bytes under another name are the same table: a moved table keeps its compiled form.
        #expect((try? Self.load(bytes, [TableLayer(utf8: layers[0].bytes, source: "elsewhere/terms.tsv")])) != nil)
    }

    @Test("A file for other variant rules, or not a compiled table, is foreign")
    func foreignFiles() throws {
        let layers = Self.tables[0].layers
        let bytes = try Self.compile(layers)
        let other = VariantRules(parsing: VariantRules.shipped.text + "\nzz > z ;\n", source: "other.txt")
        for (candidate, variants) in [(bytes, other), (Array("id\tlang\tterm\n".utf8), VariantRules.shipped), ([], .shipped)] {
            do {
                _ = try Self.load(candidate, layers, variants: variants)
                Issue.record("a foreign file was used")
            } catch {
                guard case .foreign = error else { Issue.record("not foreign: \(error)"); continue }
            }
        }
        var newer = bytes
        newer[8] &+= 1  // the format version
        #expect(throws: CompiledTable.Rejection.self) { try Self.load(newer, layers) }
    }

    @Test("Any byte changed or cut off is refused as damaged (seeded sample of positions)")
    func damagedBytes() throws {
        let layers = Self.tables[0].layers
        let bytes = try Self.compile(layers)
        var rng = SeededGenerator(seed: 1_400)
        for _ in 0..<400 {
            var damaged = bytes
            let position = Int.random(in: 16..<bytes.count, using: &rng)  // after the magic and version
            damaged[position] ^= UInt8.random(in: 1...255, using: &rng)
            #expect(throws: CompiledTable.Rejection.self, "byte \(position)") { try Self.load(damaged, layers) }
        }
        for length in [0, 7, 31, 32, bytes.count / 2, bytes.count - 1] {
            #expect(throws: CompiledTable.Rejection.self, "cut at \(length)") { try Self.load(Array(bytes.prefix(length)), layers) }
        }
    }

    @Test("A forged file, its hash made to match, is refused or read without leaving its bytes")
    func forgedBytes() throws {
        let layers = Self.tables[0].layers
        let bytes = try Self.compile(layers)
        var rng = SeededGenerator(seed: 1_401)
        var refused = 0
        for _ in 0..<300 {
            var forged = bytes
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                forged[Int.random(in: 32..<bytes.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
            }
            FuzzOracles.rehash(&forged)
            // The oracle reads it through: mentions, rendering and every row.
            if let failure = FuzzOracles.compiled(forged: forged) { Issue.record("\(failure)") }
            if (try? Self.load(forged, layers)) == nil { refused += 1 }
        }
        #expect(refused > 0)  // the checks do refuse some
    }

    @Test("The built-in compiled form is what `glossary compile` makes of the shipped layers now, and the shipped matcher uses it")
    func shippedIsCurrent() throws {
        let fresh = try Self.compile(TableLayer.shipped)
        #expect(Array(EmbeddedData.compiled) == fresh,
                "Data/terms.compiled is stale: run `swift run glossary compile` (it writes Data/terms.keys too) and commit both")
        let builtIn = try #require(CompiledTable.shippedMatcher())
        let text = "Menlu Rusia Sergey Lavrov bertemu Wang Yi di Beijing; PBB dan Uni Eropa."
        #expect(builtIn.mentions(in: text) == (try Matcher(table: TermTable.shipped(), keyCache: .shipped)).mentions(in: text))
        #expect(builtIn.mentions(in: text).count == 6)
    }

    @Test("`glossary compile` writes NAME.compiled; normalize uses it, and ignores it with a note once the table changes")
    func command() throws {
        let folder = try TemporaryFolder.make()
        let table = try TemporaryFolder.write(fixtureTSV, named: "desk.tsv", in: folder)
        let text = "Sergei Shoigu bertemu Wang Yi di Moskow.\n"
        let before = try CommandRunner.run(["normalize", "--to", "en", "--terms", table], text)
        #expect(try CommandRunner.run(["compile", "--terms", table], "").status == 0)
        #expect(FileManager.default.fileExists(atPath: folder + "/desk.compiled"))
        let compiled = try CommandRunner.run(["normalize", "--to", "en", "--terms", table], text)
        #expect(compiled.status == 0 && compiled.stdout == before.stdout && compiled.stderr.isEmpty)
        // The table changes after it was compiled: the compiled form is stale.
        try (fixtureTSV + "maria-zakharova\ten\tMaria Zakharova\tfull\tpref\t\n").write(toFile: table, atomically: true, encoding: .utf8)
        let stale = try CommandRunner.run(["normalize", "--format", "tag", "--terms", table], "Maria Zakharova\n")
        #expect(stale.status == 0)
        #expect(stale.text.contains("⟦maria-zakharova|Maria Zakharova⟧"))
        #expect(stale.stderr.contains("not using \(folder)/desk.compiled") && stale.stderr.contains("another version of the table (\(table) has changed since)"))
    }
}
