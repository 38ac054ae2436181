import RedactCore

/// PDF: pre-screened through its text (`pdftotext`); never redacted. Work in progress.
public struct PDFFormat: DocumentFormat {
    public init() {}
    public var id: String { "pdf" }

    public func claims(path: String, head: UnsafeBufferPointer<UInt8>) -> Bool {
        if DocumentFormats.fileExtension(path) == "pdf" { return true }
        // `%PDF-` within the first KiB (the specification allows leading junk).
        let magic: [UInt8] = Array("%PDF-".utf8)
        let n = min(head.count, 1024)
        guard n >= magic.count else { return false }
        for i in 0...(n - magic.count) where head[i] == 0x25 && Array(head[i..<(i + magic.count)]) == magic { return true }
        return false
    }

    public func scan(_ bytes: [UInt8], path: String, in env: FormatEnvironment) throws -> [LocatedSpan] {
        throw FormatError(.unsupported, path: path, detail: "not yet")
    }

    public func redact(_ bytes: [UInt8], path: String, in env: FormatEnvironment) throws -> RedactedDocument {
        throw FormatError(.unsupported, path: path, detail: Self.refusal)
    }

    /// Why `apply` refuses PDFs.
    public static let refusal = "PDF cannot be redacted: covering or deleting text in a PDF does not reliably remove it (the text, fonts and earlier revisions stay in the file). Redact the source document (DOCX, text) and convert it to PDF again."
}
