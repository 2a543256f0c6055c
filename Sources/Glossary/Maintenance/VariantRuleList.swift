/// The rules of a variant rule file, one by one, to tell which of them changes a key.
struct VariantRuleList {
    /// Variable definitions (`$vowel = [aeiou];`), which every rule may use.
    private var definitions: [String] = []
    private var rules: [(line: Int, text: String)] = []

    init(text: String) {
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = Substring(raw)
            if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
            let statement = line.trimmingSpaces()
            guard !statement.isEmpty else { continue }
            if statement.hasPrefix("$") && statement.contains("=") && !statement.contains(">") {
                definitions.append(statement)
            } else {
                rules.append((index + 1, statement))
            }
        }
    }

    /// The rules that change `key` when applied alone.
    func changes(to key: String) -> [Lookup.RuleChange] {
        var result: [Lookup.RuleChange] = []
        for rule in rules {
            let source = (definitions + [rule.text]).joined(separator: "\n")
            guard let transform = try? Transform(name: "rule", rules: Array(source.utf8)) else { continue }
            let input = Array(key.utf8)
            guard let output = try? input.withUnsafeBufferPointer({ try transform.apply($0) }), output != input else { continue }
            result.append(Lookup.RuleChange(line: rule.line, rule: rule.text, before: key, after: String(decoding: output, as: UTF8.self)))
        }
        return result
    }
}
