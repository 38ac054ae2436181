/// Replaces spans of a decoded text with their marks: what every format does to a piece of
/// text once the finder has found its spans (formats that must escape marks, such as JSON and
/// CSV, escape them afterwards).
public enum SpanReplacement {
    /// `text` with each span replaced by `finder.mark`, and one redaction per span whose output
    /// range indexes the returned text. `spans` must be ordered and not overlap.
    public static func apply(_ text: UnsafeBufferPointer<UInt8>, spans: [TextSpan], finder: any TextFinder,
                             locator: String? = nil, field: String? = nil) -> RedactedDocument {
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var redactions: [LocatedRedaction] = []
        var at = 0
        for span in spans where span.start >= at && span.end <= text.count && span.end > span.start {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: text[at..<span.start]))
            let value = UnsafeBufferPointer(rebasing: text[span.start..<span.end])
            let start = out.count
            out.append(contentsOf: finder.mark(for: span, value: value))
            redactions.append(LocatedRedaction(original: LocatedSpan(span: span, locator: locator, field: field),
                                               outputStart: start, outputEnd: out.count, valueHMAC: finder.fingerprint(value)))
            at = span.end
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: text[at...]))
        return RedactedDocument(bytes: out, redactions: redactions)
    }

    public static func apply(_ text: [UInt8], spans: [TextSpan], finder: any TextFinder,
                             locator: String? = nil, field: String? = nil) -> RedactedDocument {
        text.withUnsafeBufferPointer { apply($0, spans: spans, finder: finder, locator: locator, field: field) }
    }
}
