import RedactCore

/// The QA report as people and machines read it. Offsets, counts, categories and rule ids only;
/// text appears only when the report was made with `showText`.
public enum QAReportText {
    /// A few lines: the verdict, one line per check, then the problems listed.
    public static func human(_ r: QAReport) -> String {
        var out = "QA \(r.result == .pass ? "PASS" : "FAIL"): \(r.redactedPath)\n"
        out += "  original \(r.originalPath), manifest \(r.manifestPath), \(r.spans) span\(r.spans == 1 ? "" : "s")\n"
        func line(_ label: String, _ c: QAProblem.Check, ok: String, bad: (Int) -> String) {
            let n = r.count(c)
            out += "  \(label): " + (n == 0 ? "pass (\(ok))" : "FAIL (\(bad(n)))") + "\n"
        }
        let byCategory = r.leftByCategory.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        var notCounted: [String] = []
        if r.findingsInsideMarks > 0 { notCounted.append("\(r.findingsInsideMarks) inside the marks") }
        if r.findingsFromShiftedContext > 0 { notCounted.append("\(r.findingsFromShiftedContext) from context the marks moved") }
        line("(a) nothing left", .findingLeft,
             ok: notCounted.isEmpty ? "no findings" : notCounted.joined(separator: ", ") + ", not counted",
             bad: { "\($0) finding\($0 == 1 ? "" : "s") left: \(byCategory)" })
        line("(b) unchanged outside the spans", .changedOutside, ok: "\(r.bytesCompared) bytes compared",
             bad: { "\($0) difference\($0 == 1 ? "" : "s")" })
        line("(c) every span redacted", .spanNotRedacted, ok: "\(r.spans) checked",
             bad: { "\($0) span\($0 == 1 ? "" : "s") not redacted" })
        line("manifest matches the files", .manifest, ok: "digests and sizes", bad: { "\($0) mismatch\($0 == 1 ? "" : "es")" })
        for p in r.problems { out += "  - " + describe(p) + "\n" }
        if r.truncated { out += "  ... and \(r.problemCount - r.problems.count) more\n" }
        return out
    }

    static func describe(_ p: QAProblem) -> String {
        var parts = [p.check.rawValue, p.detail]
        if let l = p.line, let c = p.column { parts.append("line \(l) col \(c)") }
        if let s = p.outputStart { parts.append("copy bytes \(s)" + (p.outputEnd.map { "-\($0)" } ?? "")) }
        if let s = p.originalStart { parts.append("original bytes \(s)" + (p.originalEnd.map { "-\($0)" } ?? "")) }
        if let s = p.span { parts.append("span \(s)") }
        if let c = p.category { parts.append(c) }
        if let r = p.rule { parts.append(r) }
        if let t = p.text { parts.append("text \(JSONText.quoted(t))") }
        return parts.joined(separator: "  ")
    }

    /// One JSON object (no trailing newline).
    public static func json(_ r: QAReport) -> String {
        func q(_ s: String) -> String { JSONText.quoted(s) }
        func opt(_ n: Int?) -> String { n.map(String.init) ?? "null" }
        func optText(_ s: String?) -> String { s.map(q) ?? "null" }
        var o = "{\"result\":\(q(r.result.rawValue)),\"original\":\(q(r.originalPath)),\"redacted\":\(q(r.redactedPath))"
        o += ",\"manifest\":\(q(r.manifestPath)),\"spans\":\(r.spans),\"bytes_compared\":\(r.bytesCompared)"
        o += ",\"findings_inside_marks\":\(r.findingsInsideMarks),\"findings_from_shifted_context\":\(r.findingsFromShiftedContext)"
        o += ",\"checks\":{" + QAProblem.Check.allCases.map { "\(q($0.rawValue)):\(r.count($0))" }.joined(separator: ",") + "}"
        o += ",\"left_by_category\":{" + r.leftByCategory.sorted { $0.key < $1.key }.map { "\(q($0.key)):\($0.value)" }.joined(separator: ",") + "}"
        o += ",\"sha256_original\":\(q(r.originalSHA256)),\"sha256_redacted\":\(q(r.redactedSHA256))"
        o += ",\"bytes_original\":\(r.bytesOriginal),\"bytes_redacted\":\(r.bytesRedacted)"
        o += ",\"problems\":[" + r.problems.map { p in
            var s = "{\"check\":\(q(p.check.rawValue)),\"detail\":\(q(p.detail)),\"output_start\":\(opt(p.outputStart))"
            s += ",\"output_end\":\(opt(p.outputEnd)),\"original_start\":\(opt(p.originalStart)),\"original_end\":\(opt(p.originalEnd))"
            s += ",\"line\":\(opt(p.line)),\"column\":\(opt(p.column)),\"span\":\(opt(p.span))"
            s += ",\"category\":\(optText(p.category)),\"rule\":\(optText(p.rule))"
            if let t = p.text { s += ",\"text\":\(q(t))" }
            return s + "}"
        }.joined(separator: ",") + "]"
        return o + ",\"problems_listed\":\(r.problems.count),\"problems_total\":\(r.problemCount)}"
    }
}
