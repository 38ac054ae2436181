/// One span of a document under review: a scanner finding or a manual redaction, with what the
/// operator decided about it. A text document's item never holds the span's text: the
/// document's bytes do. A DOCX, email, zip or PDF item holds its matched value only when the
/// format's finder handed it over and it mapped exactly onto the finding (see `DocumentReview`).
public struct ReviewItem: Sendable, Equatable, Identifiable {
    public enum Origin: String, Sendable { case scanner, manual }

    /// What happens to the span in the recipient's copy.
    public enum Status: String, Sendable, CaseIterable {
        /// Redacted (the scanner's or the profile's proposal, or the operator accepted it).
        case redact
        /// Personal data left in by decision, with a keep justification and the operator's reason.
        case keep
        /// Not personal data (a false positive): left as it is, and not listed as a redaction.
        case rejected
    }

    public var id: Int
    /// Byte offsets into the original document, `end` exclusive.
    public var start: Int
    public var end: Int
    public var category: String
    public var rule: String
    /// A party-list name's role, else nil.
    public var role: String?
    public var origin: Origin
    /// Why it was found, in words (the rule's validator, context or dictionary; a manual span's
    /// operator). Built from the pack, never from the document.
    public var reason: String
    /// The justification code: the profile's for a redaction, the keep code for a keep.
    public var justification: String
    public var status: Status
    /// The operator's words for a keep decision (free text: the log redacts it before storing).
    public var keepReason: String?
    /// The operator has looked at it (accepted, rejected, kept, or added it).
    public var reviewed: Bool
    /// For a document format (DOCX, email, zip, PDF): the part whose decoded text `start..<end`
    /// index (`word/document.xml#p3`, `mime:1.2`, `page:2`), nil for text stored as-is.
    public var locator: String? = nil
    /// Where in the part, for people (`header:From`), if the format says.
    public var field: String? = nil
    /// The matched value (decoded), for a document format only, only when exactly mapped.
    public var value: String? = nil

    public init(id: Int, start: Int, end: Int, category: String, rule: String, role: String? = nil, origin: Origin,
                reason: String, justification: String, status: Status, keepReason: String? = nil, reviewed: Bool = false) {
        self.id = id
        self.start = start
        self.end = end
        self.category = category
        self.rule = rule
        self.role = role
        self.origin = origin
        self.reason = reason
        self.justification = justification
        self.status = status
        self.keepReason = keepReason
        self.reviewed = reviewed
    }
}
