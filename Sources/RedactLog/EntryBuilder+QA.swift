import Foundation

extension EntryBuilder {
    /// Validates a QA check and returns its rows. `disclosure` is the linked disclosure entry id,
    /// found by the store (or given by the caller).
    func qaCheck(_ r: QACheckRecord, disclosure: UUID?) throws -> EntryContent {
        let area = try reference.validate(r.area, .areas)
        let unit = try r.unit.map { try Validation.code($0, field: "unit") }
        let caseRef = try r.caseReference.map { try Validation.caseReference($0) }
        let checker = try Validation.operatorID(r.checker, field: "checker")
        let checked = try Validation.pastTime(r.checkedAt, field: "checked at", now: now)
        let original = try Validation.sha256Hex(r.originalSHA256, field: "original SHA-256")
        let redacted = try Validation.sha256Hex(r.redactedSHA256, field: "redacted SHA-256")
        let pack = try Validation.version(r.packVersion, field: "pack version")
        let tool = try Validation.version(r.toolVersion, field: "tool version")
        var counts: [Int] = []
        for (n, field) in [(r.spans, "spans"), (r.findingsLeft, "findings left"), (r.changedOutside, "changed outside"),
                           (r.spansNotRedacted, "spans not redacted"), (r.manifestProblems, "manifest problems")] {
            counts.append(try Validation.count(n, field: field))
        }
        // The result must agree with the counts: a pass with problems would hide a failure.
        let problems = counts.dropFirst().reduce(0, +)
        if r.result == .pass && problems > 0 {
            throw LogError(.invalidInput, "result: a check with problems cannot pass")
        }
        guard !r.documentName.isEmpty else { throw LogError(.invalidInput, "document name: empty") }
        var text = TextPass(redactor: redactor)
        let name = try text.scan(r.documentName, field: "document name", max: Validation.documentNameMax) ?? ""
        var content = EntryContent(entry: [
            .text(r.id.uuidString.lowercased()), .text(Schema.EntryKind.qaCheck.rawValue),
            .text(LogTime.format(now)), .text(area), .null,
        ])
        content.children[Schema.qaCheckIndex] = [[
            .text(LogTime.format(checked)), unit.map(LogValue.text) ?? .null, caseRef.map(LogValue.text) ?? .null,
            .text(checker), .text(r.result.rawValue), .text(name), .text(original), .text(redacted),
            disclosure.map { .text($0.uuidString.lowercased()) } ?? .null,
        ] + counts.map { .int(Int64($0)) } + [
            .text(pack), .text(tool), .text(text.scanner), .int(Int64(text.count)),
        ]]
        return content
    }

    /// Rebuilds a QA check from its stored rows.
    static func qaCheckRecord(_ content: EntryContent) throws -> QACheckRecord {
        guard let v = content.children[Schema.qaCheckIndex].first else {
            throw LogError(.storage, "entry \(content.entryID): qa-check entry without its row")
        }
        let cols = Schema.qaCheck
        func t(_ name: String) -> String? { v[cols.index(of: name)].text }
        func n(_ name: String) -> Int { Int(v[cols.index(of: name)].int ?? 0) }
        guard let id = UUID(uuidString: content.entryID), let checked = t("checked_at").flatMap(LogTime.parse),
              let result = t("result").flatMap(QAResult.init(rawValue:))
        else { throw LogError(.storage, "entry \(content.entryID): unreadable qa-check row") }
        return QACheckRecord(
            id: id, checkedAt: checked, area: content.area, unit: t("unit"), caseReference: t("case_ref"),
            checker: t("checker") ?? "", documentName: t("document_name") ?? "", originalSHA256: t("original_sha256") ?? "",
            redactedSHA256: t("redacted_sha256") ?? "", disclosureEntry: t("disclosure_entry").flatMap(UUID.init(uuidString:)),
            result: result, spans: n("spans"), findingsLeft: n("findings_left"), changedOutside: n("changed_outside"),
            spansNotRedacted: n("spans_not_redacted"), manifestProblems: n("manifest_problems"),
            packVersion: t("pack_version") ?? "", toolVersion: t("tool_version") ?? "")
    }
}
