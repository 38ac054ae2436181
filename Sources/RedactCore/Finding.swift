/// One piece of personal data found in an input: a byte range and the rule that found it.
///
/// `start`/`end` are byte offsets into the original input as stored (UTF-8 or not), `end`
/// exclusive. A finding never carries the matched text: callers that are explicitly asked to
/// show it (`--show-text`) slice the input themselves.
public struct Finding: Hashable, Sendable {
    public var start: Int
    public var end: Int
    /// Index of the rule in the engine's rule table (`RuleTable`); resolved to an id at output.
    public var rule: Int32
    /// Extra rule-specific data: for party names, the index of the party in the names list; else -1.
    public var tag: Int32

    public init(start: Int, end: Int, rule: Int32, tag: Int32 = -1) {
        self.start = start
        self.end = end
        self.rule = rule
        self.tag = tag
    }

    public var length: Int { end - start }
}

/// Role of a case party in a `--names` list (profiles decide which roles are redacted).
public enum PartyRole: String, Sendable, Codable, CaseIterable {
    case victim, witness, defendant, officer, professional, unspecified
}
