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
    }
}
