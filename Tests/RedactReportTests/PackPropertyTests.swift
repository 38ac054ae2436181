import Foundation
import PropertyBased
import RedactLog
import Testing
@testable import RedactReport

/// Issue 5, point 4: pack figures are checked against independent paths over random logs.
///
/// For random logs (see ``RandomLog``) and each period kind:
/// - every figure of the national pack and of each area's pack equals a direct SQL count
///   written in ``DirectCounts`` (not the pack's queries), for the period, the previous period
///   and the year before;
/// - the areas' packs add up to the national pack;
/// - the totals equal what `log export` writes for the same area and period;
/// - the pack is the same with and without its indexes (the two query paths).

let codesGen = Gen.int(in: 0...10_000).array(of: 8...8).array(of: 0...45)
let periods = ["2026-Q3", "2026-09", "FY2025-26", "2026-Q1", "2025-07", "FY2026-27", "2026-06"]
let periodGen = Gen.int(in: 0...(periods.count - 1))

@Test func packFiguresMatchDirectCountsAndAddUp() async throws {
    await propertyCheck(count: 30, input: codesGen, periodGen) { codes, p in
        let dir = TempDir()
        let path = dir.path("log.sqlite")
        let clock = TestClock(date("2027-01-01T00:00:00Z"))
        guard let store = try? makeStore(path, clock: clock) else { Issue.record("store"); return }
        RandomLog.build(store, clock: clock, codes: codes)
        do {
            let period = try PackPeriod(parsing: periods[p])
            // Without indexes first (the file has none yet), then with them.
            let plain = try pack(path, .national, periods[p], createIndexes: false)
            let national = try pack(path, .national, periods[p])
            #expect(plain.current == national.current && plain.previous == national.previous && plain.yearBefore == national.yearBefore)

            let direct = try DirectCounts(path)
            try expectMatches(national, direct, area: nil, period: period)
            var sum = [Figures(), Figures(), Figures()]
            for area in RandomLog.areas {
                let a = try pack(path, .area(area), periods[p])
                try expectMatches(a, direct, area: area, period: period)
                #expect(a.national?.redactionsByCategory == national.current.redactionsByCategory)
                for (i, f) in [a.current, a.previous, a.yearBefore].enumerated() { sum[i] = add(sum[i], f) }
            }
            for (i, f) in [national.current, national.previous, national.yearBefore].enumerated() {
                #expect(counts(sum[i]) == counts(f), "areas add up to the national pack (window \(i))")
            }
            try expectExportAgrees(national, store, area: nil, period: period)
            try expectExportAgrees(try pack(path, .area("cps-wessex"), periods[p]), store, area: "cps-wessex", period: period)
        } catch {
            Issue.record("pack failed: \(error)")
        }
    }
}

/// Each window's figures against the direct counts.
func expectMatches(_ pack: Pack, _ d: DirectCounts, area: String?, period: PackPeriod) throws {
    let keep = Set(Reference.builtIn.codes(.justifications).filter(Reference.builtIn.isKeepDecision))
    for (w, f) in zip([period.window, period.previous.window, period.yearBefore.window], [pack.current, pack.previous, pack.yearBefore]) {
        #expect(f.documentsShared == (try d.shared(w, area)))
        #expect(f.documentsProcessed == (try d.processed(w, area)))
        #expect(f.redactions == (try d.redactions(w, area))["total"] ?? 0)
        #expect(f.redactionsByCategory == (try d.redactions(w, area, by: "category")))
        let justifications = try d.redactions(w, area, by: "justification")
        #expect(f.redactionsByJustification == justifications)
        #expect(f.kept == justifications.filter { keep.contains($0.key) }.values.reduce(0, +))
        #expect(f.redactionsByStyle == (try d.redactions(w, area, by: "style")))
        #expect(f.sharesByRecipient == (try d.recipients(w, area)))
        #expect(f.registerByStage == (try d.register(w, area, by: "stage")))
        #expect(f.breachesByType == (try d.register(w, area, by: "breach_type", where: "l.stage = 'breach'")))
        #expect(f.breachesBySeverity == (try d.register(w, area, by: "severity", where: "l.stage = 'breach'")))
        #expect(f.incomingBySource == (try d.register(w, area, by: "source_org", where: "l.stage = 'incoming-failure-to-redact'")))
        #expect(f.nearMisses == (try d.register(w, area, by: "stage"))["near-miss"] ?? 0)
        #expect(f.icoReported == (try d.register(w, area, by: "stage", where: "l.ico_reported_at IS NOT NULL AND l.stage = 'breach'"))["breach"] ?? 0)
        #expect(f.reportedWithin72h == (try d.register(w, area, by: "stage", where: "l.deadline_met = 1 AND l.stage = 'breach'"))["breach"] ?? 0)
        #expect(f.reportingMinutes == (try d.minutes(w, area)))
        #expect(f.redactionsByCategory.values.reduce(0, +) == f.redactions)
    }
}

