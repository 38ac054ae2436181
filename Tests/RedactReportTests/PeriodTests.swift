import Foundation
import Testing
@testable import RedactReport

@Test(arguments: [
    ("2026-09", "2026-09", "2026-08", "2025-09", "2026-09-01T00:00:00.000Z", "2026-10-01T00:00:00.000Z"),
    ("2026-Q3", "2026-Q3", "2026-Q2", "2025-Q3", "2026-07-01T00:00:00.000Z", "2026-10-01T00:00:00.000Z"),
    ("2026-q1", "2026-Q1", "2025-Q4", "2025-Q1", "2026-01-01T00:00:00.000Z", "2026-04-01T00:00:00.000Z"),
    ("FY2026-27", "FY2026-27", "FY2025-26", "FY2025-26", "2026-04-01T00:00:00.000Z", "2027-04-01T00:00:00.000Z"),
    ("2026-01", "2026-01", "2025-12", "2025-01", "2026-01-01T00:00:00.000Z", "2026-02-01T00:00:00.000Z"),
])
func periodsParseAndCompare(_ text: String, code: String, previous: String, yearBefore: String, start: String, end: String) throws {
    let p = try PackPeriod(parsing: text)
    #expect(p.code == code)
    #expect(p.previous.code == previous)
    #expect(p.yearBefore.code == yearBefore)
    #expect(p.window.startText == start)
    #expect(p.window.endText == end)
    #expect(p.trendMonths.count == 12)
    #expect(p.trendMonths.last == p.last)
}

@Test(arguments: ["2026-13", "2026-00", "2026-Q5", "FY2026-28", "2026", "Q3-2026", "", "26-09", "2026-9"])
func badPeriodsAreRefused(_ text: String) {
    #expect(throws: ReportError.self) { try PackPeriod(parsing: text) }
}

@Test func financialYearRunsAprilToMarch() throws {
    let fy = try PackPeriod(parsing: "FY2025-26")
    #expect(fy.months.map(\.code) == ["2025-04", "2025-05", "2025-06", "2025-07", "2025-08", "2025-09", "2025-10", "2025-11",
                                      "2025-12", "2026-01", "2026-02", "2026-03"])
    #expect(fy.label.contains("April 2025 to March 2026"))
}

@Test func unknownAreaListsValidCodes() {
    do {
        _ = try PackBuilder(reference: .builtIn).validate(area: "cps-atlantis")
        Issue.record("accepted an unknown area")
    } catch let e as ReportError {
        #expect(e.kind == .unknownArea)
        #expect(e.validCodes.contains("cps-wessex"))
        #expect(e.description.contains("valid codes: cps-cymru-wales"))
    } catch {
        Issue.record("wrong error \(error)")
    }
}

@Test func ranksShareTiesAndSkip() {
    let r = Rank.ranks(["a": 5, "b": 9, "c": 5, "d": nil, "e": 1])
    #expect(r["b"] == Rank(rank: 1, of: 4))
    #expect(r["a"] == Rank(rank: 2, of: 4))
    #expect(r["c"] == Rank(rank: 2, of: 4))
    #expect(r["e"] == Rank(rank: 4, of: 4))
    #expect(r["d"] == nil)
}

@Test func medianAndRates() {
    var f = Figures()
    f.documentsShared = 2000
    f.breaches = 3
    f.icoReported = 4
    f.reportedWithin72h = 3
    f.reportingMinutes = [60, 120, 600, 6000]
    #expect(f.breachRatePer1000 == 1.5)
    #expect(f.within72hPercent == 75)
    #expect(f.medianHoursToReport == 6)
    #expect(f.maxHoursToReport == 100)
    #expect(Figures().breachRatePer1000 == nil)
}

@Test func suppressionHidesSmallCountsOnly() {
    let s = Suppression(below: 5)
    #expect(s.count(0) == "0")
    #expect(s.count(4) == "<5")
    #expect(s.count(5) == "5")
    #expect(s.count(12345) == "12,345")
    #expect(s.json(3) == .null)
    #expect(s.json(7) == .int(7))
    #expect(s.derived(2.5, from: 3) == nil)
    #expect(Suppression(below: nil).count(1) == "1")
}

@Test func aTieOfAllIsNotRanked() {
    #expect(Rank.ranks(["a": 0, "b": 0, "c": 0]).isEmpty)
    #expect(Rank.ranks(["a": 1]).isEmpty)
}
