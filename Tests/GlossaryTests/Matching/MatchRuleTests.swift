@testable import Glossary
import Testing

/// The match rules of DESIGN.md, by their numbers there: one table per rule, each test
/// named after the rule it checks. The sentences are written for these tests in the
/// style of Indonesian and English wire copy.
@Suite("What counts as a mention")
struct MatchRuleTests {
    // Rule 1: whole tokens, leftmost-longest, no overlaps; hyphens separate words.
    static let wholeWords: [Case] = [
        Case("Delegasi Partai Komunis Tiongkok tiba kemarin.", [("Partai Komunis Tiongkok", "communist-party-of-china")]),
        Case("Kerajaan Prusia dan Belarusia bukan Rusia.", [("Rusia", "russia")]),
        Case("Hubungan Tiongkok-Rusia makin erat.", [("Tiongkok", "china"), ("Rusia", "russia")]),
        Case("Rusia–Tiongkok", [("Rusia", "russia"), ("Tiongkok", "china")]),
        Case("RusiaTiongkok", []),
        Case("Shoigus and Shoiguist are not names", []),
        Case("Menlu Wang Yi, Shoigu, dan Xi Jinping.", [("Wang Yi", "wang-yi"), ("Shoigu", "sergei-shoigu"), ("Xi Jinping", "xi-jinping")]),
        Case("Wang bertemu Shoigu", [("Wang", "wang-yi"), ("Shoigu", "sergei-shoigu")]),
        Case("(PKC)", [("PKC", "communist-party-of-china")]),
        Case("Communist Party of China/CPC", [("Communist Party of China", "communist-party-of-china"), ("CPC", "communist-party-of-china")]),
        Case("tiba di St. Petersburg kemarin", [("St. Petersburg", "saint-petersburg")]),
        Case("pandemi COVID-19 mereda", [("COVID-19", "covid-19")]),
        Case("Wang\u{1}Yi", [("Wang", "wang-yi")]),
    ]

    @Test("Rule 1: whole tokens, leftmost-longest, no overlaps", arguments: wholeWords)
    func wholeWordsLeftmostLongest(_ example: Case) {
        #expect(found(example.text) == example.pairs)
    }

    // Rule 2: one key for all spellings, and separators do not count.
    static let spellings: [Case] = [
        Case("Sergey Shoygu hadir.", [("Sergey Shoygu", "sergei-shoigu")]),
        Case("Sergei Shoigu hadir.", [("Sergei Shoigu", "sergei-shoigu")]),
        Case("SHOIGU", [("SHOIGU", "sergei-shoigu")]),
        Case("Kata Sho\u{0069}\u{0301}gu kemarin.", [("Sho\u{0069}\u{0301}gu", "sergei-shoigu")]),
        Case("Kata Sho\u{00ED}gu kemarin.", [("Sho\u{00ED}gu", "sergei-shoigu")]),
        Case("Министр Шойгу заявил", [("Шойгу", "sergei-shoigu")]),
        Case("Сергей Шойгу заявил", [("Сергей Шойгу", "sergei-shoigu")]),
        Case("Kata Sh\u{043E}igu kemarin.", [("Sh\u{043E}igu", "sergei-shoigu")]),
        Case("Ｓｈｏｉｇｕ dan ＰＢＢ", [("Ｓｈｏｉｇｕ", "sergei-shoigu"), ("ＰＢＢ", "united-nations")]),
        Case("主席习近平表示", [("习近平", "xi-jinping")]),
        Case("主席習近平表示", [("習近平", "xi-jinping")]),
        Case("Москва", []),
    ]

    @Test("Rule 2: spelling-insensitive match keys", arguments: spellings)
    func spellingInsensitive(_ example: Case) {
        #expect(found(example.text) == example.pairs)
    }

