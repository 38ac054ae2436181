import RedactCore

/// One piece of text the finder sees whole (a Word paragraph, an attribute value, a property),
/// assembled from stored pieces whose raw ranges it remembers, so marks can be written back.
struct TextUnit {
    struct Piece {
        var start: Int
        /// The decoded text and its raw ranges; nil for markup standing for text (`<w:tab/>`).
        var text: MappedText?
        /// For markup: the element's raw range, removed when a finding covers it.
        var element: Range<Int>
        /// CDATA content is written back unescaped.
        var isCDATA = false
        var count: Int { text?.bytes.count ?? 1 }
    }

    /// What to do with the unit's text.
    enum Policy {
        /// Replace each finding with its mark.
        case redact
        /// Remove the whole text (an author field). When `reportAs` is set and the text is not
        /// blank, the whole value is reported as that finding; else the finder's findings are.
        case empty(reportAs: (category: Category, rule: String)?)
    }

    var locator: String
    var field: String?
    var context: FieldContext?
    var policy: Policy = .redact
    /// Markup pieces stand for a separator but are never removed (an HTML `<br>`).
    var keepsMarkup = false
    /// Document order (the paragraph's number), for reporting in order.
    var order: Int
    private(set) var text: [UInt8] = []
    private(set) var pieces: [Piece] = []

    init(locator: String, field: String? = nil, context: FieldContext? = nil, policy: Policy = .redact, order: Int) {
        self.locator = locator
        self.field = field
        self.context = context
        self.policy = policy
        self.order = order
    }

    mutating func append(_ mapped: MappedText, isCDATA: Bool = false) {
        guard !mapped.bytes.isEmpty else { return }
        pieces.append(Piece(start: text.count, text: mapped, element: 0..<0, isCDATA: isCDATA))
        text += mapped.bytes
    }

    /// Markup that reads as `character` (a tab, a line break).
    mutating func appendMarkup(_ character: UInt8, element: Range<Int>) {
        pieces.append(Piece(start: text.count, text: nil, element: element))
        text.append(character)
    }

    /// The stored bytes a span of `text` covers: from where its first stored piece starts to
    /// where its last ends (markup between them included).
    func storedRange(_ span: Range<Int>) -> Range<Int>? {
        var lo: Int?
        var hi: Int?
        for p in pieces {
            guard let mapped = p.text else { continue }
            let a = max(span.lowerBound, p.start), b = min(span.upperBound, p.start + p.count)
            guard a < b else { continue }
            let raw = mapped.rawRange((a - p.start)..<(b - p.start))
            if lo == nil { lo = raw.lowerBound }
            hi = raw.upperBound
        }
        guard let lo, let hi else { return nil }
        return lo..<hi
    }

    var isBlank: Bool { !text.contains { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D } }

    /// The unit's findings as redactions (offsets into `text`, output offsets into the unit's
    /// redacted text) and the edits that make the redacted text in the stored bytes.
    func redact(finder: any TextFinder, escape: ([UInt8]) -> [UInt8]) -> ([LocatedRedaction], [ByteEdit]) {
        guard !isBlank else { return ([], []) }
        let spans = finder.spans(in: text, context: context)
        switch policy {
        case .redact:
            guard !spans.isEmpty else { return ([], []) }
            var redactions: [LocatedRedaction] = []
            var edits: [ByteEdit] = []
            let marked = Marking.marks(text, spans: spans, finder: finder, locator: locator, field: field)
            let layout = pieces.map { PieceSpans.Piece(start: $0.start, count: $0.count, holdsText: $0.text != nil) }
            for m in marked {
                redactions.append(m.redaction)
                for cut in PieceSpans.cuts(for: m.span.start..<m.span.end, mark: m.mark, pieces: layout) {
                    let piece = pieces[cut.piece]
                    if let mapped = piece.text {
                        // The edit that writes the mark is tagged with its redaction's index.
                        let tag = cut.replacement.isEmpty ? nil : redactions.count - 1
                        edits.append(ByteEdit(range: mapped.rawRange(cut.range),
                                              replacement: piece.isCDATA ? cut.replacement : escape(cut.replacement), redaction: tag))
                    } else if !keepsMarkup {
                        edits.append(ByteEdit(range: piece.element, replacement: []))
                    }
                }
            }
            return (redactions, edits)
        case .empty(let reportAs):
            var reported = spans.filter { $0.start >= 0 && $0.end <= text.count && $0.start < $0.end }
            if let reportAs {
                reported = [TextSpan(start: 0, end: text.count, category: reportAs.category, rule: reportAs.rule)]
            }
            let redactions = reported.map {
                LocatedRedaction(original: LocatedSpan(span: $0, locator: locator, field: field), outputStart: 0, outputEnd: 0,
                                 valueHMAC: text[$0.start..<$0.end].withUnsafeBufferPointer { finder.fingerprint($0) })
            }
            let edits = pieces.map { p in
                ByteEdit(range: p.text.map { $0.rawRange(0..<$0.bytes.count) } ?? p.element, replacement: [])
            }
            return (redactions, edits)
        }
    }
}

/// Marks for a unit's findings, computed once each (a pseudonym mark is keyed, not free), with
/// the redaction records `SpanReplacement` would give for the same text.
enum Marking {
    struct Marked {
        var span: TextSpan
        var mark: [UInt8]
        var redaction: LocatedRedaction
    }

    /// Spans out of order, overlapping or out of range are dropped, as `SpanReplacement` does.
    static func marks(_ text: [UInt8], spans: [TextSpan], finder: any TextFinder, locator: String?, field: String?) -> [Marked] {
        var out: [Marked] = []
        var at = 0
        var shift = 0
        text.withUnsafeBufferPointer { buffer in
            for span in spans where span.start >= at && span.end <= buffer.count && span.end > span.start {
                let value = UnsafeBufferPointer(rebasing: buffer[span.start..<span.end])
                let mark = finder.mark(for: span, value: value)
                let outStart = span.start + shift
                let redaction = LocatedRedaction(original: LocatedSpan(span: span, locator: locator, field: field),
                                                 outputStart: outStart, outputEnd: outStart + mark.count,
                                                 valueHMAC: finder.fingerprint(value))
                out.append(Marked(span: span, mark: mark, redaction: redaction))
                shift += mark.count - span.length
                at = span.end
            }
        }
        return out
    }
}
