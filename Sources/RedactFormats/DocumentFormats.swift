import RedactCore

/// The registry: which format reads an input, by its name and first bytes. Plain text is the
/// default and is not in the list (top-level text takes the streaming scanner).
///
/// Registration point: formats from other targets (`RedactContainers`: DOCX, EML, zip) are
/// added with `adding(_:)` where the CLI builds its registry (`Sources/redact/FormatOptions.swift`).
/// Earlier formats win, so containers, which know their magic bytes, go before the
/// extension-only formats.
public struct DocumentFormats: NestedFormats {
    public private(set) var formats: [any DocumentFormat]

    public init(_ formats: [any DocumentFormat]) { self.formats = formats }

    /// The formats this target provides.
    public static var standard: DocumentFormats {
        DocumentFormats([PDFFormat(), CSVFormat.csv, CSVFormat.tsv, JSONFormat.json, JSONFormat.jsonLines])
    }

    /// This registry with `more` formats tried first (they claim before the standard ones).
    public func adding(_ more: [any DocumentFormat]) -> DocumentFormats {
        DocumentFormats(more + formats)
    }

    /// Format ids `--format-as` accepts (`text` disables format handling).
    public var ids: [String] { ["text"] + formats.map(\.id) }

    /// The format with this id; nil for `text` or an unknown id.
    public func format(id: String) -> (any DocumentFormat)? {
        formats.first { $0.id == id }
    }

    /// The format that claims an input, or nil for plain text.
    public func detect(path: String, head: UnsafeBufferPointer<UInt8>) -> (any DocumentFormat)? {
        formats.first { $0.claims(path: path, head: head) }
    }

    /// For containers: a member's format, plain text for text, nil for binary no format reads.
    public func format(for path: String, head: UnsafeBufferPointer<UInt8>) -> (any DocumentFormat)? {
        if let f = detect(path: path, head: head) { return f }
        return head.contains(0) ? nil : TextFormat()
    }

    /// Lower-cased file extension of `path` (`report.CSV` gives `csv`), or "".
    public static func fileExtension(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }
}
