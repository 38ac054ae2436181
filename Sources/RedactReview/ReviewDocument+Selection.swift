/// Turning what the browser sends for a manual redaction into byte spans.
extension ReviewDocument {
    /// The byte span of a selection given as (segment's first byte, UTF-16 offset in it) for each
    /// end, as `review.js` sends it (see ``DisplayText``). The start rounds down and the end up
    /// inside a surrogate pair.
    public func selection(startSegment sb: Int, startUTF16 so: Int, endSegment eb: Int, endUTF16 eo: Int) throws(ReviewError) -> Range<Int> {
        func boundary(_ b: Int) -> Bool { b >= 0 && b <= bytes.count && (b == bytes.count || bytes[b] & 0xC0 != 0x80) }
        guard boundary(sb), boundary(eb),
              let s = DisplayText.byteOffset(in: bytes, segmentStart: sb, limit: bytes.count, utf16: so, roundUp: false),
              let e = DisplayText.byteOffset(in: bytes, segmentStart: eb, limit: bytes.count, utf16: eo, roundUp: true)
        else { throw ReviewError(.badSpan, "the selection does not match this document's text") }
        guard s < e else { throw ReviewError(.badSpan, "the selection is empty") }
        return s..<e
    }

    /// Every occurrence of `text` (exact bytes), without overlaps: the keyboard route to a
    /// manual redaction.
    public func occurrences(of text: String) -> [Range<Int>] {
        let needle = Array(text.utf8)
        guard !needle.isEmpty, needle.count <= bytes.count else { return [] }
        var out: [Range<Int>] = []
        var i = 0
        while i <= bytes.count - needle.count {
            if bytes[i] == needle[0] && bytes[i..<(i + needle.count)].elementsEqual(needle) {
                out.append(i..<(i + needle.count))
                i += needle.count
            } else {
                i += 1
            }
        }
        return out
    }
}
