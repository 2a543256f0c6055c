/// The function words that tell Indonesian text from English: how `--to auto` decides
/// which language a paragraph is written in. They are among the most frequent words of
/// each language, grammatical words that names never are, and none is a word of the
/// other language. Chosen for this purpose; a paragraph of news holds several.
///
/// Words are looked up by their ASCII lower case packed into an integer, in a table
/// without collisions, so counting costs the hot loop a multiplication and a compare
/// for each word of two to seven letters, and nothing when it is not asked for.
enum LanguageMarkers {
    /// Which language a marker belongs to.
    enum Language: UInt8 {
        case none = 0, indonesian, english
    }

    static let indonesian = [
        "yang", "dan", "di", "dengan", "untuk", "dari", "ini", "itu", "pada", "dalam", "tidak", "akan", "juga",
        "oleh", "bahwa", "telah", "adalah", "ke", "para", "sebagai", "kata", "mereka", "kedua", "antara",
    ]
    static let english = [
        "the", "and", "of", "to", "in", "is", "that", "for", "with", "was", "on", "by", "are", "from", "at",
        "be", "has", "have", "this", "it", "said", "were", "which", "their",
    ]

    /// The markers in a table of 256 slots without collisions: a marker's packed word
    /// at its slot, and its language. Built once per ``Matcher``; immutable after. A
    /// value of plain pointers, so that the hot loop reads it without reference
    /// counting; `Storage` owns the memory.
    struct Table: @unchecked Sendable {
        // @unchecked: the memory is written in init only.
        private let words: UnsafeMutablePointer<UInt64>
        private let languages: UnsafeMutablePointer<UInt8>
        private let multiplier: UInt64

        /// Frees the table's memory with the matcher.
        final class Storage: @unchecked Sendable {
            // @unchecked: immutable.
            fileprivate var pointers: [UnsafeMutableRawPointer] = []
            deinit { for pointer in pointers { pointer.deallocate() } }
        }

        init(storage: Storage) {
            let markers = indonesian.map { ($0, Language.indonesian) } + english.map { ($0, Language.english) }
            words = .allocate(capacity: 256)
            languages = .allocate(capacity: 256)
            var multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
            while true {
                words.initialize(repeating: 0, count: 256)
                languages.initialize(repeating: 0, count: 256)
                var clash = false
                for (word, language) in markers {
                    var packed: UInt64 = 0
                    for byte in word.utf8 { packed = packed << 8 | UInt64(byte) }
                    let slot = Int((packed &* multiplier) >> 56)
                    if words[slot] != 0 { clash = true; break }
                    words[slot] = packed
                    languages[slot] = language.rawValue
                }
                if !clash { break }
                multiplier = multiplier &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            }
            self.multiplier = multiplier
            storage.pointers = [UnsafeMutableRawPointer(words), UnsafeMutableRawPointer(languages)]
        }

        /// The language of the ASCII word `line[start..<end]`, if it is a marker.
        @inline(__always)
        func language(of line: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Language {
            let length = end - start
            guard length >= 2 && length <= 7 else { return .none }
            var packed: UInt64 = 0
            var i = start
            while i < end {
                packed = packed << 8 | UInt64(line[i] | 0x20)
                i += 1
            }
            let slot = Int((packed &* multiplier) >> 56)
            return words[slot] == packed ? Language(rawValue: languages[slot])! : .none
        }
    }
}

/// How many function words of each language a text holds. A paragraph is counted only
/// until one language leads by three words (`isDecided`): its first function words
/// decide, and the rest of a long paragraph costs nothing.
struct LanguageCount: Sendable, Equatable {
    var indonesian = 0
    var english = 0

    @inline(__always)
    mutating func add(_ language: LanguageMarkers.Language) {
        switch language {
        case .indonesian: indonesian += 1
        case .english: english += 1
        case .none: break
        }
    }

    mutating func add(_ other: LanguageCount) {
        indonesian += other.indonesian
        english += other.english
    }

    /// One language leads by three words: counting may stop, the paragraph has said.
    @inline(__always)
    var isDecided: Bool { indonesian - english >= LanguageCount.lead || english - indonesian >= LanguageCount.lead }

    /// How far a language must lead for a paragraph to have said its language.
    static let lead = 3

    /// The language the counts say, if they say one: the tag `id` or `en`.
    var language: String? {
        indonesian > english ? "id" : english > indonesian ? "en" : nil
    }
}
