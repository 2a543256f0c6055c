import Foundation
import Testing

/// Running past one machine: a static release build that needs no Swift toolchain, and
/// the Spark recipe, whose output must equal one `glossary normalize` over the files.
@Suite("Distribution")
struct DistributionTests {
    static let root = CommandRunner.root

    @Test("The static release build links no Swift library and runs in a chroot with only libc, libstdc++ and ICU", .timeLimit(.minutes(20)))
    func staticBuild() throws {
        let build = try CommandRunner.program(["bash", "Packaging/build-release.sh"])
        #expect(build.status == 0, "\(build.stderr)")
        let binary = Self.root.appendingPathComponent("dist/glossary-linux-\(Self.machine())/glossary").path
        let check = try CommandRunner.program(["bash", "Packaging/check-portable.sh", binary])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.text.contains("no Swift runtime library"))
        // The chroot run (as root) writes what the development build writes.
        if getuid() == 0 {
            let expected = try CommandRunner.run(["normalize", "--jobs", "2", Self.root.appendingPathComponent("Examples/sample.txt").path])
            #expect(check.text.contains("ran in a chroot"))
            #expect(check.text.hasSuffix(expected.text), "\(check.text)")
        }
        print("static build: \(build.stderr.split(separator: "\n").last ?? "")")
    }

    static func machine() -> String {
        var name = utsname()
        uname(&name)
        return withUnsafeBytes(of: name.machine) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
    }

    @Test("The Spark recipe (RDD.pipe, all local cores) writes byte for byte what one process writes", .timeLimit(.minutes(10)))
    func sparkRecipe() throws {
        let python = Self.root.appendingPathComponent(".build-venv/bin/python").path
        try #require(FileManager.default.isExecutableFile(atPath: python), "run bash .ci/setup first: it makes .build-venv with PySpark")
        let folder = URL(fileURLWithPath: try TemporaryFolder.make())
        let input = folder.appendingPathComponent("in"), documents = folder.appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: documents, withIntermediateDirectories: true)
        // Text files of lines written for this test, several partitions' worth.
        let sentences = [
            "Menlu Rusia Sergey Lavrov bertemu Wang Yi di Moskwa, kata kantor berita.",
            "Harga pupuk urea dari PKT naik; petani di Bontang mengeluh.",
            "Sidang PBB membahas resolusi baru tentang Tiongkok dan Rusia.",
            "王毅 dan Шойгу membahas kerja sama Organisasi Kerjasama Shanghai.",
            "Tidak ada nama di baris ini, hanya kata-kata biasa.",
            "Pupuk Kalimantan Timur membuka pabrik baru.",
            "PKT mengumumkan hasilnya dua paragraf kemudian.",
            "",
        ]
        var paths: [String] = []
        for file in 0..<3 {
            // Documents of a few paragraphs between blank lines: a PKT that only an
            // earlier paragraph decides, and documents that Spark must not cut.
            let step = file == 1 ? 7 : 1  // file 1 names PKT before the company, in every document
            let lines = (0..<4000).map { index in
                let sentence = sentences[(index * step + file) % sentences.count]
                return sentence.isEmpty ? "" : "\(file)-\(index): " + sentence
            }
            let url = input.appendingPathComponent("part-\(file).txt")
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url)
            paths.append(url.path)
        }
        let jsonLines = (0..<3000).map { #"{"n":\#($0),"text":"\#(sentences[$0 % sentences.count])","lang":"id"}"# }
        try Data((jsonLines.joined(separator: "\n") + "\n").utf8).write(to: documents.appendingPathComponent("docs.jsonl"))

        for (source, extra) in [(input, [String]()), (input, ["--format", "tag"]), (documents, ["--json-field", "text", "--to", "id"])] {
            let output = folder.appendingPathComponent("out-\(source.lastPathComponent)-\(extra.count)")
            let spark = try CommandRunner.program([python, "Spark/normalize_folder.py", source.path, output.path, "--glossary", CommandRunner.binary,
                                        "--master", "local[*]", "--partitions", "4", "--"] + extra)
            #expect(spark.status == 0, "\(spark.stderr)")
            let parts = try FileManager.default.contentsOfDirectory(atPath: output.path).filter { $0.hasPrefix("part-") }.sorted()
            #expect(parts.count >= 2, "the job should have run in several partitions")
            var sparkOutput = Data()
            for part in parts { sparkOutput += try Data(contentsOf: output.appendingPathComponent(part)) }
            let files = source == input ? paths : [documents.appendingPathComponent("docs.jsonl").path]
            let single = try CommandRunner.run(["normalize"] + extra + files)
            #expect(single.status == 0)
            #expect(sparkOutput == single.stdout, "Spark's output differs from one process's")
            #expect(sparkOutput.count > 100_000)
            if extra == ["--format", "tag"] {
                let text = String(decoding: sparkOutput, as: UTF8.self)
                #expect(text.contains("⟦pupuk-kalimantan-timur|PKT⟧ mengumumkan"), "an earlier paragraph decides PKT")
                #expect(text.contains("⟦communist-party-of-china,pupuk-kalimantan-timur|PKT⟧ mengumumkan"), "a new document forgets")
            }
        }
        try? FileManager.default.removeItem(at: folder)
    }
}
