import Foundation
@testable import Glossary
import Testing

@Suite("Invariants on hostile text")
struct InvariantTests {
    static let seeds: [UInt64] = Array(100..<108)
    static let linesPerSeed = 300

    static func lines(_ seed: UInt64) -> [[UInt8]] {
        var rng = SeededGenerator(seed: seed)
        return (0..<linesPerSeed).map { _ in HostileText.line(&rng) }
    }

    @Test("Passthrough: the text output is the input with each mention replaced, and every other byte as it was", arguments: seeds)
    func passthrough(seed: UInt64) {
        for line in Self.lines(seed) {
            var expected: [UInt8] = []
            var done = 0
            for mention in fixture.mentions(inUTF8: line) {
                expected += line[done..<mention.range.lowerBound]
                if let replacement = fixture.replacement(for: mention, language: "en"),
                    !line.withUnsafeBufferPointer({ Matcher.replacementWouldJoin($0, mention.range, Array(replacement.utf8)) })
                {
                    expected += replacement.utf8
                } else {
                    expected += line[mention.range]
                }
                done = mention.range.upperBound
            }
            expected += line[done...]
            let actual = fixture.render(line, format: .text, language: "en")
            #expect(actual == expected, "seed \(seed): \(String(decoding: line, as: UTF8.self).debugDescription)\n got \(String(decoding: actual, as: UTF8.self).debugDescription)\n want \(String(decoding: expected, as: UTF8.self).debugDescription)")
            if actual != expected { return }
        }
    }

    @Test("Idempotence: normalizing the output again to the same language changes nothing", arguments: seeds)
    func idempotence(seed: UInt64) {
        for line in Self.lines(seed) {
            for language in ["en", "id"] {
                let once = fixture.render(line, format: .text, language: language)
                let twice = fixture.render(once, format: .text, language: language)
                #expect(twice == once, "seed \(seed), \(language): \(String(decoding: line, as: UTF8.self))")
            }
        }
    }

    @Test("tag is reversible: removing the markup gives the input back, byte for byte", arguments: seeds)
    func tagReversible(seed: UInt64) throws {
        let all = Self.lines(seed).joined(separator: [0x0A]).map { $0 }
        #expect(try Tagging.untag(fixture.render(all, format: .tag, language: "en")) == all, "seed \(seed)")
    }

    @Test("jsonl offsets slice the input to exactly the reported surface", arguments: seeds)
    func offsets(seed: UInt64) throws {
        for line in Self.lines(seed) where !line.isEmpty {
            let output = fixture.render(line, format: .jsonl, language: "en")
            for object in output.split(separator: 0x0A) {
                let json = try #require(try JSONSerialization.jsonObject(with: Data(object)) as? [String: Any])
                let start = try #require(json["start"] as? Int), end = try #require(json["end"] as? Int)
                #expect(String(decoding: line[start..<end], as: UTF8.self) == json["surface"] as? String, "seed \(seed)")
            }
        }
    }

    @Test("The fast matcher and the reference matcher agree on hostile lines", arguments: seeds)
    func agreesWithReference(seed: UInt64) {
        var workspace = ScanWorkspace()
        for line in Self.lines(seed) {
            // The reference works on a paragraph without a line feed or a CR LF split.
            let actual = fixture.referenceResults(inLine: line, workspace: &workspace)
            let expected = ReferenceComparisonTests.reference.mentions(inLine: line)
            #expect(actual == expected, "seed \(seed): \(String(decoding: line, as: UTF8.self).debugDescription)")
            if actual != expected { return }
        }
    }
}
