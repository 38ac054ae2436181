import RedactCore

/// Zip bundles of case material: every member handled by the format that claims it (a DOCX,
/// an email, a CSV, another zip; plain text through the plain-text format), the output a zip
/// with the same members in the same order. Members no format reads (images, binaries) are
/// kept as they are and reported nowhere: `scan` cannot see into them.
///
/// Locators: `member:path/in/zip`, then the member's own locator after `!`
/// (`member:case/x.docx!word/document.xml#p3`, `member:inner.zip!member:a.txt`). A plain-text
/// member's offsets index the member's bytes.
///
/// Member names are text too (`Statement of Mr John Smith.docx`): they are scanned, a finding in
/// one is reported with the field `member-name` and offsets into the name, and the output
/// member takes the redacted name (the only case where a name changes; a clash gets `~2`
/// before the extension). Locators always use the output name, so a manifest never carries a
/// redacted name; errors name members by number (`member #3`).
///
/// Refused with a `FormatError`: a corrupt archive, encrypted members, zip64, member names that
/// are absolute or climb out with `..`, two members of one name, and any limit reached while
/// inflating (member size, ratio, the input's total, member count, nesting).
public struct ZipBundleFormat: DocumentFormat {
    public init() {}
    public var id: String { "zip" }

    /// Zip-based formats that are not bundles: they have a format of their own or none, and
    /// rewriting them as a bundle of loose members would break them.
    static let packageExtensions: Set<String> = [
        "docx", "docm", "dotx", "dotm", "xlsx", "xlsm", "pptx", "pptm", "odt", "ods", "odp", "epub", "jar", "apk",
    ]

    public func claims(path: String, head: UnsafeBufferPointer<UInt8>) -> Bool {
        let ext = fileExtension(path)
        if ext == "zip" { return true }
        return Self.looksLikeZip(head) && !Self.packageExtensions.contains(ext)
    }

    static func looksLikeZip(_ head: UnsafeBufferPointer<UInt8>) -> Bool {
        head.count >= 4 && head[0] == 0x50 && head[1] == 0x4B && head[2] == 0x03 && head[3] == 0x04
    }

    public func scan(_ bytes: [UInt8], path: String, in env: FormatEnvironment) throws -> [LocatedSpan] {
        try process(bytes, path: path, env: env, write: false).redactions.map(\.original)
    }

    public func redact(_ bytes: [UInt8], path: String, in env: FormatEnvironment) throws -> RedactedDocument {
        let result = try process(bytes, path: path, env: env, write: true)
        return RedactedDocument(bytes: result.output ?? bytes, redactions: result.redactions)
    }

    private func process(_ bytes: [UInt8], path: String, env: FormatEnvironment, write: Bool)
        throws -> (redactions: [LocatedRedaction], output: [UInt8]?) {
        let zip = try withFormatErrors(path: path, part: nil) { try ZipReader(bytes, limits: env.limits) }
        // A Word document under another name is read as one, not as loose XML members.
        if DocxFormat.isWordPackage(zip) { return try DocxFormat().process(zip, path: path, env: env, write: write) }
        let writer = write ? try withFormatErrors(path: path, part: nil) { try ZipWriter() } : nil
        var redactions: [LocatedRedaction] = []
        var names = MemberNames()
        for (index, member) in zip.members.enumerated() {
            // Member names may hold names of people: errors say which member by number.
            let errorName = "member #\(index + 1)"
            try withFormatErrors(path: path, part: errorName) {
                let (name, nameFindings) = names.redacted(member.name, finder: env.finder)
                redactions += nameFindings
                if member.isDirectory {
                    try writer?.add(member, content: [], name: name)
                    return
                }
                let content = try zip.read(member, limits: env.limits, budget: env.budget, path: path)
                guard let format = Nested.format(for: member.name, content: content, env: env) else {
                    try writer?.add(member, content: content, name: name)
                    return
                }
                let (found, rewritten) = try Nested.run(format, content, locator: "member:" + name, errorName: errorName,
                                                        path: path, env: env, write: write)
                redactions += found
                try writer?.add(member, content: rewritten, name: name)
            }
        }
        return (redactions, try writer.map { w in try withFormatErrors(path: path, part: nil) { try w.finish() } })
    }
}

/// Redacts member names and keeps the output names unique.
struct MemberNames {
    private var used = Set<String>()

    /// The output name of a member, and the findings in its name (offsets into the original
    /// name; output offsets into the output name; locator `member:<output name>`).
    mutating func redacted(_ name: String, finder: any TextFinder) -> (String, [LocatedRedaction]) {
        let bytes = Array(name.utf8)
        let spans = finder.spans(in: bytes, context: FieldContext(label: "file name", kind: "name"))
        guard !spans.isEmpty else { return (unique(name), []) }
        let marked = Marking.marks(bytes, spans: spans, finder: finder, locator: nil, field: "member-name")
        var out = String(decoding: ByteEdits.apply(marked.map { ByteEdit(range: $0.span.start..<$0.span.end, replacement: $0.mark) },
                                                   to: bytes), as: UTF8.self)
        // A mark must not climb out of the archive or hide a path separator's meaning.
        out = out.replacingOccurrences(of: "..", with: "__").replacingOccurrences(of: "\\", with: "_")
        if out.hasPrefix("/") { out = "_" + out.dropFirst() }
        let final = unique(out)
        return (final, marked.map { m in
            var r = m.redaction
            r.original.locator = "member:" + final
            return r
        })
    }

    private mutating func unique(_ name: String) -> String {
        var candidate = name
        var k = 2
        while used.contains(candidate) {
            if let dot = name.lastIndex(of: "."), dot > (name.lastIndex(of: "/") ?? name.startIndex), !name.hasSuffix("/") {
                candidate = name[..<dot] + "~\(k)" + name[dot...]
            } else {
                candidate = name.hasSuffix("/") ? String(name.dropLast()) + "~\(k)/" : name + "~\(k)"
            }
            k += 1
        }
        used.insert(candidate)
        return candidate
    }
}
