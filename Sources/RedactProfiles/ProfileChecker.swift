import RedactCore

/// The codes a profile may name, from the reference data and the loaded packs. The CLI builds it
/// from `reference/` (this target does not depend on the log that owns that data).
public struct ProfileVocabulary: Sendable {
    /// Category ids (the taxonomy, extension categories, and any a loaded pack adds).
    public var categories: Set<String>
    /// Justification code -> true when it records a decision to keep (`justifications.tsv`).
    public var justifications: [String: Bool]
    /// Recipient types (`recipients.tsv`).
    public var recipients: Set<String>

    public init(categories: Set<String>, justifications: [String: Bool], recipients: Set<String>) {
        self.categories = categories
        self.justifications = justifications
        self.recipients = recipients
    }
}

/// The consistency checks of a profile against the reference data: `profiles check` lists every
/// problem of every profile; `--recipient`/`--profile` refuse a profile with any.
public enum ProfileChecker {
    public static func problems(_ p: Profile, vocabulary v: ProfileVocabulary) -> [ProfileError] {
        var out: [ProfileError] = []
        func add(_ line: Int, _ field: String, _ message: String) {
            out.append(ProfileError(file: p.file, line: line, field: field, message, malformed: false))
        }
        func checkCode(_ code: String, keep: Bool, line: Int, field: String) {
            guard let isKeep = v.justifications[code] else {
                add(line, field, "unknown justification code `\(code)` (see `redact reference justifications`)")
                return
            }
            if isKeep != keep {
                add(line, field, keep ? "`\(code)` is a redaction justification, not a decision to keep"
                                      : "`\(code)` records a decision to keep, not a reason to redact")
            }
        }
        var seen: [String: Int] = [:]
        for r in p.redact + p.keep {
            let field = p.keep.contains(r) ? "keep" : "redact"
            if !v.categories.contains(r.category) { add(r.line, field, "unknown category `\(r.category)`") }
            if let first = seen[r.category] { add(r.line, field, "category `\(r.category)` already decided on line \(first)") }
            seen[r.category] = r.line
            checkCode(r.justification, keep: field == "keep", line: r.line, field: field)
        }
        var roleSeen: [PartyRole: Int] = [:]
        for r in p.roles {
            let field = r.redacted ? "redact_role" : "keep_role"
            if let first = roleSeen[r.role] { add(r.line, field, "role `\(r.role.rawValue)` already decided on line \(first)") }
            roleSeen[r.role] = r.line
            checkCode(r.justification, keep: !r.redacted, line: r.line, field: field)
        }
        let missing = PartyRole.decided.filter { roleSeen[$0] == nil }
        if !missing.isEmpty {
            add(0, "redact_role", "no decision for role\(missing.count == 1 ? "" : "s") \(missing.map(\.rawValue).joined(separator: ", ")) (every role is decided explicitly)")
        }
        for r in p.recipients where !v.recipients.contains(r) {
            add(p.lines["recipients"] ?? 0, "recipients", "unknown recipient type `\(r)` (see `redact reference recipients`)")
        }
        if !p.agreement.allowedSignatories.contains(p.signatory) {
            add(p.lines["signatory"] ?? 0, "signatory", "agreement \(p.agreement.rawValue) is signed by \(p.agreement.allowedSignatories.map(\.rawValue).joined(separator: " or "))")
        }
        if p.offencePack, p.rule(for: Category.offenceInformation.rawValue).redacted == false {
            add(p.lines["offence_pack"] ?? 0, "offence_pack", "the offence-information pack runs but `offence_information` is kept")
        }
        return out
    }

    /// Problems across a set: recipient types claimed by two profiles, or by none.
    public static func coverage(_ set: ProfileSet, vocabulary v: ProfileVocabulary) -> [ProfileError] {
        var out: [ProfileError] = []
        var claimed: [String: Profile] = [:]
        for p in set.profiles {
            for r in p.recipients {
                if let other = claimed[r] {
                    out.append(ProfileError(file: p.file, line: p.lines["recipients"] ?? 0, field: "recipients",
                                            "recipient type `\(r)` is also claimed by profile \(other.id)", malformed: false))
                } else {
                    claimed[r] = p
                }
            }
        }
        for r in v.recipients.sorted() where set.profile(forRecipient: r) == nil {
            out.append(ProfileError(file: set.directories.first ?? "profiles", line: 0, field: "recipients",
                                    "no profile for recipient type `\(r)`", malformed: false))
        }
        return out
    }
}
