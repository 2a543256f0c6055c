import ArgumentParser
import Glibc
import Glossary

/// Reads a file descriptor as lines, in bounded memory.
///
/// A line longer than `segmentLimit` comes in pieces: each piece ends at the last space,
/// tab or (failing that) the last UTF-8 character boundary before the limit, so words
/// are not split. A mention spanning a cut is not found; nothing is lost or reordered.
struct LineReader {
    struct Piece {
        /// How many bytes were appended.
        var count: Int
        /// The piece ends its line (at a newline or at the end of the input).
        var endsLine: Bool
        /// The line ended with a newline (not with the end of the input).
        var hasNewline: Bool
    }

    let fd: Int32
    let segmentLimit: Int
    private var buffer: [UInt8] = []
    private var start = 0
    /// Bytes before this index (from `start`) hold no line feed.
    private var searched = 0
    private var atEnd = false

    init(fd: Int32, segmentLimit: Int) {
        self.fd = fd
        self.segmentLimit = segmentLimit
    }

    /// Appends the next piece (a line without its line feed, or a piece of a long line)
    /// to `out`; nil at the end of the input.
    mutating func next(into out: inout [UInt8]) throws(SystemError) -> Piece? {
        while true {
            if let newline = searchNewline() {
                out += buffer[start..<newline]
                let piece = Piece(count: newline - start, endsLine: true, hasNewline: true)
                start = newline + 1
                searched = start
                return piece
            }
            if buffer.count - start > segmentLimit {
                let (cut, piece) = cutPiece()
                out += buffer[start..<cut]
                start = cut
                searched = start
                return piece
            }
            if atEnd {
                guard start < buffer.count else { return nil }
                out += buffer[start...]
                let piece = Piece(count: buffer.count - start, endsLine: true, hasNewline: false)
                start = buffer.count
                searched = start
                return piece
            }
            try fill()
        }
    }

    /// The next line feed within the segment limit, searching each byte once.
    private mutating func searchNewline() -> Int? {
        let limit = min(buffer.count, start + segmentLimit + 1)
        let found = buffer.withUnsafeBufferPointer { bytes -> Int? in
            let from = max(searched, start)
            guard from < limit, let base = bytes.baseAddress,
                let hit = memchr(base + from, 0x0A, limit - from)
            else { return nil }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
        if found == nil { searched = limit }
        return found
    }

    private func cutPiece() -> (Int, Piece) {
        let limit = start + segmentLimit
        var cut = limit
        // Prefer the last space or tab in the second half of the window.
        var j = limit
        while j > start + segmentLimit / 2 {
            j -= 1
            if buffer[j] == 0x20 || buffer[j] == 0x09 {
                cut = j + 1
                break
            }
        }
        if cut == limit {
            // No space: back up to a UTF-8 character boundary.
            var k = limit
            while k > start + 1 && buffer[k] & 0xC0 == 0x80 && limit - k < 4 { k -= 1 }
            cut = k
        }
        return (cut, Piece(count: cut - start, endsLine: false, hasNewline: false))
    }

    private mutating func fill() throws(SystemError) {
        if start > 0 && start >= buffer.count / 2 {
            buffer.removeSubrange(0..<start)
            searched -= start
            start = 0
        }
        let chunk = 1 << 16
        let old = buffer.count
        buffer.reserveCapacity(old + chunk)
        buffer.append(contentsOf: repeatElement(0, count: chunk))
        let n: Int
        do {
            n = try SystemError.retryingInterrupts { buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress! + old, chunk) } }
        } catch {
            buffer.removeSubrange(old...)
            throw error
        }
        buffer.removeSubrange((old + n)...)
        if n == 0 { atEnd = true }
    }
}
