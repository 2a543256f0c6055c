import Foundation
import Testing

/// Black-box runs of the built `glossary` command: bytes in on stdin, bytes out.
@Suite("The glossary command")
struct CommandTests {
    @Test("text: by default each paragraph's mentions become preferred terms of the paragraph's own language")
    func textDefault() throws {
        let text = "Menlu Sergey Lavrov tiba di Moskwa bersama Shoygu.\nLavrov arrived in Moskwa with Shoygu.\nMOSKWA\n"
        let run = try CommandRunner.run(["normalize"], text)
        #expect(run.status == 0)
        // The third line has no function word: it takes its document's language so far,
        // where English leads (in, with against di).
        #expect(run.text == "Menlu Sergei Lavrov tiba di Moskow bersama Shoigu.\nLavrov arrived in Moscow with Shoigu.\nMOSCOW\n")
        #expect(run.stderr.isEmpty)
        let english = try CommandRunner.run(["normalize", "--to", "en"], text)
        #expect(english.text == "Menlu Sergei Lavrov tiba di Moscow bersama Shoigu.\nLavrov arrived in Moscow with Shoigu.\nMOSCOW\n")
        let indonesian = try CommandRunner.run(["normalize"], "Dia tiba di Moskwa dan bertemu Lavrov.\n\nMOSKWA\n")
        #expect(indonesian.text == "Dia tiba di Moskow dan bertemu Lavrov.\n\nMOSCOW\n", "a new document forgets the language")
    }

    @Test("--to id writes the preferred Indonesian terms")
    func toIndonesian() throws {
        let run = try CommandRunner.run(["normalize", "--to", "id"], "Partai Komunis China (PKC) dan Cina\n")
        #expect(run.text == "Partai Komunis Tiongkok (PKT) dan Tiongkok\n")
    }

