import Foundation
import RedactCore

/// Turns what a caller hands the log (a disclosure event, a breach version, a gate finding) into
/// validated rows, and stored rows back into records.
///
/// This is where every rule about *content* lives: reference codes, limits, dates, the ICO
/// decision rules, and the pass of free text through the ``FreeTextRedactor``. It knows no SQL,
/// so a PostgreSQL store reuses it unchanged; checks that need the stored log (does the corrected
/// entry exist, which version is next) are the store's.
struct EntryBuilder {
    let reference: Reference
    let redactor: (any FreeTextRedactor)?
    let now: Date

    // MARK: Free text

    /// Scans free-text fields and counts what was redacted.
    struct TextPass {
        let redactor: (any FreeTextRedactor)?
        var count = 0
        var scanner: String { redactor?.identifier ?? "none" }

        mutating func scan(_ text: String?, field: String, max: Int = Validation.freeTextMax) throws -> String? {
            guard let text, !text.isEmpty else { return nil }
            guard let redactor else {
                throw LogError(.redactorRequired, "\(field): free text cannot be stored without a redactor to scan it first")
            }
            let (out, n) = redactor.redact(text)
            count += try Validation.count(n, field: "\(field) redaction count")
            return try Validation.freeText(out, field: field, max: max)
        }
    }

    // MARK: Disclosure events

    func disclosure(_ e: DisclosureEvent) throws -> EntryContent {
        let c = e.context
        let area = try reference.validate(c.area, .areas)
        let unit = try c.unit.map { try Validation.code($0, field: "unit") }
        let caseRef = try Validation.caseReference(c.caseReference)
        let op = try Validation.operatorID(c.operatorID)
        let checker = try c.secondChecker.map { try Validation.operatorID($0, field: "second checker") }
        let recipient = try reference.validate(c.recipient, .recipients)
        let pack = try Validation.version(c.packVersion, field: "pack version")
        let tool = try Validation.version(c.toolVersion, field: "tool version")
        let disclosed = try Validation.pastTime(e.disclosedAt, field: "disclosed at", now: now)
        let original = try Validation.sha256Hex(e.originalSHA256, field: "original SHA-256")
        let redacted = try Validation.sha256Hex(e.redactedSHA256, field: "redacted SHA-256")
        guard !e.documentName.isEmpty else { throw LogError(.invalidInput, "document name: empty") }
        var text = TextPass(redactor: redactor)
        let name = try text.scan(e.documentName, field: "document name", max: Validation.documentNameMax) ?? ""
        let profile = try c.profile.map { try Validation.code($0, field: "profile") }
        let profileVersion = try c.profileVersion.map { try Validation.version($0, field: "profile version") }
        let section14 = try c.section14.map { try Validation.code($0, field: "section 14 verdict") }
        let basis = try text.scan(c.basis, field: "basis")
        guard e.redactions.count <= Validation.redactionsMax else {
            throw LogError(.invalidInput, "redactions: more than \(Validation.redactionsMax) in one event")
        }
        var rows: [[LogValue]] = []
        rows.reserveCapacity(e.redactions.count)
        var justificationCache: [String: String] = [:], defaultCache: [String: String] = [:]
        for (k, r) in e.redactions.enumerated() {
            let category = try Validation.category(r.category)
            let rule = try Validation.rule(r.rule)
            guard r.start >= 0, r.end >= r.start, r.end <= Validation.offsetMax else {
                throw LogError(.invalidInput, "redaction \(k): byte offsets must satisfy 0 <= start <= end")
            }
            let style = try Validation.code(r.style, field: "redaction style")
            let justification: String
            if let j = r.justification {
                if let ok = justificationCache[j] { justification = ok } else {
                    justification = try reference.validate(j, .justifications)
                    justificationCache[j] = justification
                }
            } else if let ok = defaultCache[category] {
                justification = ok
            } else {
                justification = reference.defaultJustification(for: category)
                defaultCache[category] = justification
            }
            var hmac = LogValue.null
            if let h = r.valueHMAC { hmac = .text(try Validation.sha256Hex(h, field: "value HMAC")) }
            let reason = try text.scan(r.reason, field: "redaction \(k) reason")
            rows.append([.int(Int64(k)), .text(category), .text(rule), .int(Int64(r.start)), .int(Int64(r.end)),
                         .text(style), .text(justification), hmac, reason.map(LogValue.text) ?? .null])
        }
        var content = EntryContent(entry: [
            .text(e.id.uuidString.lowercased()), .text((e.held ? Schema.EntryKind.hold : .disclosure).rawValue),
            .text(LogTime.format(now)), .text(area), e.corrects.map { .text($0.uuidString.lowercased()) } ?? .null,
        ])
        content.children[Schema.disclosureIndex] = [[
            .text(LogTime.format(disclosed)), unit.map(LogValue.text) ?? .null, .text(caseRef), .text(name),
            .text(original), .text(redacted), .text(op), checker.map(LogValue.text) ?? .null, .text(recipient),
            .text(pack), .text(tool), .int(Int64(rows.count)), .text(text.scanner), .int(Int64(text.count)),
            profile.map(LogValue.text) ?? .null, profileVersion.map(LogValue.text) ?? .null,
            section14.map(LogValue.text) ?? .null, basis.map(LogValue.text) ?? .null,
        ]]
        content.children[Schema.redactionIndex] = rows
        return content
    }

