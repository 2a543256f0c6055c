import Glibc
import Glossary

/// A `glossary_mentions`: the mentions of one call, laid out as the header's
/// `glossary_mention` (32 bytes: start and end as uint64, sense_start and sense_count as
/// uint32, resolution and flags as uint8, six reserved bytes) and `glossary_sense` (two
/// int32) arrays, so that C reads them in place.
final class MentionsHandle: Handle {
    static let mentionSize = 32
    static let senseSize = 8

    let count: Int
    let senseCount: Int
    let items: UnsafeMutableRawPointer
    let senses: UnsafeMutableRawPointer

    init(_ records: [MentionRecord], _ senseRecords: [SenseRecord]) {
        count = records.count
        senseCount = senseRecords.count
        items = UnsafeMutableRawPointer.allocate(byteCount: max(1, records.count) * Self.mentionSize, alignment: 8)
        items.initializeMemory(as: UInt8.self, repeating: 0, count: max(1, records.count) * Self.mentionSize)
        senses = UnsafeMutableRawPointer.allocate(byteCount: max(1, senseRecords.count) * Self.senseSize, alignment: 8)
        for (index, record) in records.enumerated() {
            let item = items + index * Self.mentionSize
            item.storeBytes(of: UInt64(record.start), toByteOffset: 0, as: UInt64.self)
            item.storeBytes(of: UInt64(record.end), toByteOffset: 8, as: UInt64.self)
            item.storeBytes(of: UInt32(record.senses.lowerBound), toByteOffset: 16, as: UInt32.self)
            item.storeBytes(of: UInt32(record.senses.count), toByteOffset: 20, as: UInt32.self)
            item.storeBytes(of: Self.code(record.resolution), toByteOffset: 24, as: UInt8.self)
            item.storeBytes(of: record.mixedScript ? 1 : 0, toByteOffset: 25, as: UInt8.self)
        }
        for (index, sense) in senseRecords.enumerated() {
            senses.storeBytes(of: sense.concept, toByteOffset: index * Self.senseSize, as: Int32.self)
            senses.storeBytes(of: sense.row, toByteOffset: index * Self.senseSize + 4, as: Int32.self)
        }
    }

    deinit {
        items.deallocate()
        senses.deallocate()
    }

    /// The header's GLOSSARY_UNIQUE … GLOSSARY_AMBIGUOUS.
    static func code(_ resolution: Resolution) -> UInt8 {
        switch resolution {
        case .unique: 0
        case .context: 1
        case .document: 2
        case .defaultSense: 3
        case .ambiguous: 4
        }
    }
}

@_cdecl("glossary_find")
public func glossary_find(
    _ matcher: OpaquePointer?, _ text: UnsafePointer<UInt8>?, _ length: Int, _ errorOut: UnsafeMutablePointer<OpaquePointer?>?
) -> OpaquePointer? {
    guard let handle = MatcherHandle.borrow(matcher) else { return fail(ErrorHandle(argument: "matcher is NULL"), errorOut) }
    guard let bytes = buffer(text, length) else { return fail(ErrorHandle(argument: "text is NULL"), errorOut) }
    var records: [MentionRecord] = [], senses: [SenseRecord] = []
    var document = DocumentContext()
    handle.matcher.records(inUTF8: bytes, document: &document, into: &records, senses: &senses)
    return MentionsHandle(records, senses).retainedPointer()
}

@_cdecl("glossary_mentions_count")
public func glossary_mentions_count(_ mentions: OpaquePointer?) -> Int {
    MentionsHandle.borrow(mentions)?.count ?? 0
}

@_cdecl("glossary_mentions_items")
public func glossary_mentions_items(_ mentions: OpaquePointer?) -> UnsafeRawPointer? {
    MentionsHandle.borrow(mentions).map { UnsafeRawPointer($0.items) }
}

@_cdecl("glossary_mentions_senses")
public func glossary_mentions_senses(_ mentions: OpaquePointer?) -> UnsafeRawPointer? {
    MentionsHandle.borrow(mentions).map { UnsafeRawPointer($0.senses) }
}

@_cdecl("glossary_mentions_view")
public func glossary_mentions_view(
    _ mentions: OpaquePointer?, _ items: UnsafeMutablePointer<UnsafeRawPointer?>?, _ senses: UnsafeMutablePointer<UnsafeRawPointer?>?,
    _ senseCount: UnsafeMutablePointer<Int>?
) -> Int {
    guard let handle = MentionsHandle.borrow(mentions) else { return 0 }
    items?.pointee = UnsafeRawPointer(handle.items)
    senses?.pointee = UnsafeRawPointer(handle.senses)
    senseCount?.pointee = handle.senseCount
    return handle.count
}

@_cdecl("glossary_mentions_free")
public func glossary_mentions_free(_ mentions: OpaquePointer?) {
    MentionsHandle.release(mentions)
}
