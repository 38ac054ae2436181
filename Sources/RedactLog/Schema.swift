/// The stored shape of the log: every table and column, in the order the canonical encoding
/// hashes them. This is the single list that the hash chain, the SQLite insert statements,
/// `verify`, export and import all walk, so a column cannot be stored without being hashed:
/// `SchemaTests` compares it with what the migrations actually created.
///
/// ## Tables
/// - `entry`: one row per chained entry. Content columns (`entry_id`, `kind`, `recorded_at`,
///   `area`, `corrects`) travel with the entry between logs; link columns (`seq`, `origin_*`,
///   `prev_hash`) and `hash` belong to the log that holds it.
/// - `disclosure` + `redaction`: a disclosure event (kind `disclosure`) and one row per redacted
///   or deliberately kept span.
/// - `breach_version` + `breach_category` + `breach_link`: one version of a breach or near-miss
///   record (kind `breach`), its data categories and its linked entries.
///
/// Child rows hang off `entry.seq`; the `seq` column of a child is implied by its parent and is
/// not encoded separately (that is what lets an entry keep its hash when imported into another
/// log under a new `seq`).
public enum Schema {
    public enum Kind: Sendable { case integer, text }

    public struct Column: Sendable {
        public let name: String
        public let kind: Kind
        public let nullable: Bool
    }

    public struct Table: Sendable {
        public let name: String
        /// Hashed columns in encoding order (for children: without the `seq` foreign key).
        public let columns: [Column]
        /// Whether an entry has zero or more rows here (`ordinal` first) rather than at most one.
        public let multiRow: Bool

        func index(of name: String) -> Int {
            guard let i = columns.firstIndex(where: { $0.name == name }) else {
                preconditionFailure("no column \(name) in \(self.name)")
            }
            return i
        }
    }

    static func i(_ n: String) -> Column { Column(name: n, kind: .integer, nullable: false) }
    static func i_(_ n: String) -> Column { Column(name: n, kind: .integer, nullable: true) }
    static func t(_ n: String) -> Column { Column(name: n, kind: .text, nullable: false) }
    static func t_(_ n: String) -> Column { Column(name: n, kind: .text, nullable: true) }

    /// The entry's content: what an entry *is*, wherever it is stored.
    public static let entryContent = Table(name: "entry", columns: [
        t("entry_id"), t("kind"), t("recorded_at"), t("area"), t_("corrects"),
    ], multiRow: false)

    /// The entry's place in one log's chain (`hash` is computed over these and the content).
    public static let entryLink = Table(name: "link", columns: [
        i("seq"), t_("origin_log"), i_("origin_seq"), t_("origin_prev_hash"), t_("origin_hash"), t("prev_hash"),
    ], multiRow: false)

    public static let disclosure = Table(name: "disclosure", columns: [
        t("disclosed_at"), t_("unit"), t("case_ref"), t("document_name"), t("original_sha256"),
        t("redacted_sha256"), t("operator"), t_("second_checker"), t("recipient"), t("pack_version"),
        t("tool_version"), i("redaction_count"), t("text_scanner"), i("text_redactions"),
        // Added by migration v2-profiles (nullable, so older entries keep their hashes).
        t_("profile"), t_("profile_version"), t_("section14"), t_("basis"),
    ], multiRow: false)

    public static let redaction = Table(name: "redaction", columns: [
        i("ordinal"), t("category"), t("rule"), i("byte_start"), i("byte_end"), t("style"),
        t("justification"), t_("value_hmac"),
        // Added by migration v2-profiles.
        t_("reason"),
    ], multiRow: true)

    public static let breachVersion = Table(name: "breach_version", columns: [
        t("breach_id"), i("version"), t("stage"), t("breach_type"), t_("severity"), t_("unit"),
        t_("case_ref"), t_("source_org"), t_("document_name"), t_("document_sha256"),
        t_("occurred_at"), t("became_aware_at"), t_("detected_at"), i_("data_subjects"), i_("records"),
        t_("facts"), t_("effects"), t_("remedial_action"), i_("ico_reportable"), t_("ico_decision_reason"),
        t_("ico_decided_at"), t_("ico_reported_at"), i_("minutes_to_report"), i_("deadline_met"),
        t_("late_reason"), i_("subjects_informed"), t("status"), t("recorded_via"), t("recorded_by"),
        t_("pack_version"), t_("tool_version"), t("text_scanner"), i("text_redactions"),
    ], multiRow: false)

    public static let breachCategory = Table(name: "breach_category", columns: [
        i("ordinal"), t("category"), i_("findings"),
    ], multiRow: true)

    public static let breachLink = Table(name: "breach_link", columns: [
        i("ordinal"), t("entry_id"),
    ], multiRow: true)

    /// Child tables in encoding order. An entry encodes a group for each table where it has rows.
    public static let children: [Table] = [disclosure, redaction, breachVersion, breachCategory, breachLink, qaCheck]

    static let disclosureIndex = 0, redactionIndex = 1, breachVersionIndex = 2, breachCategoryIndex = 3, breachLinkIndex = 4

    /// Entry kinds (`entry.kind`).
    public enum EntryKind: String, Sendable, CaseIterable {
        case disclosure
        case breach
        /// A copy made but held for review (a sharing profile's offence-information hold): the
        /// same rows as a disclosure, a different kind so nothing counts it as shared.
        case hold
        /// A QA second check of a redacted copy (`redact qa --log`); see ``qaCheck``.
        case qaCheck = "qa-check"
    }
}
