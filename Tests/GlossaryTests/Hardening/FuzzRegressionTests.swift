import Foundation
import Testing

/// Every input in `Fuzz/corpus` and `Fuzz/regressions` (inputs that once made a fuzzer
/// fail, kept so that the failure stays fixed) passes the fuzzers' oracles.
@Suite("Fuzzer inputs")
struct FuzzRegressionTests {
    static let fuzz = CommandRunner.root.appendingPathComponent("Fuzz")

    static func inputs(_ target: String) -> [URL] {
        ["corpus", "regressions"].flatMap { folder -> [URL] in
            let directory = fuzz.appendingPathComponent(folder).appendingPathComponent(target)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            return names.filter { !$0.hasPrefix(".") }.sorted().map { directory.appendingPathComponent($0) }
        }
    }

    @Test("Each kept input passes its oracle", arguments: FuzzOracles.targets)
    func replay(target: String) throws {
        let inputs = Self.inputs(target)
        #expect(!inputs.isEmpty, "no inputs for \(target)")
        for url in inputs {
            let failure = FuzzOracles.check(target, Array(try Data(contentsOf: url)))
            #expect(failure == nil, "\(url.lastPathComponent): \(failure ?? "")")
        }
    }

    @Test(".ci/harden fuzzes every target")
    func hardenRunsEveryTarget() throws {
        let script = try String(contentsOf: CommandRunner.root.appendingPathComponent(".ci/harden"), encoding: .utf8)
        let loop = try #require(script.split(separator: "\n").first { $0.hasPrefix("for target in ") })
        let targets = loop.dropFirst("for target in ".count).split(separator: ";")[0].split(separator: " ").map(String.init)
        #expect(targets == FuzzOracles.targets)
    }
}
