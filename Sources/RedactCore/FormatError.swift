/// Why a document could not be read or redacted. The message names the file, the part and,
/// where it helps, a byte offset; never any content of the document.
public struct FormatError: Error, CustomStringConvertible, Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// The bytes are not a valid document of the format (malformed JSON, a corrupt zip).
        case corrupt
        /// A `FormatLimits` bound was reached (a zip bomb, a huge field, deep nesting).
        case limitExceeded = "limit_exceeded"
        /// The format cannot do this (`apply` on a PDF), or the input is of no known kind.
        case unsupported
        /// An external tool the format needs is not installed (`pdftotext`).
        case toolMissing = "tool_missing"
    }
    public var kind: Kind
    public var path: String
    /// The part inside the document (`word/document.xml`, `mime:1.2`), or nil for the file.
    public var part: String?
    /// Byte offset of the problem (in the file, or in the part when `part` is set), if known.
    public var offset: Int?
    public var detail: String

    public init(_ kind: Kind, path: String, part: String? = nil, offset: Int? = nil, detail: String) {
        self.kind = kind
        self.path = path
        self.part = part
        self.offset = offset
        self.detail = detail
    }

    /// `path[!part]: [at byte N: ]detail`.
    public var description: String {
        var s = path
        if let part { s += "!" + part }
        return s + ": " + reason
    }

    /// The description without the path: `[part: ][at byte N: ]detail`.
    public var message: String {
        guard let part else { return reason }
        return part + ": " + reason
    }

    /// `[at byte N: ]detail`.
    public var reason: String {
        guard let offset else { return detail }
        return "at byte \(offset): " + detail
    }
}

/// Locator syntax. A locator names the part whose decoded text a finding's offsets index:
/// `page:3` (PDF text of page 3), `word/document.xml#p12` (a DOCX part and paragraph),
/// `mime:1.2` (a MIME part by position), `member:a/b.csv` (a zip member). Parts inside parts
/// are joined with `!`, outermost first: `member:bundle/x.docx!word/document.xml#p3`.
public enum Locator {
    /// `inner` as seen from the container part `outer`; nil `inner` means the part itself.
    public static func join(_ outer: String, _ inner: String?) -> String {
        guard let inner, !inner.isEmpty else { return outer }
        return outer + "!" + inner
    }
}
