/// Scores for one category (or overall). Ratios are nil when there is nothing to divide by.
public struct CategoryScore: Codable, Sendable, Equatable {
    /// Truth items of this category.
    public var truth = 0
    /// Found by findings of the same category covering all their letters and digits.
    public var strictFound = 0
    /// Found by findings of any category covering all their letters and digits.
    public var coveredFound = 0
    /// Findings reported with this category.
    public var findings = 0
    /// ... overlapping a truth item of this category.
    public var truePositives = 0
    /// ... overlapping only truth items of other categories.
    public var miscategorised = 0
    /// ... overlapping no truth item.
    public var falsePositives = 0
    /// Decoys that look like this category, and how many of them a finding overlaps.
    public var decoys = 0
    public var decoysHit = 0

    public var strictRecall: Double? { truth == 0 ? nil : Double(strictFound) / Double(truth) }
    public var coverageRecall: Double? { truth == 0 ? nil : Double(coveredFound) / Double(truth) }
    /// True positives over all findings of the category (miscategorised ones count against it).
    public var precision: Double? { findings == 0 ? nil : Double(truePositives) / Double(findings) }
    /// Share of findings that redact some personal data, whatever their label.
    public var redactionPrecision: Double? {
        findings == 0 ? nil : Double(truePositives + miscategorised) / Double(findings)
    }
    public var decoyHitRate: Double? { decoys == 0 ? nil : Double(decoysHit) / Double(decoys) }

    public init() {}

    enum CodingKeys: String, CodingKey {
        case truth, strictFound, coveredFound, findings, truePositives, miscategorised, falsePositives, decoys, decoysHit
        case strictRecall, coverageRecall, precision, redactionPrecision, decoyHitRate
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(truth, forKey: .truth)
        try c.encode(strictFound, forKey: .strictFound)
        try c.encode(coveredFound, forKey: .coveredFound)
        try c.encode(findings, forKey: .findings)
        try c.encode(truePositives, forKey: .truePositives)
        try c.encode(miscategorised, forKey: .miscategorised)
        try c.encode(falsePositives, forKey: .falsePositives)
        try c.encode(decoys, forKey: .decoys)
        try c.encode(decoysHit, forKey: .decoysHit)
        try c.encodeIfPresent(strictRecall, forKey: .strictRecall)
        try c.encodeIfPresent(coverageRecall, forKey: .coverageRecall)
        try c.encodeIfPresent(precision, forKey: .precision)
        try c.encodeIfPresent(redactionPrecision, forKey: .redactionPrecision)
        try c.encodeIfPresent(decoyHitRate, forKey: .decoyHitRate)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        truth = try c.decode(Int.self, forKey: .truth)
        strictFound = try c.decode(Int.self, forKey: .strictFound)
        coveredFound = try c.decode(Int.self, forKey: .coveredFound)
        findings = try c.decode(Int.self, forKey: .findings)
        truePositives = try c.decode(Int.self, forKey: .truePositives)
        miscategorised = try c.decode(Int.self, forKey: .miscategorised)
        falsePositives = try c.decode(Int.self, forKey: .falsePositives)
        decoys = try c.decode(Int.self, forKey: .decoys)
        decoysHit = try c.decode(Int.self, forKey: .decoysHit)
    }

    mutating func add(_ o: CategoryScore) {
        truth += o.truth; strictFound += o.strictFound; coveredFound += o.coveredFound
        findings += o.findings; truePositives += o.truePositives; miscategorised += o.miscategorised
        falsePositives += o.falsePositives; decoys += o.decoys; decoysHit += o.decoysHit
    }
}

/// Decoys of one kind and how many were hit.
public struct DecoyKindScore: Codable, Sendable, Equatable {
    public var total = 0
    public var hit = 0
}

/// Recall of one planted form (`nhs_number/chi`, `nino/temporary`...).
public struct VariantScore: Codable, Sendable, Equatable {
    public var truth = 0
    public var strictFound = 0
    public var coveredFound = 0
}

/// One item behind a score, for debugging (capped lists in the report).
public struct Example: Codable, Sendable, Equatable {
    public var path: String
    public var start: Int
    public var end: Int
    public var category: String
    public var text: String?
    /// What was there instead: the truth category a miscategorised finding overlaps, or the
    /// categories of findings partly covering a missed item.
    public var note: String?
}

/// The result of scoring findings against a corpus's ground truth and decoys.
public struct EvalReport: Codable, Sendable {
    /// By category id: truth categories and any category a finding reports.
    public var perCategory: [String: CategoryScore]
    public var overall: CategoryScore
    public var decoysHit: Int
    public var decoysTotal: Int
    public var decoysByKind: [String: DecoyKindScore]
    public var perVariant: [String: VariantScore]
    /// Findings in files that are not corpus documents (party lists, truth files...): ignored.
    public var findingsOutsideCorpus: Int
    public var strictMisses: [Example]
    public var falsePositives: [Example]
    public var miscategorised: [Example]
    public var decoyHits: [Example]

    public var decoyHitRate: Double? { decoysTotal == 0 ? nil : Double(decoysHit) / Double(decoysTotal) }

    /// How many examples of each kind the report keeps.
    public static let exampleLimit = 200
}
