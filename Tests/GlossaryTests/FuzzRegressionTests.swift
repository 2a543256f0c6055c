import Foundation
import Testing

/// Every input in `Fuzz/corpus` and `Fuzz/regressions` (inputs that once made a fuzzer
/// fail, kept so that the failure stays fixed) passes the fuzzers' oracles.
@Suite("Fuzzer inputs")
struct FuzzRegressionTests {
    static let fuzz = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fuzz")

    static func inputs(_ target: String) -> [URL] {
        ["corpus", "regressions"].flatMap { folder -> [URL] in
            let directory = fuzz.appendingPathComponent(folder).appendingPathComponent(target)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            return names.filter { !$0.hasPrefix(".") }.sorted().map { directory.appendingPathComponent($0) }
        }
    }

    @Test("Each kept input passes its oracle", arguments: ["matcher", "table", "json"])
    func replay(target: String) throws {
        let inputs = Self.inputs(target)
        #expect(!inputs.isEmpty, "no inputs for \(target)")
        for url in inputs {
            let bytes = Array(try Data(contentsOf: url))
            let failure: String?
            switch target {
            case "table": failure = FuzzOracles.table(bytes)
            case "json": failure = FuzzOracles.json(bytes)
            default: failure = FuzzOracles.matcher(bytes)
            }
            #expect(failure == nil, "\(url.lastPathComponent): \(failure ?? "")")
        }
    }
}