/// The totals against `log export` for the period: disclosure lines not corrected by any entry
/// of the log, their redaction rows, and their categories.
func expectExportAgrees(_ pack: Pack, _ store: SQLiteLogStore, area: String?, period: PackPeriod) throws {
    let all = try exportedEntries(store, ExportFilter())
    let corrected = Set(all.compactMap { $0["corrects"] as? String })
    let inPeriod = try exportedEntries(store, ExportFilter(area: area, since: period.window.start, until: period.window.end))
        .filter { $0["kind"] as? String == "disclosure" && !corrected.contains($0["entry_id"] as! String) }
    let rows = inPeriod.flatMap { ($0["redaction"] as? [[String: Any]]) ?? [] }
    #expect(pack.current.documentsShared == inPeriod.count)
    #expect(pack.current.redactions == rows.count)
    var byCategory: [String: Int] = [:]
    for r in rows { byCategory[r["category"] as! String, default: 0] += 1 }
    #expect(pack.current.redactionsByCategory == byCategory)
}

/// Adds the count fields of two figures (the ones that must add up over areas).
func add(_ a: Figures, _ b: Figures) -> Figures {
    func merge(_ x: [String: Int], _ y: [String: Int]) -> [String: Int] { x.merging(y, uniquingKeysWith: +) }
    var s = a
    s.documentsShared += b.documentsShared
    s.documentsProcessed += b.documentsProcessed
    s.redactions += b.redactions
    s.redactionsByCategory = merge(a.redactionsByCategory, b.redactionsByCategory)
    s.redactionsByJustification = merge(a.redactionsByJustification, b.redactionsByJustification)
    s.redactionsByStyle = merge(a.redactionsByStyle, b.redactionsByStyle)
    s.kept += b.kept
    s.sharesByRecipient = merge(a.sharesByRecipient, b.sharesByRecipient)
    s.registerByStage = merge(a.registerByStage, b.registerByStage)
    s.nearMisses += b.nearMisses
    s.nearMissesByType = merge(a.nearMissesByType, b.nearMissesByType)
    s.incomingFailures += b.incomingFailures
    s.incomingBySource = merge(a.incomingBySource, b.incomingBySource)
    s.breaches += b.breaches
    s.breachesByType = merge(a.breachesByType, b.breachesByType)
    s.breachesBySeverity = merge(a.breachesBySeverity, b.breachesBySeverity)
    s.icoReportable += b.icoReportable
    s.icoReported += b.icoReported
    s.reportedWithin72h += b.reportedWithin72h
    s.reportingMinutes = (a.reportingMinutes + b.reportingMinutes).sorted()
    return s
}

/// The count fields only (derived figures follow from them).
func counts(_ f: Figures) -> Figures {
    var c = f
    c.redactionsByCategory = c.redactionsByCategory.filter { $0.value != 0 }
    return c
}

/// A larger fixed random log (400 events), so the checks above also run once over a log with
/// every kind of record in every window, whatever the random draws did.
@Test func fixedLargeLogMatchesDirectCounts() throws {
    var state: UInt64 = 2026
    func next() -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int(state >> 33) % 10_001
    }
    let codes = (0..<400).map { _ in (0..<8).map { _ in next() } }
    let dir = TempDir()
    let path = dir.path("log.sqlite")
    let clock = TestClock(date("2027-01-01T00:00:00Z"))
    let store = try makeStore(path, clock: clock)
    let built = RandomLog.build(store, clock: clock, codes: codes)
    #expect(built.disclosures > 200 && built.breaches > 30)
    let period = try PackPeriod(parsing: "FY2025-26")
    let national = try pack(path, .national, "FY2025-26")
    #expect(national.current.breaches > 0 && national.current.icoReported > 0 && national.current.nearMisses > 0)
    #expect(national.current.incomingFailures > 0 && national.current.kept > 0)
    try expectMatches(national, try DirectCounts(path), area: nil, period: period)
    try expectExportAgrees(national, store, area: nil, period: period)
    var sum = Figures()
    for area in RandomLog.areas {
        let a = try pack(path, .area(area), "FY2025-26")
        try expectMatches(a, try DirectCounts(path), area: area, period: period)
        sum = add(sum, a.current)
    }
    #expect(counts(sum) == counts(national.current))
}
