/// Document formats (CSV, JSON, DOCX, email, zip, PDF...) as the scanner and `apply` see them.
///
/// A format parses its bytes into pieces of decoded UTF-8 text (a cell, a JSON string, a DOCX
/// paragraph, a MIME part), hands each to a `TextFinder` with whatever context it knows (the
/// column header, the JSON key), and puts the marks back so the output is still a valid
/// document of the same kind. Everything here lives in RedactCore so a format target
/// (`RedactContainers`) needs nothing but RedactCore; the scanner behind `TextFinder` is
/// supplied by `RedactFormats`.
///
/// Offsets: where the text is stored as-is in the file (CSV, JSON, an unencoded email part),
/// findings carry byte offsets into the file itself and no locator. Where it is encoded or
/// zipped, a finding carries a `locator` naming the part, and offsets into that part's decoded
/// text. See `Locator` for the syntax.

/// What a format knows about a piece of text: a CSV column header, a JSON key, an email header.
public struct FieldContext: Sendable, Hashable {
    /// The field's name as written (`DOB`, `date_of_birth`, `From`); the finder may read it as
    /// context words (a `DOB` label stands in for the context a date of birth needs).
    public var label: String?
    /// The whole value is a finding of this category (a `Name` column, a `full_name` key).
    public var wholeValue: Category?
    /// Prefix of the rule id of a whole-value finding: `column` gives `column.person_name`.
    public var kind: String

    public init(label: String? = nil, wholeValue: Category? = nil, kind: String = "field") {
        self.label = label
        self.wholeValue = wholeValue
        self.kind = kind
    }
}

/// One finding in a piece of decoded UTF-8 text: offsets into that text, `end` exclusive.
public struct TextSpan: Sendable, Hashable {
    public var start: Int
    public var end: Int
    public var category: Category
    /// The rule id (`nhs_number.spaced`, `person_name.party`, `column.person_name`).
    public var rule: String
    /// For a case party's name, the party's role (`victim`, `witness`...); else nil.
    public var role: String?
    /// For a case party's name, the party's index in the names list (pseudonyms key on it); else nil.
    public var party: Int?

    public init(start: Int, end: Int, category: Category, rule: String, role: String? = nil, party: Int? = nil) {
        self.start = start
        self.end = end
        self.category = category
        self.rule = rule
        self.role = role
        self.party = party
    }

    public var length: Int { end - start }
}

/// The scanner and the redaction style, as a format sees them.
public protocol TextFinder: Sendable {
    /// Findings in `text` (decoded UTF-8, possibly invalid), ordered by start, not overlapping.
    func spans(in text: UnsafeBufferPointer<UInt8>, context: FieldContext?) -> [TextSpan]
    /// The replacement bytes (UTF-8, unescaped) for `span`, whose bytes are `value`.
    func mark(for span: TextSpan, value: UnsafeBufferPointer<UInt8>) -> [UInt8]
    /// HMAC of a redacted value for the log (`--value-hmac-key`), or nil without a key.
    func fingerprint(_ value: UnsafeBufferPointer<UInt8>) -> String?
    /// The style name recorded in the manifest (`label`, `mask`...).
    var styleName: String { get }
}

extension TextFinder {
    public func fingerprint(_ value: UnsafeBufferPointer<UInt8>) -> String? { nil }
    public var styleName: String { "label" }

    /// Convenience for `[UInt8]` text.
    public func spans(in text: [UInt8], context: FieldContext? = nil) -> [TextSpan] {
        text.withUnsafeBufferPointer { spans(in: $0, context: context) }
    }
}

/// A finding in a document.
public struct LocatedSpan: Sendable, Hashable {
    /// Offsets into the file when `locator` is nil (text stored as-is), else into the decoded
    /// text of the part `locator` names.
    public var span: TextSpan
    /// The part whose decoded text `span` indexes (`page:3`, `word/document.xml#p12`), or nil.
    public var locator: String?
    /// Where in the document, for people: `row:3,col:2` (CSV), `/witness/dob` (a JSON pointer),
    /// `header:From` (email). Never changes what the offsets mean.
    public var field: String?

    public init(span: TextSpan, locator: String? = nil, field: String? = nil) {
        self.span = span
        self.locator = locator
        self.field = field
    }
}

