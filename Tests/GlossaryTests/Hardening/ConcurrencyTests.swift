import Dispatch
import Synchronization
import Foundation
@testable import Glossary
import Testing

/// One matcher shared by many threads, as an ingest pipeline shares it: every thread
/// gets what one thread alone gets. Run under ThreadSanitizer by `.ci/harden`.
@Suite("Sharing a matcher between threads")
struct ConcurrencyTests {
    @Test("16 threads normalize, tag and list mentions with one matcher, words ICU keys first seen concurrently")
    func sharedMatcher() throws {
        // A fresh matcher, so that its key caches and workspace pool start empty and
        // fill while the threads race.
        let matcher = try Matcher(table: TermTable(parsing: fixtureTSV, source: "fixture.tsv"))
        var rng = SeededGenerator(seed: 5)
        let lines = (0..<200).map { _ in HostileText.line(&rng) } + [
            Array("Сергей Шойгу и Ван И в Москве; 王毅 说 中国".utf8), Array("Ｓｈｏｉｇｕ, Sh\u{043E}igu, Shoygu-nya".utf8),
        ]
        let expected = lines.map { line in
            (fixture.render(line, format: .text, language: "en"), fixture.render(line, format: .tag, language: "id"),
             fixture.mentions(inUTF8: line).map(\.range))
        }
        let failures = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: 16) { thread in
            var normalizer = LineNormalizer(matcher: matcher, format: thread.isMultiple(of: 2) ? .text : .tag,
                                            language: thread.isMultiple(of: 2) ? "en" : "id")
            for (index, line) in lines.enumerated().shuffled() {
                var out: [UInt8] = []
                normalizer.endDocument()  // each line is a document, as `render` takes it
                line.withUnsafeBufferPointer { normalizer.process($0, into: &out) }
                let want = thread.isMultiple(of: 2) ? expected[index].0 : expected[index].1
                let ranges = matcher.mentions(inUTF8: line).map(\.range)
                if out != want || ranges != expected[index].2 { failures.add(1, ordering: .relaxed) }
            }
        }
        #expect(failures.load(ordering: .relaxed) == 0)
    }
}
