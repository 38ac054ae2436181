import Foundation
import RedactLog

/// The demo generator's timeline: plans each month's activity per area, then appends every
/// action to the log in time order, moving the store's clock along (see ``DemoLog``).
///
/// Breaches are planned whole when they happen (discovery, assessment, ICO report, closure) and
/// their later versions wait in the queue until their time comes, so the log receives updates
/// in the order a real register would. Actions that would fall after the demo's last month are
/// dropped, leaving recent breaches open, as they would be.
struct Simulation {
    let options: DemoLogOptions
    let store: any LogStore
    let clock: SimulatedClock
    var areas: [AreaState] = []
    var pending: [Action] = []
    var order = 0
    /// Everything before this has been written; later plans cannot go back before it (the
    /// log's clock only moves forward, as a real one does).
    var flushedUntil: Date
    var summary = DemoLogSummary()
    let firstMonth: Month

    static let packVersion = "uk-2026.1"
    static let toolVersion = "0.1.0"

    struct Operator {
        var id: String
        var unit: String
        /// Breach propensity multiplier (most near 1; a few careless).
        var care: Double
    }

    struct AreaState {
        var code: String
        var index: Int
        var kind: DemoProfile.Kind
        var size: Double
        var quality: Double
        var rng: DemoRandom
        var operators: [Operator]
        var forces: [(String, Double)]
        var caseNumber = 0
    }

    enum Kind {
        case disclosure(DisclosureEvent)
        case gate(GateFinding)
        case record(BreachRecord)
        case update(UUID, by: String, (inout BreachRecord) -> Void)
        case qa(QACheckRecord)
    }

    struct Action {
        var time: Date
        var order: Int
        var kind: Kind
    }

    init(options: DemoLogOptions, store: any LogStore, clock: SimulatedClock) {
        self.options = options
        self.store = store
        self.clock = clock
        self.firstMonth = options.firstMonth
        self.flushedUntil = options.firstMonth.start
        var root = DemoRandom(seed: options.seed)
        let sources = Set(options.reference.codes(.sources))
        for (i, entry) in options.reference.entries(.areas).enumerated() {
            var rng = root.fork(UInt64(i + 1))
            let kind = DemoProfile.kind(ofGroup: entry.attributes.first)
            let base: Double = switch kind {
            case .cps: 21 * (DemoProfile.cpsSize[entry.code] ?? 1)
            case .prison: 7 * exp(rng.normal(sd: 0.25))
            case .probation: 10 * exp(rng.normal(sd: 0.25))
            }
            let units = DemoProfile.units(kind)
            let staff = max(6, Int(base * 1.6))
            let operators = (0..<staff).map { n -> Operator in
                var care = exp(rng.normal(sd: 0.45))
                if rng.chance(0.06) { care *= 4 }
                return Operator(id: String(format: "op-%02d-%03d", i + 1, n + 1), unit: rng.element(units), care: care)
            }
            let forceCodes = (DemoProfile.forces[entry.code] ?? []).filter(sources.contains)
            let forces = forceCodes.isEmpty
                ? DemoProfile.hmppsSources.filter { sources.contains($0.0) }.map { ($0.0, $0.1 / 40) }
                : forceCodes.map { ($0, exp(rng.normal(sd: 0.5))) }
            areas.append(AreaState(code: entry.code, index: i + 1, kind: kind, size: base,
                                   quality: min(3, max(0.3, exp(rng.normal(sd: 0.5)))), rng: rng, operators: operators,
                                   forces: forces))
        }
    }

    // MARK: Planning

    static let season: [Double] = [1.05, 1.0, 1.05, 0.95, 1.0, 1.0, 0.97, 0.82, 1.0, 1.05, 1.02, 0.8]

    mutating func run(month: Month) throws {
        let age = Double((month.year - firstMonth.year) * 12 + month.month - firstMonth.month)
        let factor = Self.season[month.month - 1] * (1 + 0.08 * age / 12) * options.scale
        for a in areas.indices {
            var rng = areas[a].rng
            let n = rng.poisson(areas[a].size * factor)
            for _ in 0..<n { plan(area: a, month: month, rng: &rng) }
            areas[a].rng = rng
        }
        try flush(before: month.adding(1).start)
    }

    mutating func finish(before end: Date) throws {
        try flush(before: end)
        pending.removeAll()
    }

    mutating func schedule(_ time: Date, _ kind: Kind) {
        order += 1
        pending.append(Action(time: max(time, flushedUntil), order: order, kind: kind))
    }

