import Foundation
import Testing

/// `redact qa` and the redaction schedule, through the built binary.
@Suite struct QACLITests {
    /// A case folder with the fixture document, its parties and a redacted copy of it.
    struct Case {
        let dir: URL
        var doc: String { dir.appendingPathComponent("mg11.txt").path }
        var names: String { dir.appendingPathComponent("parties.txt").path }
        var out: String { dir.appendingPathComponent("out").path }
        var copy: String { dir.appendingPathComponent("out/mg11.txt").path }

        init(apply extra: [String] = []) throws {
            dir = try CLI.tempDir()
            try Data(Fixture.text.utf8).write(to: URL(fileURLWithPath: doc))
            try Data(Fixture.parties.utf8).write(to: URL(fileURLWithPath: names))
            let r = try CLI.run(["apply", doc, "--out", out, "--names", names] + extra)
            #expect(r.status == 0, "\(r.stderr)")
        }
    }

    @Test func aCorrectCopyPassesAndHasASchedule() throws {
        let c = try Case(apply: ["--style", "mask"])
        let r = try CLI.run(["qa", c.doc, c.copy, "--names", c.names])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.hasPrefix("QA PASS"))
        let json = try CLI.run(["qa", "check", c.doc, c.copy, "--names", c.names, "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: json.stdoutBytes) as? [String: Any]
        #expect(object?["result"] as? String == "pass")

        let schedule = try String(contentsOfFile: c.copy + ".schedule.csv", encoding: .utf8)
        let lines = schedule.split(separator: "\n")
        #expect(lines.first == "item,line,column,byte_start,byte_end,category,justification")
        #expect(lines.count == 1 + Fixture.planted.count)
        // Justifications default from reference/category-justifications.tsv (no profile yet).
        #expect(lines.contains { $0.hasSuffix(",nhs_number,medical") })
        #expect(lines.contains { $0.hasSuffix(",person_name,third-party-data") })
        for value in Fixture.planted { #expect(!schedule.contains(value)) }
    }

    @Test func anUnderRedactedCopyFailsWithoutPrintingTheValue() throws {
        let c = try Case(apply: ["--exclude-categories", "nhs_number"])
        for format in ["human", "json"] {
            let r = try CLI.run(["qa", c.doc, c.copy, "--names", c.names, "--format", format])
            #expect(r.status == 1)
            #expect(r.stdout.contains("nhs_number"))
            for value in Fixture.planted { #expect(!(r.stdout + r.stderr).contains(value), "\(value)") }
        }
        let shown = try CLI.run(["qa", c.doc, c.copy, "--names", c.names, "--show-text"])
        #expect(shown.status == 1 && shown.stdout.contains("943 476 5919"))
    }

    @Test func unusableInputsExit2() throws {
        let c = try Case()
        let other = c.dir.appendingPathComponent("other.txt").path
        try Data("no manifest here".utf8).write(to: URL(fileURLWithPath: other))
        #expect(try CLI.run(["qa", c.doc, other]).status == 2)
        let bad = c.dir.appendingPathComponent("bad.json").path
        try Data("[1, 2".utf8).write(to: URL(fileURLWithPath: bad))
        let r = try CLI.run(["qa", c.doc, c.copy, "--manifest", bad])
        #expect(r.status == 2 && r.stderr.contains("not a redact manifest"))
        #expect(try CLI.run(["qa", c.dir.appendingPathComponent("missing.txt").path, c.copy]).status == 2)
        #expect(try CLI.run(["qa", "-", c.copy]).status == 2)
        #expect(try CLI.run(["qa", c.doc, c.copy, "--log", c.dir.appendingPathComponent("l.sqlite").path]).status == 2)
    }

    @Test func aCheckIsLoggedWithItsCheckerAndLinkedToTheDisclosure() throws {
        let dir = try CLI.tempDir()
        let log = dir.appendingPathComponent("area.sqlite").path
        let c = try Case(apply: ["--log", log, "--area", "cps-wessex", "--case", "01YE1234524", "--operator", "op-7",
                                 "--recipient", "defence"])
        _ = c
        let r = try CLI.run(["qa", c.doc, c.copy, "--names", c.names, "--log", log, "--area", "cps-wessex",
                             "--operator", "checker-2", "--case", "01YE1234524"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try CLI.run(["log", "verify", "--log", log]).stdout.contains("ok: 2 entries"))
        let export = try CLI.run(["log", "export", "--log", log, "--format", "jsonl"]).stdout
        let lines = export.split(separator: "\n")
        let disclosure = try #require(lines.first { $0.contains("\"kind\":\"disclosure\"") })
        let qa = try #require(lines.first { $0.contains("\"kind\":\"qa-check\"") })
        let id = try #require((try JSONSerialization.jsonObject(with: Data(disclosure.utf8)) as? [String: Any])?["entry_id"] as? String)
        #expect(qa.contains("\"checker\":\"checker-2\"") && qa.contains("\"result\":\"pass\""))
        #expect(qa.contains("\"disclosure_entry\":\"\(id)\""))
        for value in Fixture.planted { #expect(!export.contains(value)) }
    }

    @Test func aCopyWhoseDisclosureIsNotLoggedIsWithdrawnWithItsSchedule() throws {
        let dir = try CLI.tempDir()
        let doc = dir.appendingPathComponent("mg11.txt")
        try Data(Fixture.text.utf8).write(to: doc)
        let out = dir.appendingPathComponent("out")
        // The case reference is refused when the entry is built, after the copy was written.
        let r = try CLI.run(["apply", doc.path, "--out", out.path, "--log", dir.appendingPathComponent("l.sqlite").path,
                             "--area", "cps-wessex", "--case", "not a case ref!", "--operator", "op-7", "--recipient", "defence"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("withdrawn"))
        let left = (try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []
        #expect(left.isEmpty, "\(left)")
    }

    @Test func theSampleIsReproducible() throws {
        let dir = try CLI.tempDir()
        let log = dir.appendingPathComponent("demo.sqlite").path
        #expect(try CLI.run(["demo-log", "--seed", "3", "--out", log, "--scale", "0.3", "--history", "0"]).status == 0)
        func sample(_ extra: [String]) throws -> (Run, [String: Any]) {
            let r = try CLI.run(["qa", "sample", "--area", "cps-london-north", "--period", "2026-Q3", "--log", log, "--format", "json"] + extra)
            return (r, (try JSONSerialization.jsonObject(with: r.stdoutBytes) as? [String: Any]) ?? [:])
        }
        let (a, first) = try sample(["--rate", "0.3", "--seed", "9"])
        #expect(a.status == 0, "\(a.stderr)")
        let (b, _) = try sample(["--rate", "0.3", "--seed", "9"])
        #expect(a.stdout == b.stdout)
        let total = try #require(first["disclosures"] as? Int)
        let picked = try #require(first["selected"] as? Int)
        #expect(total > 20 && picked > 0 && picked < total, "\(picked) of \(total)")
        let (_, all) = try sample(["--rate", "1", "--seed", "9"])
        #expect(all["selected"] as? Int == total)
        let (c, _) = try sample(["--rate", "0.3"])
        #expect(c.stderr.contains("give --seed"))
        #expect(try CLI.run(["qa", "sample", "--area", "cps-wessex", "--period", "2026-Q3", "--log", log, "--rate", "0"]).status == 2)
        #expect(try CLI.run(["qa", "sample", "--area", "cps-wessex", "--period", "2026-Q7", "--log", log, "--rate", "0.1"]).status == 2)
    }
}