    // MARK: Breach versions

    /// Validates a breach version and returns its rows plus the record as it will be stored
    /// (free text redacted, derived fields set). `version` is assigned by the store.
    func breach(_ input: BreachRecord, version: Int, entryID: UUID, lenientCategories: Bool = false) throws -> (EntryContent, BreachRecord) {
        var r = input
        r.version = version
        _ = try reference.validate(r.type, .breachTypes)
        if let s = r.severity { _ = try reference.validate(s, .severities) }
        _ = try reference.validate(r.area, .areas)
        if let u = r.unit { _ = try Validation.code(u, field: "unit") }
        if let c = r.caseReference { _ = try Validation.caseReference(c) }
        if let s = r.sourceOrganisation { _ = try reference.validate(s, .sources) }
        if let d = r.documentSHA256 { _ = try Validation.sha256Hex(d, field: "document SHA-256") }
        _ = try Validation.operatorID(r.recordedBy, field: "recorded by")
        if let v = r.packVersion { _ = try Validation.version(v, field: "pack version") }
        if let v = r.toolVersion { _ = try Validation.version(v, field: "tool version") }
        if r.stage == .incomingFailureToRedact && r.sourceOrganisation == nil {
            throw LogError(.invalidInput, "source organisation: required for an incoming failure to redact")
        }

        // Times: none in the future, none before 1970, and in an order that can have happened.
        _ = try Validation.pastTime(r.becameAwareAt, field: "became aware at", now: now)
        for (d, f) in [(r.occurredAt, "occurred at"), (r.detectedAt, "detected at"),
                       (r.icoDecidedAt, "ICO decided at"), (r.icoReportedAt, "ICO reported at")] {
            if let d { _ = try Validation.pastTime(d, field: f, now: now) }
        }
        if let o = r.occurredAt {
            guard o <= r.becameAwareAt else { throw LogError(.invalidInput, "occurred at: after became aware at") }
            if let d = r.detectedAt, d < o { throw LogError(.invalidInput, "detected at: before occurred at") }
        }
        if let d = r.icoDecidedAt, d < r.becameAwareAt { throw LogError(.invalidInput, "ICO decided at: before became aware at") }
        if let d = r.icoReportedAt, d < r.becameAwareAt { throw LogError(.invalidInput, "ICO reported at: before became aware at") }

        // Counts and categories.
        if let n = r.dataSubjects { _ = try Validation.count(n, field: "data subjects") }
        if let n = r.records { _ = try Validation.count(n, field: "records") }
        var seen = Set<String>()
        for c in r.dataCategories {
            _ = try Validation.category(c.category)
            let known = Category.taxonomy.contains(Category(c.category))
                || reference.contains(c.category, in: .dataCategories)
                || reference.contains(c.category, in: .categoryJustifications)
            guard known || lenientCategories else {
                throw LogError(.unknownCode, "unknown data category \(LogError.show(c.category))",
                               validCodes: Category.taxonomy.map(\.rawValue) + reference.codes(.dataCategories))
            }
            guard seen.insert(c.category).inserted else { throw LogError(.invalidInput, "data categories: listed twice") }
            if let n = c.findings { _ = try Validation.count(n, field: "findings") }
        }
        guard Set(r.linkedEntries).count == r.linkedEntries.count else {
            throw LogError(.invalidInput, "linked entries: listed twice")
        }

        // The ICO decision (s.67, Art. 33): a decision needs its reason; only a disclosed breach can
        // be reported; a report needs a decision to report; a late report needs its reason; and a
        // breach cannot be closed with the decision still open.
        if r.stage != .breach && (r.icoReportable == true || r.icoReportedAt != nil) {
            throw LogError(.invalidInput, "ICO report: only a breach (stage breach) is reported to the ICO")
        }
        if r.icoReportedAt != nil && r.icoReportable != true {
            throw LogError(.invalidInput, "ICO reported at: record the decision that the breach is reportable")
        }
        if r.icoReportable == nil && r.icoDecidedAt != nil {
            throw LogError(.invalidInput, "ICO decided at: no decision recorded")
        }
        var text = TextPass(redactor: redactor)
        r.facts = try text.scan(r.facts, field: "facts")
        r.effects = try text.scan(r.effects, field: "effects")
        r.remedialAction = try text.scan(r.remedialAction, field: "remedial action")
        r.icoDecisionReason = try text.scan(r.icoDecisionReason, field: "ICO decision reason")
        r.lateReason = try text.scan(r.lateReason, field: "late reason")
        if let name = r.documentName {
            r.documentName = try text.scan(name, field: "document name", max: Validation.documentNameMax)
        }
        if r.icoReportable != nil && r.icoDecisionReason == nil {
            throw LogError(.invalidInput, "ICO decision reason: required with the decision")
        }
        r.minutesToReport = nil
        r.deadlineMet = nil
        if let reported = r.icoReportedAt {
            let minutes = Int((LogTime.milliseconds(reported) - LogTime.milliseconds(r.becameAwareAt)) / 60_000)
            r.minutesToReport = minutes
            r.deadlineMet = minutes <= 72 * 60
            if minutes > 72 * 60 && r.lateReason == nil {
                throw LogError(.invalidInput, "late reason: required when the ICO is told more than 72 hours after becoming aware")
            }
        }
        if r.stage == .breach && r.status == .closed && r.icoReportable == nil {
            throw LogError(.invalidInput, "status: a breach cannot be closed before the ICO decision is recorded")
        }
        r.textScanner = text.scanner
        r.textRedactions = text.count
        r.entryID = entryID
        r.recordedAt = LogTime.parse(LogTime.format(now))

        func t(_ s: String?) -> LogValue { s.map(LogValue.text) ?? .null }
        func d(_ x: Date?) -> LogValue { x.map { .text(LogTime.format($0)) } ?? .null }
        func n(_ x: Int?) -> LogValue { x.map { .int(Int64($0)) } ?? .null }
        func b(_ x: Bool?) -> LogValue { x.map { .int($0 ? 1 : 0) } ?? .null }
        var content = EntryContent(entry: [
            .text(entryID.uuidString.lowercased()), .text(Schema.EntryKind.breach.rawValue),
            .text(LogTime.format(now)), .text(r.area), .null,
        ])
        content.children[Schema.breachVersionIndex] = [[
            .text(r.id.uuidString.lowercased()), .int(Int64(version)), .text(r.stage.rawValue), .text(r.type),
            t(r.severity), t(r.unit), t(r.caseReference), t(r.sourceOrganisation), t(r.documentName),
            t(r.documentSHA256), d(r.occurredAt), d(r.becameAwareAt), d(r.detectedAt), n(r.dataSubjects),
            n(r.records), t(r.facts), t(r.effects), t(r.remedialAction), b(r.icoReportable),
            t(r.icoDecisionReason), d(r.icoDecidedAt), d(r.icoReportedAt), n(r.minutesToReport),
            b(r.deadlineMet), t(r.lateReason), b(r.subjectsInformed), .text(r.status.rawValue),
            .text(r.recordedVia.rawValue), .text(r.recordedBy), t(r.packVersion), t(r.toolVersion),
            .text(r.textScanner), .int(Int64(r.textRedactions)),
        ]]
        content.children[Schema.breachCategoryIndex] = r.dataCategories.enumerated().map { k, c in
            [.int(Int64(k)), .text(c.category), n(c.findings)]
        }
        content.children[Schema.breachLinkIndex] = r.linkedEntries.enumerated().map { k, e in
            [.int(Int64(k)), .text(e.uuidString.lowercased())]
        }
        return (content, r)
    }

