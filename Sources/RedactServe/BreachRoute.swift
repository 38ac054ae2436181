import Foundation
import Hummingbird
import RedactLog

/// `POST /v1/breaches`: record a breach or near miss in the log's breach register, as
/// `redact breach record` does (free text is scanned and redacted before it is stored).
enum BreachRoute {
    static func register(on table: RouteTable, services: ServeServices) {
        table.add(RouteSpec(.post, "/v1/breaches", id: "recordBreach", summary: "Record a breach or near miss",
                            description: "Operators and area managers record in their own area (`area` may be left out); national users in any area (`area` required). Free text (facts, effects, remedial_action, decision_reason, late_reason) is scanned and redacted before it is stored. The recorder is the token's name.",
                            tags: ["breaches"], access: .anyRole,
                            body: RouteBody("The breach", content: ["application/json": ["$ref": "#/components/schemas/BreachRequest"]]),
                            responses: [.json(201, "Recorded", schema: "BreachReceipt"), .problem(403, "Another area's breach"),
                                        .problem(422, "A field failed validation")])) { request, context in
            let who = try context.requirePrincipal()
            var request = request
            let body = try await request.collectBody(upTo: services.configuration.maxFormBytes)
            let input: BreachInput
            do { input = try JSONDecoder().decode(BreachInput.self, from: Data(body.readableBytesView)) } catch {
                throw ServeProblem(.unprocessableContent, BreachInput.decodingMessage(error), code: "invalid-input")
            }
            let area = try ScanRoutes.area(for: who, requested: input.area)
            guard who.mayRecordBreach(in: area) else {
                throw ServeProblem(.forbidden, "this token may not record another area's breaches", code: "area")
            }
            var record = try input.record(area: area, recordedBy: who.name)
            record.toolVersion = services.version
            record.packVersion = services.documents.factory.shared.table.packVersion
            let receipt = try LogProblems.map { try services.store.recordBreach(record) }
            return Response.json(["breach_id": .string(record.id.uuidString.lowercased()),
                                  "entry_id": .string(receipt.entryID.uuidString.lowercased()), "version": 1],
                                 status: .created)
        }
    }
}

/// The JSON body of `POST /v1/breaches`: the options of `redact breach record`, snake_case.
/// Times are `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM[:SS]` with `Z` or an offset.
struct BreachInput: Decodable {
    struct CategoryCount: Decodable {
        var category: String
        var findings: Int?
    }
    var stage: BreachStage
    var type: String
    var became_aware: String
    var area: String?
    var severity: String?
    var unit: String?
    var `case`: String?
    var source: String?
    var occurred: String?
    var detected: String?
    var categories: [CategoryCount]?
    var subjects: Int?
    var records: Int?
    var facts: String?
    var effects: String?
    var remedial_action: String?
    var ico_reportable: Bool?
    var decision_reason: String?
    var decided_at: String?
    var reported_at: String?
    var late_reason: String?
    var subjects_informed: Bool?
    var status: BreachStatus?
    var links: [String]?

    func record(area: String, recordedBy: String) throws -> BreachRecord {
        func time(_ text: String?, _ field: String) throws -> Date? {
            guard let text else { return nil }
            guard let d = LogTime.parse(text) else {
                throw ServeProblem(.unprocessableContent, "\(field): expected YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS] with Z or an offset", code: "invalid-time")
            }
            return d
        }
        var r = BreachRecord(stage: stage, type: type, area: area, becameAwareAt: try time(became_aware, "became_aware")!,
                             recordedBy: recordedBy)
        r.severity = severity
        r.unit = unit
        r.caseReference = `case`
        r.sourceOrganisation = source
        r.occurredAt = try time(occurred, "occurred")
        r.detectedAt = try time(detected, "detected")
        r.dataCategories = (categories ?? []).map { BreachDataCategory($0.category, findings: $0.findings) }
        r.dataSubjects = subjects
        r.records = records
        r.facts = facts
        r.effects = effects
        r.remedialAction = remedial_action
        r.icoReportable = ico_reportable
        r.icoDecisionReason = decision_reason
        r.icoDecidedAt = try time(decided_at, "decided_at")
        r.icoReportedAt = try time(reported_at, "reported_at")
        r.lateReason = late_reason
        r.subjectsInformed = subjects_informed
        if let status { r.status = status }
        r.linkedEntries = try (links ?? []).map {
            guard let id = UUID(uuidString: $0) else {
                throw ServeProblem(.unprocessableContent, "links: expected log entry ids (UUIDs)", code: "invalid-input")
            }
            return id
        }
        return r
    }

    /// Names the field, never its value.
    static func decodingMessage(_ error: any Error) -> String {
        func path(_ c: [any CodingKey]) -> String { c.map(\.stringValue).joined(separator: ".") }
        switch error as? DecodingError {
        case .keyNotFound(let key, _): return "missing field \(key.stringValue)"
        case .typeMismatch(_, let c), .valueNotFound(_, let c): return "\(path(c.codingPath)): wrong type"
        case .dataCorrupted(let c): return c.codingPath.isEmpty ? "the body is not JSON" : "\(path(c.codingPath)): not a valid value"
        default: return "the body is not a valid breach"
        }
    }
}
