import ArgumentParser
import Glossary

/// `--terms FILE`, `--layer FILE` and `--variants FILE`: the term table a command reads
/// or edits, as layers (see `Data/README.md`, "Layers").
///
/// The layers, bottom first, are the `--terms` files, or the shipped data
/// (`Data/world.tsv` and `Data/terms.tsv`, built into the command) when none is given,
/// then the `--layer` files. The editing commands change one layer: the last `--layer`
/// file, else the last `--terms` file, else the file `Data/terms.tsv` under the current
/// folder (with `Data/world.tsv` beside it below). The layers below the edited one are
/// read with it, so that an edit is checked as the merged table will be used.
struct TableOptions: ParsableArguments {
    /// The table file that the editing commands change when no file is named.
    static let shippedPath = "Data/terms.tsv"

    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp("A term table to use instead of the shipped data; repeat it for several layers, bottom first (default: the shipped Data/world.tsv and Data/terms.tsv, built in for reading, the files in the current folder for editing).", valueName: "file"))
    var terms: [String] = []

    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp("A table layered on top of the others (your own spellings and concepts over the shipped data); repeatable. The editing commands change the last one.", valueName: "file"))
    var layer: [String] = []

    @OptionGroup var variants: VariantsOption

    /// Whether the layers are the shipped data alone.
    var isShipped: Bool { terms.isEmpty && layer.isEmpty }

    /// Reads the layers that the reading commands use, or prints why not and exits with
    /// status 2.
    func readLayers() throws -> [TableLayer] {
        do throws(TableError) {
            let base = terms.isEmpty ? TableLayer.shipped : try terms.map { path throws(TableError) in try TableLayer(contentsOfFile: path) }
            return base + (try layer.map { path throws(TableError) in try TableLayer(contentsOfFile: path) })
        } catch {
            printError(error.description)
            throw ExitStatus.failure
        }
    }

    /// Loads and compiles the table, or prints why not and exits with status 2. The
    /// key cache beside the last file (`NAME.keys` for `NAME.tsv`), or the built-in one
    /// for the shipped data, is used when it fits; `useKeyCache: false` computes every
    /// key afresh. `kinds` are the kinds of concept that are mentions (all, for the
    /// commands that explain or export the table).
    ///
    /// With `useCompiled`, the compiled form beside the last file (`NAME.compiled`, see
    /// ``CompiledTable``) is mapped in instead when it was made from exactly these
    /// layers and variant rules; one that was not is named on standard error and
    /// ignored. `layers` are the layers already read, if any.
    func loadMatcher(
        useKeyCache: Bool = true, useCompiled: Bool = false, kinds: Set<ConceptKind> = Set(ConceptKind.allCases), layers: [TableLayer]? = nil
    ) throws -> Matcher {
        if useCompiled, layers == nil, isShipped, let compiled = CompiledTable.shippedMatcher(variants: try variants.rules(), kinds: kinds) {
            return compiled
        }
        if useCompiled, layers == nil, let path = compiledPath, FileIO.exists(path) {
            let rules = try variants.rules()
            do throws(CompiledTable.Rejection) {
                return try CompiledTable.matcher(contentsOfFile: path, layerPaths: terms + layer, overShipped: terms.isEmpty, variants: rules,
                                                 keyCache: useKeyCache ? keyCache() : nil, kinds: kinds)
            } catch {
                printError("glossary: note: not using \(path): \(error); `glossary compile` writes it again")
            }
        }
        let layers = try layers ?? readLayers()
        let table: TermTable
        do throws(TableError) {
            table = try TermTable(layers: layers)
        } catch {
            printError(error.description)
            throw ExitStatus.failure
        }
        let rules = try variants.rules()
        do throws(TableError) {
            return try Matcher(table: table, variants: rules, keyCache: useKeyCache ? keyCache() : nil, kinds: kinds)
        } catch {
            printError(error.description)
            throw ExitStatus.failure
        }
    }

    /// The key cache to start from: the one beside the last file, else the built-in one
    /// when the shipped data is read.
    func keyCache() -> KeyCache? {
        if let last = (terms + layer).last, let cache = try? KeyCache(contentsOfFile: TableFile.keyCachePath(forTable: last)) { return cache }
        return terms.isEmpty ? KeyCache.shipped : nil
    }

    /// Where the compiled form of the layers is: beside the last file; none for the
    /// shipped data alone.
    var compiledPath: String? { (terms + layer).last.map(CompiledTable.path(forTable:)) }

    /// The path the editing commands change.
    var editedPath: String { layer.last ?? terms.last ?? Self.shippedPath }

    /// The layers below the edited one.
    func lowerLayers() throws -> [TableLayer] {
        do throws(TableError) {
            if isShipped {
                // Editing the shipped curated layer: the generated one beside it, or the
                // built-in copy when the folder has none.
                let world = TableLayer.shippedPaths[0]
                return [FileIO.exists(world) ? try TableLayer(contentsOfFile: world) : TableLayer.shipped[0]]
            }
            if !layer.isEmpty {
                let base = terms.isEmpty ? TableLayer.shipped : try terms.map { path throws(TableError) in try TableLayer(contentsOfFile: path) }
                return base + (try layer.dropLast().map { path throws(TableError) in try TableLayer(contentsOfFile: path) })
            }
            return try terms.dropLast().map { path throws(TableError) in try TableLayer(contentsOfFile: path) }
        } catch {
            printError(error.description)
            throw ExitStatus.failure
        }
    }

    /// The table file to edit, checked over the layers below it.
    func file() throws -> TableFile {
        TableFile(path: editedPath, variants: try variants.rules(), below: try lowerLayers())
    }
}

extension TableOptions {
    /// The options that edit one file as the editing commands would: the shipped curated
    /// layer over the generated one when `path` is `Data/terms.tsv`, else the file alone.
    init(editing path: String, variants: VariantsOption) throws {
        self = try Self.parse(path == Self.shippedPath ? [] : ["--terms", path])
        self.variants = variants
    }

    /// Runs an edit of the table file (see `TableFile.edit`), then prints the warnings it
    /// leaves about `concept`; a refused edit prints why and exits with status 2. The
    /// change sees the merged layers below the edited one (nil when there are none).
    func edit(concept: String?, _ change: (inout TableDocument, TermTable?) throws(EditError) -> Void) throws -> TableFile.Outcome {
        let file = try file()
        do {
            let below = try file.belowTable()
            let outcome = try file.edit { (document: inout TableDocument) throws(EditError) in try change(&document, below) }
            if let concept {
                for finding in TableCheck.tableFindings(outcome.matcher, only: concept) { printError(finding.description) }
            }
            return outcome
        } catch {
            printError("glossary: \(error)")
            throw ExitStatus.failure
        }
    }
}
