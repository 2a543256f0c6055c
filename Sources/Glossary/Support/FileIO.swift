import Glibc

/// Whole-file reading, complete writes and atomic replacement, with plain POSIX calls
/// (the library does not use Foundation). For the command and the editing code; a
/// library user reads tables through ``TermTable/init(contentsOfFile:)`` and the like.
package enum FileIO {
    /// Reads a whole file.
    package static func read(_ path: String) throws(SystemError) -> [UInt8] {
        let fd = try SystemError.retryingInterrupts { open(path, O_RDONLY | O_CLOEXEC) }
        defer { close(fd) }
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = try SystemError.retryingInterrupts {
                chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            }
            if n == 0 { return result }
            result.append(contentsOf: chunk[0..<n])
        }
    }

    /// Writes all of `bytes` to `fd`: one `write` may take fewer bytes than it was given,
    /// or be interrupted by a signal.
    package static func writeAll(_ bytes: [UInt8], to fd: Int32) throws(SystemError) {
        var written = 0
        while written < bytes.count {
            written += try SystemError.retryingInterrupts {
                bytes.withUnsafeBytes { write(fd, $0.baseAddress! + written, $0.count - written) }
            }
        }
    }

    /// Writes a file so that it is either the old one or the new one, never half: a
    /// temporary file in the same folder (`.NAME.tmp-PID`), flushed to disk, renamed over
    /// the target, and the folder flushed so that the rename itself survives a crash.
    /// The new file keeps the old one's permissions.
    package static func writeAtomically(_ bytes: [UInt8], to path: String) throws(SystemError) {
        let (folder, name) = splitPath(path)
        let temporary = folder + "/.\(name).tmp-\(getpid())"
        var mode: mode_t = 0o644
        var info = stat()
        if stat(path, &info) == 0 { mode = info.st_mode & 0o7777 }
        let fd = try SystemError.retryingInterrupts { open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode) }
        func fail(_ error: SystemError, closing: Bool) -> SystemError {
            if closing { close(fd) }
            unlink(temporary)
            return error
        }
        do {
            try writeAll(bytes, to: fd)
            try SystemError.retryingInterrupts { fsync(fd) }
        } catch {
            throw fail(error, closing: true)
        }
        if close(fd) != 0 { throw fail(.current, closing: false) }
        if rename(temporary, path) != 0 { throw fail(.current, closing: false) }
        let dir = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dir >= 0 {
            fsync(dir)
            close(dir)
        }
    }

    /// The folder and the file name of a path.
    /// Whether something exists at `path`.
    package static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    package static func splitPath(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let folder = String(path[..<slash])
        return (folder.isEmpty ? "/" : folder, String(path[path.index(after: slash)...]))
    }
}
