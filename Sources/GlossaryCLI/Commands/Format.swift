import ArgumentParser
import Glossary
struct Format: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rewrite a term table in canonical order and spacing, so that edits merge cleanly.",
        discussion: """
            Everything up to the header stays. The rows of each concept form one block where \
            the concept first appears, ordered by form (full, short, abbr, context), status \
            (pref, alt, deprecated), language and term. Comments and blank lines before a \
            concept's first row stay before its block; a comment before any other row moves \
            with it. One blank line before each block; fields without surrounding spaces; terms \
            in NFC; no trailing empty note. A table with errors is not touched.

            Exit status: 0 done (or, with --check, already canonical); 1 with --check, when the \
            file is not canonical; 2 the table has errors or cannot be written.

            Examples:
              glossary format                     # Data/terms.tsv, in place
              glossary format --check my-terms.tsv
            """
    )

    @Argument(help: ArgumentHelp("The table to format.", valueName: "file"))
    var file: String = TableOptions.shippedPath

    @OptionGroup var variants: VariantsOption

    @Flag(name: .long, help: "Change nothing; exit with status 1 and name the first line that differs if the file is not canonical.")
    var check = false

    func run() throws {
        if check {
            let bytes = try readFileOrExit(file)
            let text = String(decoding: bytes, as: UTF8.self)
            let formatted = TableDocument(parsing: text).formatted().text
            if formatted == text { return }
            let old = text.split(separator: "\n", omittingEmptySubsequences: false)
            let new = formatted.split(separator: "\n", omittingEmptySubsequences: false)
            let line = zip(old, new).enumerated().first { $0.element.0 != $0.element.1 }.map { $0.offset + 1 } ?? min(old.count, new.count) + 1
            let finding = Diagnostic(at: SourceLocation(file: file, line: line, column: 1), severity: .warning,
                                     message: "not in canonical form from this line on", fix: "run glossary format \(file)")
            printError(finding.description)
            throw ExitStatus.findings
        }
        let table = try TableOptions(editing: file, variants: variants)
        let outcome = try table.edit(concept: nil) { (document: inout TableDocument, _) throws(EditError) in document = document.formatted() }
        printError(outcome.changed ? "formatted \(file)" : "\(file) was already canonical")
    }
}
