import RedactCore

/// Hands a member or attachment to the format that claims it, one nesting level deeper, and
/// puts the container's part in front of every locator it reports.
enum Nested {
    static func format(for name: String, content: [UInt8], env: FormatEnvironment) -> (any DocumentFormat)? {
        content.prefix(8192).withUnsafeBufferPointer { env.nested.format(for: name, head: $0) }
    }

    /// The member's redactions (or, when not writing, its findings with empty output ranges) and
    /// its redacted bytes (its original bytes when not writing). `errorName` names the member in
    /// errors (`member #3`) where its locator could hold personal data (a file name).
    static func run(_ format: any DocumentFormat, _ content: [UInt8], locator: String, errorName: String? = nil, path: String,
                    env: FormatEnvironment, write: Bool) throws -> ([LocatedRedaction], [UInt8]) {
        let inner = try env.entering(errorName ?? locator, of: path)
        let innerPath = path + "!" + (errorName ?? locator)
        if write {
            let doc = try format.redact(content, path: innerPath, in: inner)
            return (doc.redactions.map { r in
                var r = r
                r.original.locator = Locator.join(locator, r.original.locator)
                return r
            }, doc.bytes)
        }
        let spans = try format.scan(content, path: innerPath, in: inner)
        return (spans.map { s in
            var s = s
            s.locator = Locator.join(locator, s.locator)
            return LocatedRedaction(original: s, outputStart: 0, outputEnd: 0)
        }, content)
    }
}
