import Foundation
import RedactCore
import RedactProfiles
import RedactScan

/// One finding in the taxonomy contract (UTF-8 byte offsets, `end` exclusive).
public struct ServedFinding: Sendable, Equatable {
    public var start: Int
    public var end: Int
    public var category: String
    public var rule: String
}

/// The outcome of scanning one body.
public struct ScanOutcome: Sendable {
    public var bytes: Int
    /// The reported findings in order of start (only what the recipient's copy would redact,
    /// with a profile); empty when `keepFindings` was false.
    public var findings: [ServedFinding]
    /// Reported findings by taxonomy category id.
    public var counts: [String: Int]
    public var total: Int { counts.values.reduce(0, +) }
}

extension DocumentService {
    /// Scans a spooled body (plain text). The party list, if any, must already be beside it
    /// (``SpooledDocument/writeParties(_:)``).
    /// - Throws: ``ServeProblem`` 415 for a binary body, 422 for an unreadable party list.
    public func scan(_ doc: SpooledDocument, policy: RedactionPolicy?, keepFindings: Bool = true) throws -> ScanOutcome {
        let input = Input(path: doc.path)
        let (factory, pool) = try engines(for: policy)
        let result = factory.scanFile(input, pool: pool, withLines: false, keep: keepFindings || policy != nil)
        if let e = result.error {
            throw e.kind == .invalidNames
                ? ServeProblem(.unprocessableContent, "the party list could not be read", code: "invalid-names")
                : ServeProblem(.internalServerError, "the document could not be scanned", code: "scan-failed")
        }
        if result.skippedBinary { throw Self.binary }
        let table = factory.shared.table
        var counts: [String: Int] = [:]
        var findings: [ServedFinding] = []
        if let policy {
            let parties = Self.parties(for: input, factory: factory)
            for f in result.findings {
                let rule = table[f.finding.rule]
                let tag = Int(f.finding.tag)
                let role = tag >= 0 && tag < parties.parties.count ? parties.parties[tag].role : nil
                guard policy.decide(path: doc.path, category: rule.category.rawValue, rule: rule.id, role: role,
                                    start: f.finding.start, end: f.finding.end).redacted else { continue }
                counts[rule.category.rawValue, default: 0] += 1
                if keepFindings { findings.append(Self.served(f.finding, table)) }
            }
        } else {
            for (rule, n) in result.ruleCounts.enumerated() where n > 0 {
                counts[table[Int32(rule)].category.rawValue, default: 0] += n
            }
            if keepFindings { findings = result.findings.map { Self.served($0.finding, table) } }
        }
        return ScanOutcome(bytes: result.bytes, findings: findings, counts: counts)
    }

    static func served(_ f: Finding, _ table: RuleTable) -> ServedFinding {
        let rule = table[f.rule]
        return ServedFinding(start: f.start, end: f.end, category: rule.category.rawValue, rule: rule.id)
    }

    /// The parties of a spooled body: the list beside it (the same merge the factory makes, so
    /// a finding's tag indexes the same list).
    static func parties(for input: Input, factory: EngineFactory) -> PartyList {
        let base = factory.shared.table.parties
        guard let path = factory.setup.partyListPath(beside: input), let extra = try? PartyList.load(path: path) else { return base }
        return base.merged(with: extra)
    }

    static let binary = ServeProblem(.unsupportedMediaType, "the body looks binary (a NUL byte); only plain text is accepted by this build",
                                     code: "unsupported-format")

    /// The sharing profile for a request: `profile` by id, else `recipient`'s type profile,
    /// else the configured default, else none. Unknown names are a 422 naming the parameter only.
    public func profile(recipient: String?, profile id: String?, defaultProfile: String?) throws -> Profile? {
        if let recipient, !reference.contains(recipient, in: .recipients) {
            throw ServeProblem(.unprocessableContent, "unknown recipient type (see `redact reference recipients`)", code: "unknown-recipient")
        }
        if let id {
            guard let p = profiles.profile(id: id) else {
                throw ServeProblem(.unprocessableContent, "no sharing profile with that id (see `redact profiles list`)", code: "unknown-profile")
            }
            return p
        }
        if let recipient {
            guard let p = profiles.profile(forRecipient: recipient) else {
                throw ServeProblem(.unprocessableContent, "no sharing profile for that recipient type", code: "no-profile")
            }
            return p
        }
        if let d = defaultProfile { return profiles.profile(id: d) }
        return nil
    }

    /// The policy of a profile (nil profile: redact everything found) and decisions to keep.
    public func policy(_ profile: Profile?, keeps: [KeepDecision] = []) -> RedactionPolicy {
        let reference = self.reference
        return RedactionPolicy(profile: profile, keeps: keeps) { reference.defaultJustification(for: $0) }
    }
}
