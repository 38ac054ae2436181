import Foundation
import RedactApply
import RedactCore
import RedactPatterns
import RedactProfiles
import RedactScan

/// Opens a review: scans the document with the engine and proposes, for each finding, what the
/// recipient's sharing profile does with it (redact, or keep with the profile's justification).
public struct ReviewScanner: Sendable {
    public let engine: ScanEngine
    public let pack: PatternPack
    public let reasons: RuleReasons

    /// Compiles the pack's rules once; each review reuses them.
    public init(setup: ScanSetup) throws {
        let pack = try setup.loadPack()
        self.pack = pack
        self.engine = try ScanEngine(table: RuleTable(pack: pack, validators: ScanSetup.validator(named:)), pack: pack)
        self.reasons = RuleReasons(pack: pack)
    }

    /// The engine with the case's parties added to the name rule (this one without parties).
    func engine(parties: PartyList?) throws -> ScanEngine {
        guard let parties, !parties.parties.isEmpty else { return engine }
        return try ScanEngine(table: engine.table.with(parties: parties), pack: pack)
    }

    /// The items for `bytes`, in order. `parties` (one `Name<TAB>role` a line, as `--names`) adds
    /// the case's parties to the name rule for this document only.
    public func items(_ bytes: [UInt8], policy: RedactionPolicy, parties: PartyList? = nil) throws -> [ReviewItem] {
        let engine = try self.engine(parties: parties)
        var findings: [Finding] = []
        let scratch = engine.makeScratch()
        bytes.withUnsafeBufferPointer { engine.scan($0, emit: 0..<$0.count, scratch: scratch, into: &findings) }
        let table = engine.table
        return findings.enumerated().map { i, f in
            let rule = table[f.rule]
            var role: String? = nil
            if f.tag >= 0, Int(f.tag) < table.parties.parties.count { role = table.parties.parties[Int(f.tag)].role.rawValue }
            let d = policy.decide(path: "", category: rule.category.rawValue, rule: rule.id,
                                  role: role.flatMap(PartyRole.init(rawValue:)), start: f.start, end: f.end)
            return ReviewItem(id: i + 1, start: f.start, end: f.end, category: rule.category.rawValue, rule: rule.id, role: role,
                              origin: .scanner, reason: reasons.reason(rule: rule.id, role: role), justification: d.justification,
                              status: d.redacted ? .redact : .keep,
                              keepReason: d.redacted ? nil : policy.profile.map { "Kept by sharing profile \($0.id)" })
        }
    }
}
