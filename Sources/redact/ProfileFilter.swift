import Foundation
import RedactCore
import RedactFormats
import RedactLog
import RedactProfiles
import RedactScan

/// `scan`/`check --recipient TYPE`: keeps only the findings that recipient's copy would redact,
/// so a pipeline sees what that copy needs (a kept category or a kept party's name is not reported).
struct ProfileFilter {
    let policy: RedactionPolicy
    let factory: EngineFactory

    /// Sets up the filter and the find options for `recipient`/`--profile`, or nil without one.
    static func make(recipient: String?, profiles: ProfileOptions, find: FindOptions,
                     reference: Reference) throws -> (FindOptions, Profile?) {
        let profile = try Profiles.select(recipient: recipient, options: profiles, reference: reference)
        return (try Profiles.findOptions(find, profile: profile), profile)
    }

    /// The parties of an input: the `--names` list, plus the list beside it with `--names-beside`
    /// (the same merge `EngineFactory.engine(for:)` makes, so tags index the same list).
    func parties(for input: Input) -> PartyList {
        let base = factory.shared.table.parties
        guard let path = factory.setup.partyListPath(beside: input), let extra = try? PartyList.load(path: path) else { return base }
        return base.merged(with: extra)
    }

    func reported(_ f: LocatedFinding, path: String, parties: PartyList) -> Bool {
        let rule = factory.shared.table[f.finding.rule]
        let tag = Int(f.finding.tag)
        let role = tag >= 0 && tag < parties.parties.count ? parties.parties[tag].role : nil
        return policy.decide(path: path, category: rule.category.rawValue, rule: rule.id, role: role,
                             start: f.finding.start, end: f.finding.end).redacted
    }

    /// The same decision for a finding in a document format (its party role travels with it).
    func reported(_ f: DocumentFinding, path: String) -> Bool {
        let s = f.span.span
        return policy.decide(path: path, category: s.category.rawValue, rule: s.rule, role: s.role.flatMap(PartyRole.init(rawValue:)),
                             start: s.start, end: s.end).redacted
    }

    /// Per-category counts of the reported findings.
    func counts(_ findings: [LocatedFinding]) -> [Category: Int] {
        var out: [Category: Int] = [:]
        for f in findings { out[factory.shared.table[f.finding.rule].category, default: 0] += 1 }
        return out
    }
}
