/// What the applier asks about each finding before it writes the copy: redact it or leave it,
/// and why. The applier knows nothing of profiles; whoever runs it (the CLI, with a sharing
/// profile and the operator's `--keep` decisions) answers.
public struct SpanFacts: Sendable {
    public var category: String
    public var rule: String
    /// The party's role for a name from the `--names` list, else nil.
    public var role: String?
    /// Byte offsets in the original, `end` exclusive.
    public var start: Int
    public var end: Int

    public init(category: String, rule: String, role: String?, start: Int, end: Int) {
        self.category = category
        self.rule = rule
        self.role = role
        self.start = start
        self.end = end
    }
}

public struct SpanDecision: Sendable, Equatable {
    /// False: the finding is left as it is in the copy and listed with style `keep`.
    public var redact: Bool
    /// A code from `reference/justifications.tsv`.
    public var justification: String?

    public init(redact: Bool, justification: String?) {
        self.redact = redact
        self.justification = justification
    }
}

/// Answers for one input.
public typealias SpanDecider = @Sendable (SpanFacts) -> SpanDecision

/// The style recorded for a finding left in the copy.
public let keepStyle = "keep"
