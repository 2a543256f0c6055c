import Foundation
import Testing

/// The house rules of the sources that a reader relies on (DESIGN.md): every public
/// declaration of the library is documented, no source file is over 400 lines, and no
/// two source files share a name.
@Suite("The layout of the sources")
struct SourceLayoutTests {
    static func swiftFiles(under folder: String) throws -> [URL] {
        let root = CommandRunner.root.appendingPathComponent(folder)
        let enumerator = try #require(FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil))
        return enumerator.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }.sorted { $0.path < $1.path }
    }

    @Test("Every public declaration of the library has a doc comment")
    func publicDeclarationsAreDocumented() throws {
        var undocumented: [String] = []
        for file in try Self.swiftFiles(under: "Sources/Glossary") {
            let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            for (index, line) in lines.enumerated() {
                let code = line.trimmingCharacters(in: .whitespaces)
                guard code.hasPrefix("public ") || code.hasPrefix("@inlinable public ") else { continue }
                var above = index - 1
                while above >= 0 && lines[above].trimmingCharacters(in: .whitespaces).hasPrefix("@") { above -= 1 }
                if above < 0 || !lines[above].trimmingCharacters(in: .whitespaces).hasPrefix("///") {
                    undocumented.append("\(file.lastPathComponent):\(index + 1): \(code)")
                }
            }
        }
        #expect(undocumented.isEmpty, "\(undocumented.joined(separator: "\n"))")
    }

    @Test("No source file is over 400 lines, and no two share a name")
    func filesAreSmallAndNamedApart() throws {
        let files = try Self.swiftFiles(under: "Sources")
        #expect(files.count > 50)
        for file in files {
            let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).count
            #expect(lines <= 401, "\(file.path) has \(lines) lines")
        }
        let names = files.map(\.lastPathComponent)
        let repeated = Dictionary(grouping: names, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
        #expect(repeated.isEmpty, "\(repeated)")
    }
}
