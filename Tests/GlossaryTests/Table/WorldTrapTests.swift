import Foundation
import Glossary
import Testing

/// The traps of a table of every country (Data/README.md, "The traps of a table of every
/// country"), each both ways: the word as the country, and the word as something else,
/// on sentences written for these tests. Every sentence is its own document.
@Suite("The shipped data on the traps of a table of every country")
struct WorldTrapTests {
    static let matcher: Matcher = {
        do { return try Matcher.shipped() } catch { fatalError("the shipped data does not load:\n\(error)") }
    }()

    /// The mentions of a sentence, and the concepts of its ambiguous ones joined by commas.
    static func pairs(_ text: String) -> [Pair] { found(text, in: matcher) }
}

extension Pair {
    /// The pair with the concepts of an ambiguous mention in alphabetical order.
    var sorted: Pair { Pair(surface, id.split(separator: ",").sorted().joined(separator: ",")) }
}

extension WorldTrapTests {
    @Test("Jordan and Chad are the countries alone, and someone else's name next to another name", arguments: [
        Case("Jordan said on Monday it had closed its airspace.", [("Jordan", "jordan")]),
        Case("Delegasi Yordania bertemu pejabat di Amman.", [("Yordania", "jordan"), ("Amman", "amman")]),
        Case("Michael Jordan menonton pertandingan di Chicago.", [("Chicago", "chicago")]),
        Case("The guard Jordan Clarkson scored 20 points.", []),
        Case("Chad and Niger signed a border agreement.", [("Chad", "chad"), ("Niger", "niger")]),
        Case("Chad Smith scored twice for the visitors.", []),
    ])
    func givenNames(_ example: Case) {
        #expect(Self.pairs(example.text) == example.pairs)
    }

    @Test("Georgia is the country or the US state by context, and ambiguous without it", arguments: [
        Case("Georgia menuduh Rusia mendukung separatis di Abkhazia.", [("Georgia", "georgia"), ("Rusia", "russia"), ("Abkhazia", "abkhazia")]),
        Case("Pemilih di Georgia antre sejak pagi di Atlanta.", [("Georgia", "georgia-us-state"), ("Atlanta", "atlanta")]),
        Case("Gubernur negara bagian Georgia menandatangani undang-undang itu.", [("negara bagian Georgia", "georgia-us-state")]),
        Case("Georgia mengumumkan hasilnya kemarin.", [("Georgia", "georgia,georgia-us-state")]),
    ])
    func georgia(_ example: Case) {
        #expect(Self.pairs(example.text) == example.pairs)
    }

    @Test("Names inside longer names: the longer name wins", arguments: [
        Case("Nigeria dan Niger menggelar latihan bersama.", [("Nigeria", "nigeria"), ("Niger", "niger")]),
        Case("Sudan Selatan merdeka dari Sudan pada 2011.", [("Sudan Selatan", "south-sudan"), ("Sudan", "sudan")]),
        Case("Guinea, Guinea-Bissau dan Guinea Khatulistiwa mengirim delegasi.",
             [("Guinea", "guinea"), ("Guinea-Bissau", "guinea-bissau"), ("Guinea Khatulistiwa", "equatorial-guinea")]),
        Case("Papua Nugini dan Guinea menandatangani nota kesepahaman.", [("Papua Nugini", "papua-new-guinea"), ("Guinea", "guinea")]),
        Case("Dominika dan Republik Dominika bertanding di final.", [("Dominika", "dominica"), ("Republik Dominika", "dominican-republic")]),
        Case("Irlandia dan Irlandia Utara berbagi satu pulau.", [("Irlandia", "ireland"), ("Irlandia Utara", "northern-ireland")]),
        Case("Makedonia Utara bergabung dengan NATO pada 2020.", [("Makedonia Utara", "north-macedonia"), ("NATO", "nato")]),
        Case("Timor Leste resmi menjadi anggota ASEAN.", [("Timor Leste", "timor-leste"), ("ASEAN", "asean")]),
        Case("The Niger Delta produces most of Nigeria's oil.", [("Nigeria", "nigeria")]),
    ])
    func longerNames(_ example: Case) {
        #expect(Self.pairs(example.text) == example.pairs)
    }

