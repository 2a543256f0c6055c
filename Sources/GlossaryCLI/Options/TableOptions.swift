import ArgumentParser
import Glossary

/// `--terms FILE` and `--variants FILE`: the term table a command reads or edits.
///
/// Without `--terms`, the table is the shipped `Data/terms.tsv`: the copy built into the
/// command for the commands that read it (so they work from any folder), the file
/// `Data/terms.tsv` under the current folder for those that edit it.
struct TableOptions: ParsableArguments {
    /// The table file that the editing commands change when `--terms` is not given.
    static let shippedPath = "Data/terms.tsv"

    @Option(name: .long, help: ArgumentHelp("The term table (default: the shipped Data/terms.tsv: built in for reading, the file in the current folder for editing).", valueName: "file"))
    var terms: String?

    @OptionGroup var variants: VariantsOption

    /// Loads and compiles the table, or prints why not and exits with status 2. The
    /// key cache beside the table (`NAME.keys` for `NAME.tsv`, or the built-in one for the shipped
    /// table) is used when it fits; `useKeyCache: false` computes every key afresh.
    /// `kinds` are the kinds of concept that are mentions (all, for the commands that
    /// explain or export the table).
    func loadMatcher(useKeyCache: Bool = true, kinds: Set<ConceptKind> = Set(ConceptKind.allCases)) throws -> Matcher {
        let table: TermTable
        do throws(TableError) {
            table = if let terms { try TermTable(contentsOfFile: terms) } else { try TermTable.shipped() }
        } catch {
            printError(error.description)
            throw ExitStatus.failure
        }
        let rules = try variants.rules()
        do throws(TableError) {
            var cache: KeyCache?
            if useKeyCache {
                cache = if let terms { try? KeyCache(contentsOfFile: TableFile.keyCachePath(forTable: terms)) } else { KeyCache.shipped }
            }
            return try Matcher(table: table, variants: rules, keyCache: cache, kinds: kinds)
        } catch {
            printError(error.description)
            throw ExitStatus.failure
        }
    }

    /// The table file to edit.
    func file() throws -> TableFile {
        TableFile(path: editedPath, variants: try variants.rules())
    }
}

extension TableOptions {
    /// Runs an edit of the table file (see `TableFile.edit`), then prints the warnings it
    /// leaves about `concept`; a refused edit prints why and exits with status 2.
    func edit(concept: String?, _ change: (inout TableDocument) throws(EditError) -> Void) throws -> TableFile.Outcome {
        let file = try file()
        do {
            let outcome = try file.edit(change)
            if let concept {
                for finding in TableCheck.tableFindings(outcome.matcher, only: concept) { printError(finding.description) }
            }
            return outcome
        } catch {
            printError("glossary: \(error)")
            throw ExitStatus.failure
        }
    }

    /// The path the editing commands change.
    var editedPath: String { terms ?? Self.shippedPath }
}