    static let separators: [Case] = [
        Case("Organisasi Kerja Sama Shanghai", [("Organisasi Kerja Sama Shanghai", "shanghai-cooperation-organisation")]),
        Case("Organisasi Kerjasama Shanghai", [("Organisasi Kerjasama Shanghai", "shanghai-cooperation-organisation")]),
        Case("Organisasi Kerja-sama Shanghai", [("Organisasi Kerja-sama Shanghai", "shanghai-cooperation-organisation")]),
        Case("Organisasi  Kerja\u{00A0}Sama\tShanghai", [("Organisasi  Kerja\u{00A0}Sama\tShanghai", "shanghai-cooperation-organisation")]),
        Case("Perserikatan Bangsa Bangsa", [("Perserikatan Bangsa Bangsa", "united-nations")]),
        Case("Perserikatan Bangsa-Bangsa", [("Perserikatan Bangsa-Bangsa", "united-nations")]),
        Case("kawasan Asia Pasifik", [("Asia Pasifik", "asia-pacific")]),
        Case("kawasan Asia-Pasifik", [("Asia-Pasifik", "asia-pacific")]),
        Case("Wang\u{3000}Yi", [("Wang\u{3000}Yi", "wang-yi")]),
    ]

    @Test("Rule 2: spaces and hyphens inside a term do not count", arguments: separators)
    func separatorsInsideTerms(_ example: Case) {
        #expect(found(example.text) == example.pairs)
    }

    // Rule 3: Han and kana match from any character, two or more of them, nothing else.
    static let han: [Case] = [
        Case("中国外长王毅会见", [("中国", "china"), ("王毅", "wang-yi")]),
        Case("他说中国", [("中国", "china")]),
        Case("中国人", [("中国", "china")]),
        Case("王 说", []),
        Case("中国Rusia", [("中国", "china"), ("Rusia", "russia")]),
        // By characters, never by their reading: homophones do not meet, and Han text
        // does not meet a Latin-only term (beijing has no 北京).
        Case("背景音乐", []),
        Case("他在北京", []),
        Case("西平", []),
    ]

    @Test("Rule 3: Han and kana", arguments: han)
    func hanAndKana(_ example: Case) {
        #expect(found(example.text) == example.pairs)
    }

    // Rule 4: abbreviations only in their own case.
    static let abbreviations: [Case] = [
        Case("Sidang PBB dibuka.", [("PBB", "united-nations")]),
        Case("tagihan pbb naik", []),
        Case("Pbb", []),
        Case("Presiden AS tiba.", [("AS", "united-states")]),
        Case("as well as the US", [("US", "united-states")]),
        Case("Us", []),
        Case("ＰＢＢ", [("ＰＢＢ", "united-nations")]),
        // In the abbreviation's own script only: no look-alike or accented letters.
        Case("\u{0410}S", []),
        Case("\u{00DC}S dan \u{016A}\u{0561}", []),
        // +titlecase: the press casing of an acronym read as a word, and only that.
        Case("KTT ASEAN di Jakarta", [("ASEAN", "asean")]),
        Case("KTT Asean di Jakarta", [("Asean", "asean")]),
        Case("Ａｓｅａｎ", [("Ａｓｅａｎ", "asean")]),
        Case("KTT asean", []),
        Case("AseaN dan ASean", []),
        Case("Pbb dan Pkt", []),
    ]

    @Test("Rule 4: abbreviations match only in their own case", arguments: abbreviations)
    func abbreviationsInTheirCase(_ example: Case) {
        #expect(found(example.text) == example.pairs)
    }

    // Rule 5: a capitalised one-word name never matches an all-lowercase word, and a
    // capitalised name of several words needs a capital that does not just open a sentence.
    static let lowercaseWords: [Case] = [
        Case("pinjam wang dari bank", []),
        Case("Wang tiba", [("Wang", "wang-yi")]),
        Case("barang buatan china", []),
        Case("wang yi tiba", []),
        Case("partai komunis tiongkok", []),
        Case("kata Wang yi", [("Wang yi", "wang-yi")]),
        Case("Perang Dingin berakhir.", [("Perang Dingin", "cold-war")]),
        Case("Ini Perang dingin baru.", [("Perang dingin", "cold-war")]),
        Case("Perang dingin antara dua artis.", []),
        Case("Mereka tertawa. Perang dingin usai.", []),
        Case("ada perang dingin di rumah", []),
        Case("The Cold War ended.", [("Cold War", "cold-war")]),
        Case("a cold war between two stars", []),
        Case("Dunia multipolar", [("Dunia multipolar", "multipolar-world")]),
        Case("membangun dunia multipolar", [("dunia multipolar", "multipolar-world")]),
    ]

