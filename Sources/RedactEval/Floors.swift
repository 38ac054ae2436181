import Foundation
import RedactCore

/// Minimum scores for an accuracy gate (the targets by default). A test loads the
/// committed sample, scans it, evaluates, and fails on any violation.
public struct Floors: Sendable {
    /// Strict recall floor for every structured category present in truth.
    public var structuredStrictRecall: Double = 0.995
    /// Strict recall floor for `person_name` (with party lists).
    public var personNameStrictRecall: Double = 0.98
    /// Strict recall floors for the other free-text categories (address, special category).
    public var freeTextStrictRecall: Double = 0.98
    /// Overall precision floor (true positives over all findings).
    public var precision: Double = 0.99
    /// Highest share of decoys hit.
    public var maxDecoyHitRate: Double = 0.005
    /// Overall coverage recall floor.
    public var coverageRecall: Double = 0.998
    /// Per-category overrides of the strict recall floor.
    public var strictRecallOverrides: [String: Double] = [:]

    public init() {}

    /// Human-readable violations; empty when every floor holds.
    public func violations(of r: EvalReport) -> [String] {
        var out: [String] = []
        for (key, s) in r.perCategory.sorted(by: { $0.key < $1.key }) {
            guard let recall = s.strictRecall else { continue }
            let c = Category(key)
            let floor = strictRecallOverrides[key]
                ?? (c == .personName ? personNameStrictRecall : c.isStructured ? structuredStrictRecall : freeTextStrictRecall)
            if recall < floor { out.append("\(key): strict recall \(recall) < \(floor)") }
        }
        if let p = r.overall.precision, p < precision { out.append("overall precision \(p) < \(precision)") }
        if let c = r.overall.coverageRecall, c < coverageRecall { out.append("overall coverage recall \(c) < \(coverageRecall)") }
        if let d = r.decoyHitRate, d > maxDecoyHitRate { out.append("decoy hit rate \(d) > \(maxDecoyHitRate)") }
        return out
    }
}

/// Loads the three files and evaluates: the one call the CLI and the accuracy test make.
public func evaluate(truthFile: URL, decoysFile: URL?, findingsFile: URL, root: String? = nil) throws -> EvalReport {
    let truth = try JSONLReader.truth(truthFile)
    let decoys = try decoysFile.map { try JSONLReader.decoys($0) } ?? []
    let findings = try JSONLReader.findings(findingsFile)
    return evaluate(truth: truth, decoys: decoys, findings: findings, root: root)
}
