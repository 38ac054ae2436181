import Foundation
import Testing
@testable import RedactLog

/// QA second checks in the log: entry kind `qa-check`, chained, verified, exported and imported.
@Suite struct QALogTests {
    func check(area: String = "cps-wessex", redacted: String = oneHash, result: QAResult = .pass, findingsLeft: Int = 0,
               document: String = "mg11-statement.txt", disclosure: UUID? = nil) -> QACheckRecord {
        QACheckRecord(area: area, caseReference: "52AB1234567", checker: "op.2001", documentName: document,
                      originalSHA256: zeroHash, redactedSHA256: redacted, disclosureEntry: disclosure, result: result,
                      spans: 3, findingsLeft: findingsLeft, packVersion: "uk-1.0.0", toolVersion: "0.1.0")
    }

    @Test(arguments: Backend.allCases) func aCheckIsLinkedToTheDisclosureOfItsCopyAndVerifies(backend: Backend) throws {
        let store = try backend.makeLog()
        let shared = try store.recordDisclosure(event())               // redacted copy: oneHash
        var other = context
        other.area = "cps-cymru-wales"
        try store.recordDisclosure(event(context: other))              // same digest, another area
        let linked = try store.recordQACheck(check())
        try store.recordQACheck(check(redacted: String(repeating: "2", count: 64), result: .fail, findingsLeft: 2))
        try store.recordQACheck(check(area: "cps-london-north"))      // no disclosure of that copy there

        let checks = try store.qaChecks()
        #expect(checks.map(\.result) == [.pass, .fail, .pass])
        #expect(checks[0].id == linked.entryID)
        #expect(checks[0].disclosureEntry == shared.entryID)
        #expect(checks[1].disclosureEntry == nil && checks[1].findingsLeft == 2)
        #expect(checks[2].disclosureEntry == nil)
        #expect(checks[0].checker == "op.2001" && checks[0].caseReference == "52AB1234567")
        #expect(try store.qaChecks(area: "cps-wessex").count == 2)
        let report = try store.verify(against: nil)
        #expect(report.isValid && report.entries == 5)
    }

    /// What `redact qa sample` draws from: an area's disclosures recorded in `[since, until)`, in
    /// chain order, without holds and without those a later entry corrects.
    @Test(arguments: Backend.allCases) func disclosuresToSampleAreAnAreasUncorrectedOnesInTheWindow(backend: Backend) throws {
        let clock = TestClock(date("2025-03-01T09:00:00Z"))
        let store = try backend.makeLog(clock: clock)
        var wessex = context
        var northEast = context
        northEast.area = "cps-north-east"
        func record(_ day: Int, _ ctx: LogContext, document: String = "mg11-statement.txt", held: Bool = false,
                    corrects: UUID? = nil) throws -> EntryReceipt {
            clock.set(date("2025-03-0\(day)T09:00:00Z"))
            var e = event(document: document, context: ctx, at: clock.get())
            e.held = held
            e.corrects = corrects
            return try store.recordDisclosure(e)
        }
        let first = try record(1, wessex, document: "statement of \(Planted.name).txt")
        let corrected = try record(2, wessex)
        try record(2, northEast)
        try record(2, wessex, held: true)
        wessex.recipient = "court"
        let correction = try record(3, wessex, corrects: corrected.entryID)
        try record(4, wessex)                                         // the window's end is exclusive
        let sample = try store.disclosures(area: "cps-wessex", since: date("2025-03-01"), until: date("2025-03-04"))
        #expect(sample.map(\.entryID) == [first.entryID, correction.entryID].map { $0.uuidString.lowercased() })
        #expect(sample.map(\.recordedAt) == [date("2025-03-01T09:00:00Z"), date("2025-03-03T09:00:00Z")])
        #expect(sample.map(\.recipient) == ["defence", "court"])
        #expect(sample[0].documentName == "statement of [REDACTED].txt")
        #expect(sample.allSatisfy { $0.area == "cps-wessex" && $0.caseReference == "52AB1234567" && $0.redactedSHA256 == oneHash })
        #expect(try store.disclosures(area: "cps-north-east", since: date("2025-03-01"), until: date("2025-03-04")).count == 1)
        let unknown = #expect(throws: LogError.self) { try store.disclosures(area: "cps-atlantis", since: Date(), until: Date()) }
        #expect(unknown?.kind == .unknownCode)
    }

