import Foundation

/// What a program wrote and how it ended.
struct CommandRun {
    var status: Int32
    var stdout: Data
    var stderr: String
    /// Standard output as text.
    var text: String { String(decoding: stdout, as: UTF8.self) }
}

/// The one place the tests start processes: the built `glossary` command above all, and
/// the scripts and programs of the repository (a shell pipeline, the release build, the
/// Spark recipe).
enum CommandRunner {
    /// The package's root folder.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `glossary` binary that `swift build` put beside this test bundle.
    static let binary: String = {
        let here = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var directory = URL(fileURLWithPath: here).deletingLastPathComponent()
        if directory.lastPathComponent == "MacOS" {  // an .xctest bundle
            directory = directory.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        }
        return directory.appendingPathComponent("glossary").path
    }()

    /// Runs `glossary ARGUMENTS` with `stdin` as its input and waits for it to end.
    static func run(_ arguments: [String], stdin: Data = Data(), directory: String? = nil) throws -> CommandRun {
        try collect(binary, arguments, stdin: stdin, directory: directory)
    }

    /// Runs `glossary ARGUMENTS` with a string as its input.
    static func run(_ arguments: [String], _ stdin: String) throws -> CommandRun {
        try run(arguments, stdin: Data(stdin.utf8))
    }

    /// Runs a bash script in the package's root folder; `$GLOSSARY` is the built command.
    static func shell(_ script: String) throws -> CommandRun {
        try collect("/bin/bash", ["-c", script], stdin: Data(), directory: root.path, environment: ["GLOSSARY": binary])
    }

    /// Runs a program found on the `PATH`, in the package's root folder.
    static func program(_ arguments: [String]) throws -> CommandRun {
        try collect("/usr/bin/env", arguments, stdin: Data(), directory: root.path)
    }

    /// Starts `glossary ARGUMENTS` with its output discarded, and returns at once: for
    /// tests that kill it, or run several at a time.
    static func start(_ arguments: [String]) throws -> Process {
        try launch(binary, arguments, stdin: nil, stdout: FileHandle.nullDevice, stderr: FileHandle.nullDevice)
    }

    /// Starts `glossary ARGUMENTS` with pipes to its standard input and output, for tests
    /// that talk to it while it runs.
    static func startInteractive(_ arguments: [String]) throws -> (process: Process, input: FileHandle, output: FileHandle) {
        let input = Pipe(), output = Pipe()
        let process = try launch(binary, arguments, stdin: input, stdout: output, stderr: FileHandle.nullDevice)
        return (process, input.fileHandleForWriting, output.fileHandleForReading)
    }

    /// Runs a program to its end, writing `stdin` and reading both outputs on their own
    /// threads, so that no pipe fills up.
    private static func collect(
        _ executable: String, _ arguments: [String], stdin: Data, directory: String?, environment: [String: String] = [:]
    ) throws -> CommandRun {
        let input = Pipe(), output = Pipe(), errors = Pipe()
        let process = try launch(executable, arguments, stdin: input, stdout: output, stderr: errors, directory: directory,
                                 environment: environment)
        let written = Handoff(), errorData = Handoff()
        Thread {
            // A program may end before it reads its input (a usage error): the write then
            // fails with EPIPE, which is no failure of the test. SIGPIPE is blocked on this
            // thread only (it killed the whole test process, as signal 13, on a busy
            // machine); ignoring it process-wide would pass SIG_IGN on to every child.
            var pipeSignal = sigset_t()
            sigemptyset(&pipeSignal)
            sigaddset(&pipeSignal, SIGPIPE)
            pthread_sigmask(SIG_BLOCK, &pipeSignal, nil)
            try? input.fileHandleForWriting.write(contentsOf: stdin)
            try? input.fileHandleForWriting.close()
            written.finish(Data())
        }.start()
        Thread { errorData.finish(errors.fileHandleForReading.readDataToEndOfFile()) }.start()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        _ = written.wait()
        return CommandRun(status: process.terminationStatus, stdout: outputData, stderr: String(decoding: errorData.wait(), as: UTF8.self))
    }

    /// Bytes that one thread produces and another waits for, under a condition
    /// variable, so that ThreadSanitizer sees the hand-over.
    private final class Handoff: @unchecked Sendable {
        // @unchecked: `data` and `done` are touched only with `condition` locked.
        private let condition = NSCondition()
        private var data = Data()
        private var done = false

        func finish(_ value: Data) {
            condition.lock()
            data = value
            done = true
            condition.signal()
            condition.unlock()
        }

        func wait() -> Data {
            condition.lock()
            defer { condition.unlock() }
            while !done { condition.wait() }
            return data
        }
    }

    private static func launch(
        _ executable: String, _ arguments: [String], stdin: Any?, stdout: Any?, stderr: Any?, directory: String? = nil,
        environment: [String: String] = [:]
    ) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        if let stdin { process.standardInput = stdin }
        if let stdout { process.standardOutput = stdout }
        if let stderr { process.standardError = stderr }
        try process.run()
        return process
    }
}