    @Test("Rule 5: lowercase words", arguments: lowercaseWords)
    func lowercaseWordsOfNames(_ example: Case) {
        #expect(found(example.text) == example.pairs)
    }

    // Rule 6: all-caps words match names only in headlines and datelines.
    static let allCaps: [Case] = [
        Case("SHOIGU BERTEMU WANG YI", [("SHOIGU", "sergei-shoigu"), ("WANG YI", "wang-yi")]),
        Case("Menurut SHOIGU, pasukan siap.", []),
        Case("MOSKOW – Menteri itu tiba.", [("MOSKOW", "moscow")]),
        Case("Kami tiba di MOSKOW kemarin.", []),
        // A wire service's dateline: a credit and a date between the city and the dash.
        Case("MOSKOW (AP) - Menteri itu tiba.", [("MOSKOW", "moscow")]),
        Case("MOSKOW, 21 Jan (Reuters) - Menteri itu tiba.", [("MOSKOW", "moscow")]),
        Case("MOSKOW (tiga kata lain di sini lalu banyak sekali kata lagi) - tiba.", []),
        Case("Di MOSKOW (AP) - Menteri itu tiba.", []),
        Case("Virus COVID-19", [("COVID-19", "covid-19")]),
        // In a headline, an abbreviation that is also a word counts only where the
        // headline's function words say its language.
        Case("PRESIDEN AS TIBA DI MOSKOW", [("AS", "united-states"), ("MOSKOW", "moscow")]),
        Case("STOCKS RISE AS MARKETS OPEN", []),
        Case("STOCKS RISE AS THE US OPENS TALKS", [("US", "united-states")]),
    ]

    @Test("Rule 6: all-caps words", arguments: allCaps)
    func allCapsWords(_ example: Case) {
        #expect(found(example.text) == example.pairs)
    }

    // Rule 7: Indonesian clitics.
    static let clitics: [Case] = [
        Case("Rusianya", [("Rusia", "russia")]),
        Case("PKT-nya", [("PKT", "communist-party-of-china,pupuk-kalimantan-timur")]),
        Case("Politbiro PKTnya", [("PKT", "communist-party-of-china")]),
        Case("Shoigu-lah yang datang", [("Shoigu", "sergei-shoigu")]),
        Case("Tiongkokpun setuju", [("Tiongkok", "china")]),
        Case("Moskowkah tujuannya?", [("Moskow", "moscow")]),
        Case("Dewan Tiongkoknyapun", []),
    ]

    @Test("Rule 7: Indonesian clitics", arguments: clitics)
    func indonesianClitics(_ example: Case) {
        #expect(found(example.text) == example.pairs)
    }

    // Rule 8: the row a mention reports: spelled like the surface, then the best status,
    // then the first (surface, term, language, status).
    static let rows: [(String, String, String, TermStatus)] = [
        ("China", "China", "en", .preferred),
        ("Cina", "Cina", "id", .deprecated),
        ("Sergey Shoygu", "Sergei Shoigu", "en", .preferred),
        ("Moskwa", "Moskwa", "id", .admitted),
    ]

    @Test("Rule 8: which row a mention reports", arguments: rows)
    func whichRow(_ example: (String, String, String, TermStatus)) throws {
        let sense = try #require(fixture.mentions(in: "kata \(example.0) kata").first?.sense)
        #expect(sense.term.term == example.1)
        #expect(sense.term.language == example.2)
        #expect(sense.term.status == example.3)
    }

