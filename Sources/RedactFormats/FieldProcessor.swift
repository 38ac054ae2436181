import Crypto
import RedactApply
import RedactCore
import RedactScan

/// Receives the fields a streaming parser (CSV, JSON) finds, scans each with the finder, and
/// either reports findings (scan, check) or writes the redacted copy while the input streams
/// past (apply): bytes outside redacted fields are copied exactly, a redacted field is written
/// back with its marks escaped for its encoding. Both sides are hashed for the manifest.
final class FieldProcessor {
    let finder: any TextFinder
    /// Each finding, with its 1-based line and column (bytes) in the file and its stored bytes.
    var onSpan: ((LocatedSpan, _ line: Int, _ column: Int, _ stored: UnsafeBufferPointer<UInt8>) -> Void)?
    /// Where the redacted copy goes; nil when only scanning.
    var emit: ((UnsafeBufferPointer<UInt8>) -> Void)?
    /// Asked before each mark is written; a kept finding stays as stored. Nil redacts all.
    var judge: SpanJudge?

    private(set) var redactions: [LocatedRedaction] = []
    private(set) var spanCount = 0
    private var copied = 0
    private var hashed = 0
    private(set) var outOffset = 0
    private var inputHash = SHA256()
    private var outputHash = SHA256()
    private var lines = LineCounter()
    private var rewrite: [UInt8] = []

    init(finder: any TextFinder) {
        self.finder = finder
        rewrite.reserveCapacity(256)
    }

    var redacting: Bool { emit != nil }

    /// A finished field. `text` is its decoded content; `escapes` maps it back to stored bytes;
    /// `buffer` (at absolute `bufferBase`) holds at least the field's stored bytes.
    func field(_ f: Field, text: UnsafeBufferPointer<UInt8>, escapes: EscapeMap,
               buffer: UnsafeBufferPointer<UInt8>, bufferBase: Int, location: () -> String) {
        let spans = Self.wellFormed(finder.spans(in: text, context: f.context), count: text.count)
        guard !spans.isEmpty else { return }
        let field = location()
        let rawOf = { (d: Int) in f.contentStart + escapes.rawStart(d) }
        let rawEndOf = { (d: Int) in f.contentStart + escapes.rawEnd(d) }
        if let onSpan {
            for s in spans {
                var located = s
                located.start = rawOf(s.start)
                located.end = rawEndOf(s.end)
                lines.advance(to: located.start, buffer: buffer, bufferBase: bufferBase)
                spanCount += 1
                onSpan(LocatedSpan(span: located, field: field), lines.line, lines.column,
                       UnsafeBufferPointer(rebasing: buffer[(located.start - bufferBase)..<(located.end - bufferBase)]))
            }
        } else {
            spanCount += spans.count
        }
        guard emit != nil else { return }

        // Copy up to the field, then write the field back with its marks.
        copy(upTo: f.raw.lowerBound, buffer: buffer, bufferBase: bufferBase)
        let located = spans.map { s -> LocatedSpan in
            var original = s
            original.start = rawOf(s.start)
            original.end = rawEndOf(s.end)
            return LocatedSpan(span: original, field: field)
        }
        let verdicts = located.map { judge?($0) ?? SpanVerdict(redact: true) }
        // A kept finding has no mark: its stored bytes stay.
        let marks = zip(spans, verdicts).map { s, v in
            v.redact ? finder.mark(for: s, value: UnsafeBufferPointer(rebasing: text[s.start..<s.end])) : []
        }
        let stored = { (a: Int, b: Int) in UnsafeBufferPointer(rebasing: buffer[(a - bufferBase)..<(b - bufferBase)]) }
        var quoteAll = false
        var closing: [UInt8] = []
        rewrite.removeAll(keepingCapacity: true)
        switch f.encoding {
        case .csvBare(let delimiter):
            // Any candidate delimiter, not only this file's: a mark must not change which
            // delimiter the header row sniffs as.
            quoteAll = marks.contains { $0.contains { $0 == delimiter || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D || CSVParser.candidates.contains($0) } }
            if quoteAll { rewrite.append(0x22); closing = [0x22] }
        case .csvQuoted, .jsonString, .jsonNumber:
            rewrite.append(0x22)
            closing = [0x22]
        }
        let outStart = outOffset
        var at = f.contentStart
        for k in spans.indices {
            let s = spans[k]
            let a = located[k].span.start, b = located[k].span.end
            appendStored(stored(at, a), f.encoding, quoteAll: quoteAll)
            let markStart = rewrite.count
            if verdicts[k].redact { appendMark(marks[k], f.encoding) } else { appendStored(stored(a, b), f.encoding, quoteAll: quoteAll) }
            // The decoded value, as the log's HMAC of a leaked value would be taken.
            let value = UnsafeBufferPointer(rebasing: text[s.start..<s.end])
            redactions.append(LocatedRedaction(original: located[k], outputStart: outStart + markStart, outputEnd: outStart + rewrite.count,
                                               valueHMAC: verdicts[k].redact ? finder.fingerprint(value) : nil,
                                               kept: !verdicts[k].redact, justification: verdicts[k].justification))
            at = b
        }
        let contentEnd: Int
        switch f.encoding {
        case .csvBare, .jsonNumber: contentEnd = f.raw.upperBound
        case .csvQuoted, .jsonString: contentEnd = f.raw.upperBound - 1
        }
        appendStored(stored(at, contentEnd), f.encoding, quoteAll: quoteAll)
        rewrite.append(contentsOf: closing)
        rewrite.withUnsafeBufferPointer { write($0) }
        copied = f.raw.upperBound
    }

