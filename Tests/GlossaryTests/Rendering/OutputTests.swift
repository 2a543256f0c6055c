@testable import Glossary
import Testing

@Suite("Normalizing, tagging and listing")
struct OutputTests {
    static let replacements: [(String, String, String)] = [
        ("Shoygu tiba.", "en", "Shoigu tiba."),
        ("Sergey Shoygu tiba.", "en", "Sergei Shoigu tiba."),
        ("Partai Komunis China (PKC)", "en", "Communist Party of China (CPC)"),
        ("Partai Komunis China (PKC)", "id", "Partai Komunis Tiongkok (PKT)"),
        ("Cina dan Rusia", "id", "Tiongkok dan Rusia"),
        ("Cina dan Rusia", "en", "China dan Russia"),
        ("Hubungan Tiongkok-Rusia", "en", "Hubungan China-Russia"),
        ("Rusianya", "en", "Russianya"),
        ("Shoigu-lah", "id", "Shoigu-lah"),
        ("Wang bertemu Xi Jinping", "en", "Wang bertemu Xi Jinping"),
        ("Xi bertemu Wang", "id", "Xi bertemu Wang"),
        ("SHOIGU BERTEMU WANG YI", "en", "SHOIGU BERTEMU WANG YI"),
        ("RUSIA DAN CINA", "en", "RUSSIA DAN CHINA"),
        ("Dunia multipolar", "en", "Multipolar world"),
        ("membangun multipolar world", "id", "membangun dunia multipolar"),
        ("PKT mengumumkan", "en", "PKT mengumumkan"),
        ("Harga pupuk PKT", "en", "Harga pupuk Pupuk Kalimantan Timur"),
        ("Sidang PBB", "en", "Sidang UN"),
        ("RRT dan AS", "en", "PRC dan US"),
        ("王毅说", "en", "Wang Yi说"),
        ("Sergey Shoygu dan 王毅", "zh", "Sergey Shoygu dan 王毅"),
        ("Kata Sh\u{043E}igu", "en", "Kata Shoigu"),
        ("Moskwa, Moskow, Moscow", "id", "Moskow, Moskow, Moskow"),
        ("ШОЙГУ ПРИЕХАЛ", "en", "SHOIGU ПРИЕХАЛ"),  // an all-caps surface in another script
        ("Шойгу приехал", "en", "Shoigu приехал"),
        // Found by the fuzzer: a Han name right before a letter of another script is left
        // as it is, or its replacement would merge with the letter (王毅у → Wang Yiу).
        ("王毅у dan 王毅.", "en", "王毅у dan Wang Yi."),
        ("x王毅", "en", "x王毅"),
        ("说王毅说", "en", "说Wang Yi说"),
    ]

