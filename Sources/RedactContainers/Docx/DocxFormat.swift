import RedactCore

/// Word documents (`.docx`, `.docm`, `.dotx`, `.dotm`): every text part scanned per paragraph,
/// metadata cleaned, alt text and hyperlink targets redacted, embedded documents handed to
/// their own format; the output is the same package with the same members in the same order,
/// only the bytes of redacted text changed.
///
/// Locators: `word/document.xml#p12` (paragraph 12 of the part, counted from 1 in document
/// order, nested text-box paragraphs included), `#t3` (a stray text node), `#a2` (an attribute
/// value: alt text, tooltip, author), `docProps/core.xml#creator` (a property),
/// `word/_rels/document.xml.rels#r1` (an external relationship target), and for an embedded
/// document `word/embeddings/x.docx!word/document.xml#p1`. Offsets index the decoded text of
/// that paragraph, attribute or value.
public struct DocxFormat: DocumentFormat {
    public init() {}
    public var id: String { "docx" }

    static let extensions: Set<String> = ["docx", "docm", "dotx", "dotm"]

    public func claims(path: String, head: UnsafeBufferPointer<UInt8>) -> Bool {
        Self.extensions.contains(fileExtension(path)) && ZipBundleFormat.looksLikeZip(head)
    }

    public func scan(_ bytes: [UInt8], path: String, in env: FormatEnvironment) throws -> [LocatedSpan] {
        try process(bytes, path: path, env: env, write: false).redactions.map(\.original)
    }

    public func redact(_ bytes: [UInt8], path: String, in env: FormatEnvironment) throws -> RedactedDocument {
        let result = try process(bytes, path: path, env: env, write: true)
        return RedactedDocument(bytes: result.output ?? bytes, redactions: result.redactions)
    }

    /// Whether a zip archive is a Word package (a `.docx` under another name).
    static func isWordPackage(_ zip: ZipReader) -> Bool {
        zip.members.contains { $0.name == "word/document.xml" } && zip.members.contains { $0.name == "[Content_Types].xml" }
    }

    func process(_ bytes: [UInt8], path: String, env: FormatEnvironment, write: Bool)
        throws -> (redactions: [LocatedRedaction], output: [UInt8]?) {
        let zip = try withFormatErrors(path: path, part: nil) { try ZipReader(bytes, limits: env.limits) }
        return try process(zip, path: path, env: env, write: write)
    }

    func process(_ zip: ZipReader, path: String, env: FormatEnvironment, write: Bool)
        throws -> (redactions: [LocatedRedaction], output: [UInt8]?) {
        guard zip.members.contains(where: { $0.name == "word/document.xml" }) else {
            throw FormatError(.corrupt, path: path, detail: "not a Word document: no word/document.xml")
        }
        let writer = write ? try withFormatErrors(path: path, part: nil) { try ZipWriter() } : nil
        var redactions: [LocatedRedaction] = []
        for member in zip.members {
            try withFormatErrors(path: path, part: member.name) {
                if member.isDirectory {
                    try writer?.add(member, content: [])
                    return
                }
                if Thumbnail.isThumbnail(member.name) { return }
                let content = try zip.read(member, limits: env.limits, budget: env.budget, path: path)
                let (found, rewritten) = try part(member.name, content, path: path, env: env, write: write)
                redactions += found
                try writer?.add(member, content: rewritten)
            }
        }
        return (redactions, try writer.map { w in try withFormatErrors(path: path, part: nil) { try w.finish() } })
    }

    /// One member: its redactions and its (possibly) rewritten bytes.
    private func part(_ name: String, _ content: [UInt8], path: String, env: FormatEnvironment, write: Bool)
        throws -> ([LocatedRedaction], [UInt8]) {
        var edits: [ByteEdit] = []
        // Redactions with their unit's document order: Word parts hand units over as they close.
        var found: [(order: Int, redactions: [LocatedRedaction])] = []
        func take(_ unit: TextUnit) {
            let (r, e) = unit.redact(finder: env.finder, escape: XMLText.escape)
            if !r.isEmpty { found.append((unit.order, r)) }
            edits += e
        }
        switch DocxPart.kind(of: name) {
        case .wordprocessing: try WordPartReader(part: name, bytes: content, limits: env.limits).forEachUnit(take)
        case .values: try ValuePartReader.units(part: name, bytes: content, limits: env.limits).forEach(take)
        case .relationships:
            try RelationshipsReader.units(part: name, bytes: content, limits: env.limits).forEach(take)
            edits += try Thumbnail.removals(in: content, element: "Relationship", attribute: "Target")
        case .contentTypes:
            return ([], ByteEdits.apply(try Thumbnail.removals(in: content, element: "Override", attribute: "PartName"), to: content))
        case .other:
            // An embedded document (word/embeddings/x.docx) goes to its format; images and
            // OLE binaries no format reads are kept as they are.
            guard let format = Nested.format(for: name, content: content, env: env) else { return ([], content) }
            return try Nested.run(format, content, locator: name, path: path, env: env, write: write)
        }
        let redactions = found.enumerated()
            .sorted { ($0.element.order, $0.offset) < ($1.element.order, $1.offset) }
            .flatMap(\.element.redactions)
        return (redactions, ByteEdits.apply(edits, to: content))
    }
}

/// How a member of a Word package is read.
enum DocxPart {
    case wordprocessing, values, relationships, contentTypes, other

    /// Part names are case-insensitive in a package (OPC), so they are compared lower-cased.
    static func kind(of partName: String) -> DocxPart {
        let name = partName.lowercased()
        if name.hasSuffix(".rels") { return .relationships }
        if name == "[content_types].xml" { return .contentTypes }
        if name.hasSuffix(".xml") {
            if name.hasPrefix("word/") { return .wordprocessing }
            return .values
        }
        return .other
    }
}

/// Lower-cased extension of the last path component (`a/B.DOCX` gives `docx`), or "".
func fileExtension(_ path: String) -> String {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
    return name[name.index(after: dot)...].lowercased()
}
