import ArgumentParser
import Glossary

/// What `check` and `lookup` print: text for people, or one JSON object for programs.
enum ReportFormat: String, CaseIterable, ExpressibleByArgument {
    case text
    case json
}

/// `--format text|json` of the reporting commands.
struct ReportFormatOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("text, or json (one object) for editors, CI and other programs.", valueName: "format"))
    var format: ReportFormat = .text
}

extension OutputFormat: ExpressibleByArgument {}
extension TermForm: ExpressibleByArgument {}
