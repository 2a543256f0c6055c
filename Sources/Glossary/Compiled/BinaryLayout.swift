/// Little-endian records for the compiled form of a table: a writer that appends them,
/// and a reader that never reads outside its bytes.

/// Appends fixed-width little-endian fields.
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []

    mutating func u8(_ value: UInt8) { bytes.append(value) }
    mutating func u16(_ value: UInt16) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
    mutating func u32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
    mutating func u32(_ value: Int) { u32(UInt32(value)) }
    mutating func i32(_ value: Int32) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
    mutating func u64(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
    mutating func raw(_ values: some Sequence<UInt8>) { bytes += values }
    mutating func pad(to alignment: Int) {
        while bytes.count % alignment != 0 { bytes.append(0) }
    }
}

/// The strings of a compiled table, back to back; a string is its (offset, length).
struct StringPool {
    private(set) var bytes: [UInt8] = []

    mutating func add(_ string: String) -> (offset: UInt32, length: UInt32) {
        let offset = UInt32(bytes.count)
        bytes += string.utf8
        return (offset, UInt32(bytes.count) - offset)
    }
}

/// Fixed-width records read from a section of a compiled table; each read is checked
/// against the section's end by the caller's record count, so a damaged file can make
/// a read fail but never leave the bytes.
struct RecordReader {
    let base: UnsafeRawPointer
    let count: Int
    let width: Int

    @inline(__always) func u8(_ record: Int, _ field: Int) -> UInt8 {
        base.load(fromByteOffset: record * width + field, as: UInt8.self)
    }
    @inline(__always) func u16(_ record: Int, _ field: Int) -> Int {
        Int(UInt16(littleEndian: base.loadUnaligned(fromByteOffset: record * width + field, as: UInt16.self)))
    }
    @inline(__always) func u32(_ record: Int, _ field: Int) -> Int {
        Int(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: record * width + field, as: UInt32.self)))
    }
    @inline(__always) func u64(_ record: Int, _ field: Int) -> UInt64 {
        UInt64(littleEndian: base.loadUnaligned(fromByteOffset: record * width + field, as: UInt64.self))
    }
}