    /// One disclosure (sometimes two, to two recipients) and what may follow from it.
    mutating func plan(area a: Int, month: Month, rng: inout DemoRandom) {
        let area = areas[a]
        let time = Self.workingTime(in: month, &rng)
        let op = rng.element(area.operators)
        if areas[a].caseNumber == 0 || rng.chance(0.45) { areas[a].caseNumber += 1 }
        let caseRef = String(format: "DEMO-%02d-%06d", area.index, areas[a].caseNumber)
        let doc = rng.pick(DemoProfile.documents(area.kind))
        let original = rng.hex64()
        let checker = rng.chance(0.35) ? rng.element(area.operators).id : nil
        let redactions = Self.redactions(doc, &rng)
        let recipients = DemoProfile.recipients(area.kind)
        var first: DisclosureEvent?
        for copy in 0..<(rng.chance(0.12) ? 2 : 1) {
            let at = time.addingTimeInterval(Double(copy) * Double(rng.int(5...90)) * 60)
            let context = LogContext(area: area.code, unit: op.unit, caseReference: caseRef, operatorID: op.id,
                                     secondChecker: checker, recipient: rng.pick(recipients),
                                     packVersion: Self.packVersion, toolVersion: Self.toolVersion)
            let event = DisclosureEvent(id: rng.uuid(at: at), disclosedAt: at, context: context, documentName: doc.name,
                                        originalSHA256: original, redactedSHA256: rng.hex64(), redactions: redactions)
            if first == nil { first = event }
            schedule(at, .disclosure(event))
        }
        guard let disclosure = first else { return }
        planQA(area: area, operator: op, disclosure: disclosure)

        // Incoming material checked at the gate before it was redacted.
        let incomingRate = area.kind == .cps ? 0.12 : 0.04
        let force = rng.pick(area.forces.map { ($0, DemoProfile.forceShare[$0.0] ?? 1) })
        if rng.chance(incomingRate * force.1) {
            // Before the disclosure, but within its month (the month before is already written).
            let detected = max(month.start.addingTimeInterval(Double(rng.int(60...7200))),
                               time.addingTimeInterval(-Double(rng.int(2...72)) * 3600))
            let gate = GateContext(area: area.code, unit: op.unit, caseReference: caseRef,
                                   operatorID: String(format: "gate-pipeline-%02d", area.index),
                                   sourceOrganisation: force.0, stage: .incomingFailureToRedact,
                                   packVersion: Self.packVersion, toolVersion: Self.toolVersion)
            schedule(detected, .gate(GateFinding(id: rng.uuid(at: detected), context: gate, documentName: doc.name,
                                                 documentSHA256: original, counts: Self.findings(doc, &rng), detectedAt: detected)))
        }

        // Caught before sharing.
        if rng.chance(0.012 * area.quality) {
            let caught = time.addingTimeInterval(-Double(rng.int(5...240)) * 60)
            if rng.chance(0.6) {
                let gate = GateContext(area: area.code, unit: op.unit, caseReference: caseRef,
                                       operatorID: String(format: "gate-pipeline-%02d", area.index), sourceOrganisation: nil,
                                       stage: .nearMiss, packVersion: Self.packVersion, toolVersion: Self.toolVersion)
                schedule(caught, .gate(GateFinding(id: rng.uuid(at: caught), context: gate, documentName: doc.name,
                                                   documentSHA256: original, counts: Self.findings(doc, &rng), detectedAt: caught)))
            } else {
                let record = BreachRecord(
                    id: rng.uuid(at: caught), stage: .nearMiss, type: rng.pick(DemoProfile.nearMissTypes), area: area.code,
                    unit: op.unit, caseReference: caseRef, becameAwareAt: caught, detectedAt: caught,
                    dataCategories: [BreachDataCategory(rng.pick(DemoProfile.breachCategories))], dataSubjects: 1, records: 1,
                    facts: "Caught at the second check before the material was served.", status: .closed,
                    recordedBy: checker ?? op.id)
                schedule(caught, .record(record))
            }
        }

        // Disclosed in error: a breach, found later.
        if rng.chance(0.016 * area.quality * op.care) {
            planBreach(area: area, operator: op, caseRef: caseRef, disclosure: disclosure, rng: &rng)
        }
    }

