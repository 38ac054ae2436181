import Foundation
import RedactCore

/// PDF: pre-screened (`scan`, `check`) through the text `pdftotext` extracts, page by page;
/// never redacted. A finding's locator is `page:N` (1-based) and its offsets index that page's
/// extracted text (UTF-8, LF line ends).
public struct PDFFormat: DocumentFormat {
    public init() {}
    public var id: String { "pdf" }

    public func claims(path: String, head: UnsafeBufferPointer<UInt8>) -> Bool {
        if DocumentFormats.fileExtension(path) == "pdf" { return true }
        // `%PDF-` within the first KiB (readers accept leading junk).
        let magic: [UInt8] = Array("%PDF-".utf8)
        let n = min(head.count, 1024)
        guard n >= magic.count else { return false }
        for i in 0...(n - magic.count) where head[i] == 0x25 && Array(head[i..<(i + magic.count)]) == magic { return true }
        return false
    }

    public func scan(_ bytes: [UInt8], path: String, in env: FormatEnvironment) throws -> [LocatedSpan] {
        try TextFormat.checkSize(bytes, path: path, env: env)
        // pdftotext reads files: a member in memory goes through a private temporary file.
        var template = Array((NSTemporaryDirectory() + "/redact-pdf-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw FormatError(.corrupt, path: path, detail: "cannot create a temporary file for pdftotext") }
        let file = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        defer {
            close(fd)
            unlink(file)
        }
        let written = bytes.withUnsafeBytes { raw -> Bool in
            var done = 0
            while done < raw.count {
                let n = write(fd, raw.baseAddress! + done, raw.count - done)
                if n <= 0 { if errno == EINTR { continue }; return false }
                done += n
            }
            return true
        }
        guard written else { throw FormatError(.corrupt, path: path, detail: "cannot write a temporary file for pdftotext") }
        return try scanFile(file, path: path, in: env)
    }

    /// Scans the PDF stored at `file` (the input itself; no copy).
    public func scanFile(_ file: String, path: String, in env: FormatEnvironment) throws -> [LocatedSpan] {
        let pages = try PDFText.pages(file: file, path: path, limits: env.limits)
        var found: [LocatedSpan] = []
        for (i, page) in pages.enumerated() {
            try env.budget.spend(page.count, path: path, part: "page:\(i + 1)")
            for span in env.finder.spans(in: page, context: nil) {
                found.append(LocatedSpan(span: span, locator: "page:\(i + 1)"))
            }
        }
        return found
    }

    public func redact(_ bytes: [UInt8], path: String, in env: FormatEnvironment) throws -> RedactedDocument {
        throw FormatError(.unsupported, path: path, detail: Self.refusal)
    }

    /// Why `apply` refuses PDFs.
    public static let refusal = "not redacted: a PDF cannot be redacted reliably (covering or deleting its text can leave the text, fonts and earlier revisions in the file); redact the source document (DOCX, text) and convert it to PDF again"
}
