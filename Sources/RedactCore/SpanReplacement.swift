/// Replaces spans of a decoded text with their marks: what every format does to a piece of
/// text once the finder has found its spans (formats that must escape marks, such as JSON and
/// CSV, escape them afterwards).
public enum SpanReplacement {
    /// `text` with each span replaced by `finder.mark`, and one redaction per span whose output
    /// range indexes the returned text. `spans` must be ordered and not overlap (others are
    /// skipped). A span `judge` says to keep is left as it is and recorded as kept.
    public static func apply(_ text: UnsafeBufferPointer<UInt8>, spans: [TextSpan], finder: any TextFinder,
                             locator: String? = nil, field: String? = nil, judge: SpanJudge? = nil) -> RedactedDocument {
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var redactions: [LocatedRedaction] = []
        var at = 0
        for span in spans where span.start >= at && span.end <= text.count && span.end > span.start {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: text[at..<span.start]))
            let value = UnsafeBufferPointer(rebasing: text[span.start..<span.end])
            let start = out.count
            let located = LocatedSpan(span: span, locator: locator, field: field)
            let verdict = judge?(located) ?? SpanVerdict(redact: true)
            out.append(contentsOf: verdict.redact ? finder.mark(for: span, value: value) : Array(value))
            redactions.append(LocatedRedaction(original: located, outputStart: start, outputEnd: out.count,
                                               valueHMAC: verdict.redact ? finder.fingerprint(value) : nil,
                                               kept: !verdict.redact, justification: verdict.justification))
            at = span.end
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: text[at...]))
        return RedactedDocument(bytes: out, redactions: redactions)
    }

    public static func apply(_ text: [UInt8], spans: [TextSpan], finder: any TextFinder,
                             locator: String? = nil, field: String? = nil, judge: SpanJudge? = nil) -> RedactedDocument {
        text.withUnsafeBufferPointer { apply($0, spans: spans, finder: finder, locator: locator, field: field, judge: judge) }
    }
}
