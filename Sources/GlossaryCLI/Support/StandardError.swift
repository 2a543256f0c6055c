import Glossary

/// Writes a message to standard error, ending it with a line feed.
func printError(_ message: String) {
    var text = message
    if !text.hasSuffix("\n") { text += "\n" }
    try? FileIO.writeAll(Array(text.utf8), to: 2)
}
