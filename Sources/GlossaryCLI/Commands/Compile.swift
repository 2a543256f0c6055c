import ArgumentParser
import Glibc
import Glossary

struct Compile: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a table and write its compiled form and match keys, for fast loading.",
        discussion: """
            Loads the table (reporting any problem, with status 2) and writes two files beside \
            it (for NAME.tsv):

              NAME.compiled   the compiled table: rows, keys and trie, which `glossary \
            normalize --terms NAME.tsv` maps into memory instead of parsing and building the \
            table (a 100,000-row table starts in about 20 ms instead of 190 ms)
              NAME.keys       the match keys of the words that need ICU or the variant rules, \
            which make loading without a compiled form faster

            A compiled file is used only if it was made from exactly the table's current bytes \
            (every layer is hashed as it is read), with the same variant rules, by a build that \
            reads its format; otherwise normalize says why on standard error and compiles the \
            table as before. With --layer, the files go beside the last layer and cover all the \
            layers. For the shipped data they are Data/terms.compiled and Data/terms.keys, which \
            are built into the command (maintainers: run this after editing Data/*.tsv, then \
            build again). The editing commands (add, remove, set-pref, format) keep existing \
            files in step.

            Examples:
              glossary compile --terms my-terms.tsv          # writes my-terms.compiled and my-terms.keys
              glossary compile --layer desk.tsv              # desk.compiled: the shipped data and desk.tsv
              glossary compile                               # Data/terms.compiled and Data/terms.keys (maintainers)
            """
    )

    @OptionGroup var table: TableOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write the keys (default: NAME.keys beside NAME.tsv; Data/terms.keys for the shipped table). The compiled form always goes beside the table.", valueName: "file"))
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
