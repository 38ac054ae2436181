import Foundation
import RedactLog
import RedactReport

/// Builds a small random log through RedactLog's API from a list of event codes (each a few
/// small integers), for the property tests: shrinking the list shrinks the log.
///
/// It goes out of its way to make the awkward cases common: entries recorded out of time order
/// (as imports produce), timestamps exactly on month boundaries, disclosures with no
/// redactions, the same document shared twice, corrections, breaches updated into another
/// stage or area, late ICO reports.
enum RandomLog {
    static let areas = ["cps-wessex", "cps-london-north", "hmpps-pg-wales", "hmpps-pr-london"]
    static let recipients = ["defence", "court", "police", "victim"]
    static let categories = ["person_name", "postcode", "nhs_number", "phone_number", "pnc_id"]
    static let styles = ["label", "block", "keep", "mask"]
    static let sources = ["kent-police", "dorset-police", "metropolitan-police"]
    static let types = ["failure-to-redact", "wrong-recipient-email", "lost-device"]
    static let severities: [String?] = [nil, "very-minor", "retained-within-cjs", "severe"]
    /// June 2025 to December 2026.
    static let firstMonth = Month(year: 2025, month: 6)
    static let months = 19

    struct Built {
        var disclosures = 0
        var breaches = 0
    }

    /// Each code: [kind, area, month, day, recipient, count, category, extra].
    @discardableResult
    static func build(_ store: SQLiteLogStore, clock: TestClock, codes: [[Int]]) -> Built {
        var disclosures: [UUID] = []
        var breaches: [(id: UUID, aware: Date)] = []
        var built = Built()
        for c in codes {
            let v = c + Array(repeating: 0, count: max(0, 8 - c.count))
            let (kind, area, x) = (v[0] % 20, areas[v[1] % areas.count], v[7])
            var time = firstMonth.adding(v[2] % months).start.addingTimeInterval(Double(v[3] % 28) * 86400 + Double(x % 86400))
            if x % 13 == 0 { time = firstMonth.adding(v[2] % months).start }
            if x % 17 == 0 { time = firstMonth.adding(v[2] % months).start.addingTimeInterval(-0.001) }
            clock.now = time
            switch kind {
            case 0...11:
                let rows = (0..<(v[5] % 6)).map { i -> RedactionRecord in
                    let style = styles[(v[6] + i) % styles.count]
                    let justification: String? = style == "keep" ? "required-for-case" : ((x + i) % 3 == 0 ? "victim-witness-contact" : nil)
                    return RedactionRecord(category: categories[(v[6] + i * 7) % categories.count], rule: "r.\(i)", start: i * 10,
                                           end: i * 10 + 5, style: style, justification: justification)
                }
                let corrects = kind == 11 && !disclosures.isEmpty ? disclosures[x % disclosures.count] : nil
                let event = DisclosureEvent(
                    id: UUID(), disclosedAt: time,
                    context: context(area: area, recipient: recipients[v[4] % recipients.count], unit: "team-\(v[4] % 3)",
                                     operatorID: "op-\(v[6] % 4)"),
                    documentName: "doc.pdf", originalSHA256: hex(x % 7), redactedSHA256: hex(x), redactions: rows,
                    corrects: corrects)
                if (try? store.recordDisclosure(event)) != nil {
                    disclosures.append(event.id)
                    built.disclosures += 1
                }
            case 12...14:
                let gate = GateContext(area: area, unit: "team-\(v[4] % 3)", operatorID: "gate-1",
                                       sourceOrganisation: kind == 14 ? nil : sources[v[4] % sources.count],
                                       stage: kind == 14 ? .nearMiss : .incomingFailureToRedact, packVersion: "t1", toolVersion: "t1")
                _ = try? store.recordGateFinding(GateFinding(context: gate, documentName: "in.pdf", documentSHA256: hex(x),
                                                             counts: [categories[v[6] % categories.count]: 1 + v[5] % 3], detectedAt: time))
            case 15...17:
                let stage: BreachStage = [.incomingFailureToRedact, .nearMiss, .breach, .breach][v[4] % 4]
                let aware = time.addingTimeInterval(-300 * 3600)
                var record = BreachRecord(
                    stage: stage, type: types[v[6] % types.count], severity: severities[v[5] % severities.count], area: area,
                    unit: "team-\(v[6] % 3)", sourceOrganisation: stage == .incomingFailureToRedact ? sources[x % sources.count] : nil,
                    becameAwareAt: aware, linkedEntries: disclosures.isEmpty || x % 2 == 0 ? [] : [disclosures[x % disclosures.count]],
                    recordedBy: "op-\(v[6] % 4)")
                if stage == .breach && x % 3 != 1 {
                    let hours = Double((v[6] * 37 + x) % 200 + 1)
                    record.icoReportable = true
                    record.icoDecisionReason = "risk"
                    record.icoDecidedAt = aware
                    if x % 3 == 0 {
                        record.icoReportedAt = aware.addingTimeInterval(hours * 3600)
                        if hours > 72 { record.lateReason = "late" }
                    }
                }
                if (try? store.recordBreach(record)) != nil {
                    breaches.append((record.id, aware))
                    built.breaches += 1
                }
            default:
                guard !breaches.isEmpty else { continue }
                let b = breaches[x % breaches.count]
                clock.now = max(time, b.aware.addingTimeInterval(301 * 3600))
                _ = try? store.updateBreach(id: b.id, recordedBy: "op-9") { r in
                    if r.stage == .nearMiss && x % 2 == 0 { r.stage = .breach }
                    if x % 5 == 0 { r.area = area }
                    r.severity = severities[v[5] % severities.count]
                    if r.stage == .breach && r.icoReportedAt == nil && x % 4 == 0 {
                        r.icoReportable = true
                        r.icoDecisionReason = "risk"
                        r.icoDecidedAt = b.aware
                        r.icoReportedAt = b.aware.addingTimeInterval(Double(x % 150 + 1) * 3600)
                        if x % 150 + 1 > 72 { r.lateReason = "late" }
                    }
                }
            }
        }
        return built
    }
}

extension RandomLog {
    /// QA second checks driven by the same codes (one for about every third code), recorded after
    /// the rest of the log and so out of time order, some exactly on month boundaries: the
    /// packs' QA counts then have passes and failures in every window.
    static func addQAChecks(_ store: SQLiteLogStore, clock: TestClock, codes: [[Int]]) {
        for c in codes {
            let v = c + Array(repeating: 0, count: max(0, 8 - c.count))
            let x = v[7]
            guard x % 3 == 0 else { continue }
            var time = firstMonth.adding((v[2] + 1) % months).start.addingTimeInterval(Double(v[6] % 28) * 86400 + Double(x % 3600))
            if x % 7 == 0 { time = firstMonth.adding((v[2] + 1) % months).start }
            clock.now = time
            _ = try? store.recordQACheck(QACheckRecord(
                checkedAt: time, area: areas[(v[1] + v[4]) % areas.count], checker: "op-\(v[6] % 4)", documentName: "mg11.txt",
                originalSHA256: hex(x % 7), redactedSHA256: hex(x), result: v[5] % 4 == 0 ? .fail : .pass, spans: v[5] % 6,
                findingsLeft: v[5] % 4 == 0 ? 1 : 0, packVersion: "t1", toolVersion: "t1"))
        }
    }
}
