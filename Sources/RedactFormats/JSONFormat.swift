import RedactCore

/// JSON and JSON Lines: keys are context (`dob`, `nino`, `account_number`), `name`-like keys
/// make whole-value findings, every string and number is scanned. Offsets are byte offsets into
/// the file; a value written with escapes is found in its decoded form and reported over its
/// stored bytes. A finding's `field` is a JSON pointer (`#/witness/dob`; in JSON Lines
/// `line:N#/witness/dob`). Redacted copies are the same JSON with each mark JSON-escaped; a
/// redacted number becomes a string (a mark is not a number).
public struct JSONFormat: StructuredFormat {
    public let id: String
    public let lines: Bool
    let extensions: Set<String>

    public static let json = JSONFormat(id: "json", lines: false, extensions: ["json"])
    public static let jsonLines = JSONFormat(id: "jsonl", lines: true, extensions: ["jsonl", "ndjson"])

    public func claims(path: String, head: UnsafeBufferPointer<UInt8>) -> Bool {
        extensions.contains(DocumentFormats.fileExtension(path))
    }

    func makeParser(path: String, limits: FormatLimits) -> JSONParser {
        JSONParser(path: path, lines: lines, maxDepth: limits.maxDepth, maxFieldBytes: limits.maxFieldBytes)
    }
}