/// One redaction in a redacted document.
public struct LocatedRedaction: Sendable, Hashable {
    /// Where the value was in the original (offsets as in `LocatedSpan`).
    public var original: LocatedSpan
    /// Where the mark is in the output: output file offsets when `original.locator` is nil,
    /// else offsets into the redacted part's decoded text.
    public var outputStart: Int
    public var outputEnd: Int
    /// `TextFinder.fingerprint` of the value (for the log), or nil.
    public var valueHMAC: String?
    /// The finding was left as it is (a `SpanJudge` said so): the output range holds the
    /// original bytes, and the manifest lists it with style `keep`.
    public var kept: Bool
    /// Why it was redacted or kept, from the judge (a code of `reference/justifications.tsv`).
    public var justification: String?

    public init(original: LocatedSpan, outputStart: Int, outputEnd: Int, valueHMAC: String? = nil,
                kept: Bool = false, justification: String? = nil) {
        self.original = original
        self.outputStart = outputStart
        self.outputEnd = outputEnd
        self.valueHMAC = valueHMAC
        self.kept = kept
        self.justification = justification
    }
}

/// Whether one finding is redacted, and why: what a sharing profile (or an operator's keep
/// decision) says about it. Formats ask before they write a mark.
public struct SpanVerdict: Sendable, Hashable {
    public var redact: Bool
    public var justification: String?

    public init(redact: Bool, justification: String? = nil) {
        self.redact = redact
        self.justification = justification
    }
}

/// Judges a finding (offsets as in `LocatedSpan`: file offsets, or part offsets with a locator).
public typealias SpanJudge = @Sendable (LocatedSpan) -> SpanVerdict

/// A redacted document: its bytes and what was replaced, in document order.
public struct RedactedDocument: Sendable {
    public var bytes: [UInt8]
    public var redactions: [LocatedRedaction]

    public init(bytes: [UInt8], redactions: [LocatedRedaction]) {
        self.bytes = bytes
        self.redactions = redactions
    }
}

/// Everything a format needs besides its bytes. A struct so fields can be added without
/// changing every format's signature.
public struct FormatEnvironment: Sendable {
    public var finder: any TextFinder
    public var nested: any NestedFormats
    public var limits: FormatLimits
    /// How many containers this document sits inside (0 for an input file).
    public var depth: Int
    /// Decoded bytes spent so far on this input, across all nested parts (zip-bomb guard).
    public var budget: ByteBudget
    /// Asked before each mark is written (`redact`); nil redacts every finding. A container
    /// passes it on with the member's locator joined in front (see `SpanReplacement.apply`).
    public var judge: SpanJudge? = nil

    public init(finder: any TextFinder, nested: any NestedFormats, limits: FormatLimits, depth: Int = 0, budget: ByteBudget? = nil) {
        self.finder = finder
        self.nested = nested
        self.limits = limits
        self.depth = depth
        self.budget = budget ?? ByteBudget(limit: limits.maxTotalBytes)
    }

    /// The environment for a member or attachment of this document (one level deeper).
    /// - Throws: `FormatError.limitExceeded` past `limits.maxNesting`.
    public func entering(_ part: String, of path: String) throws -> FormatEnvironment {
        guard depth + 1 <= limits.maxNesting else {
            throw FormatError(.limitExceeded, path: path, part: part,
                              detail: "containers nested more than \(limits.maxNesting) deep (--max-nesting)")
        }
        var e = self
        e.depth += 1
        return e
    }
}

/// A document format: detection, scanning and redaction of a whole document in memory.
///
/// Inputs of the top level may be streamed by formats that can (CSV, JSON); these in-memory
/// entry points are what containers call for their members, bounded by `FormatLimits`.
public protocol DocumentFormat: Sendable {
    /// `csv`, `tsv`, `json`, `jsonl`, `pdf`, `text`, `docx`, `eml`, `zip`.
    var id: String { get }
    /// Whether this format reads the document, by its name and first bytes (up to 8 KiB).
    func claims(path: String, head: UnsafeBufferPointer<UInt8>) -> Bool
    /// Every finding in the document. - Throws: `FormatError`.
    func scan(_ bytes: [UInt8], path: String, in env: FormatEnvironment) throws -> [LocatedSpan]
    /// The document with every finding replaced by its mark, still a valid document of this
    /// format. - Throws: `FormatError` (`.unsupported` for formats that cannot be redacted).
    func redact(_ bytes: [UInt8], path: String, in env: FormatEnvironment) throws -> RedactedDocument
}

/// Lets a container (zip, email) hand a member or attachment to whichever format claims it.
public protocol NestedFormats: Sendable {
    /// The format for a member: a registered format that claims it, plain text for text, or
    /// nil for binary data no format reads (the container decides: keep, drop or refuse).
    func format(for path: String, head: UnsafeBufferPointer<UInt8>) -> (any DocumentFormat)?
}
