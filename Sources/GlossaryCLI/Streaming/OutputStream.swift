import ArgumentParser
import Glibc
import Glossary

/// Buffered output to a file descriptor. A closed pipe (`| head`) ends the program
/// quietly with status 0; any other write error is reported with status 2.
struct OutputStream {
    let fd: Int32
    let lineBuffered: Bool
    var buffer: [UInt8] = []
    static let capacity = 1 << 16

    init(fd: Int32, lineBuffered: Bool) {
        self.fd = fd
        self.lineBuffered = lineBuffered
        buffer.reserveCapacity(OutputStream.capacity * 2)
    }

    /// After a line: flushes when line-buffered or full.
    mutating func endLine() throws {
        if lineBuffered || buffer.count >= OutputStream.capacity { try flush() }
    }

    mutating func flushIfFull() throws {
        if buffer.count >= OutputStream.capacity { try flush() }
    }

    mutating func flush() throws {
        do {
            try FileIO.writeAll(buffer, to: fd)
        } catch where error == .brokenPipe {
            exit(0)
        } catch {
            printError("glossary: cannot write the output: \(error)")
            throw ExitStatus.failure
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
