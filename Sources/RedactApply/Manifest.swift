import RedactCore

/// A byte range, `end` exclusive.
public struct ByteRange: Codable, Hashable, Sendable {
    public var start: Int
    public var end: Int
    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }
}

/// One redaction as the manifest records it: where it was in the original and where its mark
/// is in the output (they differ when a label or a multi-byte mark replaces the text). Never
/// the matched text.
public struct RedactionEntry: Codable, Hashable, Sendable {
    public var category: String
    public var rule: String
    public var style: String
    public var original: ByteRange
    public var output: ByteRange
    /// For a party-list name, the party's role (profiles decide by role); else nil.
    public var role: String?
    /// Why it was redacted: a code from `reference/justifications.tsv` (the recipient profile
    /// decides; nil until a profile is in use, when the log takes the category's default).
    public var justification: String?
    /// Where the span is, for formats whose text is not stored as-is (a DOCX part, a MIME part,
    /// a zip member); nil when `original` is a byte range of the file itself.
    public var locator: String?
    /// Where in the document, for people (`row:3,col:2`, `#/witness/dob`); never changes what
    /// the offsets mean. Nil for plain text.
    public var field: String?

    public init(category: String, rule: String, style: String, original: ByteRange, output: ByteRange, role: String? = nil,
                justification: String? = nil, locator: String? = nil, field: String? = nil) {
        self.category = category
        self.rule = rule
        self.style = style
        self.original = original
        self.output = output
        self.role = role
        self.justification = justification
        self.locator = locator
        self.field = field
    }
}

/// The manifest written beside each redacted copy as `<name>.manifest.json`.
public struct Manifest: Codable, Sendable {
    public var tool: String = "redact"
    public var toolVersion: String
    public var pack: String
    public var packVersion: String
    /// The input's name (as given); the redacted copy's file name.
    public var source: String
    public var output: String
    public var style: String
    public var sha256Original: String
    public var sha256Redacted: String
    public var bytesOriginal: Int
    public var bytesRedacted: Int
    public var counts: [String: Int]
    public var redactions: [RedactionEntry]
    /// The document format when not plain text (`csv`, `json`, `docx`...); nil for plain text.
    public var format: String? = nil

    public init(toolVersion: String, pack: String, packVersion: String, source: String, output: String, style: String,
                sha256Original: String, sha256Redacted: String, bytesOriginal: Int, bytesRedacted: Int,
                counts: [String: Int], redactions: [RedactionEntry], format: String? = nil) {
        self.toolVersion = toolVersion
        self.pack = pack
        self.packVersion = packVersion
        self.source = source
        self.output = output
        self.style = style
        self.sha256Original = sha256Original
        self.sha256Redacted = sha256Redacted
        self.bytesOriginal = bytesOriginal
        self.bytesRedacted = bytesRedacted
        self.counts = counts
        self.redactions = redactions
        self.format = format
    }

    enum CodingKeys: String, CodingKey {
        case tool, pack, source, output, style, counts, redactions, format
        case toolVersion = "tool_version"
        case packVersion = "pack_version"
        case sha256Original = "sha256_original"
        case sha256Redacted = "sha256_redacted"
        case bytesOriginal = "bytes_original"
        case bytesRedacted = "bytes_redacted"
    }
}
