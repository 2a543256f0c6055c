import ArgumentParser
import Glossary

/// `--variants FILE`: the romanization rules, for every command that keys text.
struct VariantsOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("ICU transform rules for romanization variants (default: the shipped Data/variants.txt, built in).", valueName: "file"))
    var variants: String?

    /// The rules, or why they cannot be read (status 2).
    func rules() throws -> VariantRules {
        do throws(TableError) {
            return try variants.map { path throws(TableError) in try VariantRules(contentsOfFile: path) } ?? .shipped
        } catch {
            printError(error.description)
            throw ExitStatus.failure
        }
    }
}
