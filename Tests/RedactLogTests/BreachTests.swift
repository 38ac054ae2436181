import Foundation
import Testing
@testable import RedactLog

@Suite struct BreachTests {
    let clock = TestClock(date("2025-05-10T12:00:00Z"))

    func breach(aware: String = "2025-05-10T09:00:00Z") -> BreachRecord {
        BreachRecord(stage: .breach, type: "wrong-recipient-email", severity: "retained-within-cjs", area: "cps-london-north",
                     unit: "crown-court-unit", caseReference: "01LN7654321", occurredAt: date("2025-05-01T00:00:00Z"),
                     becameAwareAt: date(aware), detectedAt: date("2025-05-10T08:30:00Z"),
                     dataCategories: [.init("person_name"), .init("victim-witness-details")], dataSubjects: 2, records: 1,
                     facts: "MG11 of \(Planted.name) emailed to the wrong defence firm", effects: "Witness address exposed",
                     recordedBy: "op.7")
    }

    @Test(arguments: Backend.allCases) func updatesAreNewVersionsAndTheHistoryIsKept(backend: Backend) throws {
        let store = try backend.makeLog(clock: clock)
        let b = breach()
        let r1 = try store.recordBreach(b)
        clock.advance(hours: 5)
        try store.updateBreach(id: b.id, recordedBy: "op.8") {
            $0.remedialAction = "Recipient confirmed deletion in writing"
            $0.icoReportable = true
            $0.icoDecisionReason = "Risk to the witness: address disclosed to the defendant's firm"
            $0.icoDecidedAt = clock.get()
        }
        clock.advance(hours: 20)
        let r3 = try store.updateBreach(id: b.id, recordedBy: "op.8") {
            $0.icoReportedAt = clock.get()
            $0.subjectsInformed = true
            $0.status = .closed
        }
        #expect(r3.seq == r1.seq + 2)
        let history = try store.breachHistory(id: b.id)
        #expect(history.map(\.version) == [1, 2, 3])
        #expect(history.map(\.recordedBy) == ["op.7", "op.8", "op.8"])
        #expect(history[0].icoReportable == nil)
        #expect(history[0].status == .open)
        let last = history[2]
        #expect(last.status == .closed)
        #expect(last.minutesToReport == 28 * 60)        // aware 09:00, reported 13:00 next day
        #expect(last.deadlineMet == true)
        #expect(last.remedialAction == "Recipient confirmed deletion in writing")
        #expect(last.dataCategories.map(\.category) == ["person_name", "victim-witness-details"])
        // Free text was scanned before it was stored, and the record says so.
        #expect(history[0].facts == "MG11 of [REDACTED] emailed to the wrong defence firm")
        #expect(history[0].textScanner == "test-redactor 1")
        #expect(history[0].textRedactions == 1)
        #expect(try store.breaches(BreachFilter()).map(\.version) == [3])
        #expect(try store.breaches(BreachFilter(status: .open)).isEmpty)
        #expect(try store.verify(against: nil).isValid)
        #expect((#expect(throws: LogError.self) { try store.updateBreach(id: UUID(), recordedBy: "op.1") { _ in } })?.kind == .notFound)
        #expect((#expect(throws: LogError.self) { try store.recordBreach(b) })?.kind == .conflict)
    }

    @Test(arguments: Backend.allCases) func overdueListsBreachesWhoseClockRunsOutWithNoDecision(backend: Backend) throws {
        let store = try backend.makeLog(clock: clock)
        let fresh = breach(aware: "2025-05-10T11:00:00Z")           // 71 h left
        let soon = breach(aware: "2025-05-07T14:00:00Z")            // 2 h left
        let late = breach(aware: "2025-05-06T12:00:00Z")            // 24 h over
        var decided = breach(aware: "2025-05-06T12:00:00Z")
        decided.icoReportable = false
        decided.icoDecisionReason = "Unlikely to result in a risk: retained within the CJS"
        var reportable = breach(aware: "2025-05-08T10:00:00Z")      // decided, not reported, 22 h left
        reportable.icoReportable = true
        reportable.icoDecisionReason = "Severe: medical notes"
        var nearMiss = breach(aware: "2025-05-01T12:00:00Z")
        nearMiss.stage = .nearMiss
        for b in [fresh, soon, late, decided, reportable, nearMiss] { try store.recordBreach(b) }

        let overdue = try store.overdueBreaches(warningHours: 24)
        #expect(overdue.map(\.breach.id) == [late.id, soon.id, reportable.id])
        #expect(overdue.map(\.reason) == [.noDecision, .noDecision, .notReported])
        #expect(abs(overdue[0].hoursRemaining - -24) < 0.01)
        #expect(abs(overdue[1].hoursRemaining - 2) < 0.01)
        #expect(try store.overdueBreaches(warningHours: 0).map(\.breach.id) == [late.id])
        // Recording the decision takes it off the list.
        try store.updateBreach(id: late.id, recordedBy: "op.9") {
            $0.icoReportable = false
            $0.icoDecisionReason = "No risk"
        }
        #expect(try store.overdueBreaches(warningHours: 0).isEmpty)
    }

