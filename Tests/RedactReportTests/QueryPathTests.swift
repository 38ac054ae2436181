import Foundation
import GRDB
import PropertyBased
import Testing
@testable import RedactReport
import RedactLog

/// The three ways the SQLite source counts redaction rows (runs through the index, a probe of
/// every row, a plain GROUP BY) agree, including on logs recorded out of time order (imports),
/// where runs split.
@Test func redactionQueryPathsAgree() async throws {
    await propertyCheck(count: 25, input: codesGen, periodGen) { codes, p in
        let dir = TempDir()
        let path = dir.path("log.sqlite")
        let clock = TestClock(date("2027-01-01T00:00:00Z"))
        guard let store = try? makeStore(path, clock: clock) else { return }
        RandomLog.build(store, clock: clock, codes: codes)
        do {
            let source = try SQLitePackSource(path: path)
            let w = try PackPeriod(parsing: periods[p]).window
            func sorted(_ g: [RedactionGroup]) -> [RedactionGroup] {
                g.sorted { ($0.category, $0.justification, $0.style) < ($1.category, $1.justification, $1.style) }
            }
            let (ranged, probed, grouped) = try source.read("test") { db in
                (try source.rangedGroups(db, w), try source.probedGroups(db, w), try source.sortedGroups(db, w, area: nil))
            }
            #expect(sorted(ranged) == sorted(grouped))
            #expect(sorted(probed) == sorted(grouped))
        } catch {
            Issue.record("\(error)")
        }
    }
}

/// The pack indexes are added once, leave the log appendable and verifiable, and a pack counts
/// only entries up to the head it read when opened.
@Test func packIndexesAreCreatedOnceAndIdempotent() throws {
    let dir = TempDir()
    let path = dir.path("log.sqlite")
    let clock = TestClock(date("2026-09-10T10:00:00Z"))
    let store = try makeStore(path, clock: clock)
    try store.recordDisclosure(DisclosureEvent(disclosedAt: clock.now, context: context(area: "cps-wessex"), documentName: "a.pdf",
                                               originalSHA256: hex(1), redactedSHA256: hex(2),
                                               redactions: [RedactionRecord(category: "postcode", rule: "r", start: 0, end: 5, style: "label")]))
    #expect(try PackIndexes.ensure(path: path) != nil)
    #expect(try PackIndexes.ensure(path: path) == nil)
    // The log still appends and verifies with the indexes in place.
    try store.recordDisclosure(DisclosureEvent(disclosedAt: clock.now, context: context(area: "cps-wessex"), documentName: "b.pdf",
                                               originalSHA256: hex(1), redactedSHA256: hex(3), redactions: []))
    #expect(try store.verify(against: nil).isValid)
    let source = try SQLitePackSource(path: path)
    try store.recordDisclosure(DisclosureEvent(disclosedAt: clock.now, context: context(area: "cps-wessex"), documentName: "c.pdf",
                                               originalSHA256: hex(4), redactedSHA256: hex(5), redactions: []))
    let early = try PackBuilder(reference: .builtIn).build(
        PackRequest(scope: .area("cps-wessex"), period: try PackPeriod(parsing: "2026-09")), from: source)
    #expect(early.current.documentsShared == 2)
    #expect(early.source.entries == 2)
    let p = try pack(path, .area("cps-wessex"), "2026-09")
    #expect(p.current.documentsShared == 3)
    #expect(p.current.documentsProcessed == 2)
    #expect(p.current.redactions == 1)
}
