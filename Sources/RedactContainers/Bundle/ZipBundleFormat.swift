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
        let writer = write ? try withFormatErrors(path: path, part: nil) { try ZipWriter() } : nil
        var redactions: [LocatedRedaction] = []
        for (index, member) in zip.members.enumerated() {
            // Member names may hold names of people: errors say which member by number.
            try withFormatErrors(path: path, part: "member #\(index + 1)") {
                if member.isDirectory {
                    try writer?.add(member, content: [])
                    return
                }
                let content = try zip.read(member, limits: env.limits, budget: env.budget, path: path)
                guard let format = Nested.format(for: member.name, content: content, env: env) else {
                    try writer?.add(member, content: content)
                    return
                }
                let (found, rewritten) = try Nested.run(format, content, locator: "member:" + member.name, path: path,
                                                        env: env, write: write)
                redactions += found
                try writer?.add(member, content: rewritten)
            }
        }
        return (redactions, try writer.map { w in try withFormatErrors(path: path, part: nil) { try w.finish() } })
    }
}
