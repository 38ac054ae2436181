import Foundation

/// The headline measures: the ones shown as tiles, compared between areas and ranked.
///
/// Each has a stable key (its JSON path in the pack) so other tools, the CSV and the ranks
/// all name it the same way.
public enum Headline: String, CaseIterable, Sendable {
    case documentsShared = "documents.shared"
    case documentsProcessed = "documents.processed"
    case redactions = "redactions.total"
    case redactionsPerDocument = "redactions.per_document"
    case nearMisses = "near_misses.total"
    case incomingFailures = "incoming_failures.total"
    case breaches = "breaches.total"
    case breachRate = "breaches.rate_per_1000_shared"
    case icoReported = "breaches.ico_reported"
    case within72h = "breaches.reported_within_72h_percent"
    case qaChecks = "qa.checks"
    case qaPassRate = "qa.pass_rate_percent"

    public var label: String {
        switch self {
        case .documentsShared: "Documents shared"
        case .documentsProcessed: "Documents processed"
        case .redactions: "Redactions"
        case .redactionsPerDocument: "Redactions per document"
        case .nearMisses: "Near misses"
        case .incomingFailures: "Incoming failures to redact"
        case .breaches: "Breaches"
        case .breachRate: "Breaches per 1,000 documents shared"
        case .icoReported: "Breaches reported to the ICO"
        case .within72h: "ICO reports within 72 hours"
        case .qaChecks: "QA second checks"
        case .qaPassRate: "QA pass rate"
        }
    }

    /// Whether the value is a count (suppressible) rather than a rate or percentage.
    public var isCount: Bool {
        switch self {
        case .redactionsPerDocument, .breachRate, .within72h, .qaPassRate: false
        default: true
        }
    }

    /// For rates: the count they are computed from, suppressed with it (a rate of a suppressed
    /// count would give the count away).
    public var numerator: Headline? {
        switch self {
        case .redactionsPerDocument: .redactions
        case .breachRate: .breaches
        case .within72h: .icoReported
        case .qaPassRate: .qaChecks
        default: nil
        }
    }

    /// Whether a higher value is better, worse, or neither (volumes): decides the colour of a
    /// change, never the rank (rank 1 is always the highest value).
    public var direction: Direction {
        switch self {
        case .nearMisses, .incomingFailures, .breaches, .breachRate: .higherIsWorse
        case .within72h, .qaPassRate: .higherIsBetter
        default: .neutral
        }
    }

    public enum Direction: Sendable { case higherIsBetter, higherIsWorse, neutral }

    public func value(_ f: Figures) -> Double? {
        switch self {
        case .documentsShared: Double(f.documentsShared)
        case .documentsProcessed: Double(f.documentsProcessed)
        case .redactions: Double(f.redactions)
        case .redactionsPerDocument: f.redactionsPerDocument
        case .nearMisses: Double(f.nearMisses)
        case .incomingFailures: Double(f.incomingFailures)
        case .breaches: Double(f.breaches)
        case .breachRate: f.breachRatePer1000
        case .icoReported: Double(f.icoReported)
        case .within72h: f.within72hPercent
        case .qaChecks: Double(f.qaChecks)
        case .qaPassRate: f.qaPassRatePercent
        }
    }
}

/// An area's place among the areas of its group (rank 1 = highest value; ties share a rank).
public struct Rank: Sendable, Equatable {
    public var rank: Int
    /// Areas of the group with a value for this measure.
    public var of: Int

    public init(rank: Int, of: Int) {
        self.rank = rank
        self.of = of
    }

    /// Standard competition ranking ("1224") of `values`, highest first; nil values are unranked,
    /// and when every value is the same nothing is ranked (a tie of all is not a ranking).
    static func ranks(_ values: [String: Double?]) -> [String: Rank] {
        let present = values.compactMapValues { $0 }
        guard Set(present.values).count > 1 else { return [:] }
        var out: [String: Rank] = [:]
        for (key, v) in present {
            out[key] = Rank(rank: 1 + present.values.filter { $0 > v }.count, of: present.count)
        }
        return out
    }
}

/// One area in the comparison table.
public struct AreaRow: Sendable, Equatable {
    public var area: String
    public var label: String
    /// The area's group from the reference data (`cps-area`, `hmpps-prison-group`, ...), or
    /// `unlisted` for a code the reference data does not have.
    public var group: String
    public var figures: Figures
    /// Ranks within the group, by headline measure.
    public var ranks: [Headline: Rank]
}
