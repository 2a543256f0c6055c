import Glibc

/// A 64-bit hash of bytes, to tell whether a file is the one a compiled table was made
/// from, and whether the compiled file is the one `glossary compile` wrote. Not a
/// cryptographic hash: it detects a changed or damaged file, not a forged one (the
/// compiled table's reader checks every index it follows, so a forged file can give
/// wrong mentions but never a read outside the file).
///
/// Four lanes of multiply-and-shift over 8-byte words, so that the lanes' multiplies
/// overlap: a few milliseconds for the largest table. Bytes may be given in parts
/// (``add(_:)``) as long as every part but the last is a multiple of 32 bytes long.
package struct ContentHash {
    private static let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
    private var a: UInt64 = 0x243F_6A88_85A3_08D3, b: UInt64 = 0x1319_8A2E_0370_7344
    private var c: UInt64 = 0xA409_3822_299F_31D0, d: UInt64 = 0x082E_FA98_EC4E_6C89
    private var count = 0
    private var finished = false

    package init() {}

    @inline(__always) private static func mix(_ h: UInt64, _ word: UInt64) -> UInt64 {
        let x = (h ^ word) &* multiplier
        return x ^ (x >> 29)
    }

    /// Adds the next part of the bytes.
    package mutating func add(_ bytes: UnsafeRawBufferPointer) {
        precondition(!finished && count % 32 == 0, "only the last part may be shorter than a multiple of 32 bytes")
        count += bytes.count
        var i = 0
        while i + 32 <= bytes.count {
            a = Self.mix(a, bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            b = Self.mix(b, bytes.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self))
            c = Self.mix(c, bytes.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self))
            d = Self.mix(d, bytes.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self))
            i += 32
        }
        guard i < bytes.count else { return }
        finished = true
        while i + 8 <= bytes.count {
            a = Self.mix(a, bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < bytes.count {
            tail |= UInt64(bytes[i]) << shift
            shift += 8
            i += 1
        }
        a = Self.mix(a, tail)
    }

    /// The hash of the bytes added.
    package var value: UInt64 {
        var h = Self.mix(a, b)
        h = Self.mix(h, c)
        h = Self.mix(h, d)
        return Self.mix(h, UInt64(count))
    }

    package static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash = ContentHash()
        hash.add(bytes)
        return hash.value
    }

    package static func of(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { of($0) }
    }

    /// The length and hash of a file, read in parts (nothing of it is kept).
    package static func ofFile(_ path: String) throws(SystemError) -> (length: UInt64, hash: UInt64) {
        let fd = try SystemError.retryingInterrupts { open(path, O_RDONLY | O_CLOEXEC) }
        defer { close(fd) }
        let size = 1 << 16
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 16)
        defer { buffer.deallocate() }
        var hash = ContentHash()
        var filled = 0
        while true {
            let n = try SystemError.retryingInterrupts { Glibc.read(fd, buffer.baseAddress! + filled, size - filled) }
            filled += n
            if n == 0 || filled == size {
                hash.add(UnsafeRawBufferPointer(rebasing: buffer[0..<filled]))
                if n == 0 { return (UInt64(hash.count), hash.value) }
                filled = 0
            }
        }
    }
}