    @Test("--kinds: ideas are no mentions by default; --kinds all or a list says which kinds are; a bad kind is a usage error")
    func kinds() throws {
        let text = "Tiongkok menolak hegemoni; Ketua Umum PBB Yusril.\n"
        let byDefault = try CommandRunner.run(["normalize", "--format", "tag"], text)
        #expect(byDefault.text == "⟦china|Tiongkok⟧ menolak hegemoni; Ketua Umum ⟦partai-bulan-bintang|PBB⟧ Yusril.\n")
        let all = try CommandRunner.run(["normalize", "--format", "tag", "--kinds", "all"], text)
        #expect(all.text == "⟦china|Tiongkok⟧ menolak ⟦hegemony|hegemoni⟧; Ketua Umum ⟦partai-bulan-bintang|PBB⟧ Yusril.\n")
        let countries = try CommandRunner.run(["normalize", "--format", "tag", "--kinds", "country,idea"], text)
        #expect(countries.text == "⟦china|Tiongkok⟧ menolak ⟦hegemony|hegemoni⟧; Ketua Umum PBB Yusril.\n")
        let jsonl = try CommandRunner.run(["normalize", "--format", "jsonl"], "Tiongkok\n")
        #expect(jsonl.text.contains(#""id":"china","kind":"country""#))
        let bad = try CommandRunner.run(["normalize", "--kinds", "people"], text)
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("unknown kind “people”"))
    }

    @Test("tag and jsonl formats")
    func otherFormats() throws {
        let tag = try CommandRunner.run(["normalize", "--format", "tag"], "Шойгу di Moskow\n")
        #expect(tag.text == "⟦sergei-shoigu|Шойгу⟧ di ⟦moscow|Moskow⟧\n")
        let jsonl = try CommandRunner.run(["normalize", "--format", "jsonl"], "x\nWang Yi\n")
        #expect(jsonl.text.hasPrefix(#"{"input":"-","line":2,"start":0,"end":7,"surface":"Wang Yi","id":"wang-yi","#))
        #expect(jsonl.text.hasSuffix("}\n"))
    }

    @Test("untag undoes tag byte for byte, literal brackets, CR LF and invalid UTF-8 included")
    func untagUndoesTag() throws {
        var input = Data("⟦⟦Rusia|x⟧ ⟧Shoigu⟦ Rusianya ⟦china|Cina⟧ PKT\r\n".utf8)
        input.append(contentsOf: [0xFF, 0x0A])
        input.append(Data("tanpa akhir baris Moskwa".utf8))
        let file = try TemporaryFolder.write(input, named: "tagme.txt")
        let run = try CommandRunner.shell("\"$GLOSSARY\" normalize --format tag '\(file)' | \"$GLOSSARY\" untag")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == input)
    }

    @Test("Bytes that are not mentions pass through untouched: CR LF, BOM, invalid UTF-8, NUL, no final newline")
    func passthrough() throws {
        var input = Data("\u{FEFF}Rusia\r\n".utf8)
        input.append(contentsOf: [0xFF, 0xC0, 0x00])
        input.append(Data(" tanpa akhir baris".utf8))
        var expected = Data("\u{FEFF}Russia\r\n".utf8)
        expected.append(contentsOf: [0xFF, 0xC0, 0x00])
        expected.append(Data(" tanpa akhir baris".utf8))
        let run = try CommandRunner.run(["normalize"], stdin: input)
        #expect(run.stdout == expected)
    }

    @Test("Reads files in order, naming each in jsonl")
    func files() throws {
        let a = try TemporaryFolder.write(Data("Rusia\n".utf8), named: "a.txt")
        let b = try TemporaryFolder.write(Data("Tiongkok".utf8), named: "b.txt")
        let run = try CommandRunner.run(["normalize", a, b])
        #expect(run.text == "Russia\nChina")
        let jsonl = try CommandRunner.run(["normalize", "--format", "jsonl", a, b])
        #expect(jsonl.text.contains(#""input":"\#(a)""#))
        #expect(jsonl.text.contains(#""input":"\#(b)""#))
    }

    @Test("The shipped table is built in: any working directory works")
    func anyDirectory() throws {
        let run = try CommandRunner.run(["normalize"], stdin: Data("Rusia\n".utf8), directory: "/")
        #expect(run.text == "Russia\n")
    }

    @Test("A bad table: status 2 and a message naming file, line and column")
    func badTable() throws {
        let table = try TemporaryFolder.write(Data("id\tlang\tterm\tform\tstatus\tnote\nrussia\ten\tRussia\tful\tpref\t\n".utf8), named: "bad.tsv")
        let run = try CommandRunner.run(["normalize", "--terms", table], "Russia\n")
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix("\(table):2:18: error: unknown form “ful”"))
    }

    @Test("A custom table replaces the shipped one")
    func customTable() throws {
        let table = try TemporaryFolder.write(Data("id\tlang\tterm\tform\tstatus\tnote\nkremlin\ten\tKremlin\tfull\tpref\t\nkremlin\tid\tKremlin\tfull\tpref\t\nkremlin\tru\tКремль\tfull\tpref\t\n".utf8), named: "ok.tsv")
        let run = try CommandRunner.run(["normalize", "--terms", table, "--format", "tag"], "Кремль dan Rusia\n")
        #expect(run.text == "⟦kremlin|Кремль⟧ dan Rusia\n")
    }

    @Test("An unreadable input: status 2, a message, and no output at all")
    func missingInput() throws {
        let good = try TemporaryFolder.write(Data("Rusia\n".utf8), named: "good.txt")
        let run = try CommandRunner.run(["normalize", good, "/nonexistent/input.txt"])
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
        let run = try CommandRunner.run(arguments, "Rusia\n")
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(!run.stderr.isEmpty)
    }

    @Test("Regression: a program that ends before it reads its input (signal 13 killed the test process)")
    func endsBeforeReading() throws {
        let run = try CommandRunner.run(["frobnicate"], stdin: Data(repeating: 0x61, count: 4 << 20))
        #expect(run.status == 1)
        #expect(!run.stderr.isEmpty)
    }

    @Test("--help teaches, with status 0")
    func help() throws {
        let top = try CommandRunner.run(["--help"], "")
        #expect(top.status == 0)
        #expect(top.text.contains("normalize"))
        let normalize = try CommandRunner.run(["normalize", "--help"], "")
        #expect(normalize.status == 0)
        for word in ["--terms", "--to", "--format", "jsonl", "⟦", "Examples", "Exit status"] {
            #expect(normalize.text.contains(word), "missing \(word)")
        }
    }

    @Test("A closed pipe ends the command quietly with status 0")
    func closedPipe() throws {
        let run = try CommandRunner.shell("set -o pipefail; yes 'Shoygu bertemu Wang Yi di Moskwa.' | head -n 300000 | \"$GLOSSARY\" normalize | head -n 1; echo \"status ${PIPESTATUS[2]}\"")
        #expect(run.text == "Shoigu bertemu Wang Yi di Moskow.\nstatus 0\n")
        #expect(run.stderr.isEmpty)
    }

    @Test("A line longer than --segment-bytes is processed in pieces cut at spaces, nothing lost")
    func longLine() throws {
        let input = String(repeating: "Rusia dan Tiongkok, ", count: 20_000) + "\nRusia\n"
        let expected = String(repeating: "Russia dan China, ", count: 20_000) + "\nRussia\n"
        let run = try CommandRunner.run(["normalize", "--segment-bytes", "1000", "--to", "en"], input)
        #expect(run.status == 0)
        #expect(run.text == expected)
        let jsonl = try CommandRunner.run(["normalize", "--segment-bytes", "1000", "--format", "jsonl"], input)
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
            // Documents of a few paragraphs, some of them hundreds of kilobytes long, so
            // that evidence crosses the slices of a batch.
            if Int.random(in: 0..<(Bool.random(using: &rng) ? 6 : 4_000), using: &rng) == 0 { input.append(0x0A) }
        }
        // Text takes each paragraph's language (--to auto, the default); so does jsonl here.
        let options = ["--format", format, "--segment-bytes", "65536", "--to", format == "tag" ? "en" : "auto"]
        let one = try CommandRunner.run(["normalize", "--jobs", "1"] + options, stdin: input)
        let two = try CommandRunner.run(["normalize", "--jobs", "2"] + options, stdin: input)
        #expect(one.status == 0 && two.status == 0)
        #expect(one.stdout.count > input.count / 2)
        #expect(one.stdout == two.stdout)
        if format == "jsonl" {
            #expect(one.text.contains(#""resolution":"document""#), "the documents should decide some shared spellings")
        }
    }

    @Test("--jobs N: a paragraph that takes its document's language counts all of the document before it")
    func documentLanguageAcrossSlices() throws {
        // About 4 MB of English with few function words, then 195 KB of Indonesian dense
        // with them, then a line that cannot tell: the Indonesian is only in the last
        // slice of the second batch, with that line, so only its slice's own count tips
        // the document to Indonesian.
        var text = ""
        // A paragraph counts its function words until one language leads by three: each
        // long English line counts one, each short Indonesian line three.
        let sparse = String(repeating: "lorem ipsum dolor sit amet consectetur adipiscing elit sed tempor ", count: 15) + "of\n"
        let dense = "yang dan di kata\n"
        while text.utf8.count < 4_000_000 { text += sparse }
        while text.utf8.count < 4_195_000 { text += dense }
        text += "MOSKWA\n"
        let one = try CommandRunner.run(["normalize", "--jobs", "1"], text)
        let two = try CommandRunner.run(["normalize", "--jobs", "2"], text)
        #expect(one.text.hasSuffix("\nMOSKOW\n"))
        #expect(two.stdout == one.stdout)
    }

    @Test("A document ends at a blank line, a form feed, the end of a file, or with --documents lines at every line")
    func documentBoundaries() throws {
        let introduced = "Pupuk Kalimantan Timur membuka pabrik.\n"
        let later = "PKT mengumumkan hasilnya.\n"
        func tags(_ arguments: [String], _ text: String) throws -> [String] {
            let run = try CommandRunner.run(["normalize", "--format", "tag"] + arguments, text)
            #expect(run.status == 0, "\(run.stderr)")
            return run.stdout.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
                .filter { $0.contains("|PKT⟧") }
        }
        let decided = "⟦pupuk-kalimantan-timur|PKT⟧ mengumumkan hasilnya."
        let open = "⟦communist-party-of-china,pupuk-kalimantan-timur|PKT⟧ mengumumkan hasilnya."
        #expect(try tags([], introduced + later + later) == [decided, decided])
        #expect(try tags([], introduced + "\n" + later) == [open])
        #expect(try tags([], introduced + " \t\r\n" + later) == [open])
        #expect(try tags([], introduced + "\u{0C}" + later) == ["\u{0C}" + open])
        #expect(try tags(["--documents", "lines"], introduced + later) == [open])
        let first = try TemporaryFolder.write(introduced, named: "a.txt"), second = try TemporaryFolder.write(later, named: "b.txt")
        #expect(try tags([first, second], "") == [open])
        let jsonl = try CommandRunner.run(["normalize", "--format", "jsonl"], introduced + later)
        #expect(jsonl.text.contains(#""surface":"PKT","id":"pupuk-kalimantan-timur""#))
        #expect(jsonl.text.contains(#""resolution":"document""#))
    }

    @Test("--line-buffered writes each line before the input ends")
    func lineBuffered() throws {
        let (process, input, output) = try CommandRunner.startInteractive(["normalize", "--line-buffered"])
        input.write(Data("Rusia\n".utf8))
        var poller = pollfd(fd: output.fileDescriptor, events: Int16(POLLIN), revents: 0)
        let ready = poll(&poller, 1, 20_000)
        #expect(ready == 1)
        if ready == 1 {
            #expect(output.availableData == Data("Russia\n".utf8))
        }
        try input.close()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }
}