    @Test("The scalar table answers as Unicode's properties do")
    func scalarTraits() {
        for value in UInt32(0)..<0x3000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let traits = ScalarTraits(scalar)
            #expect(traits.isUppercase == scalar.properties.isUppercase, "U+\(String(value, radix: 16))")
            #expect(traits.isLowercase == (!scalar.properties.isUppercase && scalar.properties.isLowercase), "U+\(String(value, radix: 16))")
        }
        #expect(ScalarTraits("Ж").characterClass == .wordCharacter)
        #expect(ScalarTraits("\u{00AD}").characterClass == .separator)
        #expect(ScalarTraits("\u{0085}").characterClass == .control)
        #expect(ScalarTraits("«").characterClass == .punctuation)
        #expect(ScalarTraits("王").characterClass == .han)
    }

    @Test("text: each mention becomes the preferred term in the same form", arguments: replacements)
    func normalizes(_ example: (String, String, String)) {
        #expect(fixture.normalize(example.0, to: example.1) == example.2)
    }

    static let untouched: [[UInt8]] = [
        Array("no mention here, just words\r\n".utf8),
        Array("\u{FEFF}BOM then text\n".utf8),
        [0x52, 0x75, 0x73, 0xFF, 0x69, 0x61, 0x0A],  // Rus\xFFia
        [0xC0, 0xAF, 0xED, 0xA0, 0x80, 0x00, 0x0D, 0x41],  // overlong, surrogate, NUL, CR
        Array("tab\tand\u{00A0}nbsp\n\n\n".utf8),
        [],
        Array("⟦already⟧ bracketed ⟦⟧".utf8),
    ]

    @Test("Text without mentions passes through byte for byte, in every format", arguments: untouched)
    func passthrough(_ bytes: [UInt8]) throws {
        #expect(fixture.render(bytes, format: .text, language: "en") == bytes)
        #expect(try Tagging.untag(fixture.render(bytes, format: .tag, language: "en")) == bytes)
        #expect(fixture.render(bytes, format: .jsonl, language: "en") == [])
    }

    @Test("Around mentions, every other byte is kept")
    func bytesAroundMentions() {
        let bytes: [UInt8] = Array("\u{FEFF}Rusia\r\n".utf8) + [0xFF] + Array(" Shoygu\0".utf8)
        let expected: [UInt8] = Array("\u{FEFF}Russia\r\n".utf8) + [0xFF] + Array(" Shoigu\0".utf8)
        #expect(fixture.render(bytes, format: .text, language: "en") == expected)
    }

    @Test("tag marks each mention with its concept id")
    func tagMarkup() {
        #expect(fixture.tag("Shoygu dan PKT di Tiongkok-Rusia") ==
            "⟦sergei-shoigu|Shoygu⟧ dan ⟦communist-party-of-china,pupuk-kalimantan-timur|PKT⟧ di ⟦china|Tiongkok⟧-⟦russia|Rusia⟧")
    }

    @Test("tag is undone by Tagging.untag, even around literal brackets")
    func tagIsReversible() throws {
        let text = "⟦⟦Rusia|x⟧ ⟧Shoigu⟦ Rusianya ⟦china|Cina⟧"
        let tagged = fixture.render(text, format: .tag, language: "en")
        #expect(try Tagging.untag(tagged) == Array(text.utf8))
        #expect(String(decoding: tagged, as: UTF8.self).contains("⟦russia|Rusia⟧nya"))
    }

    @Test("jsonl lists input, line, byte offsets, surface, concept, term and canonical")
    func jsonLines() {
        let out = String(decoding: fixture.render("Kata\nMenlu Sergey Lavrov dan Shoygu\nPKT", format: .jsonl, language: "en", input: "a.txt"), as: UTF8.self)
        let lines = out.split(separator: "\n").map(String.init)
        #expect(lines == [
            #"{"input":"a.txt","line":2,"start":24,"end":30,"surface":"Shoygu","id":"sergei-shoigu","kind":"person","term":"Shoigu","lang":"en","form":"short","status":"pref","canonical":"Shoigu","resolution":"unique","mixed_script":false}"#,
            #"{"input":"a.txt","line":3,"start":0,"end":3,"surface":"PKT","id":null,"candidates":[{"id":"communist-party-of-china","kind":"organisation","term":"PKT","lang":"id"},{"id":"pupuk-kalimantan-timur","kind":null,"term":"PKT","lang":"id"}],"resolution":"ambiguous","mixed_script":false}"#,
        ])
    }

    @Test("jsonl escapes what JSON requires")
    func jsonEscaping() {
        let out = String(decoding: fixture.render("Rusia", format: .jsonl, language: "en", input: "a \"b\"\\c\t.txt"), as: UTF8.self)
        #expect(out.hasPrefix(#"{"input":"a \"b\"\\c\t.txt","#))
    }

    @Test("Offsets index the input bytes exactly, whatever comes before")
    func offsetsSliceTheSurface() {
        let bytes: [UInt8] = [0xFF, 0xFE] + Array(" 王毅 Шойгу\u{00A0}Rusia".utf8)
        bytes.withUnsafeBufferPointer { buffer in
            let mentions = fixture.mentions(inUTF8: buffer)
            #expect(mentions.count == 3)
            for mention in mentions {
                #expect(String(decoding: buffer[mention.range], as: UTF8.self) == mention.surface)
            }
        }
    }

    @Test("Preferred terms fall back from the form to full, and from the language to und")
    func preferredFallback() {
        #expect(fixture.preferredTerm(conceptID: "sergei-shoigu", language: "en", form: .abbr)?.term == "Sergei Shoigu")
        #expect(fixture.preferredTerm(conceptID: "covid-19", language: "fr", form: .full)?.term == "COVID-19")
        #expect(fixture.preferredTerm(conceptID: "russia", language: "fr", form: .full) == nil)
        #expect(fixture.languages == ["en", "id", "und", "zh"])
    }

    // --to auto: each paragraph's mentions in the paragraph's language, told by its
    // function words; a paragraph that cannot tell takes its document's so far.
    static let automatic: [(String, String)] = [
        ("Menlu Rusia tiba di Moskwa dengan PBB.", "Menlu Rusia tiba di Moskow dengan PBB."),
        ("The minister of Rusia arrived in Moskwa for the PBB talks.", "The minister of Russia arrived in Moscow for the UN talks."),
        ("Rusia", "Russia"),
        ("Dia tiba di Moskwa.\nMOSKWA", "Dia tiba di Moskow.\nMOSKOW"),
        ("It arrived in Moskwa.\nMOSKWA", "It arrived in Moscow.\nMOSCOW"),
        ("Dia tiba di Moskwa yang dingin.\nThe minister arrived in Moskwa.", "Dia tiba di Moskow yang dingin.\nThe minister arrived in Moscow."),
    ]

    @Test("--to auto writes each paragraph in its own language", arguments: automatic)
    func automaticLanguage(_ example: (String, String)) {
        #expect(fixture.normalize(example.0, to: LineNormalizer.automatic) == example.1)
    }

    @Test("--to auto: jsonl names the canonical term of the paragraph's language")
    func automaticCanonical() {
        let jsonl = String(decoding: fixture.render("Dia tiba di Moskwa.\nIt arrived in Moskwa.", format: .jsonl, language: LineNormalizer.automatic), as: UTF8.self)
        let canonical = jsonl.split(separator: "\n").map { $0.contains(#""canonical":"Moskow""#) ? "id" : $0.contains(#""canonical":"Moscow""#) ? "en" : "?" }
        #expect(canonical == ["id", "en"])
    }

    @Test("Regression: a replacement in capitals does not make the line a headline (normalizing twice changed MOSKOW)")
    func replacementKeepsHeadlines() {
        // Ｐ Ｂ Ｂ (three one-letter words) becomes UN (an all-caps word); had UN counted
        // for the headline rule, the second pass would have read MOSKOW in a headline.
        let line: [UInt8] = Array("Kata MOSKOW COVID \u{0}Ｐ Ｂ Ｂ".utf8)
        let once = fixture.render(line, format: .text, language: "en")
        #expect(String(decoding: once, as: UTF8.self) == "Kata MOSKOW COVID \u{0}UN")
        #expect(fixture.render(once, format: .text, language: "en") == once)
    }

    @Test("Regression: a deferred paragraph keeps buffers of its own size (memory grew by the largest paragraph's, per deferred one)")
    func deferredParagraphIsCompact() {
        var normalizer = LineNormalizer(matcher: fixture, format: .text, language: "en")
        var out: [UInt8] = []
        normalizer.beginSlice()
        // A long paragraph with many mentions makes the workspace's buffers large.
        var long = Array(String(repeating: "Sergey Shoygu dan Cina. ", count: 2_000).utf8)
        let first = long.withUnsafeBufferPointer {
            normalizer.processInSlice($0, startsDocument: false, input: "-", lineNumber: 1, offset: 0, into: &out)
        }
        #expect(first == nil, "full forms depend on no document")
        // Li needs the document's introduction, which only the slice before may hold.
        long = Array("Li berkata.".utf8)
        let deferred = long.withUnsafeBufferPointer {
            normalizer.processInSlice($0, startsDocument: false, input: "-", lineNumber: 2, offset: 0, into: &out)
        }
        let storage = deferred?.storage
        #expect(storage?.count == 2)
        #expect((storage?.capacity ?? .max) < 100)
    }
}
