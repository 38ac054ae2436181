import Foundation
import RedactCore

extension EvalReport {
    /// The report as a fixed-width table: one row per category (taxonomy order, then others),
    /// an overall row, decoys by kind, and the first few misses.
    public func table(examples: Int = 10) -> String {
        func pct(_ v: Double?) -> String { v.map { String(format: "%.4f", $0) } ?? "-" }
        func pad(_ s: String, _ n: Int, right: Bool = true) -> String {
            let c = s.count
            if c >= n { return s }
            return right ? String(repeating: " ", count: n - c) + s : s + String(repeating: " ", count: n - c)
        }
        let header = [pad("category", 22, right: false), pad("truth", 7), pad("strict", 8), pad("cover", 8),
                      pad("finds", 7), pad("prec", 8), pad("miscat", 7), pad("FP", 6), pad("decoys", 7), pad("hit", 5)]
        var lines = [header.joined(separator: " ")]
        func row(_ name: String, _ s: CategoryScore) -> String {
            [pad(name, 22, right: false), pad("\(s.truth)", 7), pad(pct(s.strictRecall), 8), pad(pct(s.coverageRecall), 8),
             pad("\(s.findings)", 7), pad(pct(s.precision), 8), pad("\(s.miscategorised)", 7), pad("\(s.falsePositives)", 6),
             pad("\(s.decoys)", 7), pad("\(s.decoysHit)", 5)].joined(separator: " ")
        }
        let taxonomy = Category.taxonomy.map(\.rawValue)
        let others = perCategory.keys.filter { !taxonomy.contains($0) }.sorted()
        for key in taxonomy + others {
            guard let s = perCategory[key] else { continue }
            lines.append(row(key, s))
        }
        lines.append(String(repeating: "-", count: lines[0].count))
        lines.append(row("overall", overall))
        lines.append("")
        lines.append("decoys hit: \(decoysHit) of \(decoysTotal) (\(pct(decoyHitRate)))")
        for k in decoysByKind.keys.sorted() {
            let d = decoysByKind[k]!
            lines.append("  " + pad(k, 18, right: false) + pad("\(d.hit)", 6) + " of " + "\(d.total)")
        }
        if !perVariant.isEmpty {
            lines.append("variants (strict found / truth):")
            for k in perVariant.keys.sorted() {
                let v = perVariant[k]!
                lines.append("  " + pad(k, 28, right: false) + pad("\(v.strictFound)", 6) + " / \(v.truth)")
            }
        }
        if findingsOutsideCorpus > 0 {
            lines.append("findings in files outside the corpus (ignored): \(findingsOutsideCorpus)")
        }
        func list(_ title: String, _ xs: [Example]) {
            guard !xs.isEmpty, examples > 0 else { return }
            lines.append(title)
            for e in xs.prefix(examples) {
                let text = e.text.map { " \"" + $0.replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\n", with: "\\n") + "\"" } ?? ""
                lines.append("  \(e.path) \(e.start)..<\(e.end) \(e.category)\(text)" + (e.note.map { " - " + $0 } ?? ""))
            }
        }
        list("strict misses (first \(examples)):", strictMisses)
        list("false positives (first \(examples)):", falsePositives)
        list("miscategorised (first \(examples)):", miscategorised)
        list("decoys hit (first \(examples)):", decoyHits)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The report as pretty-printed JSON with sorted keys (stable for diffs and dated raw files).
    public func json() throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try e.encode(self)
    }
}