    @Test("Papua and Timor are Indonesian places, not Papua New Guinea or Timor-Leste", arguments: [
        Case("Warga Papua di Jayapura merayakan hari jadi kota.", []),
        Case("Pulau Timor dibagi dua oleh perbatasan.", []),
        Case("Gubernur Papua Barat meresmikan pelabuhan baru.", []),
    ])
    func indonesianPlaces(_ example: Case) {
        #expect(Self.pairs(example.text) == example.pairs)
    }

    @Test("Kongo alone is either Congo, decided by its capital; the long names are unambiguous", arguments: [
        Case("Kongo menolak tuduhan itu, kata pejabat di Kinshasa.", [("Kongo", "democratic-republic-of-the-congo"), ("Kinshasa", "kinshasa")]),
        Case("Kongo mengirim pasukan, kata juru bicara di Brazzaville.", [("Kongo", "republic-of-the-congo"), ("Brazzaville", "brazzaville")]),
        Case("Republik Demokratik Kongo dan Republik Kongo berunding.",
             [("Republik Demokratik Kongo", "democratic-republic-of-the-congo"), ("Republik Kongo", "republic-of-the-congo")]),
        Case("Kongo mengumumkan hasil pemilu.", [("Kongo", "democratic-republic-of-the-congo,republic-of-the-congo")]),
    ])
    func congo(_ example: Case) {
        #expect(Self.pairs(example.text).map(\.sorted) == example.pairs.map(\.sorted))
    }

    @Test("Korea alone is ambiguous unless context decides; the peninsula is its own place", arguments: [
        Case("Korea mengirim atlet ke kejuaraan itu.", [("Korea", "north-korea,south-korea")]),
        Case("Korea menembakkan rudal balistik, kata militer di Pyongyang.", [("Korea", "north-korea"), ("Pyongyang", "pyongyang")]),
        Case("Ketegangan di Semenanjung Korea meningkat.", [("Semenanjung Korea", "korean-peninsula")]),
        Case("Korea Utara dan Korea Selatan bertemu.", [("Korea Utara", "north-korea"), ("Korea Selatan", "south-korea")]),
    ])
    func korea(_ example: Case) {
        #expect(Self.pairs(example.text).map(\.sorted) == example.pairs.map(\.sorted))
    }

    @Test("Amerika is the United States by default, the continent with its context words; the regions are their own", arguments: [
        Case("Amerika menjatuhkan sanksi baru terhadap Iran.", [("Amerika", "united-states"), ("Iran", "iran")]),
        Case("Benua Amerika dihuni sejak ribuan tahun lalu.", [("Benua Amerika", "americas")]),
        Case("Imigran dari seluruh benua menyebar ke Amerika.", [("Amerika", "americas")]),
        Case("Ekspor ke Amerika Latin dan Amerika Selatan naik.", [("Amerika Latin", "latin-america"), ("Amerika Selatan", "south-america")]),
    ])
    func america(_ example: Case) {
        #expect(Self.pairs(example.text) == example.pairs)
    }

    @Test("Washington is the city alone, not the state or a person", arguments: [
        Case("Washington menolak usulan itu.", [("Washington", "washington")]),
        Case("Denzel Washington memenangi penghargaan itu.", []),
        Case("Kebakaran hutan melanda negara bagian Washington.", []),
    ])
    func washington(_ example: Case) {
        #expect(Self.pairs(example.text) == example.pairs)
    }

    @Test("Turki and Türkiye are one state", arguments: [
        Case("Turki dan Türkiye adalah satu negara.", [("Turki", "turkiye"), ("Türkiye", "turkiye")]),
        Case("Ankara says Turkey will host the talks.", [("Ankara", "ankara"), ("Turkey", "turkiye")]),
        Case("We roasted a turkey for dinner.", []),
    ])
    func turkiye(_ example: Case) {
        #expect(Self.pairs(example.text) == example.pairs)
    }

    @Test("Acronyms that are also other things: AS, UN, PBB, MA, KPK", arguments: [
        Case("Tentara AS tiba di pangkalan itu.", [("AS", "united-states")]),
        Case("Tersangka berinisial AS ditangkap polisi.", []),
        Case("Nilai tukar dolar AS menguat.", []),
        // The land tax, an idea, is no mention by default; what matters is that PBB is not the UN here.
        Case("Warga membayar PBB di kantor kecamatan sebelum jatuh tempo.", []),
        Case("Sidang Majelis Umum PBB dibuka di New York.", [("Majelis Umum PBB", "un-general-assembly"), ("New York", "new-york")]),
        Case("Hakim MA menolak kasasi yang diajukan KPK.", []),
        Case("The UN said the convoy was attacked.", [("UN", "united-nations")]),
    ])
    func acronyms(_ example: Case) {
        #expect(Self.pairs(example.text).filter { $0.id != "new-york" } == example.pairs.filter { $0.id != "new-york" })
    }

