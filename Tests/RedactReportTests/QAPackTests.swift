import Foundation
import GRDB
import Testing
@testable import RedactReport
import RedactLog

/// QA pass rates in the packs, from a log with known results.
@Suite struct QAPackTests {
    /// cps-wessex: 4 passes and 1 failure in September 2026, 1 failure in August;
    /// cps-cymru-wales: 2 passes in September; hmpps-pr-london (another group): 1 failure.
    static func log(_ dir: TempDir) throws -> String {
        let path = dir.path("qa.sqlite")
        let clock = TestClock(date("2026-08-10T10:00:00Z"))
        let store = try makeStore(path, clock: clock)
        func qa(_ area: String, _ at: String, _ result: QAResult) throws {
            clock.now = date(at)
            try store.recordQACheck(QACheckRecord(
                checkedAt: date(at), area: area, checker: "op-9", documentName: "mg11.txt", originalSHA256: hex(1),
                redactedSHA256: hex(2), result: result, spans: 4, findingsLeft: result == .fail ? 1 : 0,
                packVersion: "t1", toolVersion: "t1"))
        }
        try qa("cps-wessex", "2026-08-10T10:00:00Z", .fail)
        for d in 1...4 { try qa("cps-wessex", "2026-09-0\(d)T10:00:00Z", .pass) }
        try qa("cps-wessex", "2026-09-20T10:00:00Z", .fail)
        try qa("cps-cymru-wales", "2026-09-21T10:00:00Z", .pass)
        try qa("cps-cymru-wales", "2026-09-22T10:00:00Z", .pass)
        try qa("hmpps-pr-london", "2026-09-23T10:00:00Z", .fail)
        try qa("cps-wessex", "2026-10-01T00:00:00Z", .fail)   // the next period: not counted
        return path
    }

    @Test func passRatesByAreaAndNationally() throws {
        let dir = TempDir()
        let path = try Self.log(dir)
        let p = try pack(path, .area("cps-wessex"), "2026-09")
        #expect(p.current.qaChecks == 5 && p.current.qaPassed == 4)
        #expect(p.current.qaPassRatePercent == 80)
        #expect(p.previous.qaChecks == 1 && p.previous.qaPassRatePercent == 0)
        let national = try #require(p.national)
        #expect(national.qaChecks == 8 && national.qaPassed == 6)
        #expect(national.qaPassRatePercent == 75)
        let wales = try #require(p.areas.first { $0.area == "cps-cymru-wales" })
        #expect(wales.figures.qaPassRatePercent == 100)
        // Ranked within the CPS group only, 1 = the highest rate.
        #expect(p.ranks[.qaPassRate] == Rank(rank: 2, of: 2))
        #expect(wales.ranks[.qaPassRate] == Rank(rank: 1, of: 2))

        let nat = try pack(path, .national, "2026-09")
        #expect(nat.current.qaChecks == 8 && nat.current.qaPassed == 6)
        // The areas add up to the national figure (an area with only QA checks is listed too).
        #expect(nat.areas.reduce(0) { $0 + $1.figures.qaChecks } == 8)
        #expect(nat.areas.reduce(0) { $0 + $1.figures.qaPassed } == 6)
        #expect(nat.areas.first { $0.area == "hmpps-pr-london" }?.figures.qaPassRatePercent == 0)
    }

    @Test func everyRendererShowsThePassRate() throws {
        let dir = TempDir()
        let p = try pack(try Self.log(dir), .area("cps-wessex"), "2026-09")
        let json = try JSONSerialization.jsonObject(with: Data(PackJSON.render(p).utf8)) as! [String: Any]
        let qa = try #require(json["qa"] as? [String: Any])
        #expect(qa["checks"] as? Int == 5 && qa["passed"] as? Int == 4 && qa["failed"] as? Int == 1)
        #expect(qa["pass_rate_percent"] as? Double == 80)
        #expect(((json["national"] as? [String: Any])?["qa"] as? [String: Any])?["pass_rate_percent"] as? Double == 75)
        #expect(((json["ranks"] as? [String: Any])?["qa.pass_rate_percent"] as? [String: Int])?["rank"] == 2)
        let areas = try #require(json["areas"] as? [[String: Any]])
        #expect((areas.first { $0["area"] as? String == "cps-cymru-wales" }?["qa"] as? [String: Any])?["checks"] as? Int == 2)

        let md = PackRenderer.render(p, as: .md, reference: .builtIn)
        #expect(md.contains("| QA pass rate | 80.0% | 0.0% |"))
        #expect(md.contains("| QA second checks | 5 | 1 |"))
        let csv = PackRenderer.render(p, as: .csv, reference: .builtIn)
        #expect(csv.contains("qa,pass_rate_percent,,QA pass rate,80.00,0.00,,75.00,2,2\r\n"))
        #expect(csv.contains("areas,qa.pass_rate_percent,cps-cymru-wales,CPS Cymru-Wales,100.00,"))
        let html = PackRenderer.render(p, as: .html, reference: .builtIn)
        #expect(html.contains("<h3>QA pass rate</h3><p class=\"value\">80.0%</p>"))
        #expect(html.contains("5 QA second checks"))
    }

    @Test func smallNumbersOfChecksAreSuppressedWithTheirRate() throws {
        let dir = TempDir()
        let p = try pack(try Self.log(dir), .area("cps-wessex"), "2026-09", settings: PackSettings(suppressBelow: 5))
        let t = PackTables(pack: p, labels: Labels(reference: .builtIn))
        #expect(t.text(.qaChecks, p.current) == "5")
        #expect(t.text(.qaPassRate, p.current) == "80.0%")
        #expect(t.text(.qaChecks, p.previous) == "<5")
        #expect(t.text(.qaPassRate, p.previous) == "<5")
        let wales = try #require(p.areas.first { $0.area == "cps-cymru-wales" })
        #expect(t.text(.qaPassRate, wales.figures) == "<5")
        let json = try JSONSerialization.jsonObject(with: Data(PackJSON.render(p).utf8)) as! [String: Any]
        let previous = (json["previous"] as? [String: Any])?["qa"] as? [String: Any]
        #expect(previous?["checks"] is NSNull && previous?["pass_rate_percent"] is NSNull)
        #expect((json["qa"] as? [String: Any])?["pass_rate_percent"] as? Double == 80)
    }

    @Test func theDemoLogHasQAChecksThatThePackCounts() throws {
        let p = try pack(Fixture.demoPath, .national, "2026-Q3")
        let db = try DatabaseQueue(path: Fixture.demoPath, configuration: { var c = Configuration(); c.readonly = true; return c }())
        let (checks, passed) = try db.read { db -> (Int, Int) in
            let row = try Row.fetchOne(db, sql: """
                SELECT COUNT(*), SUM(result = 'pass') FROM qa_check q JOIN entry e USING (seq)
                WHERE e.recorded_at >= '2026-07-01' AND e.recorded_at < '2026-10-01'
                """)!
            return (row[0], row[1] ?? 0)
        }
        #expect(checks > 0 && passed < checks)
        #expect(p.current.qaChecks == checks && p.current.qaPassed == passed)
        // Every QA check of the demo is linked to the disclosure it checked.
        let unlinked = try db.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM qa_check WHERE disclosure_entry IS NULL")! }
        #expect(unlinked == 0)
    }
}
