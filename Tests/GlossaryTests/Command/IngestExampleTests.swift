import Foundation
import Testing

/// The complete example of the DocC article "Using Glossary during ingest": the article
/// shows the program the package builds, and the program does what the article says.
@Suite("The ingest example of the documentation")
struct IngestExampleTests {
    static let source = CommandRunner.root.appendingPathComponent("Examples/Ingest/main.swift")
    static let article = CommandRunner.root.appendingPathComponent("Sources/Glossary/Glossary.docc/UsingGlossaryDuringIngest.md")

    @Test("The article holds the example's code exactly")
    func articleShowsTheCode() throws {
        let code = try String(contentsOf: Self.source, encoding: .utf8)
        let article = try String(contentsOf: Self.article, encoding: .utf8)
        #expect(article.contains("```swift\n" + code + "```\n"))
    }

    @Test("The example writes the archive copy to standard output and the index rows to standard error")
    func runs() throws {
        let binary = URL(fileURLWithPath: CommandRunner.binary).deletingLastPathComponent()
            .appendingPathComponent("glossary-ingest-example").path
        let run = try CommandRunner.shell("printf 'Menlu Sergey Lavrov tiba di Moskwa, kata PBB.\\nPKT mengumumkan hasilnya.\\n' | '\(binary)'")
        #expect(run.status == 0)
        #expect(run.text == "Menlu Sergei Lavrov tiba di Moskow, kata PBB.\nPKT mengumumkan hasilnya.\n")
        #expect(run.stderr == """
            1\t6-19\tsergei-lavrov\tunique\tSergey Lavrov
            1\t28-34\tmoscow\tunique\tMoskwa
            1\t41-44\tunited-nations\tdefault\tPBB
            2\t0-3\tcommunist-party-of-china|pupuk-kalimantan-timur\tambiguous\tPKT
            # 2 lines, 4 mentions, 1 left ambiguous

            """)
        let article = try String(contentsOf: Self.article, encoding: .utf8)
        #expect(article.contains("    1\t6-19\tsergei-lavrov\tunique\tSergey Lavrov\n"))
    }
}