    @Test("A name in another script never matches the plain Latin word its romanization makes (rule 2)", arguments: [
        Case("Puluhan rumah di Kabupaten Deli Serdang rusak.", []),
        Case("Tersangka ditahan di Lapas Cikarang.", []),
        Case("Путин прилетел в Дели.", [("Путин", "vladimir-putin"), ("Дели", "delhi")]),
        Case("Modi menyambut tamunya di New Delhi.", [("Modi", "narendra-modi"), ("New Delhi", "new-delhi")]),
    ])
    func romanizations(_ example: Case) {
        #expect(Self.pairs(example.text) == example.pairs)
    }

    @Test("Indonesian words that are also names of the wider world count only after an introduction", arguments: [
        Case("Baku tembak terjadi di perbatasan.", []),
        Case("Presiden Azerbaijan tiba di Baku.", [("Azerbaijan", "azerbaijan"), ("Baku", "baku")]),
        Case("Bibi saya tinggal di Bandung.", []),
        Case("Asmara keduanya kandas.", []),
        Case("Eritrea merayakan kemerdekaan di Asmara.", [("Eritrea", "eritrea"), ("Asmara", "asmara")]),
    ])
    func indonesianWords(_ example: Case) {
        #expect(Self.pairs(example.text) == example.pairs)
    }

    @Test("Wire datelines in capitals name their city", arguments: [
        Case("WASHINGTON, Jan 21 (Reuters) - The talks resumed.", [("WASHINGTON", "washington")]),
        Case("KUALA LUMPUR (AP) - The talks resumed.", [("KUALA LUMPUR", "kuala-lumpur")]),
        Case("Jakarta (ANTARA) - Pembicaraan dilanjutkan.", [("Jakarta", "jakarta")]),
    ])
    func datelines(_ example: Case) {
        #expect(Self.pairs(example.text) == example.pairs)
    }

    @Test("Languages, leagues, currencies and companies named after a country are no mention of it", arguments: [
        Case("Ia fasih berbahasa Inggris dan belajar bahasa Prancis.", []),
        Case("Manchester City memimpin klasemen Liga Inggris.", []),
        Case("Harga tiket Malaysia Airlines dan Singapore Airlines naik.", []),
        Case("Saham Saudi Aramco turun di bursa Riyadh.", [("Riyadh", "riyadh")]),
        Case("Badai melanda Teluk Meksiko.", []),
        Case("Pejabat Inggris berbicara dalam bahasa Inggris.", [("Inggris", "united-kingdom")]),
    ])
    func protectedNames(_ example: Case) {
        #expect(Self.pairs(example.text) == example.pairs)
    }

    @Test("The shipped data has every UN member state and observer, at least 1,200 concepts, and check --strict is clean")
    func coverage() throws {
        let table = Self.matcher.table
        let countries = table.kinds.filter { $0.value == .country }.count
        #expect(countries == 195)
        let named = Set(table.rows.filter(\.form.isTerm).map(\.conceptID))
        #expect(named.count >= 1200, "\(named.count) concepts")
        let run = try CommandRunner.run(["check", "--strict"], directory: CommandRunner.root.path)
        #expect(run.status == 0, "\(run.text)\(run.stderr)")
    }
}

/// The generated layer is what its script makes of this machine's ICU and iso-codes.
@Suite("The generated layer")
struct GeneratedLayerTests {
    @Test("Data/tools/generate-world.sh reproduces Data/world.tsv byte for byte")
    func reproduces() throws {
        let output = try TemporaryFolder.make() + "/world.tsv"
        let script = CommandRunner.root.appendingPathComponent("Data/tools/generate-world.sh").path
        let run = try CommandRunner.shell("bash '\(script)' '\(output)'")
        #expect(run.status == 0, "\(run.stderr)")
        let made = try Data(contentsOf: URL(fileURLWithPath: output))
        let shipped = try Data(contentsOf: CommandRunner.root.appendingPathComponent("Data/world.tsv"))
        #expect(made == shipped, "regenerate it: bash Data/tools/generate-world.sh, and review the diff")
    }
}
