import ArgumentParser
import Glibc
import Glossary

/// Reads a whole file, or says why not (`glossary: FILE: reason`) and exits with status 2.
func readFileOrExit(_ path: String) throws -> [UInt8] {
    do {
        return try FileIO.read(path)
    } catch {
        printError("glossary: \(path): \(error)")
        throw ExitStatus.failure
    }
}

/// Writes the bytes to standard output, or atomically to a file (`--output`).
func emit(_ bytes: [UInt8], to path: String?) throws {
    if let path {
        do {
            try FileIO.writeAtomically(bytes, to: path)
        } catch {
            printError("glossary: cannot write \(path): \(error)")
            throw ExitStatus.failure
        }
    } else {
        signal(SIGPIPE, SIG_IGN)
        var out = OutputStream(fd: 1, lineBuffered: false)
        out.buffer = bytes
        try out.flush()
    }
}
