import Foundation

/// Where a pack's numbers come from: aggregate queries over the log, one method per question.
///
/// Why a protocol: the pack builder, the measures and the renderers know nothing about SQL, so
/// the national log in PostgreSQL is another type beside an area's file, and neither touches
/// them: ``SQLitePackSource`` and ``PostgresPackSource`` (``PackSources`` picks one by location).
///
/// ## The contract every source keeps
/// - **Entries count by the time the log recorded them** (`entry.recorded_at`, UTC), in
///   half-open windows `[start, end)`: the same selection as `redact log export --since --until`.
/// - **Disclosures** are `disclosure` entries that no later entry corrects (a correction is a
///   whole new event that replaces the old one; the replaced entry is left out, the correction
///   counts when it was recorded).
/// - **Register records** (breaches, near misses, incoming failures to redact) count once per
///   breach id, in the window where the log first recorded the breach (its earliest version),
///   with the attributes of its latest version (stage, type, severity, area, ICO outcome): a
///   pack regenerated after an update shows the updated facts in the original period.
/// - **Aggregation happens in the source** (SQL `GROUP BY`): what crosses the protocol is a few
///   hundred rows, whatever the size of the log. The exception is ``reportingMinutes(in:)``,
///   one value per ICO-reported breach: the builder takes medians over any set of months and
///   areas from them (SQLite has no median aggregate, and a `percentile_cont` per area and month
///   could not be combined into the median of a quarter), so both sources return the values.
/// - **One state of the log.** Every call counts only the entries up to the head the source read
///   when it was opened (`seq <= head`). The log is append-only, so those rows never change: the
///   calls agree with each other while writers append, and they may run in parallel on separate
///   connections without a shared transaction.
/// - Areas come back as stored codes; a code missing from the reference data is still counted.
public protocol PackDataSource: Sendable {
    /// What the pack is made from: the log id and the entry count it reads up to (every other
    /// call counts entries up to that one only, so the answers agree with each other even while
    /// the log is being appended to, and may be computed in parallel).
    func describe() throws -> SourceDescription

    /// Disclosures within `window` (of one area, or all): documents shared and redaction rows,
    /// grouped by any of area, month (of recording) and recipient type. The builder asks only
    /// for the grouping it needs, because each dimension costs a sort of every row.
    func disclosureCells(in window: TimeWindow, by grouping: DisclosureGrouping, area: String?) throws -> [DisclosureCell]

    /// Per area within `window` (of one area, or all): documents shared, distinct original
    /// documents (by SHA-256) and redaction rows. Distinct documents do not add up over months,
    /// so this is asked per window; it is the one grouping every pack needs per area.
    func documentTotals(in window: TimeWindow, area: String?) throws -> [AreaDocuments]

    /// Redaction rows by (category, justification, style) in each window, for one area or all.
    func redactionCounts(in windows: [TimeWindow], scope: PackScope) throws -> [[RedactionGroup]]

    /// Register records first recorded within `window`, grouped by area, month of first recording
    /// and their latest attributes.
    func registerCells(in window: TimeWindow) throws -> [RegisterGroup]

    /// Minutes from becoming aware to telling the ICO, one value per reported breach (stage
    /// `breach`) first recorded within `window`, with its area and month.
    func reportingMinutes(in window: TimeWindow) throws -> [AreaMonthValue]

    /// Breaches (stage `breach`) first recorded in `window`, per team or unit and per operator
    /// (the operator of the disclosure the breach is linked to), where there are at least
    /// `minimum` of them.
    func repeatBreaches(in window: TimeWindow, minimum: Int) throws -> [RepeatCount]

    /// QA second checks recorded within `window`, by area and month of recording, with how many
    /// passed (see ``QACell``; a source without QA checks returns none).
    func qaCells(in window: TimeWindow) throws -> [QACell]
}

/// One area's pack, or the whole log's.
public enum PackScope: Sendable, Hashable {
    case national
    case area(String)

    public var area: String? {
        if case .area(let a) = self { return a }
        return nil
    }
}

/// Provenance of a pack: enough to find the exact log state it was made from.
public struct SourceDescription: Sendable, Equatable {
    /// `sqlite` or `postgresql`.
    public var kind: String
    public var logID: String
    /// Entries in the log when the pack was made, and the hash of the last one (the checkpoint
    /// `redact log verify --checkpoint COUNT:HASH` accepts).
    public var entries: Int64
    public var headHash: String
    /// The earliest and latest `recorded_at` in the log (nil when empty), so a pack can say that
    /// a comparison period predates the log rather than show a misleading zero.
    public var firstRecordedAt: Date?
    public var lastRecordedAt: Date?
    /// Anything the reader of the figures should know about how they were computed (for
    /// example, that a query ran without its index).
    public var notes: [String]

