/// An operator's decision not to redact (`--keep RULE_OR_SPAN --reason TEXT`).
///
/// Police and prosecutors record when they decide to leave personal data in (the Joint
/// Principles for Redaction): the finding stays as it is in the copy, the manifest lists it with
/// style `keep`, and the log records it with the operator, a `keep` justification code and the
/// reason (after the free-text redactor).
public struct KeepDecision: Sendable, Equatable {
    public enum Target: Sendable, Equatable {
        /// Every finding of a category (`person_name`).
        case category(String)
        /// Every finding of a rule (`nhs_number.spaced`).
        case rule(String)
        /// Findings lying inside `start..<end` (byte offsets of the original), in every input
        /// or only in `file` (matched against the input path, its tail or its file name).
        case span(file: String?, start: Int, end: Int)
    }

    public var target: Target
    /// A `keep` justification code (`required-for-case`, `consent`, ...).
    public var justification: String
    /// Free text: the log passes it through its redactor before storing it.
    public var reason: String
    /// The option as given, for messages (a rule id, a category or offsets: never personal data).
    public var text: String

    public init(target: Target, justification: String, reason: String, text: String) {
        self.target = target
        self.justification = justification
        self.reason = reason
        self.text = text
    }

    public struct ParseError: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// Parses `RULE_OR_SPAN`: `START-END`, `FILE:START-END`, a category id or a rule id.
    /// - Parameters:
    ///   - categories, rules: the ids known to the loaded packs (an unknown name is refused).
    public static func parse(_ text: String, justification: String, reason: String,
                             categories: Set<String>, rules: Set<String>) throws(ParseError) -> KeepDecision {
        if let span = parseSpan(text) {
            guard span.start < span.end else { throw ParseError(description: "--keep \(text): START must be below END") }
            return KeepDecision(target: .span(file: span.file, start: span.start, end: span.end),
                                justification: justification, reason: reason, text: text)
        }
        if categories.contains(text) { return KeepDecision(target: .category(text), justification: justification, reason: reason, text: text) }
        if rules.contains(text) { return KeepDecision(target: .rule(text), justification: justification, reason: reason, text: text) }
        throw ParseError(description: "--keep \(text): not a category, a rule id (see `redact patterns list`), START-END or FILE:START-END")
    }

    static func parseSpan(_ text: String) -> (file: String?, start: Int, end: Int)? {
        var file: String? = nil
        var range = Substring(text)
        if let colon = text.lastIndex(of: ":") {
            file = String(text[..<colon])
            range = text[text.index(after: colon)...]
            if file!.isEmpty { return nil }
        }
        let parts = range.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigitCharacter) }),
              let start = Int(parts[0]), let end = Int(parts[1]) else { return nil }
        return (file, start, end)
    }

    /// Whether this decision covers a finding. `locator` is the finding's part in a container
    /// (`word/document.xml#p3`, `mime:1`), whose offsets index that part's decoded text, not the
    /// file: a span, which names file offsets, never covers such a finding.
    public func matches(path: String, category: String, rule: String, start: Int, end: Int, locator: String? = nil) -> Bool {
        switch target {
        case .category(let c): return c == category
        case .rule(let r): return r == rule
        case .span(let file, let s, let e):
            guard locator == nil, start >= s && end <= e else { return false }
            guard let file else { return true }
            return path == file || path.hasSuffix("/" + file) || path.split(separator: "/").last.map(String.init) == file
        }
    }
}

extension Character {
    var isASCIIDigitCharacter: Bool { asciiValue.map { $0 >= 0x30 && $0 <= 0x39 } ?? false }
}
