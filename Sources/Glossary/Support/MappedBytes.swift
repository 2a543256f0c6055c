import Glibc

/// Read-only bytes that outlive the call that found them: a file mapped into memory,
/// or a copy of bytes in an aligned allocation (for tests and the fuzzer). The compiled
/// form of a table (``CompiledTable``) is read in place from one, so loading it copies
/// nothing that the scan reads.
///
/// The mapping is private and read-only, so the bytes never change under a reader:
/// `glossary compile` replaces a compiled file by renaming a new one over it, which
/// leaves an open mapping on the old file.
package final class MappedBytes: @unchecked Sendable {
    // @unchecked: the memory is never written after `init`.
    package let bytes: UnsafeRawBufferPointer
    private let ownership: Ownership

    private enum Ownership {
        /// A mapping, unmapped in `deinit`.
        case mapped
        /// An allocation, freed in `deinit`.
        case allocated
        /// Memory that lives as long as the program (built into the binary).
        case borrowed
    }

    /// Maps a whole file. Throws when it cannot be opened, read or mapped; an empty file
    /// gives empty bytes.
    package init(contentsOfFile path: String) throws(SystemError) {
        let fd = try SystemError.retryingInterrupts { open(path, O_RDONLY | O_CLOEXEC) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .current }
        let size = Int(info.st_size)
        guard size > 0 else {
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            ownership = .borrowed
            return
        }
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else { throw .current }
        bytes = UnsafeRawBufferPointer(start: base, count: size)
        ownership = .mapped
    }

    /// Bytes that live as long as the program, such as data built into the binary.
    package init(borrowing bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
        ownership = .borrowed
    }

    /// A copy of `source`, 16-byte aligned as a mapping's start is.
    package init(copying source: some Collection<UInt8>) {
        let memory = UnsafeMutableRawBufferPointer.allocate(byteCount: max(source.count, 1), alignment: 16)
        _ = memory.initializeMemory(as: UInt8.self, from: source)
        bytes = UnsafeRawBufferPointer(start: memory.baseAddress, count: source.count)
        ownership = .allocated
    }

    /// Gives the pages read so far back to the kernel, so that they count in the
    /// process's resident memory again only when they are read again. For a mapped file
    /// this costs nothing but the later page faults: the pages stay in the page cache.
    package func releaseResidentPages() {
        release(bytes)
    }

    /// Gives back the pages of part of the bytes (the pages it touches: the mapping is
    /// never written, so nothing is lost).
    package func release(_ part: UnsafeRawBufferPointer) {
        guard ownership == .mapped, let base = bytes.baseAddress, let start = part.baseAddress, !part.isEmpty else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let from = (start - base) / page * page
        let to = min(bytes.count, start - base + part.count)
        madvise(UnsafeMutableRawPointer(mutating: base + from), to - from, MADV_DONTNEED)
    }

    /// The ``ContentHash`` of the bytes from `offset` on, read a megabyte at a time and
    /// each megabyte given back, so that checking a large file does not make it resident.
    package func hash(from offset: Int) -> UInt64 {
        var hash = ContentHash()
        var at = offset
        let part = 1 << 20
        repeat {
            let chunk = UnsafeRawBufferPointer(rebasing: bytes[at..<min(bytes.count, at + part)])
            hash.add(chunk)
            release(chunk)
            at += chunk.count
        } while at < bytes.count
        return hash.value
    }

    deinit {
        guard let base = bytes.baseAddress else { return }
        switch ownership {
        case .mapped: munmap(UnsafeMutableRawPointer(mutating: base), bytes.count)
        case .allocated: base.deallocate()
        case .borrowed: break
        }
    }
}
