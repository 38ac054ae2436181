/// Public initialisers (and factories, where a public init would clash with the synthesised one) for building a manifest and a schedule outside this module (the review
/// screen of `redact serve` writes the copy in memory from the operator's decisions). In an
/// extension, so the memberwise initialisers the applier uses stay as they are.
extension RedactionEntry {
    public static func make(category: String, rule: String, style: String, original: ByteRange, output: ByteRange,
                            role: String? = nil, justification: String? = nil, locator: String? = nil) -> RedactionEntry {
        RedactionEntry(category: category, rule: rule, style: style, original: original, output: output, role: role,
                       justification: justification, locator: locator)
    }
}

extension Manifest {
    public init(toolVersion: String, pack: String, packVersion: String, source: String, output: String, style: String,
                sha256Original: String, sha256Redacted: String, bytesOriginal: Int, bytesRedacted: Int,
                counts: [String: Int], redactions: [RedactionEntry]) {
        self.toolVersion = toolVersion
        self.pack = pack
        self.packVersion = packVersion
        self.source = source
        self.output = output
        self.style = style
        self.sha256Original = sha256Original
        self.sha256Redacted = sha256Redacted
        self.bytesOriginal = bytesOriginal
        self.bytesRedacted = bytesRedacted
        self.counts = counts
        self.redactions = redactions
    }
}

extension ScheduleWriter.Row {
    public static func make(item: Int, line: Int, column: Int, start: Int, end: Int, category: String, justification: String) -> Self {
        Self(item: item, line: line, column: column, start: start, end: end, category: category, justification: justification)
    }
}
