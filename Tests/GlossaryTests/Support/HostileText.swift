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
