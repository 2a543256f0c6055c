/// Precomputed match keys of a table's words, so that loading the table needs no ICU
/// transliterator (opening Han-Latin alone takes about 70 ms, and every word with a
/// letter the variant rules may change costs an ICU call).
///
/// A key is a function of the word, the variant rules, ICU's data and Glossary's key
/// pipeline; the cache's first line records the last three, and a cache made for
/// other rules, another ICU or another pipeline is ignored, never trusted. Words that
/// are not in the cache are computed as usual, so a cache older than its table is only
/// slower, never wrong. `glossary compile` writes one.
///
/// Format: UTF-8 lines, tab-separated. First line:
/// `glossary-keys<TAB>PIPELINE<TAB>ICU-VERSION<TAB>RULES-HASH`; then `w<TAB>word<TAB>cased<TAB>folded<TAB>mixed`
/// for words keyed through ICU and `v<TAB>word<TAB>folded` for ASCII words the variant rules change.
public struct KeyCache: Sendable {
    /// The cache file's bytes.
    public let bytes: [UInt8]

    /// Bump when `KeyMaker`'s pipeline changes what it computes.
    static let pipelineVersion = 2

    /// A cache from its bytes (see the type's documentation for the format).
    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Reads a cache file.
    public init(contentsOfFile path: String) throws(TableError) {
        do {
            self.init(bytes: try FileIO.read(path))
        } catch {
            throw TableError.unreadable(path, "the key file", error)
        }
    }

    /// The cache of the shipped table (`Data/terms.keys`, built in).
    public static var shipped: KeyCache { KeyCache(bytes: EmbeddedData.keys) }

    /// The first line a cache must have to be used with these variant rules.
    static func header(variants: String) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in variants.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return "glossary-keys\t\(pipelineVersion)\t\(icuVersion)\t\(String(hash, radix: 16))"
    }
}

extension KeyMaker {
    /// Fills the caches from a key cache; false (and nothing loaded) when the cache was
    /// made for other rules, another ICU or another pipeline.
    @discardableResult
    func preload(_ cache: KeyCache, variants: String) -> Bool {
        let lines = cache.bytes.split(separator: 0x0A, omittingEmptySubsequences: true)
        guard let first = lines.first, first.elementsEqual(KeyCache.header(variants: variants).utf8) else { return false }
        var words: [([UInt8], WordKey)] = []
        var variantWords: [([UInt8], [UInt8])] = []
        for line in lines.dropFirst() {
            let fields = line.split(separator: 0x09, omittingEmptySubsequences: false).map { Array($0) }
            if fields.count == 5 && fields[0] == [UInt8(ascii: "w")] {
                words.append((fields[1], WordKey(cased: fields[2], folded: fields[3], mixedScript: fields[4] == [UInt8(ascii: "1")])))
            } else if fields.count == 3 && fields[0] == [UInt8(ascii: "v")] {
                variantWords.append((fields[1], fields[2]))
            } else {
                return false  // not a cache this version writes: ignore it whole
            }
        }
        insert(words: words, variantWords: variantWords)
        return true
    }

    /// The cache of every word keyed so far, sorted, with its header.
    func exportCache(variants: String) -> KeyCache {
        let (words, variantWords) = snapshot()
        var out = Array(KeyCache.header(variants: variants).utf8) + [0x0A]
        for (word, key) in words.sorted(by: { $0.0.lexicographicallyPrecedes($1.0) }) {
            out += [UInt8(ascii: "w"), 0x09] + word + [0x09] + key.cased + [0x09] + key.folded + [0x09]
            out += [key.mixedScript ? UInt8(ascii: "1") : UInt8(ascii: "0"), 0x0A]
        }
        for (word, folded) in variantWords.sorted(by: { $0.0.lexicographicallyPrecedes($1.0) }) {
            out += [UInt8(ascii: "v"), 0x09] + word + [0x09] + folded + [0x0A]
        }
        return KeyCache(bytes: out)
    }
}
