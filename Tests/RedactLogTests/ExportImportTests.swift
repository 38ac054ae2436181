import Foundation
import Testing
@testable import RedactLog

@Suite struct ExportImportTests {
    func areaLog(_ backend: Backend, area: String, events: Int) throws -> TestLog {
        let store = try backend.makeLog()
        var ctx = context
        ctx.area = area
        for k in 0..<events { try store.recordDisclosure(event(redactions: k % 5, context: ctx)) }
        try store.recordBreach(BreachRecord(stage: .breach, type: "wrong-recipient-email", severity: "severe", area: area,
                                            becameAwareAt: Date().addingTimeInterval(-3600), dataCategories: [.init("nhs_number")],
                                            facts: "Sent to the wrong firm", recordedBy: "op.1"))
        return store
    }

    func export(_ store: any LogStore, _ format: ExportFormat = .jsonl, _ filter: ExportFilter = .init()) throws -> String {
        let out = MemoryOutput()
        try store.export(format: format, filter: filter, to: out)
        return out.text
    }

    /// Areas on one backend, the national log on the same or the other: an export moves between
    /// them unchanged.
    @Test(arguments: Backend.allCases, Backend.allCases)
    func importingAreaExportsBuildsAVerifiedNationalLogAndIsIdempotent(areas: Backend, nation: Backend) throws {
        let wessex = try areaLog(areas, area: "cps-wessex", events: 7)
        let wales = try areaLog(areas, area: "cps-cymru-wales", events: 4)
        let national = try nation.makeLog()
        let ew = try export(wessex), ec = try export(wales)

        let s1 = try national.importExport(StringInput(ew, name: "wessex.jsonl"))
        #expect(s1 == ImportSummary(sourceLogID: wessex.logID, read: 8, added: 8, skipped: 0, complete: true))
        let s2 = try national.importExport(StringInput(ec, name: "wales.jsonl"))
        #expect(s2.added == 5)
        // The same exports again add nothing.
        #expect(try national.importExport(StringInput(ew)).added == 0)
        #expect(try national.importExport(StringInput(ec)).skipped == 5)
        #expect(try national.verify(against: nil).entries == 13)
        #expect(try national.verify(against: nil).isValid)
        #expect(try national.count("redaction") == (try wessex.count("redaction")) + (try wales.count("redaction")))
        #expect(try national.breaches(BreachFilter()).count == 2)

        // Re-exporting the national log and importing it elsewhere keeps the entries' origins.
        let second = try areas.makeLog()
        #expect(try second.importExport(StringInput(try export(national))).added == 13)
        #expect(try second.importExport(StringInput(ew)).added == 0)   // same origin: skipped
        #expect(try second.verify(against: nil).isValid)
        // And a log can import its own export without duplicating anything.
        #expect(try wessex.importExport(StringInput(ew)).added == 0)
    }

    @Test(arguments: Backend.allCases) func anExportWhoseChainDoesNotVerifyIsRejectedWhole(backend: Backend) throws {
        let wessex = try areaLog(backend, area: "cps-wessex", events: 6)
        let text = try export(wessex)
        var lines = text.split(separator: "\n").map(String.init)
        let national = try backend.makeLog()

        // A changed value in entry 4.
        var changed = lines
        changed[4] = changed[4].replacingOccurrences(of: "\"recipient\":\"defence\"", with: "\"recipient\":\"court\"")
        #expect(changed[4] != lines[4])
        let e1 = #expect(throws: LogError.self) { try national.importExport(StringInput(changed.joined(separator: "\n"), name: "w.jsonl")) }
        #expect(e1?.kind == .importRejected)
        #expect(e1?.message.contains("line 5") == true)
        #expect(try national.checkpoint().count == 0)   // nothing from the file was added

        // A removed entry in an unfiltered export.
        var gap = lines
        gap.remove(at: 3)
        #expect((#expect(throws: LogError.self) { try national.importExport(StringInput(gap.joined(separator: "\n"))) })?.kind == .importRejected)
        // A truncated export.
        lines.removeLast()
        #expect((#expect(throws: LogError.self) { try national.importExport(StringInput(lines.joined(separator: "\n"))) })?.kind == .importRejected)
        // Garbage.
        #expect(throws: LogError.self) { try national.importExport(StringInput("{\"format\":\"something-else\"}\n")) }
        #expect(throws: LogError.self) { try national.importExport(StringInput("")) }
        #expect(try national.checkpoint().count == 0)
    }

