import Foundation
import RedactCore
import RedactEval
import Testing
@testable import RedactScan

/// The accuracy gate: the committed sample, scanned as the README's command scans it, must
/// keep scoring at least what it scored when the floors were set (2026-11-21: overall strict
/// recall 0.9998, precision 1.0000, 0 of 6,513 decoys hit; lowest categories vehicle_registration
/// 0.9979 and special_category 0.9978). A pattern change that loses recall cannot land.
@Suite struct AccuracyGateTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let sample = root.appendingPathComponent("corpus/sample")

    @Test func committedSampleMeetsItsFloors() throws {
        var setup = ScanSetup()
        setup.namesBeside = true
        setenv("REDACT_PATTERNS", Self.root.appendingPathComponent("patterns/uk").path, 1)
        let factory = try setup.makeFactory()
        let (inputs, errors) = factory.expand([Self.sample.path])
        #expect(errors.isEmpty)
        let documents = inputs.filter { !$0.path.hasSuffix(".jsonl") }
        #expect(documents.count >= 250)
        let pool = ScratchPool(engine: factory.shared)
        var findings: [FindingRecord] = []
        for input in documents {
            let result = factory.scanFile(input, pool: pool, withLines: false)
            #expect(result.error == nil)
            let relative = String(input.path.dropFirst(Self.sample.path.count + 1))
            for f in result.findings {
                let rule = factory.shared.table[f.finding.rule]
                findings.append(FindingRecord(path: relative, start: f.finding.start, end: f.finding.end,
                                              category: rule.category, rule: rule.id))
            }
        }
        let report = try evaluate(
            truth: JSONLReader.truth(Self.sample.appendingPathComponent("truth.jsonl")),
            decoys: JSONLReader.decoys(Self.sample.appendingPathComponent("decoys.jsonl")),
            findings: findings)
        var floors = Floors()
        floors.structuredStrictRecall = 0.997
        floors.personNameStrictRecall = 0.999
        floors.freeTextStrictRecall = 0.997
        floors.precision = 0.999
        floors.coverageRecall = 0.9995
        floors.maxDecoyHitRate = 0.0
        #expect(report.overall.truth >= 14_000)
        #expect(floors.violations(of: report) == [])
    }
}
