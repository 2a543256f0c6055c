@testable import Glossary

/// SplitMix64: a small seeded generator, so every failure can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random lines built from the pieces that make matching hard: the fixture's terms in
/// every case, spelling variants, clitics, hyphens and odd separators, Han and Cyrillic,
/// look-alike letters, punctuation, invalid bytes and control characters.
enum RandomText {
    static let words: [String] = [
        "Sergei", "Sergey", "Shoigu", "Shoygu", "SHOIGU", "shoigu", "Shоigu", "Шойгу", "Сергей", "Wang", "wang", "WANG",
        "Yi", "yi", "Xi", "Jinping", "Tiongkok", "China", "china", "Cina", "Rusia", "RUSIA", "Prusia", "Rusianya",
        "Tiongkokpun", "Partai", "Komunis", "PKT", "PKTnya", "pkt", "PKC", "CPC", "Politbiro", "Pupuk", "pupuk", "urea",
        "Kalimantan", "Timur", "PBB", "pbb", "Pbb", "pajak", "Perserikatan", "Bangsa", "bangsa", "Organisasi", "Kerja",
        "Sama", "Kerjasama", "Shanghai", "SCO", "Asia", "Pasifik", "AS", "as", "US", "dunia", "Dunia", "multipolar",
        "COVID", "19", "Moskow", "Moskwa", "MOSKOW", "Saint", "St", "Petersburg", "dan", "di", "yang", "BERTEMU",
        "Ｓｈｏｉｇｕ", "Sho\u{0069}\u{0301}gu", "Of", "of", "Communist", "Party", "United", "Nations", "States",
        // Words that follow a term's first word and part from its second a few letters in
        // (the cold loop judges them by walking them): Komunitas after Partai, Stasiun
        // after United, Natalia after United, a y after the shared letters.
        "Komunitas", "Stasiun", "Natalia", "Bangsawan", "Shanghaiyang", "Kerjayasa",
        // A surname that needs an introduction (rule 10), its full name and a context word.
        "Li", "Li", "Qiang", "perdana",
        // Rule 11: short forms next to names, titles, common words and days; rule 12:
        // protected names; rule 4: press casing and other scripts; rule 5: phrases.
        "Biden", "Biden", "Joe", "Hunter", "Ben", "Hao", "Min", "jae", "Presiden", "President", "Mr", "Menlu", "Senin",
        "Namun", "Bank", "Jepang", "bahasa", "Japan", "Asean", "ASEAN", "asean", "Ａｓｅａｎ", "\u{0410}S", "\u{00DC}S",
        "Perang", "Dingin", "dingin", "Cold", "War", "Beijing", "Министр", "membayar", "pembayaran", "bayar", "hegemoni", "Hegemoni", "berinisial",
        // Rule 11 for a city: a namesake (Spartak Moskow), then locatives before the name.
        "Spartak", "Spartak", "Lokomotiv", "Moscow", "ke", "Di", "in", "from", "Kota", "dari",
    ]
    static let han: [String] = ["王", "毅", "中", "国", "习", "近", "平", "西", "说", "習", "背", "景", "北", "京"]
    static let separators: [[UInt8]] = [
        [0x20], [0x20], [0x20], [0x2D], Array(" - ".utf8), Array(" – ".utf8), [0x09], Array("\u{00A0}".utf8), Array("  ".utf8),
        [], Array(", ".utf8), Array(". ".utf8), Array("(".utf8), Array(") ".utf8), Array("/".utf8), Array("-nya ".utf8),
        Array("? \"".utf8), Array(" \u{201C}".utf8), Array("\u{2026} ".utf8), Array("\u{202F}".utf8), Array("\u{2011}".utf8),
        [0xFF], [0x00], [0x0D], Array("\u{FEFF}".utf8), Array("⟦".utf8),
    ]

    static func line(_ rng: inout SeededGenerator) -> [UInt8] {
        var bytes: [UInt8] = []
        for _ in 0..<Int.random(in: 0...14, using: &rng) {
            if Int.random(in: 0..<8, using: &rng) == 0 {
                for _ in 0..<Int.random(in: 1...4, using: &rng) { bytes += han.randomElement(using: &rng)!.utf8 }
            } else {
                bytes += words.randomElement(using: &rng)!.utf8
            }
            bytes += separators.randomElement(using: &rng)!
        }
        return bytes
    }
}