    public init(kind: String, logID: String, entries: Int64, headHash: String, firstRecordedAt: Date?,
                lastRecordedAt: Date?, notes: [String] = []) {
        self.kind = kind
        self.logID = logID
        self.entries = entries
        self.headHash = headHash
        self.firstRecordedAt = firstRecordedAt
        self.lastRecordedAt = lastRecordedAt
        self.notes = notes
    }
}

/// The dimensions ``PackDataSource/disclosureCells(in:by:area:)`` can group by.
public struct DisclosureGrouping: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    public static let area = DisclosureGrouping(rawValue: 1)
    public static let month = DisclosureGrouping(rawValue: 2)
    public static let recipient = DisclosureGrouping(rawValue: 4)

    /// The SQL pieces of a grouped count, shared by the SQLite and PostgreSQL sources (`e` is
    /// the entry, `d` the disclosure): the grouped columns to select before the counts, with a
    /// trailing comma, and the `GROUP BY` clause; both empty when nothing is grouped. Columns
    /// come in the order area, month, recipient, which is how the sources read them back.
    var sql: (select: String, groupBy: String) {
        var columns: [String] = []
        if contains(.area) { columns.append("e.area") }
        if contains(.month) { columns.append("substr(e.recorded_at, 1, 7)") }
        if contains(.recipient) { columns.append("d.recipient") }
        guard !columns.isEmpty else { return ("", "") }
        return (columns.joined(separator: ", ") + ", ", "GROUP BY " + columns.indices.map { String($0 + 1) }.joined(separator: ", "))
    }
}

/// Disclosures of one group; a dimension that was not grouped by is nil.
public struct DisclosureCell: Sendable, Equatable {
    public var area: String?
    public var month: Month?
    public var recipient: String?
    /// Disclosure events: one per document copy shared with one recipient.
    public var shared: Int
    /// Redaction rows (including spans deliberately kept).
    public var redactions: Int

    public init(area: String? = nil, month: Month? = nil, recipient: String? = nil, shared: Int, redactions: Int) {
        self.area = area
        self.month = month
        self.recipient = recipient
        self.shared = shared
        self.redactions = redactions
    }
}

public struct AreaMonthValue: Sendable, Equatable {
    public var area: String
    public var month: Month
    public var value: Int

    public init(area: String, month: Month, value: Int) {
        self.area = area
        self.month = month
        self.value = value
    }
}

/// An area's documents in one window.
public struct AreaDocuments: Sendable, Equatable {
    public var area: String
    /// Disclosure events: one per document copy shared with one recipient.
    public var shared: Int
    /// Distinct original documents among them: a document shared with the defence and the
    /// court is processed once and shared twice.
    public var processed: Int
    /// Redaction rows (including spans deliberately kept).
    public var redactions: Int

    public init(area: String, shared: Int, processed: Int, redactions: Int) {
        self.area = area
        self.shared = shared
        self.processed = processed
        self.redactions = redactions
    }
}

public struct AreaValue: Sendable, Equatable {
    public var area: String
    public var value: Int

    public init(area: String, value: Int) {
        self.area = area
        self.value = value
    }
}

public struct RedactionGroup: Sendable, Equatable {
    public var category: String
    public var justification: String
    public var style: String
    public var count: Int

    public init(category: String, justification: String, style: String, count: Int) {
        self.category = category
        self.justification = justification
        self.style = style
        self.count = count
    }
}

/// Register records sharing the same latest attributes.
public struct RegisterGroup: Sendable, Equatable {
    public var area: String
    /// The month the log first recorded the record.
    public var month: Month
    /// `incoming-failure-to-redact`, `near-miss` or `breach`.
    public var stage: String
    public var type: String
    /// Nil while unassessed.
    public var severity: String?
    public var sourceOrganisation: String?
    /// The ICO decision: nil while undecided.
    public var icoReportable: Bool?
    /// Whether the ICO has been told.
    public var icoReported: Bool
    /// Whether it was told within 72 hours (nil when not reported).
    public var deadlineMet: Bool?
    public var count: Int

    public init(area: String, month: Month, stage: String, type: String, severity: String?, sourceOrganisation: String?,
                icoReportable: Bool?, icoReported: Bool, deadlineMet: Bool?, count: Int) {
        self.area = area
        self.month = month
        self.stage = stage
        self.type = type
        self.severity = severity
        self.sourceOrganisation = sourceOrganisation
        self.icoReportable = icoReportable
        self.icoReported = icoReported
        self.deadlineMet = deadlineMet
        self.count = count
    }
}

/// A team or an operator with at least the threshold number of breaches.
public struct RepeatCount: Sendable, Equatable {
    public enum Kind: String, Sendable { case unit, `operator` }
    public var kind: Kind
    public var area: String
    public var id: String
    public var breaches: Int

    public init(kind: Kind, area: String, id: String, breaches: Int) {
        self.kind = kind
        self.area = area
        self.id = id
        self.breaches = breaches
    }
}
