@testable import Glossary
import Testing

@Suite("Key caches")
struct KeyCacheTests {
    @Test("The built-in cache is what `glossary compile` makes of the shipped table now")
    func shippedCacheIsCurrent() throws {
        let fresh = try Matcher(table: TermTable.shipped()).keyCache()
        #expect(fresh.bytes == KeyCache.shipped.bytes,
                "Data/terms.keys is stale: run `swift run glossary compile --output Data/terms.keys` and commit it")
    }

    @Test("A matcher built with a cache finds exactly what one built without finds")
    func cacheChangesNothing() throws {
        let text = "Сергей Шойгу, 王毅 dan Sh\u{043E}igu di Moskwa; Sergey Lavrov dan ＰＢＢ."
        let cached = try Matcher(table: TermTable.shipped(), keyCache: .shipped)
        let fresh = try Matcher(table: TermTable.shipped())
        #expect(cached.mentions(in: text) == fresh.mentions(in: text))
        #expect(cached.mentions(in: text).count == 6)
    }

    @Test("A cache made for other variant rules is ignored, not trusted")
    func foreignCacheIsIgnored() throws {
        let table = try TermTable(parsing: "id\tlang\tterm\tform\tstatus\tnote\nx\ten\tShoygu\tfull\tpref\t\n")
        // A forged cache that keys Shoygu as "zzz", headed for other rules.
        let forged = KeyCache(bytes: Array("glossary-keys\t1\t\(icuVersion)\t0\nv\tshoygu\tzzz\n".utf8))
        let matcher = try Matcher(table: table, keyCache: forged)
        #expect(matcher.mentions(in: "Shoigu").count == 1)
        // The same entry under the right header is used (which is how a cache saves work).
        let header = KeyCache.header(variants: VariantRules.shipped.text)
        let trusted = try Matcher(table: table, keyCache: KeyCache(bytes: Array("\(header)\nv\tshoygu\tzzz\n".utf8)))
        #expect(trusted.mentions(in: "Shoigu").isEmpty)
    }
}
