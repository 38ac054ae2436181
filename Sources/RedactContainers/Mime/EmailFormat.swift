import RedactCore

/// Email messages (`.eml`, RFC 5322 with MIME, RFC 2045-2047): header fields (names and
/// addresses in From, To, Cc, Reply-To, Subject and the rest, encoded-words decoded), every
/// text part after quoted-printable or base64 decoding and charset conversion (HTML through its
/// text, see `HTMLText`), multiparts at
/// any depth up to the limit, attached messages, and attachments handed to their format (a
/// DOCX, a zip, a CSV). The output is the same message with the same structure, boundaries
/// and headers; a redacted part is re-encoded in its original transfer encoding and charset.
///
/// Offsets: a header without encoded-words and a part stored as-is (7bit, 8bit, binary) keep
/// byte offsets into the message file (no locator). A quoted-printable or base64 part has the
/// locator `mime:1.2` (its position in the tree, IMAP style; a single-part message's body is
/// `mime:1`) and offsets into its decoded UTF-8 text; a header with encoded-words has
/// `mime:0#header:3` (the 3rd field of the message header; `mime:1.2#header:1` for a part's)
/// and offsets into the decoded value; an attachment's findings have `mime:2!` followed by its
/// own locator. The `field` says which header (`header:From`) or part (`mime:1.2`).
///
/// Not scanned: the structural fields (Content-Transfer-Encoding, MIME-Version, Content-ID; DKIM
/// and ARC signatures), a multipart's `boundary` parameter (redacting it would break the
/// message), and attachments no format reads (images, binaries), kept as they are.
/// Content-Type is scanned for its `name` parameter (an attachment's file name) and
/// Content-Disposition for its `filename`.
public struct EmailFormat: DocumentFormat {
    public init() {}
    public var id: String { "eml" }

    public func claims(path: String, head: UnsafeBufferPointer<UInt8>) -> Bool {
        fileExtension(path) == "eml"
    }

    public func scan(_ bytes: [UInt8], path: String, in env: FormatEnvironment) throws -> [LocatedSpan] {
        try process(bytes, path: path, env: env, write: false).redactions.map(\.original)
    }

    public func redact(_ bytes: [UInt8], path: String, in env: FormatEnvironment) throws -> RedactedDocument {
        let result = try process(bytes, path: path, env: env, write: true)
        return RedactedDocument(bytes: result.output, redactions: result.redactions)
    }

    private func process(_ bytes: [UInt8], path: String, env: FormatEnvironment, write: Bool)
        throws -> (redactions: [LocatedRedaction], output: [UInt8]) {
        if bytes.count > env.limits.maxPartBytes {
            throw FormatError(.limitExceeded, path: path, detail: "message larger than --max-part-bytes")
        }
        var parser = MimeParser(bytes, limits: env.limits)
        let root = try withFormatErrors(path: path, part: nil) { try parser.parse() }
        var run = EmailRun(bytes: bytes, path: path, env: env, write: write)
        try run.entity(root)
        guard write else { return (run.redactions, bytes) }
        let (output, outputRanges) = ByteEdits.applyTracking(run.edits, to: bytes)
        var redactions = run.redactions
        for (index, range) in outputRanges {
            redactions[index].outputStart = range.lowerBound
            redactions[index].outputEnd = range.upperBound
        }
        return (redactions, output)
    }
}

/// One pass over a parsed message: collects redactions and the edits to the message's bytes.
private struct EmailRun {
    let bytes: [UInt8]
    let path: String
    let env: FormatEnvironment
    let write: Bool
    var redactions: [LocatedRedaction] = []
    var edits: [ByteEdit] = []

    init(bytes: [UInt8], path: String, env: FormatEnvironment, write: Bool) {
        self.bytes = bytes
        self.path = path
        self.env = env
        self.write = write
    }

    /// Header fields whose values are structure or signatures, not text.
    static let structural: Set<String> = [
        "content-transfer-encoding", "mime-version", "content-id", "content-length",
        "dkim-signature", "arc-seal", "arc-message-signature", "arc-authentication-results",
    ]

    mutating func entity(_ e: MimeEntity) throws {
        for (k, field) in e.headers.enumerated() where !Self.structural.contains(field.name) {
            let boundary = field.name == "content-type" ? MimeParams.boundaryRange(bytes, field.value) : nil
            header(field, locator: "mime:\(e.headerID)#header:\(k + 1)", protected: boundary)
        }
        if !e.children.isEmpty {
            for r in e.outside { asIs(r, charset: .utf8, field: "mime:\(e.bodyID)") }
            for child in e.children { try entity(child) }
            return
        }
        if e.isMultipart { return asIs(e.body, charset: .utf8, field: "mime:\(e.bodyID)") }
        try leaf(e)
    }

    // MARK: - Headers

