import ArgumentParser
import Glibc
import Glossary

/// Exit statuses that scripts can rely on.
enum Status {
    static let success: Int32 = 0
    /// The command line was wrong.
    static let usage: Int32 = 1
    /// A bad table or rule file, or an input that cannot be read (or output that cannot be written).
    static let failure: Int32 = 2
}

@main
struct GlossaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "glossary",
        abstract: "Reconcile the many spellings of people, places and organisations in Indonesian and English text.",
        discussion: """
            Glossary maps every spelling of an entity (Shoigu, Shoygu, Sergey Shoygu, Шойгу) to one \
            concept of a term table, through ICU normalization and transliteration.

            Exit status: 0 success, 1 usage error, 2 bad table or unreadable input; check --strict, \
            format --check and lookup also use 1 (warnings, not canonical, no concept): see their help.
            """,
        subcommands: [Normalize.self, Check.self, Add.self, Remove.self, SetPref.self, Format.self, LookupCommand.self, Suggest.self, Export.self, Import.self, Compile.self]
    )

    /// Runs the command with exit statuses of our own: ArgumentParser would use 64 for
    /// usage errors.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            Glibc.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                print(message)
                Glibc.exit(Status.success)
            }
            if !message.isEmpty { printError(message) }
            Glibc.exit(code.rawValue == Status.failure ? Status.failure : Status.usage)
        }
    }
}

/// Writes a line to standard error.
func printError(_ message: String) {
    var text = message
    if !text.hasSuffix("\n") { text += "\n" }
    var bytes = Array(text.utf8)
    _ = bytes.withUnsafeMutableBytes { write(2, $0.baseAddress, $0.count) }
}

/// Options shared by every command that reads a term table.
struct TableOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The term table (default: the shipped Data/terms.tsv, built in).", valueName: "file"))
    var terms: String?

    @Option(name: .long, help: ArgumentHelp("ICU transform rules for romanization variants (default: the shipped Data/variants.txt).", valueName: "file"))
    var variants: String?

    /// Loads and compiles the table, or prints why not and exits with status 2. The
    /// key cache beside the table (`NAME.keys` for `NAME.tsv`, or the built-in one for the shipped
    /// table) is used when it fits; `useKeyCache: false` computes every key afresh.
    func loadMatcher(useKeyCache: Bool = true) throws -> Matcher {
        do throws(TableError) {
            let table = if let terms { try TermTable(contentsOfFile: terms) } else { try TermTable.shipped() }
            let rules = if let variants { try VariantRules(contentsOfFile: variants) } else { VariantRules.shipped }
            var cache: KeyCache?
            if useKeyCache {
                cache = if let terms { try? KeyCache(contentsOfFile: TableFile.keyCachePath(forTable: terms)) } else { KeyCache.shipped }
            }
            return try Matcher(table: table, variants: rules, keyCache: cache)
        } catch {
            printError(error.description)
            throw ExitCode(Status.failure)
        }
    }
}