    // Rule 9: shared spellings.
    static let ambiguity: [Case] = [
        Case("Harga pupuk dari PKT naik.", [("PKT", "pupuk-kalimantan-timur")]),
        Case("Sidang Politbiro PKT digelar.", [("PKT", "communist-party-of-china")]),
        Case("Kongres Partai Komunis Tiongkok: PKT memilih pemimpin.", [("Partai Komunis Tiongkok", "communist-party-of-china"), ("PKT", "communist-party-of-china")]),
        Case("PKT mengumumkan hasilnya.", [("PKT", "communist-party-of-china,pupuk-kalimantan-timur")]),
        Case("Sidang Umum PBB dibuka.", [("PBB", "united-nations")]),
        Case("Pembayaran pajak PBB diperpanjang.", [("PBB", "land-and-building-tax")]),
        Case("Pupuk Kalimantan Timur (PKT) dan urea", [("Pupuk Kalimantan Timur", "pupuk-kalimantan-timur"), ("PKT", "pupuk-kalimantan-timur")]),
        // An Indonesian context word counts in its inflected forms and with clitics.
        Case("Warga membayar PBB tepat waktu.", [("PBB", "land-and-building-tax")]),
        Case("Batas pembayaran PBB diundur.", [("PBB", "land-and-building-tax")]),
        Case("PBB dibayarkan bulan ini.", [("PBB", "land-and-building-tax")]),
        Case("Pajaknya naik, PBB juga.", [("PBB", "land-and-building-tax")]),
        Case("Warga menunggu PBB.", [("PBB", "united-nations")]),
    ]

    @Test("Rule 9: a shared spelling goes to the concept its paragraph supports", arguments: ambiguity)
    func ambiguousSpellings(_ example: Case) {
        #expect(found(example.text) == example.pairs)
    }

    @Test("Rule 9: how each shared spelling was resolved")
    func resolutions() {
        #expect(fixture.mentions(in: "pupuk PKT").map(\.resolution) == [.context])
        #expect(fixture.mentions(in: "PBB").map(\.resolution) == [.defaultSense])
        #expect(fixture.mentions(in: "PKT").map(\.resolution) == [.ambiguous])
        #expect(fixture.mentions(in: "PKT").first?.sense == nil)
        #expect(fixture.mentions(in: "Rusia").map(\.resolution) == [.unique])
    }

    @Test("Rules 1 and 9: a paragraph is a line, and a context word on another line does not count")
    func paragraphIsALine() {
        let mentions = fixture.mentions(in: "pupuk\nPKT")
        #expect(mentions.map(\.resolution) == [.ambiguous])
    }

    // Rule 9 in documents: a shared spelling that its paragraph leaves undecided goes to
    // the one candidate an earlier paragraph introduced (surface, concepts, resolution).
    static let documents: [(String, String, String, Resolution)] = [
        ("Pupuk Kalimantan Timur (PKT) membuka pabrik.\nPKT mengumumkan hasilnya.", "PKT", "pupuk-kalimantan-timur", .document),
        ("Partai Komunis Tiongkok bersidang.\nRapat usai.\nPKT mengumumkan hasilnya.", "PKT", "communist-party-of-china", .document),
        ("PKT mengumumkan hasilnya.\nPupuk Kalimantan Timur membuka pabrik.", "PKT", "communist-party-of-china,pupuk-kalimantan-timur", .ambiguous),
        ("Partai Komunis Tiongkok dan Pupuk Kalimantan Timur.\nPKT mengumumkan hasilnya.", "PKT", "communist-party-of-china,pupuk-kalimantan-timur", .ambiguous),
        ("Pupuk Kalimantan Timur membuka pabrik.\nSidang Politbiro PKT.", "PKT", "communist-party-of-china", .context),
        ("Sidang Umum Perserikatan Bangsa-Bangsa.\nKabar PBB datang.", "PBB", "united-nations", .document),
        ("Pajak Bumi dan Bangunan naik.\nKabar PBB datang.", "PBB", "land-and-building-tax", .document),
        ("Sidang dibuka.\nKabar PBB datang.", "PBB", "united-nations", .defaultSense),
    ]

    @Test("Rule 9: an earlier paragraph of the document decides what the paragraph leaves undecided", arguments: documents)
    func documentEvidence(_ example: (String, String, String, Resolution)) throws {
        let mention = try #require(fixture.mentions(in: example.0).last { $0.surface == example.1 })
        #expect(mention.senses.map(\.conceptID).joined(separator: ",") == example.2)
        #expect(mention.resolution == example.3)
    }

