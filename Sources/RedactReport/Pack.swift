import Foundation

/// An area performance pack: the figures of one scope for one period, with their comparisons.
///
/// This is the data model every format renders, and the JSON format is this model written out
/// (docs/pack-format.md). It holds exact counts; small-number suppression is applied when
/// rendering (``Suppression``), so one pack can be published suppressed and kept whole.
///
/// ```swift
/// let source = try PackSources.open("national.sqlite")   // or "postgres://reports@db.internal/redact"
/// let pack = try PackBuilder(reference: .builtIn).build(
///     PackRequest(scope: .area("cps-wessex"), period: try PackPeriod(parsing: "2026-Q3")), from: source)
/// let html = PackRenderer.render(pack, as: .html)
/// ```
public struct Pack: Sendable {
    public var scope: PackScope
    /// `CPS Wessex`, or `National (all areas)`.
    public var scopeLabel: String
    /// The area's reference group; nil for the national pack.
    public var scopeGroup: String?
    public var period: PackPeriod
    public var generatedAt: Date
    public var source: SourceDescription
    public var settings: PackSettings

    public var current: Figures
    public var previous: Figures
    public var yearBefore: Figures
    /// Whether the log reaches back to the comparison periods (if not, their zeros mean "no
    /// log yet", not "no activity", and renderers say so).
    public var previousCovered: Bool
    public var yearBeforeCovered: Bool

    /// The whole log's figures for the period (area packs only).
    public var national: Figures?
    /// Every area of the groups present, for the period, with ranks in its group.
    public var areas: [AreaRow]
    /// This area's ranks (area packs only).
    public var ranks: [Headline: Rank]

    public var trend: Trend
    /// Teams and operators at or above the repeat threshold, in scope.
    public var repeats: [RepeatCount]

    /// Short statements about the pack: empty period, uncovered comparisons, query notes.
    public var notes: [String]

    /// Nothing was recorded for the scope in the period.
    public var isEmpty: Bool { current.isEmpty }
}

/// How the pack was asked for.
public struct PackSettings: Sendable, Equatable {
    /// Show counts from 1 to N-1 as `<N` (nil: no suppression).
    public var suppressBelow: Int?
    /// List teams and operators with at least this many breaches in the period.
    public var repeatThreshold: Int
    /// Name operators in the repeat list (their ids are personal data of staff; by default the
    /// pack gives only how many there are).
    public var showOperators: Bool

    public static let defaultRepeatThreshold = 3

    public init(suppressBelow: Int? = nil, repeatThreshold: Int = defaultRepeatThreshold, showOperators: Bool = false) {
        self.suppressBelow = suppressBelow
        self.repeatThreshold = repeatThreshold
        self.showOperators = showOperators
    }
}

/// Monthly series over the twelve months ending with the period.
public struct Trend: Sendable, Equatable {
    public enum Series: String, CaseIterable, Sendable {
        case documentsShared = "documents_shared"
        case redactions
        case nearMisses = "near_misses"
        case incomingFailures = "incoming_failures"
        case breaches

        public var label: String {
            switch self {
            case .documentsShared: "Documents shared"
            case .redactions: "Redactions"
            case .nearMisses: "Near misses"
            case .incomingFailures: "Incoming failures to redact"
            case .breaches: "Breaches"
            }
        }
    }

    public var months: [Month]
    /// One value per month for each series.
    public var values: [Series: [Int]]

    public func series(_ s: Series) -> [Int] { values[s] ?? Array(repeating: 0, count: months.count) }
}
