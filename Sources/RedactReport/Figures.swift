import Foundation
import RedactLog

/// Every measure of a pack for one scope (an area, or all) and one period.
///
/// Counts are exact; the derived figures (rates, median, percentages) are computed from them
/// here, in one place, so every renderer shows the same number. Register stages follow the CPS
/// distinction (domain notes, section 2): material arriving unredacted is an *incoming failure
/// to redact*, one caught before sharing a *near miss*, and only a disclosure is a *breach*.
public struct Figures: Sendable, Equatable {
    /// Disclosure events: one per document copy shared with one recipient.
    public var documentsShared = 0
    /// Distinct original documents redacted for those shares, per area (the national figure is
    /// the sum over areas).
    public var documentsProcessed = 0
    /// Redaction rows, including spans deliberately kept with a reason.
    public var redactions = 0
    public var redactionsByCategory: [String: Int] = [:]
    public var redactionsByJustification: [String: Int] = [:]
    public var redactionsByStyle: [String: Int] = [:]
    /// Rows whose justification records a decision not to redact (reference column `keep`).
    public var kept = 0
    public var sharesByRecipient: [String: Int] = [:]
    /// Register records by stage (all three stages).
    public var registerByStage: [String: Int] = [:]
    public var nearMisses = 0
    public var nearMissesByType: [String: Int] = [:]
    public var incomingFailures = 0
    public var incomingBySource: [String: Int] = [:]
    /// Register records at stage `breach`.
    public var breaches = 0
    public var breachesByType: [String: Int] = [:]
    /// Keyed by severity code; ``unassessed`` when no severity is recorded yet.
    public var breachesBySeverity: [String: Int] = [:]
    /// Breaches decided reportable to the ICO, reported, and reported within 72 hours.
    public var icoReportable = 0
    public var icoReported = 0
    public var reportedWithin72h = 0
    /// Minutes from becoming aware to reporting, one per reported breach, ascending.
    public var reportingMinutes: [Int] = []
    /// QA second checks recorded (`redact qa --log`), and how many passed.
    public var qaChecks = 0
    public var qaPassed = 0

    public static let unassessed = "unassessed"

    public init() {}

    /// Nothing at all was recorded.
    public var isEmpty: Bool {
        documentsShared == 0 && redactions == 0 && registerByStage.values.allSatisfy { $0 == 0 }
    }

    // MARK: Derived figures

    /// Redaction rows per document shared.
    public var redactionsPerDocument: Double? {
        documentsShared > 0 ? Double(redactions) / Double(documentsShared) : nil
    }

    /// Breaches per 1,000 documents shared.
    public var breachRatePer1000: Double? {
        documentsShared > 0 ? Double(breaches) * 1000 / Double(documentsShared) : nil
    }

    /// Share of reported breaches that reached the ICO within 72 hours, in percent.
    public var within72hPercent: Double? {
        icoReported > 0 ? Double(reportedWithin72h) * 100 / Double(icoReported) : nil
    }

    /// Median hours from becoming aware to reporting (the mean of the middle two when even).
    public var medianHoursToReport: Double? {
        let m = reportingMinutes
        guard !m.isEmpty else { return nil }
        let mid = m.count / 2
        let minutes = m.count % 2 == 1 ? Double(m[mid]) : Double(m[mid - 1] + m[mid]) / 2
        return minutes / 60
    }

    public var maxHoursToReport: Double? { reportingMinutes.last.map { Double($0) / 60 } }

    // MARK: Assembly

    /// Collects the figures of `area` (nil: every area) for the given months from the source's
    /// rows. `documents`, `shares` and `groups` are already for the window (and `shares` and
    /// `groups` for the scope).
    static func collect(area: String?, months: Set<Month>, documents: [AreaDocuments], shares: [DisclosureCell],
                        groups: [RedactionGroup], register: [RegisterGroup], minutes: [AreaMonthValue],
                        reference: Reference) -> Figures {
        func mine(_ a: String) -> Bool { area == nil || a == area }
        var f = Figures()
        for d in documents where mine(d.area) {
            f.documentsShared += d.shared
            f.documentsProcessed += d.processed
            f.redactions += d.redactions
        }
        for c in shares where c.area.map(mine) ?? true {
            if let r = c.recipient { f.sharesByRecipient[r, default: 0] += c.shared }
        }
        for g in groups {
            f.redactionsByCategory[g.category, default: 0] += g.count
            f.redactionsByJustification[g.justification, default: 0] += g.count
            f.redactionsByStyle[g.style, default: 0] += g.count
            if reference.isKeepDecision(g.justification) { f.kept += g.count }
        }
        for r in register where months.contains(r.month) && mine(r.area) {
            f.registerByStage[r.stage, default: 0] += r.count
            switch r.stage {
            case BreachStage.nearMiss.rawValue:
                f.nearMisses += r.count
                f.nearMissesByType[r.type, default: 0] += r.count
            case BreachStage.incomingFailureToRedact.rawValue:
                f.incomingFailures += r.count
                f.incomingBySource[r.sourceOrganisation ?? "unknown", default: 0] += r.count
            case BreachStage.breach.rawValue:
                f.breaches += r.count
                f.breachesByType[r.type, default: 0] += r.count
                f.breachesBySeverity[r.severity ?? unassessed, default: 0] += r.count
                if r.icoReportable == true { f.icoReportable += r.count }
                if r.icoReported { f.icoReported += r.count }
                if r.deadlineMet == true { f.reportedWithin72h += r.count }
            default:
                break
            }
        }
        f.reportingMinutes = minutes.filter { months.contains($0.month) && mine($0.area) }.map(\.value).sorted()
        return f
    }
}
