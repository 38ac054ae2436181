import RedactCore

/// Decides, for each finding, whether the recipient's copy redacts it and why.
///
/// In order: an operator's `--keep` decision; the profile's rule for a party's role (a name from
/// the `--names` list with a role); the profile's rule for the category; with no profile, every
/// finding is redacted with its category's default justification.
public struct RedactionPolicy: Sendable {
    public struct Decision: Sendable, Equatable {
        public var redacted: Bool
        /// A code from `reference/justifications.tsv`.
        public var justification: String
        /// The operator's reason, for a `--keep` decision (free text: the log redacts it).
        public var reason: String?
        /// Which `--keep` decision applied, if any.
        public var keepIndex: Int?
    }

    public let profile: Profile?
    public let keeps: [KeepDecision]
    /// The category's default justification (`reference/category-justifications.tsv`).
    public let defaultJustification: @Sendable (String) -> String

    /// The profile's decisions by category and by role, looked up once per finding (apply asks
    /// for every finding, so no linear search of the profile's lines).
    private let byCategory: [String: Decision]
    private let byRole: [PartyRole: Decision]

    public init(profile: Profile?, keeps: [KeepDecision] = [], defaultJustification: @escaping @Sendable (String) -> String) {
        self.profile = profile
        self.keeps = keeps
        self.defaultJustification = defaultJustification
        var categories: [String: Decision] = [:], roles: [PartyRole: Decision] = [:]
        if let profile {
            // Redact lines first, keep lines over them: the same precedence as `Profile.rule(for:)`.
            for r in profile.redact where categories[r.category] == nil { categories[r.category] = Decision(redacted: true, justification: r.justification) }
            for r in profile.keep { categories[r.category] = Decision(redacted: false, justification: r.justification) }
            for r in profile.roles where roles[r.role] == nil { roles[r.role] = Decision(redacted: r.redacted, justification: r.justification) }
        }
        byCategory = categories
        byRole = roles
    }

    /// `locator`: the finding's part in a container, if any (see `KeepDecision.matches`).
    public func decide(path: String, category: String, rule: String, role: PartyRole?, start: Int, end: Int,
                       locator: String? = nil) -> Decision {
        if let i = keeps.firstIndex(where: { $0.matches(path: path, category: category, rule: rule, start: start, end: end,
                                                         locator: locator) }) {
            return Decision(redacted: false, justification: keeps[i].justification, reason: keeps[i].reason, keepIndex: i)
        }
        if let role, role != .unspecified, let r = byRole[role] { return r }
        return byCategory[category] ?? Decision(redacted: true, justification: defaultJustification(category))
    }

    /// Whether a document with these findings' categories is held for review instead of
    /// released: the profile runs the offence-information pack and one was found.
    public func holds(categories: some Sequence<String>) -> Bool {
        guard profile?.offencePack == true else { return false }
        return categories.contains(Category.offenceInformation.rawValue)
    }
}
