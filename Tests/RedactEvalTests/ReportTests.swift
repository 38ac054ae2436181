import Foundation
import RedactCore
import Testing
@testable import RedactEval

/// Loading JSONL, the JSON report, the table, and the floors.
@Suite struct ReportTests {
    let truthJSONL = """
    {"path":"statement_001.txt","start":0,"end":12,"category":"nhs_number","rule":"planted","text":"401 023 2137","variant":"england"}

    {"path":"statement_001.txt","start":20,"end":29,"category":"person_name","rule":"planted","text":"Zoë Smith"}
    """
    let decoysJSONL = """
    {"path":"statement_001.txt","start":40,"end":45,"category":"ip_address","rule":"decoy","text":"14:35","looks_like":"ip_address","kind":"time"}
    """
    let findingsJSONL = """
    {"path":"corpus/sample/statement_001.txt","start":0,"end":12,"category":"nhs_number","rule":"nhs_number.spaced","confidence":0.9}
    {"path":"corpus/sample/statement_001.txt","start":40,"end":45,"category":"phone_number","rule":"phone"}
    """

    func reportFromStrings() throws -> EvalReport {
        let t = try JSONLReader.read(TruthItem.self, data: Data(truthJSONL.utf8))
        let d = try JSONLReader.read(DecoyItem.self, data: Data(decoysJSONL.utf8))
        let f = try JSONLReader.read(FindingRecord.self, data: Data(findingsJSONL.utf8))
        #expect(t.count == 2 && d.count == 1 && f.count == 2)
        #expect(d[0].looksLike == .ipAddress && d[0].kind == "time")
        return evaluate(truth: t, decoys: d, findings: f)
    }

    @Test func loadsAndScores() throws {
        let r = try reportFromStrings()
        #expect(r.perCategory["nhs_number"]!.strictFound == 1)
        #expect(r.perCategory["person_name"]!.strictFound == 0)
        #expect(r.perCategory["phone_number"]!.falsePositives == 1)
        #expect(r.decoysHit == 1)
        #expect(abs(r.overall.strictRecall! - 0.5) < 1e-9)
    }

    @Test func jsonRoundTripsAndCarriesRatios() throws {
        let r = try reportFromStrings()
        let data = try r.json()
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"strictRecall\"") && text.contains("\"decoysHit\""))
        let back = try JSONDecoder().decode(EvalReport.self, from: data)
        #expect(back.perCategory == r.perCategory && back.decoysHit == r.decoysHit)
    }

    @Test func tableListsCategoriesInTaxonomyOrder() throws {
        let t = try reportFromStrings().table()
        let nhs = t.range(of: "nhs_number")!, name = t.range(of: "person_name")!, phone = t.range(of: "phone_number")!
        #expect(nhs.lowerBound < phone.lowerBound && phone.lowerBound < name.lowerBound)
        #expect(t.contains("overall") && t.contains("decoys hit: 1 of 1"))
        #expect(t.contains("strict misses"))
    }

    @Test func badLinesNameTheirLine() {
        #expect(throws: JSONLReader.LineError.self) {
            _ = try JSONLReader.read(TruthItem.self, data: Data("{\"path\":\"a\"}\n".utf8))
        }
    }

    @Test func floorsReportViolations() throws {
        let r = try reportFromStrings()
        let v = Floors().violations(of: r)
        #expect(v.contains { $0.hasPrefix("person_name: strict recall") })
        #expect(v.contains { $0.hasPrefix("overall precision") })
        #expect(v.contains { $0.hasPrefix("decoy hit rate") })
        #expect(!v.contains { $0.hasPrefix("nhs_number") })
        var lenient = Floors()
        lenient.strictRecallOverrides = ["person_name": 0]
        lenient.precision = 0; lenient.maxDecoyHitRate = 1; lenient.coverageRecall = 0
        #expect(lenient.violations(of: r).isEmpty)
    }

    @Test func filesOnDisk() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("redacteval-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(truthJSONL.utf8).write(to: dir.appendingPathComponent("truth.jsonl"))
        try Data(decoysJSONL.utf8).write(to: dir.appendingPathComponent("decoys.jsonl"))
        try Data(findingsJSONL.utf8).write(to: dir.appendingPathComponent("findings.jsonl"))
        let r = try evaluate(truthFile: dir.appendingPathComponent("truth.jsonl"),
                             decoysFile: dir.appendingPathComponent("decoys.jsonl"),
                             findingsFile: dir.appendingPathComponent("findings.jsonl"), root: "corpus/sample")
        #expect(r.decoysTotal == 1 && r.perCategory["nhs_number"]!.strictFound == 1)
    }
}
