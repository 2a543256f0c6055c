import CGlossary

/// ICU's version, such as "72.1".
let icuVersion: String = {
    var buffer = [CChar](repeating: 0, count: 32)
    glossary_icu_version(&buffer)
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}()
