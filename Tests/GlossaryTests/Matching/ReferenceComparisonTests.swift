@testable import Glossary
import Testing

@Suite("The matcher agrees with the reference matcher")
struct ReferenceComparisonTests {
    static let reference = ReferenceMatcher(table: fixture.table, keyMaker: fixture.keyMaker)

    @Test("on seeded random lines", arguments: 0..<8)
    func randomLines(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        var workspace = ScanWorkspace()
        for index in 0..<400 {
            let line = RandomText.line(&rng)
            let actual = fixture.referenceResults(inLine: line, workspace: &workspace)
            let expected = Self.reference.mentions(inLine: line)
            #expect(actual == expected, "seed \(seed), line \(index): \(String(decoding: line, as: UTF8.self).debugDescription)")
            if actual != expected { return }
        }
    }

    @Test("on seeded random documents, whose evidence flows from line to line", arguments: 0..<4)
    func randomDocuments(seed: UInt64) {
        var rng = SeededGenerator(seed: 100 + seed)
        var workspace = ScanWorkspace()
        for index in 0..<200 {
            let lines = (0..<Int.random(in: 1...6, using: &rng)).map { _ in RandomText.line(&rng).filter { $0 != 0x0A } }
            var document = DocumentContext()
            let actual = lines.map { fixture.referenceResults(inLine: $0, workspace: &workspace, document: &document) }
            let expected = Self.reference.mentions(inDocument: lines)
            #expect(actual == expected, "seed \(seed), document \(index): \(lines.map { String(decoding: $0, as: UTF8.self) })")
            if actual != expected { return }
            // A text passed whole is one document too.
            let whole = fixture.mentions(inUTF8: Array(lines.joined(separator: [0x0A])))
            #expect(whole.map(\.resolution) == expected.joined().map(\.resolution), "seed \(seed), document \(index), whole")
        }
    }

    @Test("and the random lines do hold mentions, of every resolution")
    func generatorIsUseful() {
        var rng = SeededGenerator(seed: 1)
        var resolutions = Set<Resolution>()
        var count = 0
        for _ in 0..<400 {
            let line = RandomText.line(&rng)
            let results = Self.reference.mentions(inLine: line)
            count += results.count
            resolutions.formUnion(results.map(\.resolution))
        }
        #expect(count > 400)
        #expect(resolutions == [.unique, .context, .defaultSense, .ambiguous])
        // Documents of several lines also decide by what earlier lines introduced.
        var documents = Set<Resolution>()
        for _ in 0..<200 {
            let lines = (0..<4).map { _ in RandomText.line(&rng).filter { $0 != 0x0A } }
            documents.formUnion(Self.reference.mentions(inDocument: lines).joined().map(\.resolution))
        }
        #expect(documents.contains(.document))
    }
}
