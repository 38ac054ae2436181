import RedactCore

/// A sharing profile: what one kind of recipient may see, and why.
///
/// Profiles are data (`patterns/profiles/*.profile`, format in `docs/profiles.md`) so that the
/// people who own information sharing agreements can review and change them without a build.
/// This target holds the model, the parser, the checks and the decisions made from a profile; it
/// depends only on `RedactCore`, so the log, the applier and a server can all use it without
/// pulling in the scanner (and the scanner never needs to know what a profile is).
public struct Profile: Sendable, Equatable {
    /// The profile id (the file's stem): letters, digits and hyphens.
    public var id: String
    /// Recorded in the log with every disclosure made under the profile.
    public var version: String
    public var label: String
    /// Recipient types (`reference/recipients.tsv`) for which `--recipient TYPE` picks this profile.
    public var recipients: [String]
    /// The legal basis of a share to this recipient, in words.
    public var legalBasis: String
    /// The recipient's list under section 14 of the Offender Management Act 2007.
    public var section14: Section14List
    /// The information sharing agreement type and who signs it.
    public var agreement: AgreementType
    public var signatory: Signatory
    /// Categories redacted, each with its justification code, in file order.
    public var redact: [CategoryRule]
    /// Categories left in the copy, each with a `keep` justification code, in file order.
    public var keep: [CategoryRule]
    /// What happens to a party-list name, by the party's role (every role in `PartyRole.decided`).
    public var roles: [RoleRule]
    /// Whether the offence-information pack runs, and documents with such findings are held.
    public var offencePack: Bool
    /// Where the profile came from, and the line of each key (for errors found after parsing).
    public var file: String
    public var lines: [String: Int]

    public struct CategoryRule: Sendable, Equatable {
        public var category: String
        public var justification: String
        public var line: Int
    }

    public struct RoleRule: Sendable, Equatable {
        public var role: PartyRole
        public var redacted: Bool
        public var justification: String
        public var line: Int
    }

    /// The decision a profile makes for one category (before roles and `--keep`).
    public func rule(for category: String) -> (redacted: Bool, justification: String?) {
        if let k = keep.first(where: { $0.category == category }) { return (false, k.justification) }
        if let r = redact.first(where: { $0.category == category }) { return (true, r.justification) }
        // Not named: redacted, with the category's default justification (safe by default).
        return (true, nil)
    }

    /// The rule for a party's role, if the profile names it.
    public func rule(for role: PartyRole) -> RoleRule? { roles.first { $0.role == role } }
}

/// The lists of section 14 of the Offender Management Act 2007 (see `Section14`).
public enum Section14List: String, Sendable, CaseIterable {
    /// The Secretary of State, probation providers, their officers and people acting for them.
    case a = "A"
    /// Government departments, relevant local authorities, the Youth Justice Board, the Parole
    /// Board, prison and escort contractors, chief officers of police, electronic monitoring providers.
    case b = "B"
    /// Not named in section 14: a share rests on another power (the profile's legal basis).
    case none
}

/// Information sharing agreement types of the HMPPS framework, or none (a statutory duty).
public enum AgreementType: String, Sendable, CaseIterable {
    case type1 = "1", type2 = "2", type3 = "3", type4 = "4", none

    /// The signatory levels the framework allows for this type.
    public var allowedSignatories: [Signatory] {
        switch self {
        case .type1: [.siro]
        case .type2: [.regionalDirector]
        case .type3, .type4: [.governorDirector, .regionalDirector]
        case .none: [.none]
        }
    }

    public var summary: String {
        switch self {
        case .type1: "Type 1: at least one signatory at departmental level"
        case .type2: "Type 2: one supplier serving many establishments or delivery units"
        case .type3: "Type 3: one supplier to one establishment or delivery unit"
        case .type4: "Type 4: as Type 3, on the standard national template"
        case .none: "no agreement: the share rests on a statutory duty"
        }
    }
}

/// Who signs an agreement.
public enum Signatory: String, Sendable, CaseIterable {
    /// The Senior Information Risk Owner or a deputy (departmental level).
    case siro
    /// The regional prison group director or regional probation director.
    case regionalDirector = "regional-director"
    /// The governor or director of the establishment.
    case governorDirector = "governor-director"
    case none
}

extension PartyRole {
    /// The roles every profile must decide explicitly (`unspecified` follows `person_name`).
    public static let decided: [PartyRole] = [.victim, .witness, .defendant, .officer, .professional]
}