    /// The breach record a gate finding becomes.
    func gateRecord(_ g: GateFinding) throws -> BreachRecord {
        let c = g.context
        guard !g.counts.isEmpty else { throw LogError(.invalidInput, "gate finding: no findings to record") }
        let categories = g.counts.keys.sorted().map { BreachDataCategory($0, findings: g.counts[$0]) }
        return BreachRecord(
            id: g.id, stage: c.stage, type: "failure-to-redact", area: c.area, unit: c.unit,
            caseReference: c.caseReference, sourceOrganisation: c.sourceOrganisation,
            documentName: g.documentName, documentSHA256: g.documentSHA256, becameAwareAt: g.detectedAt,
            detectedAt: g.detectedAt, dataCategories: categories, records: 1, status: .closed,
            recordedBy: c.operatorID, recordedVia: .gate, packVersion: c.packVersion, toolVersion: c.toolVersion)
    }

    // MARK: Reading back

    /// Rebuilds a breach version from its stored rows.
    static func breachRecord(_ content: EntryContent) throws -> BreachRecord {
        guard let v = content.children[Schema.breachVersionIndex].first else {
            throw LogError(.storage, "entry \(content.entryID): breach entry without a breach version")
        }
        let cols = Schema.breachVersion
        func t(_ name: String) -> String? { v[cols.index(of: name)].text }
        func d(_ name: String) -> Date? { t(name).flatMap(LogTime.parse) }
        func n(_ name: String) -> Int? { v[cols.index(of: name)].int.map { Int($0) } }
        func b(_ name: String) -> Bool? { n(name).map { $0 != 0 } }
        guard let id = t("breach_id").flatMap(UUID.init(uuidString:)),
              let stage = t("stage").flatMap(BreachStage.init(rawValue:)),
              let aware = d("became_aware_at"),
              let status = t("status").flatMap(BreachStatus.init(rawValue:)),
              let via = t("recorded_via").flatMap(RecordedVia.init(rawValue:))
        else { throw LogError(.storage, "entry \(content.entryID): unreadable breach version") }
        var r = BreachRecord(
            id: id, stage: stage, type: t("breach_type") ?? "", severity: t("severity"), area: content.area,
            unit: t("unit"), caseReference: t("case_ref"), sourceOrganisation: t("source_org"),
            documentName: t("document_name"), documentSHA256: t("document_sha256"), occurredAt: d("occurred_at"),
            becameAwareAt: aware, detectedAt: d("detected_at"),
            dataCategories: content.children[Schema.breachCategoryIndex].map {
                BreachDataCategory($0[1].text ?? "", findings: $0[2].int.map { Int($0) })
            },
            dataSubjects: n("data_subjects"), records: n("records"), facts: t("facts"), effects: t("effects"),
            remedialAction: t("remedial_action"), icoReportable: b("ico_reportable"),
            icoDecisionReason: t("ico_decision_reason"), icoDecidedAt: d("ico_decided_at"),
            icoReportedAt: d("ico_reported_at"), lateReason: t("late_reason"), subjectsInformed: b("subjects_informed"),
            status: status,
            linkedEntries: content.children[Schema.breachLinkIndex].compactMap { $0[1].text.flatMap(UUID.init(uuidString:)) },
            recordedBy: t("recorded_by") ?? "", recordedVia: via, packVersion: t("pack_version"),
            toolVersion: t("tool_version"))
        r.version = n("version") ?? 0
        r.minutesToReport = n("minutes_to_report")
        r.deadlineMet = b("deadline_met")
        r.textScanner = t("text_scanner") ?? "none"
        r.textRedactions = n("text_redactions") ?? 0
        r.entryID = UUID(uuidString: content.entryID)
        r.recordedAt = LogTime.parse(content.recordedAt)
        return r
    }
}
