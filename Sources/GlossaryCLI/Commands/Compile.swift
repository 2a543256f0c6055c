import ArgumentParser
import Glibc
import Glossary

struct Compile: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a table and save the match keys of its words, for faster loading.",
        discussion: """
            Loads the table (reporting any problem, with status 2), computes the match key of \
            every word that needs ICU or the variant rules, and writes them beside the table: \
            NAME.keys for NAME.tsv (for the shipped table: Data/terms.keys). `glossary normalize \
            --terms NAME.tsv` then loads NAME.keys and opens no ICU transliterator for the table; \
            the editing commands (add, remove, set-pref, format) keep an existing NAME.keys in step. A cache made \
            for other variant rules or another ICU is ignored, and words missing from it are \
            computed, so an old cache is only slower, never wrong.

            Examples:
              glossary compile --terms my-terms.tsv          # writes my-terms.keys
              glossary compile --output Data/terms.keys      # the shipped table (maintainers)
            """
    )

    @OptionGroup var table: TableOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write the keys (default: NAME.keys beside NAME.tsv; Data/terms.keys for the shipped table).", valueName: "file"))
    var output: String?

    func run() throws {
        let layers = try table.readLayers()
        let matcher = try table.loadMatcher(useKeyCache: false, layers: layers)
        let path = output ?? (table.isShipped ? "Data/terms.keys" : TableFile.keyCachePath(forTable: table.editedPath))
        var files = [(path, matcher.keyCache().bytes)]
        if let compiled = table.isShipped ? CompiledTable.path(forTable: TableOptions.shippedPath) : table.compiledPath {
            files.append((compiled, CompiledTable.encode(matcher, layers: layers, variants: try table.variants.rules())))
        }
        for (path, bytes) in files {
            do {
                try FileIO.writeAtomically(bytes, to: path)
            } catch {
                printError("glossary: cannot write \(path): \(error)")
                throw ExitStatus.failure
            }
        }
    }
}
