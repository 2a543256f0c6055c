import Foundation
@testable import Glossary
import Testing

/// The linter's findings, one table per kind, each at its line and column.
@Suite("Checking a term table")
struct CheckTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var rows: String
        var line: Int
        var column: Int
        var severity: Diagnostic.Severity
        var says: String
        var testDescription: String { name }
    }

    /// Both languages have a preferred full term, so that only the row under test warns.
    static let base = """
        \(TermTable.header)
        russia\ten\tRussia\tfull\tpref
        russia\tid\tRusia\tfull\tpref

        """

    static let cases: [Case] = [
        Case(name: "collision with another concept", rows: "prussia\ten\tRusia\tfull\tpref\n", line: 4, column: 12, severity: .error,
             says: "same match key “rusia” as “Rusia” of russia at line 3"),
        Case(name: "redundant row of the same concept and language", rows: "russia\tid\tRUSIA\tfull\talt\n", line: 4, column: 11,
             severity: .warning, says: "adds no match"),
        Case(name: "a term that never matches as written", rows: "russia\ten\tRussian Federation -\tfull\talt\n", line: 4, column: 11,
             severity: .warning, says: "can never match as written: in running text it is read as “Russian Federation” of russia"),
        Case(name: "no preferred full term in id", rows: "moscow\ten\tMoscow\tfull\tpref\n", line: 4, column: 1, severity: .warning,
             says: "no preferred full term in id"),
        Case(name: "deprecated without a replacement", rows: "bear\ten\tBear\tfull\tpref\nbear\tid\tBeruang\tfull\tpref\nbear\tms\tBeruang Besar\tfull\tdeprecated\n",
             line: 6, column: 28, severity: .warning, says: "no preferred ms term"),
        Case(name: "lowercase abbreviation", rows: "russia\tid\trf\tabbr\tpref\n", line: 4, column: 11, severity: .warning,
             says: "no capital letter"),
        Case(name: "space around a field", rows: "russia\ten\tRussian Federation \tfull\talt\n", line: 4, column: 29, severity: .warning,
             says: "ends with a space"),
        Case(name: "two spaces in a row", rows: "russia\ten\tRussian  Federation\tfull\talt\n", line: 4, column: 18, severity: .warning,
             says: "two spaces"),
        Case(name: "not NFC", rows: "russia\tfr\tRussie\u{301}\tfull\tpref\n", line: 4, column: 11, severity: .warning, says: "not in NFC"),
        Case(name: "invisible character", rows: "russia\ten\tRus\u{200B}sian Federation\tfull\talt\n", line: 4, column: 14, severity: .warning,
             says: "U+200B ZERO WIDTH SPACE"),
        Case(name: "mixed scripts in a word", rows: "russia\ten\tRussian Fed\u{0435}ration\tfull\talt\n", line: 4, column: 19, severity: .warning,
             says: "mixes Latin and Cyrillic"),
        Case(name: "a common surname that needs no introduction",
             rows: "wang-yi\ten\tWang Yi\tfull\tpref\nwang-yi\tid\tWang Yi\tfull\tpref\nwang-yi\ten\tWang\tshort\tpref\n",
             line: 6, column: 23, severity: .warning, says: "one of the most common surnames"),
        Case(name: "a term that needs an introduction nothing can give",
             rows: "li\ten\tLi\tshort\tpref+intro\n", line: 4, column: 16, severity: .warning, says: "no term without +intro"),
    ]

    @Test("Each check reports its finding at the row's line and the field's column", arguments: cases)
    func finding(_ test: Case) throws {
        let findings = TableCheck.check(utf8: Array((Self.base + test.rows).utf8), source: "t.tsv")
        let match = findings.first { $0.message.contains(test.says) }
        let finding = try #require(match, "\(findings.map(\.description))")
        #expect(finding.location.line == test.line)
        #expect(finding.location.column == test.column)
        #expect(finding.severity == test.severity)
        #expect(finding.fix != nil)
    }

    @Test("A clean table has no findings; the shipped table is clean")
    func clean() {
        #expect(TableCheck.check(utf8: Array(Self.base.utf8), source: "t.tsv").isEmpty)
        #expect(TableCheck.check(layers: TableLayer.shipped).isEmpty)
    }

    @Test("Shared spellings resolved by default or context are not reported as unmatchable")
    func sharedIsFine() {
        let table = Self.base + "pkt-party\tid\tPKT\tabbr\tpref+default\npkt-party\ten\tParty\tfull\tpref\npkt-party\tid\tPartai\tfull\tpref\n"
            + "pupuk\tid\tPKT\tabbr\tpref+shared\npupuk\ten\tPupuk Kaltim\tfull\tpref\npupuk\tid\tPupuk Kaltim\tfull\talt\npupuk\tid\tPupuk Kalimantan Timur\tfull\tpref\n"
        let findings = TableCheck.check(utf8: Array(table.utf8), source: "t.tsv")
        #expect(findings.isEmpty, "\(findings.map(\.description))")
    }
}
