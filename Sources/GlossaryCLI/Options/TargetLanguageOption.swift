import ArgumentParser

/// `--to LANG`: the language whose preferred terms a command writes (normalize: the
/// replacements; export --format omegat: the target terms).
struct TargetLanguageOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The language of the preferred terms to write: a BCP 47 tag of the table (en, id, ru, zh), or, for normalize, auto: each paragraph in its own language (Indonesian or English), told by its function words. normalize: default auto for text, en for jsonl; export --format omegat: required.", valueName: "lang"))
    var to: String?
}
