/// One replacement of a byte range of a part (or of a whole file).
struct ByteEdit: Equatable {
    var range: Range<Int>
    var replacement: [UInt8]
    /// The redaction whose mark this writes, when its output range is wanted back.
    var redaction: Int? = nil
}

enum ByteEdits {
    /// `bytes` with every edit applied. Edits are sorted by start; an edit that overlaps an
    /// earlier one is merged into it (the wider cut wins, the earlier replacement is kept), so a
    /// caller can never produce output that keeps half of a redacted value.
    static func apply(_ edits: [ByteEdit], to bytes: [UInt8]) -> [UInt8] {
        guard !edits.isEmpty else { return bytes }
        let merged = normalise(edits)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var at = 0
        for e in merged {
            out += bytes[at..<e.range.lowerBound]
            out += e.replacement
            at = e.range.upperBound
        }
        out += bytes[at...]
        return out
    }

    /// `apply`, and where each tagged edit's replacement landed in the output.
    static func applyTracking(_ edits: [ByteEdit], to bytes: [UInt8]) -> ([UInt8], [(Int, Range<Int>)]) {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var landed: [(Int, Range<Int>)] = []
        var at = 0
        for e in normalise(edits) {
            out += bytes[at..<e.range.lowerBound]
            let start = out.count
            out += e.replacement
            if let r = e.redaction { landed.append((r, start..<out.count)) }
            at = e.range.upperBound
        }
        out += bytes[at...]
        return (out, landed)
    }

    /// Sorted, non-overlapping edits (see `apply`). Stable for edits with the same start.
    static func normalise(_ edits: [ByteEdit]) -> [ByteEdit] {
        let sorted = edits.enumerated().sorted {
            ($0.element.range.lowerBound, $0.offset) < ($1.element.range.lowerBound, $1.offset)
        }.map(\.element)
        var merged: [ByteEdit] = []
        for e in sorted {
            if var last = merged.last, e.range.lowerBound < last.range.upperBound
                || (e.range.isEmpty && e.range.lowerBound == last.range.upperBound && last.range.isEmpty) {
                last.range = last.range.lowerBound..<max(last.range.upperBound, e.range.upperBound)
                if last.replacement.isEmpty { last.replacement = e.replacement }
                merged[merged.count - 1] = last
            } else {
                merged.append(e)
            }
        }
        return merged
    }
}

/// A span of decoded text spread over several stored pieces (the runs of a Word paragraph, the
/// encoded words and plain stretches of a mail header): decides which bytes of which piece a
/// redaction replaces.
///
/// The mark goes once, into the first piece that can hold text and overlaps the span, where the
/// span starts in it; the rest of the span is removed from the later pieces. So formatting of
/// every run is kept and a value split over three runs leaves no third behind.
enum PieceSpans {
    struct Piece {
        /// Where the piece's decoded text sits in the assembled text.
        var start: Int
        var count: Int
        /// False for a piece that stands for markup (a `<w:tab/>`): it can be removed, not
        /// written into.
        var holdsText: Bool
    }

    /// A change to one piece: replace its decoded range `range` with `replacement`.
    struct Cut: Equatable {
        var piece: Int
        var range: Range<Int>
        var replacement: [UInt8]
    }

    /// The cuts for `span` (offsets in the assembled text) with `mark` as its replacement.
    static func cuts(for span: Range<Int>, mark: [UInt8], pieces: [Piece]) -> [Cut] {
        var out: [Cut] = []
        var markPlaced = false
        for (index, p) in pieces.enumerated() {
            let lo = max(span.lowerBound, p.start), hi = min(span.upperBound, p.start + p.count)
            guard lo < hi else { continue }
            let local = (lo - p.start)..<(hi - p.start)
            if p.holdsText && !markPlaced {
                out.append(Cut(piece: index, range: local, replacement: mark))
                markPlaced = true
            } else {
                out.append(Cut(piece: index, range: local, replacement: []))
            }
        }
        return out
    }
}
