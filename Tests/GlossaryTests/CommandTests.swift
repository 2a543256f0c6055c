import Foundation
import Testing

/// Black-box runs of the built `glossary` command: bytes in on stdin, bytes out.
@Suite("The glossary command")
struct CommandTests {
    /// The `glossary` binary that `swift build` put beside this test bundle.
    static let binary: String = {
        let here = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var directory = URL(fileURLWithPath: here).deletingLastPathComponent()
        if directory.lastPathComponent == "MacOS" {  // an .xctest bundle
            directory = directory.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        }
        return directory.appendingPathComponent("glossary").path
    }()

    struct Run {
        var status: Int32
        var stdout: Data
        var stderr: String
        var text: String { String(decoding: stdout, as: UTF8.self) }
    }

    static func run(_ arguments: [String], stdin: Data = Data(), directory: String? = nil) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let writer = Thread {
            input.fileHandleForWriting.write(stdin)
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: out, stderr: String(decoding: err, as: UTF8.self))
    }

    static func run(_ arguments: [String], _ stdin: String) throws -> Run {
        try run(arguments, stdin: Data(stdin.utf8))
    }

    static func temporaryFile(_ name: String, _ contents: Data) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("glossary-tests-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try contents.write(to: url)
        return url.path
    }

    @Test("text: replaces mentions with the preferred English term by default")
    func textDefault() throws {
        let run = try Self.run(["normalize"], "Menlu Sergey Lavrov tiba di Moskwa bersama Shoygu.\n")
        #expect(run.status == 0)
        #expect(run.text == "Menlu Sergei Lavrov tiba di Moscow bersama Shoigu.\n")
        #expect(run.stderr.isEmpty)
    }

    @Test("--to id writes the preferred Indonesian terms")
    func toIndonesian() throws {
        let run = try Self.run(["normalize", "--to", "id"], "Partai Komunis China (PKC) dan Cina\n")
        #expect(run.text == "Partai Komunis Tiongkok (PKT) dan Tiongkok\n")
    }

    @Test("tag and jsonl formats")
    func otherFormats() throws {
        let tag = try Self.run(["normalize", "--format", "tag"], "Шойгу di Moskow\n")
        #expect(tag.text == "⟦sergei-shoigu|Шойгу⟧ di ⟦moscow|Moskow⟧\n")
        let jsonl = try Self.run(["normalize", "--format", "jsonl"], "x\nWang Yi\n")
        #expect(jsonl.text.hasPrefix(#"{"input":"-","line":2,"start":0,"end":7,"surface":"Wang Yi","id":"wang-yi","#))
        #expect(jsonl.text.hasSuffix("}\n"))
    }

    @Test("tag is undone by the Perl one-liner of the README, byte for byte")
    func untagWithPerl() throws {
        var input = Data("⟦⟦Rusia|x⟧ ⟧Shoigu⟦ Rusianya ⟦china|Cina⟧ PKT\n".utf8)
        input.append(contentsOf: [0xFF, 0x0A])
        let file = try Self.temporaryFile("tagme.txt", input)
        let perl = #"perl -pe 's/⟦⟦|⟧⟧|⟦[a-z0-9,-]+\|((?:(?!⟦|⟧).)*)⟧/defined $1 ? $1 : substr($&,0,3)/ge'"#
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", "'\(Self.binary)' normalize --format tag '\(file)' | \(perl)"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let untagged = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(untagged == input)
        let readme = try String(contentsOfFile: #filePath.replacingOccurrences("Tests/GlossaryTests/CommandTests.swift", "README.md"), encoding: .utf8)
        #expect(readme.contains(perl), "the README shows another command")
    }

    @Test("Bytes that are not mentions pass through untouched: CR LF, BOM, invalid UTF-8, NUL, no final newline")
    func passthrough() throws {
        var input = Data("\u{FEFF}Rusia\r\n".utf8)
        input.append(contentsOf: [0xFF, 0xC0, 0x00])
        input.append(Data(" tanpa akhir baris".utf8))
        var expected = Data("\u{FEFF}Russia\r\n".utf8)
        expected.append(contentsOf: [0xFF, 0xC0, 0x00])
        expected.append(Data(" tanpa akhir baris".utf8))
        let run = try Self.run(["normalize"], stdin: input)
        #expect(run.stdout == expected)
    }

    @Test("Reads files in order, naming each in jsonl")
    func files() throws {
        let a = try Self.temporaryFile("a.txt", Data("Rusia\n".utf8))
        let b = try Self.temporaryFile("b.txt", Data("Tiongkok".utf8))
        let run = try Self.run(["normalize", a, b])
        #expect(run.text == "Russia\nChina")
        let jsonl = try Self.run(["normalize", "--format", "jsonl", a, b])
        #expect(jsonl.text.contains(#""input":"\#(a)""#))
        #expect(jsonl.text.contains(#""input":"\#(b)""#))
    }

    @Test("The shipped table is built in: any working directory works")
    func anyDirectory() throws {
        let run = try Self.run(["normalize"], stdin: Data("Rusia\n".utf8), directory: "/")
        #expect(run.text == "Russia\n")
    }

    @Test("A bad table: status 2 and a message naming file, line and column")
    func badTable() throws {
        let table = try Self.temporaryFile("bad.tsv", Data("id\tlang\tterm\tform\tstatus\tnote\nrussia\ten\tRussia\tful\tpref\t\n".utf8))
        let run = try Self.run(["normalize", "--terms", table], "Russia\n")
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix("\(table):2:18: error: unknown form “ful”"))
    }

    @Test("A custom table replaces the shipped one")
    func customTable() throws {
        let table = try Self.temporaryFile("ok.tsv", Data("id\tlang\tterm\tform\tstatus\tnote\nkremlin\ten\tKremlin\tfull\tpref\t\nkremlin\tid\tKremlin\tfull\tpref\t\nkremlin\tru\tКремль\tfull\tpref\t\n".utf8))
        let run = try Self.run(["normalize", "--terms", table, "--format", "tag"], "Кремль dan Rusia\n")
        #expect(run.text == "⟦kremlin|Кремль⟧ dan Rusia\n")
    }

    @Test("An unreadable input: status 2, a message, and no output at all")
    func missingInput() throws {
        let good = try Self.temporaryFile("good.txt", Data("Rusia\n".utf8))
        let run = try Self.run(["normalize", good, "/nonexistent/input.txt"])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr == "glossary: /nonexistent/input.txt: No such file or directory\n")
    }

    @Test("Usage errors: status 1", arguments: [
        ["normalize", "--format", "xml"],
        ["normalize", "--jobs", "0"],
        ["normalize", "--to", "fr"],
        ["normalize", "--no-such-option"],
        ["frobnicate"],
    ])
    func usageErrors(_ arguments: [String]) throws {
        let run = try Self.run(arguments, "Rusia\n")
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(!run.stderr.isEmpty)
    }

    @Test("--help teaches, with status 0")
    func help() throws {
        let top = try Self.run(["--help"], "")
        #expect(top.status == 0)
        #expect(top.text.contains("normalize"))
        let normalize = try Self.run(["normalize", "--help"], "")
        #expect(normalize.status == 0)
        for word in ["--terms", "--to", "--format", "jsonl", "⟦", "Examples", "Exit status"] {
            #expect(normalize.text.contains(word), "missing \(word)")
        }
    }

    @Test("A closed pipe ends the command quietly with status 0")
    func closedPipe() throws {
        let script = "set -o pipefail; yes 'Shoygu bertemu Wang Yi di Moskwa.' | head -n 300000 | '\(Self.binary)' normalize | head -n 1; echo \"status ${PIPESTATUS[2]}\""
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let err = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(out == "Shoigu bertemu Wang Yi di Moscow.\nstatus 0\n")
        #expect(err.isEmpty)
    }

    @Test("A line longer than --segment-bytes is processed in pieces cut at spaces, nothing lost")
    func longLine() throws {
        let input = String(repeating: "Rusia dan Tiongkok, ", count: 20_000) + "\nRusia\n"
        let expected = String(repeating: "Russia dan China, ", count: 20_000) + "\nRussia\n"
        let run = try Self.run(["normalize", "--segment-bytes", "1000"], input)
        #expect(run.status == 0)
        #expect(run.text == expected)
        let jsonl = try Self.run(["normalize", "--segment-bytes", "1000", "--format", "jsonl"], input)
        let lines = jsonl.text.split(separator: "\n")
        #expect(lines.count == 40_001)
        #expect(lines[39_999].contains(#""line":1,"start":399990,"end":399998"#))
        #expect(lines[40_000].contains(#""line":2,"start":0,"end":5"#))
    }

    @Test("--jobs N writes exactly what one thread writes, in every format", arguments: ["text", "tag", "jsonl"])
    func parallelOutputIsIdentical(format: String) throws {
        // About 3 MB: a batch of eight slices, with lines long enough to be cut.
        var rng = SeededGenerator(seed: 42)
        var input = Data()
        while input.count < 3_000_000 {
            var line = RandomText.line(&rng)
            if Int.random(in: 0..<200, using: &rng) == 0 {
                for _ in 0..<2_000 { line += RandomText.line(&rng) + [0x20] }
            }
            input.append(contentsOf: line)
            input.append(0x0A)
        }
        let one = try Self.run(["normalize", "--jobs", "1", "--format", format, "--segment-bytes", "65536"], stdin: input)
        let two = try Self.run(["normalize", "--jobs", "2", "--format", format, "--segment-bytes", "65536"], stdin: input)
        #expect(one.status == 0 && two.status == 0)
        #expect(one.stdout.count > input.count / 2)
        #expect(one.stdout == two.stdout)
    }

    @Test("--line-buffered writes each line before the input ends")
    func lineBuffered() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = ["normalize", "--line-buffered"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data("Rusia\n".utf8))
        var poller = pollfd(fd: output.fileHandleForReading.fileDescriptor, events: Int16(POLLIN), revents: 0)
        let ready = poll(&poller, 1, 20_000)
        #expect(ready == 1)
        if ready == 1 {
            #expect(output.fileHandleForReading.availableData == Data("Russia\n".utf8))
        }
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }
}
