import ArgumentParser

/// The exit statuses of `glossary`, which scripts can rely on.
enum ExitStatus {
    /// Done.
    static let success = ExitCode(0)
    /// The command line was wrong.
    static let usage = ExitCode(1)
    /// Done, with findings to act on: `check --strict` found warnings, `format --check`
    /// found the file not canonical, `lookup` found no concept.
    static let findings = ExitCode(1)
    /// A bad table, rule file or input, a file that cannot be read, output that cannot
    /// be written: always with one message on standard error.
    static let failure = ExitCode(2)
}
