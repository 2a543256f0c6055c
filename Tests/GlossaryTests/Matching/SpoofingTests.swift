import Foundation
import Glossary
import Testing

/// Names spelled with look-alike letters of another script are still found, and
/// marked so that an analyst can see them.
@Suite("Look-alike spellings")
struct SpoofingTests {
    @Test("A listed name with a Cyrillic or Greek look-alike letter is recognised and marked mixed-script", arguments: [
        ("Sh\u{043E}igu", "sergei-shoigu"),  // Cyrillic о
        ("\u{0420}utin", "vladimir-putin"),  // Cyrillic Р
        ("Lavr\u{03BF}v", "sergei-lavrov"),  // Greek ο
        ("\u{0412}eijing", "beijing"),  // Cyrillic В
    ])
    func recognised(_ example: (String, String)) throws {
        let matcher = try Matcher.shipped()
        let mentions = matcher.mentions(in: "Kata \(example.0) kemarin.")
        #expect(mentions.map { $0.sense?.conceptID } == [example.1])
        #expect(mentions.first?.isMixedScript == true)
        let run = try CommandRunner.run(["normalize", "--format", "jsonl"], "Kata \(example.0) kemarin.\n")
        let json = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
        #expect(json["mixed_script"] as? Bool == true)
        #expect(json["id"] as? String == example.1)
    }

    @Test("The same names in one script are not marked")
    func notMarked() throws {
        let matcher = try Matcher.shipped()
        #expect(matcher.mentions(in: "Shoigu, Шойгу, Putin, Путин").map(\.isMixedScript) == [false, false, false, false])
    }
}