    /// A header field's findings; none may touch `protected` (a multipart's boundary).
    private mutating func header(_ field: MimeHeaderField, locator: String, protected: Range<Int>?) {
        let value = HeaderValue(bytes, field.value)
        let name = "header:\(field.displayName)"
        let context = FieldContext(label: field.displayName, kind: "header")
        guard value.hasEncodedWords else {
            // Stored as-is: offsets into the file. Unfolded for the finder, so a name folded
            // over two lines is still found.
            var mapped = MappedText()
            for s in value.segments {
                for (i, b) in s.text.bytes.enumerated() { mapped.append(CollectionOfOne(b), from: s.text.rawOffsets[i]) }
            }
            mapped.finish(rawEnd: field.value.upperBound)
            storedAsIs(mapped, charset: .utf8, context: context, field: name, protected: protected)
            return
        }
        let spans = env.finder.spans(in: value.text, context: context).filter { span in
            guard let protected else { return true }
            return !value.segments.contains { seg in
                let lo = max(span.start, seg.start), hi = min(span.end, seg.start + seg.text.bytes.count)
                guard lo < hi else { return false }
                let raw = seg.encodedWord ?? seg.text.rawRange((lo - seg.start)..<(hi - seg.start))
                return raw.overlaps(protected)
            }
        }
        guard !spans.isEmpty else { return }
        let marked = Marking.marks(value.text, spans: spans, finder: env.finder, locator: locator, field: name)
        let layout = value.segments.map { PieceSpans.Piece(start: $0.start, count: $0.text.bytes.count, holdsText: true) }
        var wordCuts: [Int: [PieceSpans.Cut]] = [:]
        for m in marked {
            redactions.append(m.redaction)
            for cut in PieceSpans.cuts(for: m.span.start..<m.span.end, mark: m.mark, pieces: layout) {
                let segment = value.segments[cut.piece]
                if segment.encodedWord != nil {
                    wordCuts[cut.piece, default: []].append(cut)
                } else {
                    edits.append(ByteEdit(range: segment.text.rawRange(cut.range), replacement: cut.replacement))
                }
            }
        }
        // A redacted encoded-word is written anew, as UTF-8 base64 encoded-words.
        for (piece, cuts) in wordCuts {
            let segment = value.segments[piece]
            let decoded = ByteEdits.apply(cuts.map { ByteEdit(range: $0.range, replacement: $0.replacement) },
                                          to: segment.text.bytes)
            edits.append(ByteEdit(range: segment.encodedWord!, replacement: HeaderValue.encodeWords(decoded)))
        }
    }

    // MARK: - Bodies

    private mutating func leaf(_ e: MimeEntity) throws {
        let partLocator = "mime:\(e.bodyID)"
        let charset = Charset(name: e.parameters["charset"])
        // Size is checked on the stored bytes, before anything is decoded: base64 decodes to
        // three quarters of its size, quoted-printable and identity to at most their size.
        let decodedEstimate = e.encoding == .base64 ? e.body.count / 4 * 3 : e.body.count
        if decodedEstimate > env.limits.maxPartBytes {
            throw FormatError(.limitExceeded, path: path, part: partLocator,
                              detail: "MIME part larger than --max-part-bytes (not decoded)")
        }
        // An attachment, or any part that is not text, goes to the format its name claims (a
        // text part with a file name that no other format claims is read as text below).
        if !e.isText || e.filename != nil {
            let decoded = e.encoding.decode(bytes, e.body, tracking: false).bytes
            try env.budget.spend(decoded.count, path: path, part: partLocator)
            let name = e.filename ?? "attachment"
            if let format = Nested.format(for: name, content: decoded, env: env), format.id != "text" || !e.isText {
                let (found, rewritten) = try Nested.run(format, decoded, locator: partLocator, path: path, env: env, write: write)
                redactions += found
                if write && !found.isEmpty { edits.append(ByteEdit(range: e.body, replacement: reencoded(rewritten, like: e))) }
                return
            }
            if !e.isText { return }  // binary no format reads: kept as it is
        }
        let isHTML = e.contentType == "text/html"
        if e.encoding == .identity {
            if isHTML && charset == .utf8 { return htmlStoredAsIs(e.body, field: partLocator) }
            if charset == .utf8 { return storedSlice(e.body, field: partLocator) }
            storedAsIs(charset.toUTF8(XMLText.identity(bytes, e.body)), charset: charset, context: nil, field: partLocator)
            return
        }
        // Offsets of a decoded part index its decoded text: no raw sources needed.
        let text = charset.toUTF8(e.encoding.decode(bytes, e.body, tracking: false))
        if isHTML { return htmlDecoded(text.bytes, like: e, charset: charset, locator: partLocator) }
        let spans = env.finder.spans(in: text.bytes, context: nil)
        guard !spans.isEmpty else { return }
        let marked = Marking.marks(text.bytes, spans: spans, finder: env.finder, locator: partLocator, field: partLocator)
        redactions += marked.map(\.redaction)
        guard write else { return }
        let redacted = ByteEdits.apply(
            marked.map { ByteEdit(range: $0.span.start..<$0.span.end, replacement: $0.mark) }, to: text.bytes)
        edits.append(ByteEdit(range: e.body, replacement: reencoded(charset.fromUTF8(redacted), like: e)))
    }

