import Foundation
@testable import Glossary
import Testing

/// `normalize --json-field`: one field changes, every other byte stays.
@Suite("JSON-lines documents")
struct JSONDocumentTests {
    static func run(_ line: String, path: String = "text", format: OutputFormat = .text) throws(InputError) -> String {
        var normalizer = JSONFieldNormalizer(matcher: fixture, format: format, language: "en", path: JSONFieldNormalizer.parsePath(path)!)
        var out: [UInt8] = []
        var bytes = Array(line.utf8)
        var failure: InputError?
        bytes.withUnsafeMutableBufferPointer { buffer in
            do throws(InputError) {
                try normalizer.process(UnsafeBufferPointer(buffer), lineNumber: 7, into: &out)
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
        return String(decoding: out, as: UTF8.self)
    }

    @Test("Only the field changes; spacing, key order, escapes and numbers elsewhere stay byte for byte", arguments: [
        (#"{"text":"Shoygu tiba.","n":1}"#, #"{"text":"Shoigu tiba.","n":1}"#),
        (#"  { "a" : [1, 2.50e+3, -0.0, true, null] ,"text" :"Cina \u0026 Rusia\n\"kutip\"", "z":"\u00e9" }  "#,
         #"  { "a" : [1, 2.50e+3, -0.0, true, null] ,"text" :"China & Russia\n\"kutip\"", "z":"\u00e9" }  "#),
        (#"{"text":"tidak ada nama \u00e9\/x"}"#, #"{"text":"tidak ada nama \u00e9\/x"}"#),  // unchanged: its own escapes stay
        (#"{"body":{"text":"Shoygu"},"text":"Shoygu"}"#, #"{"body":{"text":"Shoygu"},"text":"Shoigu"}"#),
        (#"{"id":2}"#, #"{"id":2}"#),  // no such field: the line as it was
        (#"{"text":null}"#, #"{"text":null}"#),
        (#"{"text":"a","text":"Shoygu"}"#, #"{"text":"a","text":"Shoigu"}"#),  // a repeated key: the last one counts
    ])
    func untouchedElsewhere(_ example: (String, String)) throws {
        #expect(try Self.run(example.0) == example.1)
    }

    @Test("Paths: dotted keys, JSON Pointers with array indexes and escaped slashes")
    func paths() throws {
        #expect(try Self.run(#"{"body":{"text":"Shoygu"},"text":"Shoygu"}"#, path: "body.text") == #"{"body":{"text":"Shoigu"},"text":"Shoygu"}"#)
        #expect(try Self.run(#"{"items":[{"t":"x"},{"t":"Cina"}]}"#, path: "/items/1/t") == #"{"items":[{"t":"x"},{"t":"China"}]}"#)
        #expect(try Self.run(#"{"a/b":"Cina","a":{"b":"Cina"}}"#, path: "/a~1b") == #"{"a/b":"China","a":{"b":"Cina"}}"#)
        #expect(try Self.run(#"{"t\u0065xt":"Cina"}"#) == #"{"t\u0065xt":"China"}"#)  // a key written with an escape
        #expect(JSONFieldNormalizer.parsePath("a..b") == nil)
    }

    @Test("tag and jsonl: the tagged string, or a sibling field with the mentions and offsets into the decoded string")
    func formats() throws {
        #expect(try Self.run(#"{"text":"Kata Shoygu."}"#, format: .tag) == #"{"text":"Kata ⟦sergei-shoigu|Shoygu⟧."}"#)
        let line = try Self.run(#"{"text":"é\nShoygu","id":3}"#, format: .jsonl)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let mentions = try #require(object["text_mentions"] as? [[String: Any]])
        #expect(mentions.count == 1)
        #expect(mentions[0]["start"] as? Int == 3)  // é is two bytes, the line feed one
        #expect(mentions[0]["end"] as? Int == 9)
        #expect(mentions[0]["line"] as? Int == 7)
        #expect(line.hasSuffix(#"],"id":3}"#))
    }

    @Test("A line that is not valid JSON, or whose field is not a string, is an error with its column", arguments: [
        (#"{"text":"a",}"#, 13, "member name"),
        (#"{"text":"a"} x"#, 14, "after the end"),
        (#"{"text":"\ud800"}"#, 16, "lone surrogate"),
        ("{\"text\":\"tab\there\"}", 13, "control character"),
        (#"{"text":01}"#, 10, "a comma or }"),
        (#"{"text":42}"#, 9, "is a number, not a string"),
        (#"[1,2"#, 5, "not closed"),
        ("", 1, "empty line"),
    ])
    func errors(_ example: (String, Int, String)) throws {
        let error = try #require(throws: InputError.self) { try Self.run(example.0) }
        #expect(error.location.column == example.1, "\(error)")
        #expect(error.message.contains(example.2), "\(error)")
    }

    @Test("Nesting deeper than the limit is an error, not a crash")
    func deepNesting() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let error = try #require(throws: InputError.self) { try Self.run(deep) }
        #expect(error.message.contains("nested"))
    }

    @Test("The command: every thread count writes the same; a bad line stops with its line number, or passes with --keep-bad-lines")
    func command() throws {
        var lines: [String] = []
        for index in 0..<3000 {
            lines.append(#"{"id":\#(index),"text":"Menlu Sergey Lavrov dan Cina #\#(index)","tags":["x","y"]}"#)
        }
        let input = Data((lines.joined(separator: "\n") + "\n").utf8)
        let one = try CommandRunner.run(["normalize", "--json-field", "text", "--jobs", "1"], stdin: input)
        let four = try CommandRunner.run(["normalize", "--json-field", "text", "--jobs", "4"], stdin: input)
        #expect(one.status == 0)
        #expect(one.stdout == four.stdout)
        // "dan" says Indonesian: the default --to auto writes Tiongkok for the deprecated Cina.
        #expect(one.text.hasPrefix(#"{"id":0,"text":"Menlu Sergei Lavrov dan Tiongkok #0","tags":["x","y"]}"#))

        var broken = lines
        broken[2000] = #"{"id":2000,"text":"oops"#
        let stopped = try CommandRunner.run(["normalize", "--json-field", "text", "--jobs", "2"], stdin: Data((broken.joined(separator: "\n") + "\n").utf8))
        #expect(stopped.status == 2)
        #expect(stopped.stderr.contains("-:2001:"))
        #expect(stopped.text.split(separator: "\n").count == 2000)  // the lines before it, and nothing after
        let kept = try CommandRunner.run(["normalize", "--json-field", "text", "--keep-bad-lines"], stdin: Data((broken.joined(separator: "\n") + "\n").utf8))
        #expect(kept.status == 0)
        #expect(kept.text.split(separator: "\n")[2000] == #"{"id":2000,"text":"oops"#)
        #expect(kept.stderr.contains("1 line passed through unchanged"))
    }
}
