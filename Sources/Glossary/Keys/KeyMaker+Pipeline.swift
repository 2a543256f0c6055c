// The ICU pipeline that keys a word that is not plain ASCII (DESIGN.md, "Keys").

extension KeyMaker {
    /// The ICU pipeline. A step that ICU cannot do leaves the text as it was, so a
    /// broken transform degrades matching instead of stopping a stream.
    static func compute(_ word: [UInt8], _ state: inout State, record: ((String, [UInt8]) -> Void)? = nil) -> WordKey {
        func apply(_ text: [UInt8], _ step: (UnsafeBufferPointer<UInt8>) throws -> [UInt8]) -> [UInt8] {
            text.withUnsafeBufferPointer { (try? step($0)) ?? text }
        }
        var text = apply(word) { try Normalization.normalize($0, to: .nfkc) }
        record?("NFKC", text)

        var latin = false, cyrillicOrGreek = false, han = false, other = false
        for scalar in String(decoding: text, as: UTF8.self).unicodeScalars where scalar.value >= 0x80 || scalar.properties.isAlphabetic {
            switch Script(of: scalar) {
            case .latin: latin = true
            case .cyrillic, .greek: cyrillicOrGreek = true
            case .han: han = true
            case .kana, .other: other = true
            case .common: break
            }
            if scalar.value < 0x80 && scalar.properties.isAlphabetic { latin = true }
        }

        // A Latin word with a Cyrillic or Greek look-alike letter in it (Shоigu with a
        // Cyrillic о): replace each such letter by its UTS #39 skeleton when that is an
        // ASCII letter, so the word keys as the Latin spelling it imitates.
        let mixedScript = latin && cyrillicOrGreek
        if mixedScript, let checker = state.lazy.spoofChecker() {
            var replaced = ""
            for scalar in String(decoding: text, as: UTF8.self).unicodeScalars {
                let script = Script(of: scalar)
                if script == .cyrillic || script == .greek {
                    var one = Array(String(scalar).utf8)
                    let skeleton = one.withUnsafeMutableBufferPointer { buffer in
                        (try? checker.skeleton(UnsafeBufferPointer(buffer))) ?? []
                    }
                    if !skeleton.isEmpty, skeleton.allSatisfy({ $0 < 0x80 && isASCIILetter($0) }) {
                        replaced += String(decoding: skeleton, as: UTF8.self)
                        continue
                    }
                    one.removeAll()
                }
                replaced.unicodeScalars.append(scalar)
            }
            text = Array(replaced.utf8)
            record?("look-alike letters replaced by their UTS #39 skeleton", text)
        }

        // A Han or kana character keys as itself, Han in its simplified form
        // (習 = 习): never by its reading, so homophones never meet (背景 is not 北京).
        if (han || other) && !latin && !cyrillicOrGreek
            && String(decoding: text, as: UTF8.self).unicodeScalars.allSatisfy({ [.han, .kana].contains(Script(of: $0)) })
        {
            if han, let t = state.lazy.transform("Traditional-Simplified") {
                text = apply(text) { try t.apply($0) }
                record?("ICU Traditional-Simplified", text)
            }
            record?("the character is its key", text)
            return WordKey(cased: text, folded: text, mixedScript: false)
        }

        if cyrillicOrGreek, let t = state.lazy.transform("Russian-Latin/BGN") {
            text = apply(text) { try t.apply($0) }
            record?("ICU Russian-Latin/BGN", text)
        }
        if han, let t = state.lazy.transform("Han-Latin") {
            text = apply(text) { try t.apply($0) }
            record?("ICU Han-Latin", text)
        }
        if other || cyrillicOrGreek, text.contains(where: { $0 >= 0x80 }),
            let t = state.lazy.transform("Any-Latin")
        {
            text = apply(text) { try t.apply($0) }
            record?("ICU Any-Latin", text)
        }
        if let t = state.lazy.transform("NFD; [:Nonspacing Mark:] Remove; NFC; Latin-ASCII") {
            text = apply(text) { try t.apply($0) }
            record?("diacritics removed, ICU Latin-ASCII", text)
        }

        // Keep letters and digits only: transliteration adds spaces between Han
        // syllables and primes for the Russian soft sign (Kazanʹ).
        var cased: [UInt8] = []
        cased.reserveCapacity(text.count)
        for scalar in String(decoding: text, as: UTF8.self).unicodeScalars {
            if scalar.value < 0x80 {
                let byte = UInt8(scalar.value)
                if isASCIILetter(byte) || (byte >= 0x30 && byte <= 0x39) { cased.append(byte) }
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                cased.append(contentsOf: String(scalar).utf8)
            }
        }

        record?("letters and digits kept (the cased key)", cased)
        var folded: [UInt8]
        if cased.allSatisfy({ $0 < 0x80 }) {
            folded = cased.map(asciiLower)
        } else {
            folded = apply(cased) { try Normalization.foldCase($0) }
        }
        record?("case folded", folded)
        folded = apply(folded) { try state.variants.apply($0) }
        record?("variant rules", folded)
        return WordKey(cased: cased, folded: folded, mixedScript: mixedScript)
    }
}
