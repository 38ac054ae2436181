import Foundation
import RedactPatterns
import Testing
@testable import RedactScan

/// The prefiltered engine with the real UK pack (every trigger, `trigger_reach`,
/// `min_triggers` and `letter_digit` promise, word-start literals, party names) finds exactly
/// what running every pattern over the whole text finds, on the committed sample corpus.
@Suite struct UKPackDifferentialTests {
    static let root = AccuracyGateTests.root

    /// Every sample document, with its party list.
    @Test func fastEqualsReferenceOnTheSample() throws {
        setenv("REDACT_PATTERNS", Self.root.appendingPathComponent("patterns/uk").path, 1)
        let setup = ScanSetup()
        let pack = try setup.filteredPack()
        let sample = AccuracyGateTests.sample
        let files = try FileManager.default.contentsOfDirectory(atPath: sample.path)
            .filter { !$0.hasSuffix(".parties.txt") && !$0.hasSuffix(".jsonl") && !$0.hasPrefix(".") }.sorted()
        var checked = 0, findings = 0
        for name in files {
            let url = sample.appendingPathComponent(name)
            let stem = url.deletingPathExtension().path
            var parties = PartyList()
            if FileManager.default.fileExists(atPath: stem + ".parties.txt") { parties = try PartyList.load(path: stem + ".parties.txt") }
            let table = try RuleTable(pack: pack, parties: parties, validators: ScanSetup.validator(named:))
            let fast = try ScanEngine(table: table, pack: pack, mode: .fast)
            let reference = try ScanEngine(table: table, pack: pack, mode: .reference)
            let text = Array(try Data(contentsOf: url))
            let got = scanAll(fast, text)
            #expect(got == scanAll(reference, text), "\(name)")
            checked += 1
            findings += got.count
        }
        #expect(checked >= 250)
        #expect(findings >= 14_000)
    }
}