    @Test(arguments: Backend.allCases) func theICODecisionRulesAreEnforced(backend: Backend) throws {
        let store = try backend.makeLog(clock: clock)
        func refused(_ change: (inout BreachRecord) -> Void) -> LogError? {
            var b = breach()
            change(&b)
            return #expect(throws: LogError.self) { try store.recordBreach(b) }
        }
        // A decision without its reason.
        #expect(refused { $0.icoReportable = true }?.kind == .invalidInput)
        // Reported without a decision to report.
        #expect(refused { $0.icoReportedAt = date("2025-05-10T10:00:00Z") } != nil)
        // Reported after 72 hours without the reason for the delay.
        let late = refused {
            $0.becameAwareAt = date("2025-05-06T09:00:00Z"); $0.occurredAt = nil
            $0.icoReportable = true; $0.icoDecisionReason = "Severe"
            $0.icoReportedAt = date("2025-05-10T09:00:00Z")
        }
        #expect(late?.message.contains("late reason") == true)
        // Closed before the decision.
        #expect(refused { $0.status = .closed } != nil)
        // A near miss is never reported to the ICO.
        #expect(refused { $0.stage = .nearMiss; $0.icoReportable = true; $0.icoDecisionReason = "x" } != nil)
        // Times out of order or in the future.
        #expect(refused { $0.occurredAt = date("2025-05-10T10:00:00Z") } != nil)
        #expect(refused { $0.becameAwareAt = date("2025-05-11T09:00:00Z") } != nil)
        #expect(refused { $0.icoDecidedAt = date("2025-05-10T10:00:00Z") } != nil)
        // Unknown codes, with the valid ones listed.
        let t = refused { $0.type = "spilled-coffee" }
        #expect(t?.kind == .unknownCode)
        #expect(t?.validCodes.contains("failure-to-redact") == true)
        #expect(refused { $0.severity = "catastrophic" }?.kind == .unknownCode)
        #expect(refused { $0.area = "cps-mars" }?.kind == .unknownCode)
        #expect(refused { $0.dataCategories = [.init("shoe_size")] }?.kind == .unknownCode)
        #expect(refused { $0.stage = .incomingFailureToRedact } != nil)       // needs its source
        #expect(refused { $0.sourceOrganisation = "acme-police" }?.kind == .unknownCode)
        // Counts.
        #expect(refused { $0.dataSubjects = -1 } != nil)
        #expect(refused { $0.records = 1_000_000_000 } != nil)
        #expect(refused { $0.dataCategories = [.init("nino", findings: -2)] } != nil)
        // Over-long free text.
        #expect(refused { $0.effects = String(repeating: "x", count: 5000) } != nil)
        // Links to entries the log does not hold.
        #expect(refused { $0.linkedEntries = [UUID()] }?.kind == .notFound)
        #expect(try store.checkpoint().count == 0)
        // A late report with its reason is accepted and marked late.
        var ok = breach(aware: "2025-05-06T09:00:00Z")
        ok.occurredAt = nil
        ok.icoReportable = true; ok.icoDecisionReason = "Severe"; ok.icoReportedAt = date("2025-05-10T09:00:00Z")
        ok.lateReason = "The area learned of the breach from the recipient only on day four"
        try store.recordBreach(ok)
        let stored = try #require(try store.breachHistory(id: ok.id).first)
        #expect(stored.deadlineMet == false)
        #expect(stored.minutesToReport == 96 * 60)
    }

    @Test(arguments: Backend.allCases) func freeTextNeedsARedactor(backend: Backend) throws {
        let store = try backend.makeLog(clock: clock, redactor: nil)
        #expect((#expect(throws: LogError.self) { try store.recordBreach(breach()) })?.kind == .redactorRequired)
        var plain = breach()
        plain.facts = nil; plain.effects = nil
        try store.recordBreach(plain)
        #expect(try store.breachHistory(id: plain.id).first?.textScanner == "none")
    }

    @Test(arguments: Backend.allCases) func gateFindingsFeedTheRegisterWithoutTyping(backend: Backend) throws {
        let store = try backend.makeLog(clock: clock)
        let gate = GateContext(area: "cps-wessex", caseReference: "52AB1234567", operatorID: "pipeline.1",
                               sourceOrganisation: "dorset-police", packVersion: "uk-1.0.0", toolVersion: "0.1.0")
        try store.recordGateFinding(GateFinding(context: gate, documentName: "mg5-\(Planted.name).txt", documentSHA256: zeroHash,
                                                counts: ["nhs_number": 2, "postcode": 1, "pack_extra": 1], detectedAt: clock.get()))
        var nm = gate
        nm.stage = .nearMiss
        nm.sourceOrganisation = nil
        try store.recordGateFinding(GateFinding(context: nm, documentName: "out.txt", documentSHA256: zeroHash,
                                                counts: ["person_name": 1], detectedAt: clock.get()))
        let incoming = try store.breaches(BreachFilter(stage: .incomingFailureToRedact))
        #expect(incoming.count == 1)
        let r = incoming[0]
        #expect(r.recordedVia == .gate)
        #expect(r.type == "failure-to-redact")
        #expect(r.sourceOrganisation == "dorset-police")
        #expect(r.status == .closed)
        #expect(r.documentName == "mg5-[REDACTED].txt")
        #expect(r.dataCategories == [.init("nhs_number", findings: 2), .init("pack_extra", findings: 1), .init("postcode", findings: 1)])
        #expect(try store.breaches(BreachFilter(stage: .nearMiss, recordedVia: .gate)).count == 1)
        #expect(try store.overdueBreaches(warningHours: 1000).isEmpty)
        var none = gate
        none.sourceOrganisation = nil
        #expect(throws: LogError.self) {
            try store.recordGateFinding(GateFinding(context: none, documentName: "x", documentSHA256: zeroHash, counts: ["nino": 1]))
        }
    }
}
