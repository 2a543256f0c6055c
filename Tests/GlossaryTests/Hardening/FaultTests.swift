import Foundation
@testable import Glossary
import Testing

/// The table under faults: edits killed at random moments, a thousand times, and eight
/// editors at once, round after round. The table must load after every trial, and no
/// edit that reported success may be lost. The counts go to the test's output.
@Suite("The table under faults", .serialized)
struct FaultTests {
    @Test("1,000 edits killed at random moments: the table always loads, and every edit that finished is there", .timeLimit(.minutes(30)))
    func killedAtRandom() throws {
        var text = TermTable.header + "\n"
        for index in 0..<3000 { text += "person-\(index)\ten\tPerson Number\(index)\tfull\tpref\n" }
        let folder = try TemporaryFolder.make()
        let path = try TemporaryFolder.write(text, named: "terms.tsv", in: folder)
        // How long an uninterrupted edit takes, so that kills fall before, during and
        // after its write.
        let started = Date()
        let timing = try CommandRunner.start(["add", "--terms", path, "timing", "en", "Timing Row", "--form", "full", "--status", "pref"])
        timing.waitUntilExit()
        let duration = Date().timeIntervalSince(started)
        var generator = SeededGenerator(seed: 2026)
        var finished: [String] = ["Timing Row"]
        var counts = (killed: 0, finished: 0, oldTable: 0, newTable: 0)
        for trial in 0..<1000 {
            let before = try Data(contentsOf: URL(fileURLWithPath: path))
            let term = "Trial Number\(trial)"
            let process = try CommandRunner.start(["add", "--terms", path, "trial-\(trial)", "en", term, "--form", "full", "--status", "pref"])
            usleep(UInt32(Double.random(in: 0...1.2, using: &generator) * duration * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if process.terminationReason == .exit && process.terminationStatus == 0 {
                counts.finished += 1
                finished.append(term)
            } else {
                counts.killed += 1
            }
            let after = try Data(contentsOf: URL(fileURLWithPath: path))
            let table = try TermTable(utf8: Array(after), source: path)  // always loads
            if after == before { counts.oldTable += 1 } else { counts.newTable += 1 }
            // A finished edit is never lost; a killed one is there entirely or not at all.
            let terms = Set(table.rows.map(\.term))
            #expect(finished.allSatisfy { terms.contains($0) }, "trial \(trial)")
            #expect(after == before || terms.contains(term), "trial \(trial): the table changed without the new row")
        }
        print("faults: 1000 edits killed at random moments: \(counts.finished) had finished, \(counts.killed) were killed; the table was the old one \(counts.oldTable) times and the new one \(counts.newTable) times; it loaded every time, and no finished edit was lost")
        #expect(counts.oldTable > 0 && counts.newTable > 0, "the kills should land both before and after the write")
        // The next edit removes the temporary files that killed edits left behind.
        let cleanup = try CommandRunner.start(["remove", "--terms", path, "timing", "en", "Timing Row"])
        cleanup.waitUntilExit()
        #expect(cleanup.terminationStatus == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["terms.tsv"])
    }

    @Test("Eight editors at once, 25 rounds: every edit reports success and lands", .timeLimit(.minutes(10)))
    func concurrentEditors() throws {
        let path = try TemporaryFolder.write(TableEditingTests.small, named: "terms.tsv")
        var landed = 0
        for round in 0..<25 {
            let processes = try (0..<8).map { editor in
                try CommandRunner.start(["add", "--terms", path, "round-\(round)-editor-\(editor)", "en", "Round\(round) Editor\(editor)", "--form", "full", "--status", "pref"])
            }
            for process in processes { process.waitUntilExit() }
            #expect(processes.allSatisfy { $0.terminationStatus == 0 }, "round \(round)")
            let terms = Set(try TermTable(contentsOfFile: path).rows.map(\.term))
            let round = (0..<8).filter { terms.contains("Round\(round) Editor\($0)") }.count
            landed += round
            #expect(round == 8)
        }
        print("faults: 25 rounds of 8 concurrent editors: \(landed) of 200 edits landed")
    }
}