    // Rule 10: a short form marked +intro (Li, a surname millions share) counts only
    // after its concept is introduced: earlier in the document, or anywhere in the
    // paragraph by another mention or a context word (text, mentions, resolutions).
    static let introductions: [(String, [(String, String)], [Resolution])] = [
        ("Li tiba kemarin.", [], []),
        ("Li said on Monday that talks would go on.", [], []),
        ("Li Qiang tiba, lalu Li menyapa wartawan.", [("Li Qiang", "li-qiang"), ("Li", "li-qiang")], [.unique, .context]),
        ("Li menyapa wartawan, kata Li Qiang.", [("Li", "li-qiang"), ("Li Qiang", "li-qiang")], [.context, .unique]),
        ("Perdana Menteri Li tiba.", [("Li", "li-qiang")], [.context]),
        ("Li Qiang tiba di Moskow.\nLi menyapa wartawan.", [("Li Qiang", "li-qiang"), ("Moskow", "moscow"), ("Li", "li-qiang")], [.unique, .unique, .document]),
        ("Li menyapa wartawan.\nLi Qiang tiba.", [("Li Qiang", "li-qiang")], [.unique]),
        ("Li-nya", [], []),
    ]

    @Test("Rule 10: a short form that needs an introduction counts only after one", arguments: introductions)
    func shortFormsNeedAnIntroduction(_ example: (String, [(String, String)], [Resolution])) {
        let mentions = fixture.mentions(in: example.0)
        #expect(mentions.map { Pair($0.surface, $0.senses.map(\.conceptID).joined(separator: ",")) } == example.1.map { Pair($0.0, $0.1) })
        #expect(mentions.map(\.resolution) == example.2)
    }

    // Rule 11: a short form stands alone; joined by spaces to a capitalised name word
    // that no term, context word or title covers, it is part of another name, and that
    // namesake makes the bare short forms of the concept doubtful in the rest of the
    // paragraph and the document, until the concept itself is introduced (text, mentions).
    static let standingAlone: [(String, [(String, String)])] = [
        ("Hunter Biden tiba di Beijing.", [("Beijing", "beijing")]),
        // A city's one-word name stands alone too; a country's need not (Presiden Rusia).
        ("Klub Spartak Moskow menang di Moskow Senin.", [("Moskow", "moscow")]),
        ("Rusia Moskow", [("Rusia", "russia"), ("Moskow", "moscow")]),
        ("Timnas Rusia dan Presiden Rusia", [("Rusia", "russia"), ("Rusia", "russia")]),
        ("Jill Biden dan Wang Hao hadir.", []),
        ("Ben Wang menang, Wang Min-jae kalah.", []),
        ("Presiden Biden tiba.", [("Biden", "joe-biden")]),
        ("President Biden said Mr Biden would come.", [("Biden", "joe-biden"), ("Biden", "joe-biden")]),
        ("Menlu Wang tiba.", [("Wang", "wang-yi")]),
        ("Namun Biden menolak.", [("Biden", "joe-biden")]),
        ("Menurut Biden, Rabu lalu Wang datang.", [("Biden", "joe-biden"), ("Wang", "wang-yi")]),
        ("Biden Senin lalu tiba di Jepang.", [("Biden", "joe-biden"), ("Jepang", "japan")]),
        ("Rusia Shoigu dan Tiongkok Wang", [("Rusia", "russia"), ("Shoigu", "sergei-shoigu"), ("Tiongkok", "china"), ("Wang", "wang-yi")]),
        ("Biden, Hunter dan Wang", [("Biden", "joe-biden"), ("Wang", "wang-yi")]),
        ("Wang-lah yang datang", [("Wang", "wang-yi")]),
        // Regression: spaces mixed with no-break ones still join (the window read for
        // rule 11 ended at the no-break space).
        ("Hunter \u{202F} Biden tiba.", []),
        // Regression (the json fuzzer): a namesake that shares a token with a mention is
        // none, or rewriting U S to US would change what the paragraph met.
        ("Uy Shoyg U S~Shoygu", [("U S", "united-states"), ("Shoygu", "sergei-shoigu")]),
        ("Pemain Wang \u{00A0} Hao menang.", []),
        ("Сказал Даниил Шойгу.", []),
        ("Biden pulang, kata Hunter Biden.", [("Biden", "joe-biden")]),
        ("Hunter Biden tiba, lalu Biden pulang.", []),
        // Regression: every later bare short form is doubtful, not only the first.
        ("Hunter Biden tiba, lalu Biden pulang dan Biden tidur.", []),
        ("Hunter Biden tiba.\nBiden pulang.", []),
        ("Joe Biden tiba.\nHunter Biden menyusul.\nBiden pulang.", [("Joe Biden", "joe-biden"), ("Biden", "joe-biden")]),
        ("Hunter Biden tiba.\nJoe Biden dan Biden pulang.", [("Joe Biden", "joe-biden"), ("Biden", "joe-biden")]),
        // A city's namesake makes its later bare name doubtful, unless a locative stands
        // right before it (di, ke, dari, kota; in, at, to, from, city).
        ("Klub Spartak Moskow menang.\nMoskow menolak hasil itu.", []),
        ("Klub Spartak Moskow menang, Moskow menolak.", []),
        ("Klub Spartak Moskow menang.\nLaga berikutnya di Moskow.", [("Moskow", "moscow")]),
        ("Klub Spartak Moskow menang.\nMereka pulang ke  Moskow.", [("Moskow", "moscow")]),
        ("Spartak Moscow won.\nMoscow protested.", []),
        ("Spartak Moscow won.\nThe fans stayed in Moscow.", [("Moscow", "moscow")]),
        ("Spartak Moscow won.\nThe fans stayed in-Moscow.", []),
        ("Moskow menolak.\nKlub Spartak Moskow menang.\nMoskow menolak lagi.", [("Moskow", "moscow"), ("Moskow", "moscow")]),
    ]

