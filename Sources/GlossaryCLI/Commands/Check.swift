import ArgumentParser
import Glossary
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a term table: errors, and warnings about rows that are probably wrong.",
        discussion: """
            Reports, as FILE:LINE:COLUMN: error|warning: …, each followed by how to fix it:

            errors (the table cannot be loaded): every problem the loader rejects, such as a bad \
            field, a duplicate row, a second preferred term, or terms of two concepts with the same \
            match key (both rows and the key are named);

            warnings: a term that can never match as written (a longer term swallows it, or the \
            case rules exclude it); a term with the same match key as another row of its concept \
            and language (redundant); a concept without a preferred full term in en or id; a \
            deprecated term with no preferred term to replace it; an abbreviation without a \
            capital letter; spaces around a field or two in a row; a term not in NFC; an \
            invisible character; a word that mixes Latin, Cyrillic or Greek letters.

            Several files are layers, bottom first, merged as glossary normalize --terms A             --terms B merges them (Data/README.md, "Layers"): each is checked, then the             merge, and a conflict between layers names both places (FILE:LINE); a row that             repeats an earlier layer's row unchanged is a warning; --refinements also prints             a note for every row that a later layer changes or removes.

            Exit status: 0 no errors (and, with --strict, no warnings); 1 warnings only, with \
            --strict; 2 errors, or the file cannot be read.

            Examples:
              glossary check                       # the shipped layers: Data/world.tsv Data/terms.tsv
              glossary check --strict my-terms.tsv
              glossary check Data/world.tsv Data/terms.tsv newsroom.tsv --refinements
              glossary check --format json > findings.json
            """
    )

    @Argument(help: ArgumentHelp("The table to check, or several layers, bottom first. (default: Data/world.tsv Data/terms.tsv)", valueName: "file"))
    var files: [String] = TableLayer.shippedPaths

    @OptionGroup var variants: VariantsOption

    @OptionGroup var report: ReportFormatOption

    @Flag(name: .long, help: "Exit with status 1 when there are warnings.")
    var strict = false

    @Flag(name: .long, help: "Also print a note for every row that a later layer refines or removes.")
    var refinements = false

    func run() throws {
        let layers = try files.map { TableLayer(utf8: try readFileOrExit($0), source: $0) }
        let rules = try variants.rules()
        let cache = try? KeyCache(contentsOfFile: TableFile.keyCachePath(forTable: files.last!))
        let findings = TableCheck.check(layers: layers, variants: rules, keyCache: cache, refinements: refinements)
        let file = files.joined(separator: " + ")
        let errors = findings.filter { $0.severity == .error }.count
        let warnings = findings.filter { $0.severity == .warning }.count
        if report.format == .json {
            print(findingsJSON(findings, file: file, errors: errors, warnings: warnings))
        } else {
            for finding in findings { print(finding.description) }
            printError("\(file): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
        }
        if errors > 0 { throw ExitStatus.failure }
        if strict && warnings > 0 { throw ExitStatus.findings }
    }
}
