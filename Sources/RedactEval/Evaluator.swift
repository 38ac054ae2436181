import RedactCore

/// Scores findings against ground truth and decoys (definitions in `EvalReport` and README):
/// - strict recall: same-category findings together cover every letter and digit of an item;
/// - coverage recall: findings of any category do (what matters for a leak);
/// - precision: a finding overlapping a truth item of its category is a true positive, one
///   overlapping only other categories' items is miscategorised, one overlapping none is false;
/// - decoys hit: decoys overlapped by at least one finding.
/// Findings whose path matches no corpus path (see `PathMatcher`) are counted and ignored.
public func evaluate(truth: [TruthItem], decoys: [DecoyItem], findings: [FindingRecord], root: String? = nil) -> EvalReport {
    Evaluator(truth: truth, decoys: decoys, findings: findings, root: root).run()
}

struct Evaluator {
    let truth: [TruthItem]
    let decoys: [DecoyItem]
    let findings: [FindingRecord]
    let root: String?

    func run() -> EvalReport {
        // Map finding paths onto corpus paths (cached: few distinct paths, many findings).
        let matcher = PathMatcher(corpusPaths: truth.map(\.path) + decoys.map(\.path), root: root)
        var pathCache: [String: String?] = [:]
        var mapped: [(finding: FindingRecord, path: String)] = []
        var outside = 0
        for f in findings {
            let p: String?
            if let cached = pathCache[f.path] { p = cached } else { p = matcher.match(f.path); pathCache[f.path] = p }
            if let p { mapped.append((f, p)) } else { outside += 1 }
        }

        var findingsByPath: [String: [Int]] = [:]
        for (i, m) in mapped.enumerated() { findingsByPath[m.path, default: []].append(i) }
        var truthByPath: [String: [Int]] = [:]
        for (i, t) in truth.enumerated() { truthByPath[PathMatcher.normalise(t.path), default: []].append(i) }
        var decoysByPath: [String: [Int]] = [:]
        for (i, d) in decoys.enumerated() { decoysByPath[PathMatcher.normalise(d.path), default: []].append(i) }

        var per: [String: CategoryScore] = [:]
        var variants: [String: VariantScore] = [:]
        var kinds: [String: DecoyKindScore] = [:]
        var strictMisses: [Example] = [], falsePositives: [Example] = [], miscat: [Example] = [], decoyHits: [Example] = []
        let limit = EvalReport.exampleLimit
        var decoysHit = 0

        let paths = Set(findingsByPath.keys).union(truthByPath.keys).union(decoysByPath.keys).sorted()
        for path in paths {
            let fIdx = findingsByPath[path] ?? []
            let fIndex = SpanIndex(fIdx.map { (mapped[$0].finding.start, mapped[$0].finding.end, $0) })
            let tIdx = truthByPath[path] ?? []
            let tIndex = SpanIndex(tIdx.map { (truth[$0].start, truth[$0].end, $0) })

            // Recall, per truth item.
            for ti in tIdx {
                let t = truth[ti]
                let key = t.category.rawValue
                let over = fIndex.overlapping(t.start, t.end).map { mapped[$0].finding }
                let required = Coverage.requiredOffsets(text: t.text, length: t.end - t.start).map { $0 + t.start }
                let strict = Coverage.covers(over.filter { $0.category == t.category }.map { ($0.start, $0.end) }, required)
                let covered = strict || Coverage.covers(over.map { ($0.start, $0.end) }, required)
                per[key, default: CategoryScore()].truth += 1
                if strict { per[key]!.strictFound += 1 }
                if covered { per[key]!.coveredFound += 1 }
                if let v = t.variant {
                    let vk = key + "/" + v
                    variants[vk, default: VariantScore()].truth += 1
                    if strict { variants[vk]!.strictFound += 1 }
                    if covered { variants[vk]!.coveredFound += 1 }
                }
                if !strict && strictMisses.count < limit {
                    let others = Set(over.map(\.category.rawValue)).sorted().joined(separator: ",")
                    strictMisses.append(Example(path: path, start: t.start, end: t.end, category: key, text: t.text,
                                                note: others.isEmpty ? "no finding" : "partly or differently found: " + others))
                }
            }

            // Precision, per finding.
            for fi in fIdx {
                let f = mapped[fi].finding
                let key = f.category.rawValue
                per[key, default: CategoryScore()].findings += 1
                let over = tIndex.overlapping(f.start, f.end).map { truth[$0] }
                if over.contains(where: { $0.category == f.category }) {
                    per[key]!.truePositives += 1
                } else if let other = over.first {
                    per[key]!.miscategorised += 1
                    if miscat.count < limit {
                        miscat.append(Example(path: path, start: f.start, end: f.end, category: key, text: nil,
                                              note: "overlaps " + other.category.rawValue + " \"" + (other.text ?? "") + "\""))
                    }
                } else {
                    per[key]!.falsePositives += 1
                    if falsePositives.count < limit {
                        falsePositives.append(Example(path: path, start: f.start, end: f.end, category: key, text: nil, note: f.rule))
                    }
                }
            }

            // Decoys.
            for di in decoysByPath[path] ?? [] {
                let d = decoys[di]
                let hitBy = fIndex.overlapping(d.start, d.end).map { mapped[$0].finding }
                let kind = d.kind ?? "unspecified"
                kinds[kind, default: DecoyKindScore()].total += 1
                if let l = d.looksLike { per[l.rawValue, default: CategoryScore()].decoys += 1 }
                guard !hitBy.isEmpty else { continue }
                decoysHit += 1
                kinds[kind]!.hit += 1
                if let l = d.looksLike { per[l.rawValue]!.decoysHit += 1 }
                if decoyHits.count < limit {
                    decoyHits.append(Example(path: path, start: d.start, end: d.end, category: d.looksLike?.rawValue ?? "",
                                             text: d.text, note: "hit by " + Set(hitBy.map { $0.category.rawValue + " (" + $0.rule + ")" }).sorted().joined(separator: ", ")))
                }
            }
        }

        var overall = CategoryScore()
        for s in per.values { overall.add(s) }
        return EvalReport(perCategory: per, overall: overall, decoysHit: decoysHit, decoysTotal: decoys.count,
                          decoysByKind: kinds, perVariant: variants, findingsOutsideCorpus: outside,
                          strictMisses: strictMisses, falsePositives: falsePositives, miscategorised: miscat,
                          decoyHits: decoyHits)
    }
}
