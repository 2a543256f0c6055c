import Foundation

/// Fresh folders for tests that write files: each call gets a folder of its own, so
/// that tests running in parallel never see each other's files.
enum TemporaryFolder {
    /// A new, empty folder.
    static func make() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("glossary-tests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Writes a file into `folder` (a new folder when nil) and returns its path.
    @discardableResult
    static func write(_ contents: Data, named name: String, in folder: String? = nil) throws -> String {
        let path = try (folder ?? make()) + "/" + name
        try contents.write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Writes a text file into `folder` (a new folder when nil) and returns its path.
    @discardableResult
    static func write(_ text: String, named name: String, in folder: String? = nil) throws -> String {
        try write(Data(text.utf8), named: name, in: folder)
    }
}
