import ArgumentParser
import Foundation
import RedactApply
import RedactCore
import RedactLog
import RedactProfiles
import RedactScan

/// The sharing checks `apply` makes before it writes anything: section 14, the basis, and the
/// operator's decisions to keep. Glue over `RedactProfiles`.
struct ShareCheck {
    let profile: Profile?
    let verdict: Section14.Verdict?
    let basis: String?

    /// The sender's list: `--sender TYPE` (that type's profile says), else the `--area` group
    /// (HMPPS prison groups and probation regions: List A; CPS areas: List B), else unknown.
    static func senderList(sender: String?, area: String?, options: ProfileOptions,
                           reference: Reference) throws -> (list: Section14List?, description: String) {
        if let sender {
            guard reference.contains(sender, in: .recipients) else {
                Stderr.line("redact: --sender: unknown type \(sender) (valid: \(reference.codes(.recipients).joined(separator: ", ")))")
                throw ExitCode(ExitStatus.error)
            }
            guard let p = try Profiles.load(options).profile(forRecipient: sender) else {
                Stderr.line("redact: --sender \(sender): no sharing profile says which section 14 list it is on")
                throw ExitCode(ExitStatus.error)
            }
            return (p.section14, "sender \(sender)")
        }
        if let area, let group = reference.entry(area, in: .areas)?.attributes.first {
            return (Section14.list(forAreaGroup: group), "area \(area), \(group)")
        }
        return (nil, "sender unknown")
    }

    /// Runs the checks. A List B to List B share without `--basis` is refused here, before any
    /// output is written (exit 2); with a basis it is warned about and the basis is logged.
    static func run(profile: Profile?, recipient: String?, share: ShareOptions, area: String?,
                    options: ProfileOptions, reference: Reference) throws -> ShareCheck {
        guard let profile else { return ShareCheck(profile: nil, verdict: nil, basis: share.basis) }
        let (senderList, description) = try senderList(sender: share.sender, area: area, options: options, reference: reference)
        let verdict = Section14.verdict(sender: senderList, recipient: profile.section14)
        if verdict == .needsOtherBasis {
            Stderr.line("redact: warning: " + Section14.warning(senderDescription: description, recipient: recipient ?? profile.id))
            guard let basis = share.basis, !basis.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                Stderr.line("redact: refused: no --basis for a share section 14 does not authorise; nothing was written")
                throw ExitCode(ExitStatus.error)
            }
        }
        return ShareCheck(profile: profile, verdict: verdict, basis: share.basis)
    }

    /// Parses `--keep` against the loaded rules and categories.
    static func keeps(_ share: ShareOptions, table: RuleTable, reference: Reference) throws -> [KeepDecision] {
        guard !share.keep.isEmpty else { return [] }
        guard reference.isKeepDecision(share.keepJustification) else {
            let valid = reference.entries(.justifications).filter { $0.attributes.first == "keep" }.map(\.code)
            Stderr.line("redact: --keep-justification: \(share.keepJustification) is not a keep decision (valid: \(valid.joined(separator: ", ")))")
            throw ExitCode(ExitStatus.error)
        }
        let categories = Set(Category.known.map(\.rawValue) + table.rules.map(\.category.rawValue))
        let rules = Set(table.rules.map(\.id))
        return try share.keep.enumerated().map { i, text in
            do {
                return try KeepDecision.parse(text, justification: share.keepJustification,
                                              reason: share.reason.count == 1 ? share.reason[0] : share.reason[i],
                                              categories: categories, rules: rules)
            } catch {
                Stderr.line("redact: \(error)")
                throw ExitCode(ExitStatus.error)
            }
        }
    }

    /// The applier's question for one input, answered by the policy.
    static func decider(_ policy: RedactionPolicy, path: String) -> SpanDecider {
        { facts in
            let d = policy.decide(path: path, category: facts.category, rule: facts.rule,
                                  role: facts.role.flatMap(PartyRole.init(rawValue:)), start: facts.start, end: facts.end)
            return SpanDecision(redact: d.redacted, justification: d.justification)
        }
    }

    /// The log rows of a manifest: each redaction and each decision to keep, with its reason.
    static func records(_ manifest: Manifest, path: String, policy: RedactionPolicy, valueHMACs: [String],
                        matchedKeeps: inout Set<Int>) -> [RedactionRecord] {
        manifest.redactions.enumerated().map { i, e in
            var reason: String? = nil
            if e.style == keepStyle {
                let d = policy.decide(path: path, category: e.category, rule: e.rule,
                                      role: e.role.flatMap(PartyRole.init(rawValue:)), start: e.original.start, end: e.original.end,
                                      locator: e.locator)
                reason = d.reason
                if let k = d.keepIndex { matchedKeeps.insert(k) }
            }
            var r = RedactionRecord(category: e.category, rule: e.rule, start: e.original.start, end: e.original.end,
                                    style: e.style, justification: e.justification,
                                    valueHMAC: i < valueHMACs.count ? valueHMACs[i] : nil)
            r.reason = reason
            return r
        }
    }
}
