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

            Exit status: 0 no errors (and, with --strict, no warnings); 1 warnings only, with \
            --strict; 2 errors, or the file cannot be read.

            Examples:
              glossary check                       # Data/terms.tsv
              glossary check --strict my-terms.tsv
              glossary check --format json > findings.json
            """
    )

    @Argument(help: ArgumentHelp("The table to check.", valueName: "file"))
    var file: String = TableOptions.shippedPath

    @OptionGroup var variants: VariantsOption

    @OptionGroup var report: ReportFormatOption

    @Flag(name: .long, help: "Exit with status 1 when there are warnings.")
    var strict = false

    func run() throws {
        let bytes = try readFileOrExit(file)
        let rules = try variants.rules()
        let cache = try? KeyCache(contentsOfFile: TableFile.keyCachePath(forTable: file))
        let findings = TableCheck.check(utf8: bytes, source: file, variants: rules, keyCache: cache)
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
