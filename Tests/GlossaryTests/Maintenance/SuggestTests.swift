import Foundation
@testable import Glossary
import Testing

/// What `suggest` leaves out, on purpose.
@Suite("Suggesting variants")
struct SuggestTests {
    static let table = """
        \(TermTable.header)
        sergei-shoigu\ten\tSergei Shoigu\tfull\tpref
        sergei-shoigu\tid\tSergei Shoigu\tfull\tpref
        sergei-shoigu\tid\tShoigu\tshort\tpref
        sulasa\ten\tSulasa\tfull\tpref
        sulasa\tid\tSulasa\tfull\tpref

        """

    static func suggestions(_ corpus: String) throws -> [String: Suggestion] {
        var suggester = VariantSuggester(matcher: try Matcher(table: TermTable(parsing: Self.table)))
        for (index, line) in corpus.split(separator: "\n").enumerated() {
            var text = String(line)
            text.withUTF8 { suggester.add(line: $0, source: "c", lineNumber: index + 1) }
        }
        return Dictionary(suggester.suggestions().map { ($0.surface, $0) }, uniquingKeysWith: { a, _ in a })
    }

    @Test("A common word that looks like a rare name is not proposed; a rare variant of a frequent name is")
    func frequency() throws {
        let corpus = Array(repeating: "Rapat digelar pada hari Selasa pagi.", count: 10) + ["Pejabat itu, Shoigo, hadir bersama Shoigu."]
        let found = try Self.suggestions(corpus.joined(separator: "\n"))
        #expect(found["Selasa"] == nil)
        #expect(found["Shoigo"]?.term.conceptID == "sergei-shoigu")
    }

    @Test("An archive's house style is proposed however much more often it is written than the listed spelling")
    func houseStyle() throws {
        let corpus = Array(repeating: "Menteri Shoigou tiba di kota itu kemarin.", count: 80) + ["Kata Shoigu, pasukan siap."]
        let found = try Self.suggestions(corpus.joined(separator: "\n"))
        #expect(found["Shoigou"]?.term.conceptID == "sergei-shoigu")
        #expect(found["Shoigou"]?.count == 80)
    }

    @Test("A spelling the corpus writes in lower case too is a common word, not a variant")
    func lowercaseUse() throws {
        let corpus = ["Harga Sulasi naik.", "Kata Sulasi tadi.", "ada sulasi di pasar", "beli sulasi lagi", "sulasi murah"]
        let found = try Self.suggestions(corpus.joined(separator: "\n"))
        #expect(found["Sulasi"] == nil)
        let rare = try Self.suggestions(["Harga Sulasi naik.", "Kata Sulasi tadi."].joined(separator: "\n"))
        #expect(rare["Sulasi"]?.term.conceptID == "sulasa")
    }

    @Test("All-caps passages propose nothing; spellings that differ in case are one proposal")
    func capitals() throws {
        let found = try Self.suggestions("""
            MENTERI SHOYGU BERTEMU DENGAN DELEGASI
            Kata Menteri, Shoygu sudah tiba.
            Menurut sumber, SHOYGU tiba kemarin.
            """)
        #expect(found.keys.sorted() == ["Shoygu"])
        #expect(found["Shoygu"]?.count == 2)
    }

    @Test("A word with look-alike letters of another script is never proposed")
    func lookAlikes() throws {
        let found = try Self.suggestions("Kemarin Sh\u{043E}igu dan Sh\u{043E}ygu tiba di kota.")
        #expect(found.isEmpty)
    }
}
