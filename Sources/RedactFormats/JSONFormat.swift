import RedactCore

/// JSON and JSON Lines. Work in progress.
public struct JSONFormat: DocumentFormat {
    public let id: String
    public let lines: Bool
    let extensions: Set<String>

    public static let json = JSONFormat(id: "json", lines: false, extensions: ["json"])
    public static let jsonLines = JSONFormat(id: "jsonl", lines: true, extensions: ["jsonl", "ndjson"])

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