    @Test("Rule 11: a short form joined to another name is part of that name", arguments: standingAlone)
    func shortFormsStandAlone(_ example: (String, [(String, String)])) {
        let mentions = fixture.mentions(in: example.0)
        #expect(mentions.map { Pair($0.surface, $0.senses.map(\.conceptID).joined(separator: ",")) } == example.1.map { Pair($0.0, $0.1) })
    }

    // Rule 12: a protected name (the name of something else that holds a listed word)
    // is no mention, and neither is any word inside it.
    static let protectedNames: [Case] = [
        Case("Saham Bank of China naik.", []),
        Case("Bank China naik.", [("China", "china")]),
        Case("Ia belajar bahasa Jepang di Japan.", [("Japan", "japan")]),
        Case("Jepang dan bahasa Jepang", [("Jepang", "japan")]),
        Case("BANK OF CHINA NAIK", []),
        Case("Polisi menangkap pria berinisial AS di Jepang.", [("Jepang", "japan")]),
        Case("Bank of China adalah bank.", []),
    ]

    // Rule 12: the abbreviations and short forms inside a protected name are namesakes:
    // later in the paragraph and the document they count only where their concept was
    // introduced (text, mentions).
    static let protectedNamesakes: [(String, [(String, String)])] = [
        ("Polisi menangkap pria berinisial AS.\nAS mengaku menyesal.", []),
        ("Pria berinisial AS ditangkap; AS mengaku.", []),
        ("AS mengecam, lalu polisi menangkap pria berinisial AS.", [("AS", "united-states")]),
        ("Amerika Serikat mengecam.\nPolisi menangkap pria berinisial AS.\nAS mengaku.", [("Amerika Serikat", "united-states"), ("AS", "united-states")]),
        // A city's one-word name inside a protected name: the later bare name needs an
        // introduction or a locative.
        ("Lokomotiv Moscow won.\nMoscow protested.", []),
        ("Lokomotiv Moscow won.\nThe fans stayed in Moscow.", [("Moscow", "moscow")]),
        ("Moscow protested.\nLokomotiv Moscow won.\nMoscow protested again.", [("Moscow", "moscow"), ("Moscow", "moscow")]),
    ]

