import Foundation
import Testing
@testable import RedactReport
import RedactLog

/// An empty log, or a period with nothing in it, gives a clear pack that says so, in every format.
@Test func emptyLogGivesAClearPack() throws {
    let dir = TempDir()
    let path = dir.path("empty.sqlite")
    _ = try makeStore(path, clock: TestClock(date("2026-11-01T00:00:00Z")))
    for scope in [PackScope.national, .area("cps-wessex")] {
        let p = try pack(path, scope, "2026-Q3")
        #expect(p.isEmpty)
        #expect(p.notes.first == "The log is empty: nothing has been recorded in it yet.")
        for format in PackFormat.allCases {
            let text = PackRenderer.render(p, as: format, reference: .builtIn)
            #expect(!text.isEmpty)
        }
        let html = PackRenderer.render(p, as: .html, reference: .builtIn)
        #expect(html.contains("class=\"notice\""))
        #expect(html.contains("The log is empty"))
    }
}

@Test func quietPeriodSaysNothingWasRecorded() throws {
    let p = try pack(Fixture.demoPath, .area("cps-wessex"), "2030-01")
    #expect(p.isEmpty)
    #expect(p.notes.first?.hasPrefix("Nothing was recorded for CPS Wessex in January 2030") == true)
    let json = try JSONSerialization.jsonObject(with: Data(PackJSON.render(p).utf8)) as! [String: Any]
    #expect(json["empty"] as? Bool == true)
    #expect((json["redactions"] as? [String: Any])?["total"] as? Int == 0)
    let md = PackRenderer.render(p, as: .md, reference: .builtIn)
    #expect(md.contains("> Nothing was recorded"))
}

@Test func comparisonsBeforeTheLogAreMarked() throws {
    let p = try pack(Fixture.demoPath, .national, "2025-01")
    #expect(!p.previousCovered)
    #expect(!p.yearBeforeCovered)
    #expect(p.notes.contains { $0.contains("no previous-period comparison") })
    let md = PackRenderer.render(p, as: .md, reference: .builtIn)
    #expect(md.contains("before the log"))
}

@Test func comparisonsThatTheLogOnlyPartlyCoversAreSaidToBePartial() throws {
    // The fixture log begins in January 2025: part way through financial year 2024-25.
    let p = try pack(Fixture.demoPath, .national, "FY2025-26")
    #expect(p.previousCovered)
    #expect(p.notes.contains { $0.contains("part way through financial year 2024-25") })
    let json = try JSONSerialization.jsonObject(with: Data(PackJSON.render(p).utf8)) as! [String: Any]
    #expect((json["previous"] as? [String: Any])?["partial"] as? Bool == true)
}
