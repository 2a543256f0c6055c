import Foundation
@testable import Glossary
import Testing

/// Black-box runs of export and import.
@Suite("The export and import commands")
struct ExchangeCommandTests {
    @Test("export to a file and import it back; a bad termbase writes nothing and names its line")
    func roundTripThroughFiles() throws {
        let folder = try TemporaryFolder.make()
        let tbx = folder + "/terms.tbx", tsv = folder + "/terms.tsv"
        var run = try CommandRunner.run(["export", "--format", "tbx", "-o", tbx])
        #expect(run.status == 0, "\(run.stderr)")
        run = try CommandRunner.run(["import", tbx, "-o", tsv])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(ExchangeTests.rows(try TermTable(contentsOfFile: tsv)) == ExchangeTests.rows(try TermTable.shipped()))

        let bad = folder + "/bad.tbx"
        try Data(ExchangeTests.v3("<conceptEntry id=\"a\"><langSec xml:lang=\"en\"><termSec><term>A</term></termSec>").utf8)
            .write(to: URL(fileURLWithPath: bad))
        let target = folder + "/new.tsv"
        run = try CommandRunner.run(["import", bad, "-o", target])
        #expect(run.status == 2)
        #expect(run.stderr.contains("bad.tbx:6:7: error: not well-formed XML"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: target))
    }

    @Test("export asks for what a format needs")
    func exportUsage() throws {
        #expect(try CommandRunner.run(["export", "--format", "omegat", "--from", "id"]).status == 1)
        #expect(try CommandRunner.run(["export", "--format", "synonyms"]).status == 1)
        #expect(try CommandRunner.run(["export", "--format", "csv"]).status == 1)
        let synonyms = try CommandRunner.run(["export", "--format", "synonyms", "--lang", "id"])
        #expect(synonyms.status == 0)
        #expect(synonyms.text.contains("=> Tiongkok"))
    }
}