    mutating func planBreach(area: AreaState, operator op: Operator, caseRef: String, disclosure: DisclosureEvent,
                             rng: inout DemoRandom) {
        let occurred = disclosure.disclosedAt
        let aware = occurred.addingTimeInterval(Double(rng.int(2...480)) * 3600)
        let recorded = aware.addingTimeInterval(Double(rng.int(20...600)) * 60)
        let type = rng.pick(DemoProfile.breachTypes)
        let severity = rng.pick(DemoProfile.severities)
        let knownAtFirst = rng.chance(0.55)
        var categories = [BreachDataCategory(rng.pick(DemoProfile.breachCategories))]
        let second = rng.pick(DemoProfile.breachCategories)
        if rng.chance(0.4), second != categories[0].category { categories.append(BreachDataCategory(second)) }
        let id = rng.uuid(at: recorded)
        let record = BreachRecord(
            id: id, stage: .breach, type: type, severity: knownAtFirst ? severity : nil, area: area.code, unit: op.unit,
            caseReference: caseRef, occurredAt: occurred, becameAwareAt: aware, detectedAt: aware, dataCategories: categories,
            dataSubjects: rng.int(1...4), records: rng.int(1...3), facts: DemoProfile.facts(type),
            linkedEntries: [disclosure.id], recordedBy: op.id)
        schedule(recorded, .record(record))

        // Assessment and the ICO decision.
        let assessed = recorded.addingTimeInterval(Double(rng.int(3...60)) * 3600)
        let reportable: Bool = switch severity {
        case "severe": rng.chance(0.9)
        case "retained-within-cjs": rng.chance(0.2)
        default: rng.chance(0.01)
        }
        let manager = String(format: "op-%02d-dpo", area.index)
        schedule(assessed, .update(id, by: manager, { r in
            r.severity = severity
            r.effects = DemoProfile.effectsText
            r.icoReportable = reportable
            r.icoDecidedAt = assessed
            r.icoDecisionReason = reportable
                ? "Risk to the rights of the data subjects: sensitive data reached a party outside the criminal justice system."
                : "Unlikely to result in a risk: material recovered or retained within the criminal justice system."
        }))
        var last = assessed
        if reportable {
            let late = rng.chance(0.2)
            let hours = late ? Double(rng.int(74...220)) : min(71.5, max(6, exp(rng.normal(mean: log(36), sd: 0.45))))
            let reported = max(assessed.addingTimeInterval(1800), aware.addingTimeInterval(hours * 3600))
            let isLate = reported.timeIntervalSince(aware) > 72 * 3600
            schedule(reported, .update(id, by: manager, { r in
                r.icoReportedAt = reported
                if isLate { r.lateReason = "Severity became clear only after the recipient's response; reported the same day." }
                r.subjectsInformed = true
            }))
            last = reported
        }
        let closed = last.addingTimeInterval(Double(rng.int(5...35)) * 86400)
        schedule(closed, .update(id, by: manager, { r in
            r.status = .closed
            r.remedialAction = DemoProfile.remedial
            if r.subjectsInformed == nil { r.subjectsInformed = false }
        }))
    }

    static func redactions(_ doc: DemoProfile.Document, _ rng: inout DemoRandom) -> [RedactionRecord] {
        let n = max(1, rng.poisson(doc.meanRedactions))
        var cursor = rng.int(40...400)
        return (0..<n).map { _ in
            let category = rng.pick(doc.categories)
            let length = rng.int(6...40)
            let start = cursor
            cursor += length + rng.int(20...900)
            let keep = rng.chance(0.035)
            let style = keep ? "keep" : rng.pick(DemoProfile.styles)
            let justification: String? = keep ? rng.pick(DemoProfile.keepReasons)
                : rng.chance(0.22) ? rng.pick(DemoProfile.overrideJustification(category)) : nil
            return RedactionRecord(category: category, rule: DemoProfile.rule(category, &rng), start: start, end: start + length,
                                   style: style, justification: justification,
                                   valueHMAC: rng.chance(0.85) ? rng.hex64() : nil)
        }
    }

    /// What a gate found in a document: counts per category.
    static func findings(_ doc: DemoProfile.Document, _ rng: inout DemoRandom) -> [String: Int] {
        var counts: [String: Int] = [:]
        for _ in 0..<max(1, rng.poisson(doc.meanRedactions / 3)) { counts[rng.pick(doc.categories), default: 0] += 1 }
        return counts
    }

    /// A moment in office hours on a working day of `month` (a few at weekends), UTC.
    static func workingTime(in month: Month, _ rng: inout DemoRandom) -> Date {
        let days = Int(month.adding(1).start.timeIntervalSince(month.start) / 86400)
        var day = rng.int(0...(days - 1))
        for _ in 0..<4 {
            let weekday = (Int(month.start.timeIntervalSince1970 / 86400) + day + 4) % 7  // 0 = Sunday
            if weekday != 0 && weekday != 6 || rng.chance(0.05) { break }
            day = rng.int(0...(days - 1))
        }
        let hour = rng.pick([(8, 1.0), (9, 2.0), (10, 2.5), (11, 2.5), (12, 1.5), (13, 2.0), (14, 2.5), (15, 2.5), (16, 2.0), (17, 0.8)])
        let minute = hour * 60 + rng.int(0...59)
        return month.start.addingTimeInterval(Double(day * 86400 + minute * 60 + rng.int(0...59)))
    }

    // MARK: Writing

    /// Appends every pending action before `end`, in time order.
    mutating func flush(before end: Date) throws {
        pending.sort { ($0.time, $0.order) < ($1.time, $1.order) }
        let due = pending.prefix { $0.time < end }
        for action in due {
            clock.now = action.time
            switch action.kind {
            case .disclosure(let e):
                try store.recordDisclosure(e)
                summary.disclosures += 1
                summary.redactions += e.redactions.count
            case .gate(let g):
                try store.recordGateFinding(g)
                if g.context.stage == .nearMiss { summary.nearMisses += 1 } else { summary.incomingFailures += 1 }
            case .record(let r):
                try store.recordBreach(r)
                if r.stage == .nearMiss { summary.nearMisses += 1 } else { summary.breaches += 1 }
            case .update(let id, let by, let change):
                try store.updateBreach(id: id, recordedBy: by, change)
                summary.breachUpdates += 1
            case .qa(let r):
                try store.recordQACheck(r)
                summary.qaChecks += 1
                if r.result == .fail { summary.qaFailed += 1 }
            }
        }
        pending.removeFirst(due.count)
        flushedUntil = end
    }
}
