import Foundation
import RedactApply

/// Checks (b) and (c) of the QA second check in one streaming pass over both files: walks the
/// original and the redacted copy in step along the manifest's spans, comparing every byte
/// between spans and checking each span's output (``MarkCheck``), while both files are hashed.
///
/// ```
///  original:  [ gap 0 ][ span 0 original ][ gap 1 ][ span 1 original ] ... [ tail ]
///  redacted:  [ gap 0 ][ span 0 mark     ][ gap 1 ][ span 1 mark     ] ... [ tail ]
/// ```
/// Gaps are equal in length on both sides (``ManifestLoader/inconsistency(_:)`` checked that)
/// and must be equal in content. A run of differing bytes in a gap is one problem. When one file
/// ends before the other, the walk records it and stops comparing (nothing lines up after it).
struct ByteWalk {
    let original: BlockReader
    let redacted: BlockReader
    let limit: Int
    /// A span longer than this is not read into memory: no finding is this long, so the
    /// manifest is wrong; its bytes are skipped (still hashed) and the walk goes on.
    static let maxSpan = 1 << 20

    /// Walks both files; returns the indices of the spans whose output was confirmed to be a mark
    /// of its style (or a kept span equal to the original): only those excuse a finding in check (a).
    @discardableResult
    func run(_ manifest: Manifest, consistent: Bool, into report: inout QAReport) throws(QAError) -> Set<Int> {
        var verified = Set<Int>()
        defer {
            report.bytesOriginal = original.bytesRead
            report.bytesRedacted = redacted.bytesRead
        }
        var aligned = consistent
        if consistent {
            for (i, e) in manifest.redactions.enumerated() {
                guard try gap(e.original.start - original.offset, into: &report) else { aligned = false; break }
                guard let ok = try span(i, e, into: &report) else { aligned = false; break }
                if ok { verified.insert(i) }
            }
            if aligned { _ = try gap(Int.max, into: &report) }
        }
        try original.drain()
        try redacted.drain()
        report.originalSHA256 = original.sha256
        report.redactedSHA256 = redacted.sha256
        return verified
    }

    /// Compares `length` bytes (or, for the tail, to the end of both); false when a file ended first.
    private func gap(_ length: Int, into report: inout QAReport) throws(QAError) -> Bool {
        var remaining = length
        var run: (original: Int, output: Int, length: Int)? = nil
        func close(_ report: inout QAReport) {
            if let r = run {
                report.add(QAProblem(check: .changedOutside, detail: "differs", outputStart: r.output,
                                     outputEnd: r.output + r.length, originalStart: r.original,
                                     originalEnd: r.original + r.length), limit: limit)
            }
            run = nil
        }
        while remaining > 0 {
            let a = try original.available(), b = try redacted.available()
            if a.isEmpty || b.isEmpty {
                close(&report)
                if a.isEmpty && b.isEmpty {
                    if length == Int.max { return true }  // the tail ended together: done
                    report.add(QAProblem(check: .manifest, detail: "span-beyond-end", outputStart: redacted.offset,
                                         originalStart: original.offset), limit: limit)
                    return false
                }
                // One side ended first: the copy is truncated, or has bytes the original lacks.
                let detail = b.isEmpty ? "truncated" : "extra-bytes"
                report.add(QAProblem(check: .changedOutside, detail: detail, outputStart: redacted.offset,
                                     originalStart: original.offset), limit: limit)
                return false
            }
            let k = min(remaining, a.count, b.count)
            if memcmp(a.baseAddress!, b.baseAddress!, k) == 0 {
                close(&report)
            } else {
                for i in 0..<k {
                    if a[i] != b[i] {
                        if run == nil { run = (original.offset + i, redacted.offset + i, 0) }
                        run!.length += 1
                    } else {
                        close(&report)
                    }
                }
            }
            report.bytesCompared += k
            original.consume(k)
            redacted.consume(k)
            if length != Int.max { remaining -= k }
        }
        close(&report)
        return true
    }

    /// Checks one span's output: whether it is a proper mark, or nil when a file ended inside it.
    private func span(_ i: Int, _ e: RedactionEntry, into report: inout QAReport) throws(QAError) -> Bool? {
        let o = e.original.end - e.original.start, r = e.output.end - e.output.start
        if o > Self.maxSpan || r > Self.maxSpan {
            report.add(QAProblem(check: .manifest, detail: "span-too-long", outputStart: e.output.start, outputEnd: e.output.end,
                                 originalStart: e.original.start, originalEnd: e.original.end, category: e.category,
                                 rule: e.rule, span: i), limit: limit)
            let a = try original.skip(o), b = try redacted.skip(r)
            return a == o && b == r ? false : nil
        }
        let value = try original.take(o), mark = try redacted.take(r)
        guard value.count == o, mark.count == r else {
            report.add(QAProblem(check: .changedOutside, detail: mark.count < r ? "truncated" : "original-ends-early",
                                 outputStart: e.output.start, originalStart: e.original.start, span: i), limit: limit)
            return nil
        }
        let verdict = MarkCheck.verify(style: e.style, category: e.category, original: value, output: mark)
        if verdict != .ok {
            report.add(QAProblem(check: verdict == .unknownStyle ? .manifest : .spanNotRedacted, detail: verdict.rawValue,
                                 outputStart: e.output.start, outputEnd: e.output.end, originalStart: e.original.start,
                                 originalEnd: e.original.end, category: e.category, rule: e.rule, span: i), limit: limit)
        }
        return verdict == .ok
    }
}
