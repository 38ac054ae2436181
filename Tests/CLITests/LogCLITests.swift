import Foundation
import Testing

/// `apply` and `check` with a log: the disclosure and the gate finding are recorded, the chain
/// verifies, and no planted value reaches the log file or its export.
@Suite struct LogCLITests {
    @Test func applyAndCheckLogWithoutPersonalData() throws {
        let dir = try CLI.tempDir()
        let doc = dir.appendingPathComponent("mg11 Ayodele Okafor.txt")  // a name in the document name too
        try Data(Fixture.text.utf8).write(to: doc)
        let names = dir.appendingPathComponent("parties.txt")
        try Data(Fixture.parties.utf8).write(to: names)
        let log = dir.appendingPathComponent("area.sqlite").path
        let key = dir.appendingPathComponent("hmac.key")
        try Data((0..<32).map { UInt8($0) }).write(to: key)

        let apply = try CLI.run(["apply", doc.path, "--out", dir.appendingPathComponent("out").path, "--names", names.path,
                                 "--log", log, "--area", "cps-london-north", "--case", "01YE1234524", "--operator", "op-7",
                                 "--recipient", "defence", "--value-hmac-key", key.path])
        #expect(apply.status == 0, "\(apply.stderr)")
        let check = try CLI.run(["check", doc.path, "--names", names.path, "--log", log, "--area", "cps-london-north",
                                 "--operator", "gate-1", "--source", "metropolitan-police"])
        #expect(check.status == 1, "\(check.stderr)")
        let verify = try CLI.run(["log", "verify", "--log", log])
        #expect(verify.status == 0)
        #expect(verify.stdout.contains("ok: 2 entries"))
        let export = try CLI.run(["log", "export", "--log", log, "--format", "jsonl"])
        #expect(export.status == 0)
        #expect(export.stdout.contains("\"recipient\":\"defence\""))
        #expect(export.stdout.contains("\"nhs_number\""))
        #expect(export.stdout.contains("\"value_hmac\":\""))
        let csv = try CLI.run(["log", "export", "--log", log, "--format", "csv"])
        // Scan the database file itself (WAL checkpointed by the export's close) and both exports.
        var stored = try Data(contentsOf: URL(fileURLWithPath: log))
        if let wal = try? Data(contentsOf: URL(fileURLWithPath: log + "-wal")) { stored += wal }
        let haystacks = [String(decoding: stored, as: UTF8.self), export.stdout, csv.stdout]
        for value in Fixture.planted + ["Okafor"] {
            for h in haystacks { #expect(!h.contains(value), "the log holds \(value)") }
        }
    }

    @Test func missingLogOptionsAreRefused() throws {
        let dir = try CLI.tempDir()
        let r = try CLI.run(["apply", "-", "--out", dir.path, "--log", dir.appendingPathComponent("l.sqlite").path, "--area", "cps-london-north"],
                            stdin: Data("x".utf8))
        #expect(r.status == 2)
        #expect(r.stderr.contains("--case") && r.stderr.contains("--operator") && r.stderr.contains("--recipient"))
    }
}