    @Test(arguments: Backend.allCases) func checksAreValidatedAndTheirNamesScanned(backend: Backend) throws {
        let store = try backend.makeLog()
        let withProblems = #expect(throws: LogError.self) { try store.recordQACheck(check(result: .pass, findingsLeft: 1)) }
        #expect(withProblems?.kind == .invalidInput)
        let unknown = #expect(throws: LogError.self) { try store.recordQACheck(check(disclosure: UUID())) }
        #expect(unknown?.kind == .notFound)
        let area = #expect(throws: LogError.self) { try store.recordQACheck(check(area: "cps-atlantis")) }
        #expect(area?.kind == .unknownCode)
        try store.recordQACheck(check(document: "statement of \(Planted.name).txt"))
        let stored = try #require(try store.qaChecks().first)
        #expect(stored.documentName == "statement of [REDACTED].txt")
        let out = MemoryOutput()
        try store.export(format: .jsonl, filter: .init(), to: out)
        for p in Planted.all { #expect(!out.text.contains(p)) }
    }

    @Test(arguments: Backend.allCases) func aChangedCheckBreaksTheChainAtThatEntry(backend: Backend) throws {
        let store = try backend.makeLog()
        try store.recordDisclosure(event())
        try store.recordQACheck(check(result: .fail, findingsLeft: 1))
        try store.recordDisclosure(event())
        #expect(throws: (any Error).self) { try store.execute("UPDATE qa_check SET result = 'pass'") }
        #expect(throws: (any Error).self) { try store.execute("DELETE FROM qa_check") }
        #expect(try store.count("qa_check") == 1)
        try store.allowTampering()
        try store.execute("UPDATE qa_check SET result = 'pass', findings_left = 0")
        let report = try store.verify(against: nil)
        #expect(report.problem?.seq == 2)
    }

    @Test(arguments: Backend.allCases) func checksTravelThroughExportAndImport(backend: Backend) throws {
        let area = try backend.makeLog()
        try area.recordDisclosure(event())
        try area.recordQACheck(check())
        try area.recordQACheck(check(result: .fail, findingsLeft: 3))
        let out = MemoryOutput()
        try area.export(format: .jsonl, filter: .init(), to: out)
        #expect(out.text.contains("\"kind\":\"qa-check\""))
        let national = try backend.makeLog()
        let summary = try national.importExport(StringInput(out.text, name: "area.jsonl"))
        #expect(summary.added == 3)
        #expect(try national.verify(against: nil).isValid)
        #expect(try national.qaChecks() == (try area.qaChecks()))

        // An entry of this kind must hold exactly its own row.
        let lines = out.text.split(separator: "\n").map(String.init)
        let forged = lines[0] + "\n" + lines[1] + "\n" + lines[2].replacingOccurrences(of: "\"kind\":\"qa-check\"", with: "\"kind\":\"breach\"") + "\n"
        let third = try backend.makeLog()
        #expect(throws: LogError.self) { try third.importExport(StringInput(forged)) }
        #expect(try third.checkpoint().count == 0)

        let csv = MemoryOutput()
        try area.export(format: .csv, filter: .init(), to: csv)
        let rows = csv.text.split(separator: "\n")
        #expect(rows.filter { $0.hasPrefix("qa_check,") }.count == 2)
        let header = rows[0].split(separator: ",").map(String.init)
        // The QA columns come last, so earlier columns keep their places.
        #expect(Array(header.suffix(9)) == ["checked_at", "checker", "result", "disclosure_entry", "spans", "findings_left",
                                           "changed_outside", "spans_not_redacted", "manifest_problems"])
        #expect(header[header.count - 11] == "data_categories")
    }
}
