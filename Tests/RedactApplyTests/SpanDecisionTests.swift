import Foundation
import RedactCore
import RedactScan
import RedactTestSupport
import Testing
@testable import RedactApply

/// The applier's decide and hold hooks: a kept finding passes through byte for byte and is listed
/// with style `keep`; a held copy is committed only under the hold path.
@Suite struct SpanDecisionTests {
    static let text = "Name: Brian Stokes, NHS 943 476 5919, tel 07700 900123.\n"

    func applier(decide: SpanDecider?) throws -> (Applier, ScanEngine, URL) {
        let dir = try TestDirectories.make("redact-apply")
        try Data("Brian Stokes\tdefendant\n".utf8).write(to: dir.appendingPathComponent("names.txt"))
        try Data(Self.text.utf8).write(to: dir.appendingPathComponent("doc.txt"))
        var setup = ScanSetup()
        setup.namesFile = dir.appendingPathComponent("names.txt").path
        let engine = try setup.makeEngine()
        var a = Applier(scanner: setup.streamScanner(engine: engine), replacer: Replacer(style: .label), toolVersion: "t", overwrite: false)
        a.decide = decide
        return (a, engine, dir)
    }

    @Test func keptFindingsPassThroughAndAreListedWithTheirJustification() throws {
        let (a, engine, dir) = try applier(decide: { f in
            f.role == "defendant" || f.category == "phone_number"
                ? SpanDecision(redact: false, justification: "required-for-case")
                : SpanDecision(redact: true, justification: "medical")
        })
        let out = dir.appendingPathComponent("out.txt").path
        let outcome = try a.apply(Input(path: dir.appendingPathComponent("doc.txt").path), outputPath: out, scratch: engine.makeScratch()).get()
        let copy = try String(contentsOfFile: out, encoding: .utf8)
        #expect(copy == "Name: Brian Stokes, NHS [NHS NUMBER], tel 07700 900123.\n")
        let m = try #require(outcome.manifest)
        #expect(m.redactions.map(\.style) == ["keep", "label", "keep"])
        #expect(m.redactions.map(\.justification) == ["required-for-case", "medical", "required-for-case"])
        #expect(m.redactions[0].role == "defendant")
        // Output ranges point at the kept bytes in the copy.
        let bytes = Array(copy.utf8)
        for e in m.redactions where e.style == "keep" {
            let original = Array(Self.text.utf8)[e.original.start..<e.original.end]
            #expect(Array(bytes[e.output.start..<e.output.end]) == Array(original))
        }
        // Counts are of redactions only.
        #expect(m.counts == ["nhs_number": 1])
    }

    @Test func withoutADeciderEverythingIsRedactedAsBefore() throws {
        let (a, engine, dir) = try applier(decide: nil)
        let out = dir.appendingPathComponent("out.txt").path
        let m = try #require(try a.apply(Input(path: dir.appendingPathComponent("doc.txt").path), outputPath: out, scratch: engine.makeScratch()).get().manifest)
        #expect(m.redactions.allSatisfy { $0.style == "label" && $0.justification == nil })
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "Name: [PERSON NAME], NHS [NHS NUMBER], tel [PHONE NUMBER].\n")
    }

    @Test func aHeldCopyIsCommittedOnlyUnderTheHoldPath() throws {
        var (b, engine, dir) = try applier(decide: nil)
        // A folder beside the output: the same file system, so the copy is renamed, not copied.
        let heldPath = dir.appendingPathComponent("held/doc.txt").path
        b.holdPath = { m, _ in m.redactions.contains { $0.category == "nhs_number" } ? heldPath : nil }
        let out = dir.appendingPathComponent("out/doc.txt").path
        let outcome = try b.apply(Input(path: dir.appendingPathComponent("doc.txt").path), outputPath: out, scratch: engine.makeScratch()).get()
        #expect(outcome.held && outcome.outputPath == heldPath)
        #expect(!FileManager.default.fileExists(atPath: out) && !FileManager.default.fileExists(atPath: out + ".manifest.json"))
        #expect(FileManager.default.fileExists(atPath: heldPath) && FileManager.default.fileExists(atPath: heldPath + ".manifest.json"))
        // No temporary file is left beside the release path.
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("out").path)
        #expect(left.isEmpty, "\(left)")
    }
}
