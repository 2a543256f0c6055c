import Foundation
@testable import Glossary
import Testing

/// Hostile lines: the fixture's terms and their variants mixed with everything a
/// normalizer in the middle of a pipeline must survive — invalid UTF-8, overlong forms,
/// encoded surrogates, NUL, lone CR, a BOM in the middle, the tag format's brackets,
/// runs of hyphens and clitics.
enum HostileText {
    static let pieces: [[UInt8]] = [
        [0xFF], [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0x80],
        [0xE2, 0x9F], [0x00], [0x0D], [0x0D, 0x0A], [0xEF, 0xBB, 0xBF], Array("⟦".utf8), Array("⟧".utf8), Array("⟦x|y⟧".utf8),
        Array("----".utf8), Array("-nya-nya-lah".utf8), Array("\u{00AD}".utf8), Array("\u{200B}".utf8), Array("\u{202E}".utf8),
        Array("Ｐ Ｂ Ｂ".utf8), Array("e\u{0301}".utf8), Array("\u{1F600}".utf8), Array("\\".utf8), Array("\"".utf8),
    ]

    /// One line: words of the reference generator with hostile pieces between them.
    static func line(_ rng: inout SeededGenerator) -> [UInt8] {
        var bytes: [UInt8] = []
        for _ in 0..<Int.random(in: 0...16, using: &rng) {
            switch Int.random(in: 0..<10, using: &rng) {
            case 0..<5: bytes += RandomText.words.randomElement(using: &rng)!.utf8
            case 5..<8: bytes += pieces.randomElement(using: &rng)!
            default: bytes += RandomText.separators.randomElement(using: &rng)!
            }
            if Bool.random(using: &rng) { bytes.append(0x20) }
        }
        return bytes.filter { $0 != 0x0A }  // one line
    }
}

/// The invariants of ISSUE "Hardening", as properties over seeded hostile lines. A failure
/// names the seed and the line, so that it can be replayed and kept as a regression test.
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
    func tagReversible(seed: UInt64) {
        let all = Self.lines(seed).joined(separator: [0x0A]).map { $0 }
        #expect(Tagging.untag(fixture.render(all, format: .tag, language: "en")) == all, "seed \(seed)")
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
