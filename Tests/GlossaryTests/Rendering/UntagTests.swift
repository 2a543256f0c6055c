import Foundation
@testable import Glossary
import Testing

/// Removing the tag markup: exactly the inverse of `tag`, strict about malformed markup,
/// and the same whatever pieces the text comes in.
@Suite("Removing the tag markup")
struct UntagTests {
    @Test("Tags become their text and doubled brackets one bracket", arguments: [
        ("⟦russia|Rusia⟧nya", "Rusianya"),
        ("⟦⟦x⟧⟧", "⟦x⟧"),
        ("⟦⟦⟦china|Cina⟧⟧⟧", "⟦Cina⟧"),
        ("⟦communist-party-of-china,pupuk-kalimantan-timur|PKT⟧-nya", "PKT-nya"),
        ("⟦covid-19|COVID-19⟧ | ⟦a|b|c⟧", "COVID-19 | b|c"),
        ("tanpa tanda\r", "tanpa tanda\r"),
        ("", ""),
    ])
    func wellFormed(_ example: (String, String)) throws {
        #expect(try Tagging.untag(Array(example.0.utf8)) == Array(example.1.utf8))
    }

    struct Malformed: CustomTestStringConvertible, Sendable {
        var text: String
        var line: Int
        var column: Int
        var says: String
        var testDescription: String { text.debugDescription }
    }

    static let badTexts: [Malformed] = [
        Malformed(text: "a ⟧ b", line: 1, column: 3, says: "a lone ⟧"),
        Malformed(text: "akhir⟧", line: 1, column: 6, says: "a lone ⟧ at the end of the line"),
        Malformed(text: "é ⟧x", line: 1, column: 3, says: "a lone ⟧"),
        Malformed(text: "⟦ x", line: 1, column: 1, says: "starts neither a tag"),
        Malformed(text: "ok ⟦Russia|Rusia⟧", line: 1, column: 4, says: "starts neither a tag"),
        Malformed(text: "⟦⟧", line: 1, column: 1, says: "neither a tag nor a doubled"),
        Malformed(text: "⟦russia Rusia⟧", line: 1, column: 8, says: "concept ids are lowercase"),
        Malformed(text: "⟦russia⟧", line: 1, column: 8, says: "ids end with |"),
        Malformed(text: "x\n⟦russia|⟧", line: 2, column: 1, says: "a tag with no text"),
        Malformed(text: "⟦russia|Ru⟦sia⟧", line: 1, column: 11, says: "a ⟦ inside a tag"),
        Malformed(text: "satu\ndua ⟦russia|Rus\nia⟧", line: 2, column: 5, says: "not closed on its line"),
        Malformed(text: "⟦russia|Rusia", line: 1, column: 1, says: "not closed on its line"),
        Malformed(text: "akhir ⟦", line: 1, column: 7, says: "a lone ⟦ at the end of the line"),
    ]

    @Test("Malformed markup is an error at its line and column", arguments: badTexts)
    func malformed(_ bad: Malformed) throws {
        let error = try #require(throws: InputError.self) { try Tagging.untag(Array(bad.text.utf8), source: "in.txt") }
        #expect(error.location == SourceLocation(file: "in.txt", line: bad.line, column: bad.column), "\(error)")
        #expect(error.message.contains(bad.says), "\(error)")
        #expect(error.description.hasPrefix("in.txt:\(bad.line):\(bad.column): "))
    }

    @Test("tag then untag gives hostile text back byte for byte, whole or in pieces", arguments: [UInt64(1), 2, 3, 4])
    func roundTrip(seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed)
        let text = (0..<150).map { _ in HostileText.line(&rng) }.joined(separator: [0x0A]).map { $0 }
        let tagged = fixture.render(text, format: .tag, language: "en")
        #expect(tagged != text, "the lines should hold mentions")
        #expect(try Tagging.untag(tagged) == text, "seed \(seed)")
        // Pieces of 1 to 7 bytes: every bracket is split somewhere.
        var untagger = Untagger()
        var out: [UInt8] = []
        var start = 0
        while start < tagged.count {
            let end = min(tagged.count, start + Int.random(in: 1...7, using: &rng))
            try tagged[start..<end].withUnsafeBufferPointer { piece throws(InputError) in try untagger.feed(piece, into: &out) }
            start = end
        }
        try untagger.finish(into: &out)
        #expect(out == text, "seed \(seed), in pieces")
    }

    @Test("In pieces, an error is found at the same place as in the whole text", arguments: badTexts)
    func errorInPieces(_ bad: Malformed) throws {
        var untagger = Untagger(source: "in.txt")
        var out: [UInt8] = []
        let error = try #require(throws: InputError.self) {
            for byte in Array(bad.text.utf8) {
                try [byte].withUnsafeBufferPointer { piece throws(InputError) in try untagger.feed(piece, into: &out) }
            }
            try untagger.finish(into: &out)
        }
        #expect(error.location == SourceLocation(file: "in.txt", line: bad.line, column: bad.column), "\(error)")
    }

    @Test("glossary untag: the sample text round-trips; malformed markup stops with FILE:LINE:COLUMN after the lines before it")
    func command() throws {
        let sample = CommandRunner.root.appendingPathComponent("Examples/sample.txt").path
        let roundTrip = try CommandRunner.shell("\"$GLOSSARY\" normalize --format tag '\(sample)' | \"$GLOSSARY\" untag - | cmp - '\(sample)' && echo same")
        #expect(roundTrip.text == "same\n", "\(roundTrip.stderr)")

        let tagged = try TemporaryFolder.write("⟦russia|Rusia⟧ satu\n⟦⟦dua⟧⟧\ntiga ⟧ empat\nlima\n", named: "tagged.txt")
        let run = try CommandRunner.run(["untag", tagged])
        #expect(run.status == 2)
        #expect(run.text == "Rusia satu\n⟦dua⟧\n")
        #expect(run.stderr.hasPrefix("glossary: \(tagged):3:6: error: a lone ⟧"), "\(run.stderr)")
        let unclosed = try CommandRunner.run(["untag"], "⟦russia|Rusia⟧\n⟦china|Tiongkok")
        #expect(unclosed.status == 2)
        #expect(unclosed.text == "Rusia\n", "nothing of the bad last line")
        #expect(unclosed.stderr.hasPrefix("glossary: -:2:1: error: the tag that starts here is not closed"), "\(unclosed.stderr)")
        let missing = try CommandRunner.run(["untag", "/no/such/file.txt"])
        #expect(missing.status == 2)
        #expect(missing.stdout.isEmpty)
    }
}
