/// The commonest Indonesian affixes, both ways: the stems a word may have (for
/// ``CommonWords``), and the forms a context word takes in running text (*bayar* →
/// *membayar*, *dibayar*, *pembayaran*), which the matcher adds as context keys so that
/// a context word counts in its inflected forms as a term does with its clitics.
///
/// Neither direction needs to be exact: a stem found by stripping too much only calls a
/// word common, and a derived form that Indonesian does not use never occurs in text.
enum IndonesianMorphology {
    /// The stems a word may have under the particles and possessives (-nya, -lah, -kah,
    /// -pun, -ku, -mu), the suffixes -kan, -an and -i, and the prefixes di-, ke-, se-,
    /// ter-, ber-, per- and meN-/peN- with the initial consonant that the nasal replaced
    /// (*menulis* → *tulis*, *memukul* → *pukul*, *menyapu* → *sapu*, *mengirim* → *kirim*).
    static func stems(of word: [UInt8]) -> [ArraySlice<UInt8>] {
        func strip(suffixes: [String], _ w: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
            var out = [w]
            for s in suffixes where w.count > s.utf8.count + 2 && w.reversed().starts(with: s.utf8.reversed()) {
                out.append(w.dropLast(s.utf8.count))
            }
            return out
        }
        var bare: [ArraySlice<UInt8>] = []
        for w in strip(suffixes: ["nya", "lah", "kah", "pun", "ku", "mu"], word[...]) {
            bare += strip(suffixes: ["kan", "an", "i"], w)
        }
        var stems: [ArraySlice<UInt8>] = bare
        for w in bare {
            func after(_ prefix: String) -> ArraySlice<UInt8>? {
                w.count > prefix.utf8.count + 1 && w.starts(with: prefix.utf8) ? w.dropFirst(prefix.utf8.count) : nil
            }
            for prefix in ["di", "ke", "se", "ter", "ber", "be", "per", "pe", "me"] {
                if let rest = after(prefix) { stems.append(rest) }
            }
            // meN- and peN-: the nasal, and before a vowel the consonant it replaced.
            for (nasal, replaced) in [("meny", "s"), ("peny", "s"), ("mem", "p"), ("pem", "p"), ("men", "t"), ("pen", "t"),
                                      ("meng", "k"), ("peng", "k"), ("mem", ""), ("men", ""), ("meng", ""), ("peng", ""),
                                      ("pen", ""), ("pem", "")] {
                guard let rest = after(nasal) else { continue }
                if replaced.isEmpty || isVowel(rest.first!) { stems.append(ArraySlice(Array(replaced.utf8) + rest)) }
            }
        }
        return stems
    }

    /// The forms of a lowercase stem under meN-, di-, ter-, ber-, peN-…-an, ke-…-an, -an
    /// and -kan, and meN-/di- with -kan and -i: *bayar* gives *membayar*, *dibayar*,
    /// *pembayaran*, *bayaran*, *membayarkan* and so on. The nasal of meN- and peN-
    /// takes the form the stem's first letter asks for, and replaces p, t, s and k.
    static func derivedForms(of stem: String) -> [String] {
        let letters = Array(stem.utf8)
        guard letters.count >= 3, letters.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return [] }
        let (me, pe) = nasalPrefixed(letters)
        var forms: [String] = []
        for form in [me, me + "kan", me + "i", "di" + stem, "di" + stem + "kan", "di" + stem + "i", "ter" + stem, "ber" + stem,
                     pe + "an", "ke" + stem + "an", stem + "an", stem + "kan"] where form != stem && !forms.contains(form) {
            forms.append(form)
        }
        return forms
    }

    /// meN- and peN- before a stem: mem- before b, f, v and p (which it replaces), men-
    /// before c, d, j, z and t (replaced), meny- for s (replaced), meng- before g, h and
    /// vowels, and k (replaced); me- and pe- before the other consonants.
    private static func nasalPrefixed(_ letters: [UInt8]) -> (String, String) {
        let first = letters[0]
        let rest = String(decoding: letters.dropFirst(), as: UTF8.self)
        let stem = String(decoding: letters, as: UTF8.self)
        switch first {
        case UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "v"): return ("mem" + stem, "pem" + stem)
        case UInt8(ascii: "p"): return ("mem" + rest, "pem" + rest)
        case UInt8(ascii: "c"), UInt8(ascii: "d"), UInt8(ascii: "j"), UInt8(ascii: "z"): return ("men" + stem, "pen" + stem)
        case UInt8(ascii: "t"): return ("men" + rest, "pen" + rest)
        case UInt8(ascii: "s"): return ("meny" + rest, "peny" + rest)
        case UInt8(ascii: "k"): return ("meng" + rest, "peng" + rest)
        case UInt8(ascii: "g"), UInt8(ascii: "h"): return ("meng" + stem, "peng" + stem)
        default: return isVowel(first) ? ("meng" + stem, "peng" + stem) : ("me" + stem, "pe" + stem)
        }
    }

    private static func isVowel(_ byte: UInt8) -> Bool {
        byte == 0x61 || byte == 0x65 || byte == 0x69 || byte == 0x6F || byte == 0x75
    }
}
