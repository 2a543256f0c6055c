import ArgumentParser
import Glibc
import Glossary

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
        subcommands: [
            Normalize.self, Untag.self, Check.self, Add.self, Remove.self, SetPref.self, Format.self, LookupCommand.self,
            Suggest.self, Export.self, Import.self, Compile.self,
        ]
    )

    /// Runs the command with the exit statuses of ``ExitStatus``: ArgumentParser would
    /// use 64 for usage errors.
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
                Glibc.exit(ExitStatus.success.rawValue)
            }
            if !message.isEmpty { printError(message) }
            let status = code == ExitStatus.failure ? ExitStatus.failure : ExitStatus.usage
            Glibc.exit(status.rawValue)
        }
    }
}
