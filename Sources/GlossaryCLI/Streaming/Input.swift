import Glibc
import Glossary

/// One input of a command that reads text (normalize, untag, suggest), opened.
struct Input {
    /// The name as given, `-` for standard input.
    let name: String
    let fd: Int32
    /// The size in bytes of a regular file, else 0: for progress.
    let size: Int

    /// Opens every input before anything is read, so that a typo in a file name fails
    /// cleanly instead of after half the output. No names, or `-`, is standard input. A
    /// file that cannot be opened is reported (`glossary: NAME: reason`) with status 2.
    static func openAll(_ names: [String]) throws -> [Input] {
        var inputs: [Input] = []
        for name in names.isEmpty ? ["-"] : names {
            if name == "-" {
                inputs.append(Input(name: name, fd: 0, size: 0))
                continue
            }
            let fd = open(name, O_RDONLY | O_CLOEXEC)
            if fd < 0 {
                printError("glossary: \(name): \(SystemError.current)")
                throw ExitStatus.failure
            }
            var info = stat()
            let size = fstat(fd, &info) == 0 && info.st_mode & S_IFMT == S_IFREG ? Int(info.st_size) : 0
            inputs.append(Input(name: name, fd: fd, size: size))
        }
        return inputs
    }

    /// Closes the file (standard input stays open).
    func close() {
        if fd != 0 { Glibc.close(fd) }
    }
}
