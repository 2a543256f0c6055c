import Glossary

/// A progress line on standard error, redrawn at most every half second.
struct Progress {
    let enabled: Bool
    let total: Int
    private let started = monotonicSeconds()
    private var lastDrawn = 0.0

    init(enabled: Bool, total: Int) {
        self.enabled = enabled
        self.total = total
    }

    mutating func update(_ bytes: Int) {
        guard enabled else { return }
        let now = monotonicSeconds()
        guard now - lastDrawn >= 0.5 else { return }
        lastDrawn = now
        let megabytes = Double(bytes) / 1e6
        let rate = megabytes / max(now - started, 1e-6)
        var line = "\r\u{1B}[Kreading: \(Int(megabytes)) MB"
        if total > 0 { line += " of \(total / 1_000_000) MB (\(bytes * 100 / max(total, 1))%)" }
        line += ", \(Int(rate)) MB/s"
        try? FileIO.writeAll(Array(line.utf8), to: 2)
    }

    func finish() {
        guard enabled, lastDrawn > 0 else { return }
        try? FileIO.writeAll(Array("\r\u{1B}[K".utf8), to: 2)
    }
}
