import RedactCore

/// CSV and TSV (RFC 4180), column-aware: see `CSVParser` and `FieldVocabulary`. Offsets are
/// byte offsets into the file; a finding's `field` is `row:R,col:C` (1-based, the header is
/// row 1). Redacted copies keep every row and column; a mark holding the delimiter, a quote or
/// a line break is written quoted.
public struct CSVFormat: StructuredFormat {
    public let id: String
    /// Nil: sniffed from the header row (`,`, `;`, tab or `|`).
    public let delimiter: UInt8?
    let extensions: Set<String>

    public static let csv = CSVFormat(id: "csv", delimiter: nil, extensions: ["csv"])
    public static let tsv = CSVFormat(id: "tsv", delimiter: UInt8(ascii: "\t"), extensions: ["tsv", "tab"])

    public func claims(path: String, head: UnsafeBufferPointer<UInt8>) -> Bool {
        extensions.contains(DocumentFormats.fileExtension(path))
    }

    func makeParser(path: String, limits: FormatLimits) -> CSVParser {
        CSVParser(delimiter: delimiter, path: path, maxFieldBytes: limits.maxFieldBytes)
    }
}