    // MARK: - HTML

    /// An HTML part stored as-is in UTF-8: read through its text (see `HTMLText`), findings at
    /// the file offsets they cover, marks written in place.
    private mutating func htmlStoredAsIs(_ range: Range<Int>, field: String) {
        let unit = HTMLText.unit(bytes, range, locator: field, field: field)
        let (found, unitEdits) = unit.redact(finder: env.finder, escape: XMLText.escape)
        let first = redactions.count
        for r in found {
            var original = r.original
            let stored = unit.storedRange(r.original.span.start..<r.original.span.end) ?? range.lowerBound..<range.lowerBound
            original.span.start = stored.lowerBound
            original.span.end = stored.upperBound
            original.locator = nil
            redactions.append(LocatedRedaction(original: original, outputStart: 0, outputEnd: 0, valueHMAC: r.valueHMAC))
        }
        edits += unitEdits.map { e in
            var e = e
            e.redaction = e.redaction.map { first + $0 }
            return e
        }
    }

    /// A decoded HTML part: findings at offsets of its decoded source, the part re-encoded.
    private mutating func htmlDecoded(_ html: [UInt8], like e: MimeEntity, charset: Charset, locator: String) {
        let unit = HTMLText.unit(html, 0..<html.count, locator: locator, field: locator)
        let (found, unitEdits) = unit.redact(finder: env.finder, escape: XMLText.escape)
        guard !found.isEmpty else { return }
        let (redacted, landed) = ByteEdits.applyTracking(unitEdits, to: html)
        let output = Dictionary(landed, uniquingKeysWith: { a, _ in a })
        for (k, r) in found.enumerated() {
            var r = r
            if let stored = unit.storedRange(r.original.span.start..<r.original.span.end) {
                r.original.span.start = stored.lowerBound
                r.original.span.end = stored.upperBound
            }
            if let out = output[k] {
                r.outputStart = out.lowerBound
                r.outputEnd = out.upperBound
            }
            redactions.append(r)
        }
        if write { edits.append(ByteEdit(range: e.body, replacement: reencoded(charset.fromUTF8(redacted), like: e))) }
    }

    /// Text outside any part (a preamble), stored as-is.
    private mutating func asIs(_ range: Range<Int>, charset: Charset, field: String) {
        storedSlice(range, field: field)
    }

    /// UTF-8 text stored as-is: scanned in place, its offsets those of the file.
    private mutating func storedSlice(_ range: Range<Int>, field: String) {
        guard !range.isEmpty else { return }
        let found: [Marking.Marked] = bytes.withUnsafeBufferPointer { all in
            let slice = UnsafeBufferPointer(rebasing: all[range])
            let spans = env.finder.spans(in: slice, context: nil)
            return Marking.marks(Array(slice), spans: spans, finder: env.finder, locator: nil, field: field)
        }
        for m in found {
            var original = m.redaction.original
            original.span.start += range.lowerBound
            original.span.end += range.lowerBound
            redactions.append(LocatedRedaction(original: original, outputStart: 0, outputEnd: 0, valueHMAC: m.redaction.valueHMAC))
            edits.append(ByteEdit(range: original.span.start..<original.span.end, replacement: m.mark, redaction: redactions.count - 1))
        }
    }

    /// Findings in text stored as-is: offsets into the file, marks written in the text's charset.
    private mutating func storedAsIs(_ text: MappedText, charset: Charset, context: FieldContext?, field: String,
                                     protected: Range<Int>? = nil) {
        guard !text.bytes.isEmpty else { return }
        let spans = env.finder.spans(in: text.bytes, context: context).filter { span in
            protected.map { !text.rawRange(span.start..<span.end).overlaps($0) } ?? true
        }
        for m in Marking.marks(text.bytes, spans: spans, finder: env.finder, locator: nil, field: field) {
            let raw = text.rawRange(m.span.start..<m.span.end)
            var original = m.redaction.original
            original.span.start = raw.lowerBound
            original.span.end = raw.upperBound
            redactions.append(LocatedRedaction(original: original, outputStart: 0, outputEnd: 0, valueHMAC: m.redaction.valueHMAC))
            edits.append(ByteEdit(range: raw, replacement: charset.fromUTF8(m.mark), redaction: redactions.count - 1))
        }
    }

    /// `content` in `e`'s transfer encoding, ending with a line break only if the stored body did.
    private func reencoded(_ content: [UInt8], like e: MimeEntity) -> [UInt8] {
        var out = e.encoding.encode(content)
        let hadBreak = e.body.count > 0 && bytes[e.body.upperBound - 1] == 0x0A
        if !hadBreak {
            while let last = out.last, last == 0x0A || last == 0x0D { out.removeLast() }
        } else if out.last != 0x0A {
            out += [0x0D, 0x0A]
        }
        return out
    }
}
