import RedactCore

/// CSV and TSV (RFC 4180). Work in progress.
public struct CSVFormat: DocumentFormat {
    public let id: String
    public let delimiter: UInt8
    let extensions: Set<String>

    public static let csv = CSVFormat(id: "csv", delimiter: UInt8(ascii: ","), extensions: ["csv"])
    public static let tsv = CSVFormat(id: "tsv", delimiter: UInt8(ascii: "\t"), extensions: ["tsv", "tab"])

    public func claims(path: String, head: UnsafeBufferPointer<UInt8>) -> Bool {
        extensions.contains(DocumentFormats.fileExtension(path))
    }

    public func scan(_ bytes: [UInt8], path: String, in env: FormatEnvironment) throws -> [LocatedSpan] {
        throw FormatError(.unsupported, path: path, detail: "not yet")
    }

    public func redact(_ bytes: [UInt8], path: String, in env: FormatEnvironment) throws -> RedactedDocument {
        throw FormatError(.unsupported, path: path, detail: "not yet")
    }
}