    @Test("Rule 12: an abbreviation inside a protected name makes the later ones need an introduction", arguments: protectedNamesakes)
    func protectedNamesakesNeedAnIntroduction(_ example: (String, [(String, String)])) {
        let mentions = fixture.mentions(in: example.0)
        #expect(mentions.map { Pair($0.surface, $0.senses.map(\.conceptID).joined(separator: ",")) } == example.1.map { Pair($0.0, $0.1) })
    }

    @Test("Rule 12: a protected name is no mention, nor are the words inside it", arguments: protectedNames)
    func protectedNamesAreNoMentions(_ example: Case) {
        #expect(found(example.text) == example.pairs)
    }

    @Test("Rule 12: text output leaves a protected name as it is written")
    func protectedNamesAreNotRewritten() {
        let text = "Bank of China dan bahasa Jepang, Jepang"
        #expect(fixture.normalize(text, to: "en") == "Bank of China dan bahasa Jepang, Japan")
    }

    @Test("Kinds: an idea is found and resolved, but is no mention unless its kind is asked for")
    func kindsLeftOut() throws {
        #expect(found("Mereka menolak hegemoni Shoigu.") == [Pair("Shoigu", "sergei-shoigu")])
        let all = try Matcher(table: fixture.table, kinds: Set(ConceptKind.allCases))
        #expect(found("Mereka menolak hegemoni Shoigu.", in: all) == [Pair("hegemoni", "hegemony"), Pair("Shoigu", "sergei-shoigu")])
        #expect(fixture.normalize("hegemoni", to: "en") == "hegemoni")
        #expect(all.normalize("hegemoni", to: "en") == "hegemony")
        #expect(fixture.mentions(in: "Shoigu").first?.sense?.kind == .person)
        #expect(fixture.mentions(in: "Rusia").first?.sense?.kind == nil)
    }

    @Test("Rule 2: mixed-script spellings match, and are flagged")
    func mixedScript() {
        #expect(fixture.mentions(in: "Sh\u{043E}igu").map(\.isMixedScript) == [true])
        #expect(fixture.mentions(in: "Shoigu").map(\.isMixedScript) == [false])
        #expect(fixture.mentions(in: "Шойгу").map(\.isMixedScript) == [false])
    }

    @Test("Rules 4 and 5: a lowercase term still matches in lowercase, next to an abbreviation that needs its capitals")
    func lowercaseTerms() throws {
        // The cold loop passes over a lowercase word only when every key ending there
        // needs capitals; a term written in lowercase must still be found.
        let table = try TermTable(parsing: """
            \(TermTable.header)
            petrodollar\tid\tpetrodolar\tshort\tpref
            petrodollar\ten\tpetrodollar\tshort\tpref
            united-states\tid\tAS\tabbr\tpref
            united-states\ten\tUS\tabbr\tpref
            """)
        let matcher = try Matcher(table: table)
        let found = matcher.mentions(in: "isu petrodolar dibahas as dan AS").map { "\($0.surface)→\($0.sense?.conceptID ?? "?")" }
        #expect(found == ["petrodolar→petrodollar", "AS→united-states"])
    }

    @Test("Ranges are UTF-8 byte offsets into the text")
    func byteRanges() {
        let text = "Menlu Шойгу\nдиплом 王毅!"
        let utf8 = Array(text.utf8)
        for mention in fixture.mentions(in: text) {
            #expect(String(decoding: utf8[mention.range], as: UTF8.self) == mention.surface)
        }
        #expect(fixture.mentions(in: text).count == 2)
    }

    @Test("Regression: rule 11 reads the words around a short form, not its whole paragraph (a paragraph of a megabyte took ten more)")
    func nameWordsReadNearby() {
        let filler = String(repeating: "kata demi kata ", count: 5_000)
        let line = Array((filler + "pemain Wang Hao menang, " + filler + "kata Wang Yi.").utf8)
        var workspace = ScanWorkspace()
        let found = line.withUnsafeBufferPointer { fixture.mentions(inParagraph: $0, workspace: &workspace) }
        #expect(found.map(\.surface) == ["Wang Yi"], "Wang Hao is someone else")
        #expect(workspace.whole.tokens.count < 10)
    }
}
