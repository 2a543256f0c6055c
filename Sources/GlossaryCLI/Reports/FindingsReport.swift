import Glossary

/// `glossary check --format json`: one object with the counts and every finding.
func findingsJSON(_ findings: [Diagnostic], file: String, errors: Int, warnings: Int) -> String {
    var json = JSONWriter()
    json.field("file", file)
    json.field("errors", errors)
    json.field("warnings", warnings)
    json.field("findings") { json in
        json.array(findings) { json, finding in
            json.object { json in
                json.field("file", finding.location.file)
                json.field("line", finding.location.line)
                json.field("column", finding.location.column)
                json.field("severity", finding.severity.rawValue)
                json.field("message", finding.message)
                json.field("fix", finding.fix)
            }
        }
    }
    return String(decoding: json.finish(), as: UTF8.self)
}