    /// The spans a finder promised: in order, inside the text, not empty, not overlapping (a
    /// finder that breaks the promise loses the offending spans rather than the process).
    static func wellFormed(_ spans: [TextSpan], count: Int) -> [TextSpan] {
        var end = 0
        var ok = true
        for s in spans {
            if s.start < end || s.end <= s.start || s.end > count { ok = false; break }
            end = s.end
        }
        if ok { return spans }
        end = 0
        return spans.filter { s in
            guard s.start >= end, s.end > s.start, s.end <= count else { return false }
            end = s.end
            return true
        }
    }

    /// Stored bytes between marks: kept as they are, except in a bare CSV cell being quoted.
    private func appendStored(_ bytes: UnsafeBufferPointer<UInt8>, _ encoding: FieldEncoding, quoteAll: Bool) {
        if case .csvBare = encoding, quoteAll {
            for b in bytes {
                rewrite.append(b)
                if b == 0x22 { rewrite.append(0x22) }
            }
        } else {
            rewrite.append(contentsOf: bytes)
        }
    }

    private func appendMark(_ mark: [UInt8], _ encoding: FieldEncoding) {
        switch encoding {
        case .csvBare, .csvQuoted:
            for b in mark {
                rewrite.append(b)
                if b == 0x22 { rewrite.append(0x22) }
            }
        case .jsonString, .jsonNumber:
            JSONEscape.append(mark, to: &rewrite)
        }
    }

    /// Bytes before absolute `upTo` are about to be dropped from `buffer`: hash them, count
    /// their lines and copy the ones not yet written.
    func release(upTo: Int, buffer: UnsafeBufferPointer<UInt8>, bufferBase: Int) {
        if upTo > hashed {
            // Hashes are for the manifest: only a redaction needs them.
            if emit != nil {
                inputHash.update(bufferPointer: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: buffer[(hashed - bufferBase)..<(upTo - bufferBase)])))
            }
            hashed = upTo
        }
        if onSpan != nil { lines.advance(to: upTo, buffer: buffer, bufferBase: bufferBase) }
        copy(upTo: upTo, buffer: buffer, bufferBase: bufferBase)
    }

    private func copy(upTo: Int, buffer: UnsafeBufferPointer<UInt8>, bufferBase: Int) {
        guard emit != nil, upTo > copied else { return }
        write(UnsafeBufferPointer(rebasing: buffer[(copied - bufferBase)..<(upTo - bufferBase)]))
        copied = upTo
    }

    private func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let emit, !bytes.isEmpty else { return }
        outputHash.update(bufferPointer: UnsafeRawBufferPointer(bytes))
        emit(bytes)
        outOffset += bytes.count
    }

    /// Call once at the end: hashes and sizes for the manifest.
    func summary() -> (sha256Original: String, sha256Redacted: String, bytesOriginal: Int, bytesRedacted: Int) {
        (Hex.encode(inputHash.finalize()), Hex.encode(outputHash.finalize()), hashed, outOffset)
    }
}

/// JSON string escaping of raw UTF-8 bytes (marks): quote, backslash and control bytes escaped,
/// everything else as it is.
enum JSONEscape {
    static func append(_ bytes: [UInt8], to out: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        for b in bytes {
            switch b {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, UInt8(ascii: "n")]
            case 0x0D: out += [0x5C, UInt8(ascii: "r")]
            case 0x09: out += [0x5C, UInt8(ascii: "t")]
            case 0..<0x20, 0x7F:
                out += Array("\\u00".utf8)
                out.append(hex[Int(b >> 4)])
                out.append(hex[Int(b & 15)])
            default: out.append(b)
            }
        }
    }
}
