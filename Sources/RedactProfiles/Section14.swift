/// Section 14 of the Offender Management Act 2007: who may share with whom under it.
///
/// List A bodies may share with each other and with List B bodies, and a List B body may share
/// with a List A body; a share between two List B bodies is **not** authorised by section 14
/// (another power may exist, so it needs a stated basis). A body on neither list is outside
/// section 14: its shares rest on the profile's legal basis.
public enum Section14 {
    public enum Verdict: String, Sendable, Equatable {
        /// Section 14 authorises the share.
        case authorised
        /// List B to List B: section 14 does not authorise it; another basis must be given.
        case needsOtherBasis = "needs-other-basis"
        /// One side is on neither list (or the sender is unknown): section 14 does not apply.
        case notApplicable = "not-applicable"
    }

    /// The rule table (every pair is tested in `Section14Tests`).
    public static func verdict(sender: Section14List?, recipient: Section14List) -> Verdict {
        switch (sender, recipient) {
        case (.a, .a), (.a, .b), (.b, .a): .authorised
        case (.b, .b): .needsOtherBasis
        default: .notApplicable
        }
    }

    /// The sender's list from the group of its area (`reference/areas.tsv`, third column).
    ///
    /// HMPPS prison groups act for the Secretary of State and Probation Service regions are
    /// probation providers: List A. The CPS is a (non-ministerial) government department: List B.
    /// Any other group is unknown here (nil), and `--sender TYPE` says what the sender is.
    public static func list(forAreaGroup group: String) -> Section14List? {
        switch group {
        case "hmpps-prison-group", "hmpps-probation-region": .a
        case "cps-area", "cps-direct": .b
        default: nil
        }
    }

    /// The warning for a List B to List B share, naming codes only.
    public static func warning(senderDescription: String, recipient: String) -> String {
        "section 14 of the Offender Management Act 2007 does not authorise a share from a List B body (\(senderDescription)) "
            + "to another List B body (\(recipient)); another power may exist: state it with --basis TEXT"
    }
}
