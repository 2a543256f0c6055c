import Glossary
import Testing

/// The shipped table (Data/terms.tsv) on sentences written for these tests in the
/// manner of Indonesian wire copy about China–Russia relations.
@Suite("The shipped table")
struct ShippedTableTests {
    /// Every kind, ideas too, as the seed articles name them.
    static let matcher: Matcher = {
        do { return try Matcher.shipped(kinds: Set(ConceptKind.allCases)) } catch { fatalError("the shipped table does not load:\n\(error)") }
    }()

    @Test("gives every concept with terms a kind, and leaves ideas out of the mentions by default")
    func kinds() throws {
        let table = Self.matcher.table
        let named = Set(table.rows.filter(\.form.isTerm).map(\.conceptID))
        #expect(named.subtracting(table.kinds.keys).sorted() == [])
        let sentence = "Tiongkok menolak hegemoni dan mendukung dunia multipolar."
        #expect(found(sentence, in: try Matcher.shipped()) == [Pair("Tiongkok", "china")])
        #expect(found(sentence, in: Self.matcher) == [Pair("Tiongkok", "china"), Pair("hegemoni", "hegemony"), Pair("dunia multipolar", "multipolar-world")])
    }

    @Test("gives +titlecase only to acronyms read as words (Asean), never to initialisms read letter by letter (PBB, AS)")
    func pressCasing() {
        let titlecased = Self.matcher.table.rows.filter(\.alsoTitlecase).map(\.term)
        #expect(!titlecased.isEmpty)
        for term in titlecased {
            // An acronym read as a word has four letters or more and a vowel after its first.
            #expect(term.count >= 4 && term.dropFirst().contains(where: { "AEIOU".contains($0) }), "\(term)")
        }
        #expect(Set(titlecased).isDisjoint(with: ["PBB", "AS", "UE", "PKT", "RI", "US", "UN", "EU", "UNSC", "RRT", "PRC"]))
    }

    @Test("loads, with at least 60 concepts, each with preferred full terms in en and id")
    func loads() {
        let table = Self.matcher.table
        #expect(table.conceptIDs.count >= 60)
        // Ids whose rows are only titles or protected names are no concepts to normalize to.
        let named = Set(table.rows.filter(\.form.isTerm).map(\.conceptID))
        for id in table.conceptIDs where named.contains(id) {
            for language in ["en", "id"] {
                let row = Self.matcher.preferredTerm(conceptID: id, language: language, form: .full)
                #expect(row?.language == language && row?.form == .full, "\(id) has no preferred full term in \(language)")
            }
        }
        #expect(Set(Self.matcher.languages).isSuperset(of: ["en", "id", "ru", "zh"]))
    }

    static let sentences: [Case] = [
        Case("Menlu Tiongkok Wang Yi menerima Sergey Shoygu di Beijing.",
             [("Tiongkok", "china"), ("Wang Yi", "wang-yi"), ("Sergey Shoygu", "sergei-shoigu"), ("Beijing", "beijing")]),
        Case("Sekretaris Dewan Keamanan Federasi Rusia Nikolai Patrushev tiba di Moskwa.",
             [("Dewan Keamanan Federasi Rusia", "russian-security-council"), ("Nikolai Patrushev", "nikolai-patrushev"), ("Moskwa", "moscow")]),
        Case("Partai Komunis China (PKC) dan Partai Komunis Tiongkok (PKT) adalah nama yang sama.",
             [("Partai Komunis China", "communist-party-of-china"), ("PKC", "communist-party-of-china"),
              ("Partai Komunis Tiongkok", "communist-party-of-china"), ("PKT", "communist-party-of-china")]),
        Case("Organisasi Kerjasama Shanghai (SCO) dan Perserikatan Bangsa Bangsa (PBB) bersidang.",
             [("Organisasi Kerjasama Shanghai", "sco"), ("SCO", "sco"), ("Perserikatan Bangsa Bangsa", "united-nations"), ("PBB", "united-nations")]),
        Case("Hubungan Rusia-Tiongkok dan kerja sama negara-negara selatan dunia (Global South).",
             [("Rusia", "russia"), ("Tiongkok", "china"), ("negara-negara selatan dunia", "global-south"), ("Global South", "global-south")]),
        Case("Mereka menolak mentalitas Perang Dingin dan mendukung dunia multipolar.",
             [("mentalitas Perang Dingin", "cold-war-mentality"), ("dunia multipolar", "multipolar-world")]),
        Case("Kemitraan strategis komprehensif kedua negara berlanjut.",
             [("Kemitraan strategis komprehensif", "comprehensive-strategic-partnership")]),
        Case("Шойгу и Лавров прибыли в Москву.", [("Шойгу", "sergei-shoigu"), ("Лавров", "sergei-lavrov")]),
        Case("习近平会见普京", [("习近平", "xi-jinping"), ("普京", "vladimir-putin")]),
        Case("Pabrik PKT di Bontang memproduksi urea.", [("PKT", "pupuk-kalimantan-timur")]),
        Case("Warga membayar pajak PBB di kantor kecamatan.", [("PBB", "land-and-building-tax")]),
        Case("Menlu Wang Yi tiba.\nDia pinjam wang dari bank, kata Wang.", [("Wang Yi", "wang-yi"), ("Wang", "wang-yi")]),
        Case("Pebulu tangkis Wang Hao menang, kata Zhang.", []),
        Case("Tentara AS dan Rusianya", [("AS", "united-states"), ("Rusia", "russia")]),
    ]

    @Test("finds every mention in sentences like the seed articles", arguments: sentences)
    func mentions(_ example: Case) {
        #expect(found(example.text, in: Self.matcher) == example.pairs)
    }

    static let normalized: [(String, String, String)] = [
        ("Partai Komunis China (PKC)", "en", "Communist Party of China (CPC)"),
        ("Partai Komunis China (PKC)", "id", "Partai Komunis Tiongkok (PKT)"),
        ("media Cina", "id", "media Tiongkok"),
        ("Shoygu tiba", "en", "Shoigu tiba"),
        ("Perserikatan Bangsa Bangsa (PBB)", "en", "United Nations (UN)"),
        ("Moskwa dan Moskow", "en", "Moscow dan Moscow"),
        ("Moscow and Beijing", "id", "Moskow and Beijing"),
    ]

    @Test("normalizes to the preferred terms", arguments: normalized)
    func normalizes(_ example: (String, String, String)) {
        #expect(Self.matcher.normalize(example.0, to: example.1) == example.2)
    }
}
