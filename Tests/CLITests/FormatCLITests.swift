import Foundation
import RedactTestSupport
import Testing

/// Document formats through the built binary: CSV, JSON, JSON Lines and PDF in `scan`,
/// `apply` and `check`, `--format-as`, the limits, and the log.
@Suite struct FormatCLITests {
    static let csv = "\u{FEFF}Name,DOB,Notes,Account number\r\n"
        + "Ayodele Okafor,12/03/1984,\"NHS 943 476 5919, said \"\"hi\"\"\r\nlater\",66374958\r\n"
        + "Bea Smith,1990-01-02,email j.okafor@example.org,\r\n"
    static let csvPlanted = ["Ayodele Okafor", "12/03/1984", "943 476 5919", "66374958", "Bea Smith", "1990-01-02", "j.okafor@example.org"]
    static let json = #"{"witness": {"name": "Ayodele Okafor", "dob": "12\/03\/1984", "notes": ["phone 07700\u0020900123"]}, "n": 1}"#
    static let jsonPlanted = ["Ayodele Okafor", #"12\/03\/1984"#, #"07700\u0020900123"#]

    func documents() throws -> URL {
        let dir = try CLI.tempDir()
        try Data(Self.csv.utf8).write(to: dir.appendingPathComponent("export.csv"))
        try Data(Self.json.utf8).write(to: dir.appendingPathComponent("record.json"))
        try Data("{\"name\": \"Ayodele Okafor\"}\n{\"notes\": \"SW1A 1AA\"}\n".utf8).write(to: dir.appendingPathComponent("rows.jsonl"))
        return dir
    }

    func objects(_ jsonl: String) throws -> [[String: Any]] {
        try jsonl.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
    }

    @Test func scanReportsFileOffsetsFormatAndField() throws {
        let dir = try documents()
        let r = try CLI.run(["scan", "--format", "jsonl", dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        let found = try objects(r.stdout)
        let csvBytes = Array(Self.csv.utf8), jsonBytes = Array(Self.json.utf8)
        for f in found {
            let path = f["path"] as! String, start = f["start"] as! Int, end = f["end"] as! Int
            if path.hasSuffix(".csv") {
                #expect(f["format"] as? String == "csv")
                #expect((f["field"] as? String)?.hasPrefix("row:") == true)
                #expect(Self.csvPlanted.contains(String(decoding: csvBytes[start..<end], as: UTF8.self)))
            } else if path.hasSuffix(".json") {
                #expect(Self.jsonPlanted.contains(String(decoding: jsonBytes[start..<end], as: UTF8.self)))
                #expect((f["field"] as? String)?.hasPrefix("#/witness/") == true)
            } else {
                #expect(f["format"] as? String == "jsonl")
                #expect((f["field"] as? String)?.hasPrefix("line:") == true)
            }
            #expect(f["locator"] == nil)
        }
        #expect(found.filter { ($0["path"] as! String).hasSuffix(".csv") }.count == Self.csvPlanted.count)
        #expect(found.filter { ($0["path"] as! String).hasSuffix(".json") }.count == Self.jsonPlanted.count)
        #expect(found.filter { ($0["path"] as! String).hasSuffix(".jsonl") }.count == 2)
        let human = try CLI.run(["scan", dir.appendingPathComponent("export.csv").path])
        #expect(human.stdout.contains("export.csv:2:1 person_name column.person_name row:2,col:1"))
    }

    @Test func applyWritesValidDocumentsAndManifestsWithFields() throws {
        let dir = try documents()
        let out = dir.appendingPathComponent("out")
        let r = try CLI.run(["apply", dir.appendingPathComponent("export.csv").path, dir.appendingPathComponent("record.json").path,
                             "--out", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        let csv = String(decoding: try Data(contentsOf: out.appendingPathComponent("export.csv")), as: UTF8.self)
        for v in Self.csvPlanted { #expect(!csv.contains(v), "\(v)") }
        #expect(csv.hasPrefix("\u{FEFF}Name,DOB,Notes,Account number\r\n[PERSON NAME],[DATE OF BIRTH],\"NHS [NHS NUMBER], said \"\"hi\"\"\r\nlater\",[BANK ACCOUNT]\r\n"))
        let json = try Data(contentsOf: out.appendingPathComponent("record.json"))
        let parsed = try JSONSerialization.jsonObject(with: json) as! [String: Any]
        #expect((parsed["witness"] as! [String: Any])["notes"] as? [String] == ["phone [PHONE NUMBER]"])
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("record.json.manifest.json"))) as! [String: Any]
        #expect(manifest["format"] as? String == "json")
        let entries = manifest["redactions"] as! [[String: Any]]
        #expect(entries.map { $0["field"] as? String } == ["#/witness/name", "#/witness/dob", "#/witness/notes/0"])
        for e in entries {
            let o = e["output"] as! [String: Int]
            #expect(String(decoding: json[o["start"]!..<o["end"]!], as: UTF8.self).hasPrefix("["))
        }
        let manifestText = try String(contentsOf: out.appendingPathComponent("export.csv.manifest.json"), encoding: .utf8)
        for v in Self.csvPlanted { #expect(!manifestText.contains(v)) }
    }

    @Test func malformedJSONWritesNothing() throws {
        let dir = try CLI.tempDir()
        let bad = dir.appendingPathComponent("bad.json")
        try Data(#"{"name": "Ayodele Okafor", "x": [1, 2"#.utf8).write(to: bad)
        let out = dir.appendingPathComponent("out")
        let r = try CLI.run(["apply", bad.path, "--out", out.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("bad.json: at byte 37: not valid JSON"))
        #expect(!r.stderr.contains("Okafor"))
        #expect((try? FileManager.default.contentsOfDirectory(atPath: out.path))?.isEmpty ?? true)
        let toStdout = try CLI.run(["apply", bad.path, "--out", "-"])
        #expect(toStdout.status == 2 && toStdout.stdout.isEmpty)
        let check = try CLI.run(["check", "--format", "jsonl", bad.path])
        #expect(check.status == 2)
        #expect(check.stdout.contains("\"status\":\"error\""))
        #expect(check.stdout.contains("\"format\":\"json\",\"error_kind\":\"corrupt\",\"offset\":37"))
    }

    @Test func formatAsOverridesDetection() throws {
        let dir = try CLI.tempDir()
        let txt = dir.appendingPathComponent("table.txt")
        try Data("Surname,Notes\nOkafor,none\n".utf8).write(to: txt)
        let detected = try CLI.run(["scan", "--format", "jsonl", txt.path])
        #expect(detected.stdout.isEmpty)
        let forced = try CLI.run(["scan", "--format", "jsonl", "--format-as", "csv", txt.path])
        #expect(forced.stdout.contains("\"rule\":\"column.person_name\""))
        let csv = dir.appendingPathComponent("t.csv")
        try Data("Surname,Notes\nOkafor,none\n".utf8).write(to: csv)
        let asText = try CLI.run(["scan", "--format", "jsonl", "--format-as", "text", csv.path])
        #expect(asText.status == 0 && !asText.stdout.contains("\"format\""))
        let piped = try CLI.run(["scan", "--format", "jsonl", "--format-as", "json", "-"], stdin: Data(#"{"dob": "12/03/1984"}"#.utf8))
        #expect(piped.stdout.contains("\"path\":\"-\",\"start\":9,\"end\":19"))
        let unknown = try CLI.run(["scan", "--format-as", "xls", csv.path])
        #expect(unknown.status == 2 && unknown.stderr.contains("unknown format"))
    }

    @Test func limitsGiveClearErrors() throws {
        let dir = try CLI.tempDir()
        let wide = dir.appendingPathComponent("wide.csv")
        try Data(("Notes\n\"" + String(repeating: "x", count: 5000) + "\"\n").utf8).write(to: wide)
        let r = try CLI.run(["scan", "--max-field-bytes", "1000", wide.path])
        #expect(r.status == 2 && r.stderr.contains("--max-field-bytes"))
        #expect(try CLI.run(["scan", wide.path]).status == 0)
        let deep = dir.appendingPathComponent("deep.json")
        try Data((String(repeating: "[", count: 50_000) + String(repeating: "]", count: 50_000)).utf8).write(to: deep)
        let d = try CLI.run(["check", deep.path])
        #expect(d.status == 2 && d.stdout.contains("--max-depth"))
        #expect(try CLI.run(["check", "--max-depth", "60000", deep.path]).status == 0)
        let empty = dir.appendingPathComponent("empty.csv")
        try Data().write(to: empty)
        #expect(try CLI.run(["check", empty.path]).status == 0)
    }

    @Test func pdfIsPreScreenedAndNeverRedacted() throws {
        let dir = try CLI.tempDir()
        let pdf = dir.appendingPathComponent("bundle.pdf")
        try Data(makePDF(pages: ["Cover", "NHS number 943 476 5919"])).write(to: pdf)
        let scan = try CLI.run(["scan", "--format", "jsonl", pdf.path])
        #expect(scan.status == 0, "\(scan.stderr)")
        #expect(scan.stdout.contains("\"category\":\"nhs_number\""))
        #expect(scan.stdout.contains("\"format\":\"pdf\",\"locator\":\"page:2\""))
        let check = try CLI.run(["check", "--format", "jsonl", pdf.path])
        #expect(check.status == 1)
        #expect(check.stdout.contains("\"format\":\"pdf\",\"locators\":[\"page:2\"]"))
        let out = dir.appendingPathComponent("out")
        let apply = try CLI.run(["apply", pdf.path, "--out", out.path])
        #expect(apply.status == 2)
        #expect(apply.stderr.contains("a PDF cannot be redacted reliably"))
        #expect((try? FileManager.default.contentsOfDirectory(atPath: out.path))?.isEmpty ?? true)
        // Without pdftotext on PATH: a clear message and exit 2, not a silent pass.
        let missing = try CLI.run(["check", pdf.path], env: ["PATH": "/nonexistent"])
        #expect(missing.status == 2)
        #expect(missing.stdout.contains("pdftotext") && missing.stdout.contains("poppler-utils"))
        let missingScan = try CLI.run(["scan", pdf.path], env: ["PATH": "/nonexistent"])
        #expect(missingScan.status == 2 && missingScan.stderr.contains("pdftotext was not found on PATH"))
    }

    @Test func redactedCSVIsLoggedLikeText() throws {
        let dir = try documents()
        let log = dir.appendingPathComponent("area.sqlite").path
        let key = dir.appendingPathComponent("hmac.key")
        try Data((0..<32).map { UInt8($0) }).write(to: key)
        let apply = try CLI.run(["apply", dir.appendingPathComponent("export.csv").path, "--out", dir.appendingPathComponent("out").path,
                                 "--log", log, "--area", "cps-london-north", "--case", "01YE1234524", "--operator", "op-7",
                                 "--recipient", "defence", "--value-hmac-key", key.path])
        #expect(apply.status == 0, "\(apply.stderr)")
        let check = try CLI.run(["check", dir.appendingPathComponent("record.json").path, "--log", log, "--area", "cps-london-north",
                                 "--operator", "gate-1", "--source", "metropolitan-police"])
        #expect(check.status == 1, "\(check.stderr)")
        let export = try CLI.run(["log", "export", "--log", log, "--format", "jsonl"])
        #expect(export.stdout.contains("\"bank_account\""))
        #expect(export.stdout.contains("\"value_hmac\":\""))
        for v in Self.csvPlanted { #expect(!export.stdout.contains(v)) }
        #expect(try CLI.run(["log", "verify", "--log", log]).stdout.contains("ok: 2 entries"))
    }
}
