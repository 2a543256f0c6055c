import Glossary

/// A small table written for the tests: each concept exists to exercise a rule.
/// Some concepts deliberately lack native-script rows, so that transliteration alone
/// must find them (sergei-shoigu has no Шойгу short form); Han text meets only Han
/// terms (rule 3), so beijing, which has no 北京, is never found in Han.
let fixtureTSV = """
    # Fixture table for the tests.
    id\tlang\tterm\tform\tstatus\tnote
    sergei-shoigu\tund\tperson\tkind\t\t
    sergei-shoigu\ten\tSergei Shoigu\tfull\tpref\t
    sergei-shoigu\tid\tSergei Shoigu\tfull\tpref\t
    sergei-shoigu\ten\tShoigu\tshort\tpref\t
    sergei-shoigu\tid\tShoigu\tshort\tpref\t
    wang-yi\ten\tWang Yi\tfull\tpref\t
    wang-yi\tid\tWang Yi\tfull\tpref\t
    wang-yi\ten\tWang\tshort\tpref\t
    wang-yi\tid\tWang\tshort\tpref\t
    wang-yi\tzh\t王毅\tfull\tpref\t
    xi-jinping\ten\tXi Jinping\tfull\tpref\t
    xi-jinping\tid\tXi Jinping\tfull\tpref\t
    xi-jinping\tzh\t习近平\tfull\tpref\t
    joe-biden\ten\tJoe Biden\tfull\tpref\t
    joe-biden\tid\tJoe Biden\tfull\tpref\t
    joe-biden\ten\tBiden\tshort\tpref\t
    joe-biden\tid\tBiden\tshort\tpref\t
    beijing\ten\tBeijing\tfull\tpref\t
    beijing\tid\tBeijing\tfull\tpref\t
    japan\ten\tJapan\tfull\tpref\t
    japan\tid\tJepang\tfull\tpref\t
    japanese-language\tid\tbahasa Jepang\tprotected\t\ta language, not the country
    bank-of-china\ten\tBank of China\tprotected\t\ta bank, not the country
    suspect-initials\tid\tberinisial AS\tprotected\t\tinitials, not the United States
    lokomotiv-moscow\ten\tLokomotiv Moscow\tprotected\t\ta football club, not the city
    asean\ten\tAssociation of Southeast Asian Nations\tfull\tpref\t
    asean\tid\tPerhimpunan Bangsa-Bangsa Asia Tenggara\tfull\tpref\t
    asean\ten\tASEAN\tabbr\tpref+titlecase\t
    asean\tid\tASEAN\tabbr\tpref+titlecase\t
    cold-war\ten\tCold War\tfull\tpref\t
    cold-war\tid\tPerang Dingin\tfull\tpref\t
    title\tid\tPresiden\ttitle\t\t
    title\tid\tMenlu\ttitle\t\tMenteri Luar Negeri
    title\ten\tPresident\ttitle\t\t
    title\ten\tMr\ttitle\t\t
    li-qiang\ten\tLi Qiang\tfull\tpref\t
    li-qiang\tid\tLi Qiang\tfull\tpref\t
    li-qiang\ten\tLi\tshort\tpref+intro\ta surname millions share: only after Li Qiang
    li-qiang\tid\tLi\tshort\tpref+intro\t
    li-qiang\tid\tperdana\tcontext\t\t
    china\ten\tChina\tfull\tpref\t
    china\tid\tTiongkok\tfull\tpref\t
    china\tid\tChina\tfull\talt\t
    china\tid\tCina\tfull\tdeprecated\treplaced by Tiongkok in 2014
    china\tid\tRRT\tabbr\tpref\t
    china\ten\tPRC\tabbr\tpref\t
    china\tzh\t中国\tfull\tpref\t
    russia\ten\tRussia\tfull\tpref\t
    russia\tid\tRusia\tfull\tpref\t
    moscow\tund\tcity\tkind\t\t
    moscow\ten\tMoscow\tfull\tpref\t
    moscow\tid\tMoskow\tfull\tpref\t
    moscow\tid\tMoskwa\tfull\talt\t
    saint-petersburg\ten\tSaint Petersburg\tfull\tpref\t
    saint-petersburg\ten\tSt. Petersburg\tfull\talt\t
    saint-petersburg\tid\tSaint Petersburg\tfull\tpref\t
    communist-party-of-china\tund\torganisation\tkind\t\t
    communist-party-of-china\ten\tCommunist Party of China\tfull\tpref\t
    communist-party-of-china\tid\tPartai Komunis Tiongkok\tfull\tpref\t
    communist-party-of-china\tid\tPartai Komunis China\tfull\talt\t
    communist-party-of-china\ten\tCPC\tabbr\tpref\t
    communist-party-of-china\tid\tPKT\tabbr\tpref+shared\talso Pupuk Kalimantan Timur
    communist-party-of-china\tid\tPKC\tabbr\talt\t
    communist-party-of-china\tid\tPolitbiro\tcontext\t\t
    pupuk-kalimantan-timur\tid\tPupuk Kalimantan Timur\tfull\tpref\t
    pupuk-kalimantan-timur\ten\tPupuk Kalimantan Timur\tfull\tpref\t
    pupuk-kalimantan-timur\tid\tPKT\tabbr\tpref+shared\t
    pupuk-kalimantan-timur\tid\tpupuk\tcontext\t\t
    pupuk-kalimantan-timur\tid\turea\tcontext\t\t
    united-nations\ten\tUnited Nations\tfull\tpref\t
    united-nations\tid\tPerserikatan Bangsa-Bangsa\tfull\tpref\t
    united-nations\ten\tUN\tabbr\tpref\t
    united-nations\tid\tPBB\tabbr\tpref+default\t
    land-and-building-tax\ten\tLand and Building Tax\tfull\tpref\t
    land-and-building-tax\tid\tPajak Bumi dan Bangunan\tfull\tpref\t
    land-and-building-tax\tid\tPBB\tabbr\tpref+shared\t
    land-and-building-tax\tid\tpajak\tcontext\t\t
    land-and-building-tax\tid\tbayar\tcontext\t\t
    shanghai-cooperation-organisation\ten\tShanghai Cooperation Organisation\tfull\tpref\t
    shanghai-cooperation-organisation\tid\tOrganisasi Kerja Sama Shanghai\tfull\tpref\t
    shanghai-cooperation-organisation\ten\tSCO\tabbr\tpref\t
    shanghai-cooperation-organisation\tid\tSCO\tabbr\tpref\t
    asia-pacific\ten\tAsia-Pacific\tfull\tpref\t
    asia-pacific\tid\tAsia-Pasifik\tfull\tpref\t
    united-states\ten\tUnited States\tfull\tpref\t
    united-states\tid\tAmerika Serikat\tfull\tpref\t
    united-states\ten\tUS\tabbr\tpref\t
    united-states\tid\tAS\tabbr\tpref\t
    multipolar-world\ten\tmultipolar world\tfull\tpref\t
    multipolar-world\tid\tdunia multipolar\tfull\tpref\t
    hegemony\tund\tidea\tkind\t\t
    hegemony\tid\thegemoni\tfull\tpref\t
    hegemony\ten\thegemony\tfull\tpref\t
    covid-19\tund\tCOVID-19\tfull\tpref\t
    covid-19\ten\tCOVID-19\tfull\tpref\t
    covid-19\tid\tCOVID-19\tfull\tpref\t

    """

/// The fixture table, compiled once for all tests (a Matcher is shareable).
let fixture: Matcher = {
    do {
        return try Matcher(table: TermTable(parsing: fixtureTSV, source: "fixture.tsv"))
    } catch {
        fatalError("the fixture table does not load:\n\(error)")
    }
}()