    @Test(arguments: Backend.allCases) func aForgedEntryClaimingAnotherLogsContentIsAConflict(backend: Backend) throws {
        let a = try areaLog(backend, area: "cps-wessex", events: 2)
        let national = try backend.makeLog()
        try national.importExport(StringInput(try export(a)))
        // A second log that reuses an entry id of the first (a copy of a's file, re-created id).
        let b = try backend.makeLog()
        var e = event()
        let firstID = try #require(try a.column("SELECT entry_id FROM entry WHERE seq = 1").first?.text)
        e.id = try #require(UUID(uuidString: firstID))
        try b.recordDisclosure(e)
        let err = #expect(throws: LogError.self) { try national.importExport(StringInput(try export(b))) }
        #expect(err?.kind == .conflict)
    }

    @Test(arguments: Backend.allCases) func filteredExportsSelectByAreaAndTimeAndStillImport(backend: Backend) throws {
        let clock = TestClock(date("2025-03-01T09:00:00Z"))
        let store = try backend.makeLog(clock: clock)
        var ctx = context
        for (k, area) in ["cps-wessex", "cps-north-east", "cps-wessex", "cps-wessex"].enumerated() {
            ctx.area = area
            clock.set(date("2025-03-0\(k + 1)T09:00:00Z"))
            try store.recordDisclosure(event(context: ctx, at: clock.get()))
        }
        let byArea = try export(store, .jsonl, ExportFilter(area: "cps-wessex"))
        #expect(byArea.split(separator: "\n").count == 1 + 3)
        let byTime = try export(store, .jsonl, ExportFilter(since: date("2025-03-02"), until: date("2025-03-04")))
        #expect(byTime.split(separator: "\n").count == 1 + 2)
        #expect(throws: LogError.self) { try export(store, .jsonl, ExportFilter(area: "nowhere")) }

        let national = try backend.makeLog(clock: clock)
        let s = try national.importExport(StringInput(byArea))
        #expect(s.added == 3)
        #expect(!s.complete)
        #expect(try national.importExport(StringInput(try export(store))).added == 1)
        #expect(try national.verify(against: nil).isValid)
    }

    @Test(arguments: Backend.allCases) func csvHasOneRowPerDisclosureRedactionAndBreach(backend: Backend) throws {
        let store = try areaLog(backend, area: "cps-wessex", events: 3)   // 0 + 1 + 2 redactions
        let csv = try export(store, .csv)
        let lines = csv.split(separator: "\n")
        #expect(lines[0].hasPrefix("record,seq,entry_id,kind"))
        #expect(lines.filter { $0.hasPrefix("disclosure,") }.count == 3)
        #expect(lines.filter { $0.hasPrefix("redaction,") }.count == 3)
        #expect(lines.filter { $0.hasPrefix("breach,") }.count == 1)
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false)
        #expect(Set(header).count == header.count)
        #expect(LogExport.csvField(.text("=HYPERLINK(\"x\")")) == "\"'=HYPERLINK(\"\"x\"\")\"")
    }

    @Test(arguments: Backend.allCases) func exportWritesToAFile(backend: Backend) throws {
        let dir = TempDir()
        let store = try areaLog(backend, area: "cps-wessex", events: 3)
        let out = try FileOutput(path: dir.path("x.jsonl"))
        let summary = try store.export(format: .jsonl, filter: .init(), to: out)
        #expect(summary.entries == 4)
        let national = try backend.makeLog()
        #expect(try national.importExport(try FileInput(path: dir.path("x.jsonl"))).added == 4)
    }
}
