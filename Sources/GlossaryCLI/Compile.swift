import ArgumentParser
import Glibc
import Glossary

struct Compile: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a table and save the match keys of its words, for faster loading.",
        discussion: """
            Loads the table (reporting any problem, with status 2), computes the match key of \
            every word that needs ICU or the variant rules, and writes them to FILE.keys beside \
            the table (for the shipped table: Data/terms.keys). `glossary normalize --terms FILE` \
            then loads FILE.keys and opens no ICU transliterator for the table. A cache made \
            for other variant rules or another ICU is ignored, and words missing from it are \
            computed, so an old cache is only slower, never wrong.

            Examples:
              glossary compile --terms my-terms.tsv          # writes my-terms.tsv.keys
              glossary compile --output Data/terms.keys      # the shipped table (maintainers)
            """
    )

    @OptionGroup var table: TableOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write the keys (default: the table's path + .keys; Data/terms.keys for the shipped table).", valueName: "file"))
    var output: String?

    func run() throws {
        let matcher = try table.loadMatcher(useKeyCache: false)
        let path = output ?? table.terms.map { $0 + ".keys" } ?? "Data/terms.keys"
        do {
            try writeAtomically(matcher.keyCache().bytes, to: path)
        } catch {
            printError("glossary: cannot write \(path): \(error)")
            throw ExitCode(Status.failure)
        }
    }
}

/// Writes a file so that it is either the old one or the new one, never half: a
/// temporary file in the same folder, flushed to disk, then renamed over the target.
func writeAtomically(_ bytes: [UInt8], to path: String) throws(SystemError) {
    let temporary = path + ".tmp-\(getpid())"
    let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    if fd < 0 { throw SystemError(errno) }
    var written = 0
    while written < bytes.count {
        let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + written, $0.count - written) }
        if n < 0 {
            if errno == EINTR { continue }
            let code = errno
            close(fd)
            unlink(temporary)
            throw SystemError(code)
        }
        written += n
    }
    if fsync(fd) != 0 || close(fd) != 0 {
        let code = errno
        unlink(temporary)
        throw SystemError(code)
    }
    if rename(temporary, path) != 0 {
        let code = errno
        unlink(temporary)
        throw SystemError(code)
    }
}
