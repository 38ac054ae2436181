import Foundation
import Hummingbird
import RedactApply
import RedactLog
import RedactCore
import RedactProfiles

/// `POST /v1/redact`: the redacted copy and its manifest, in one JSON answer (the copy
/// base64-encoded in `document`), after the disclosure is logged with the signed-in operator
/// and their token's area. Nothing is answered without its log entry.
enum RedactRoute {
    static func register(on table: RouteTable, services: ServeServices) {
        let p = DocumentParameters.self
        table.add(RouteSpec(.post, "/v1/redact", id: "redact", summary: "Redact a document and log the disclosure",
                            description: "Operators only. The disclosure is logged with the token's name as operator id and the token's area. The answer holds the redacted document (base64), the manifest `redact apply` writes, and the log entry id. A profile that holds offence information for review answers `held: true` with no document.",
                            tags: ["documents"], access: .roles([.operator]),
                            parameters: [p.filename, p.recipient, p.profile, p.names,
                                         RouteParameter("case", in: .query, required: true, "Case URN (logged)."),
                                         RouteParameter("style", in: .query, "label (default), block or mask.",
                                                        schema: ["type": "string", "enum": ["label", "block", "mask"]]),
                                         RouteParameter("unit", in: .query, "Team or unit within the area (a code)."),
                                         RouteParameter("second_checker", in: .query, "Id of the person who checked the redactions."),
                                         RouteParameter("basis", in: .query, "The power a share rests on when section 14 does not authorise it."),
                                         RouteParameter("keep", in: .query, "Do not redact: a category, a rule id or START-END UTF-8 byte offsets (repeatable; needs reason). Logged as decisions to keep."),
                                         RouteParameter("reason", in: .query, "Why: one for all keep parameters, or one per keep in order."),
                                         RouteParameter("keep_justification", in: .query, "The keep justification code (default required-for-case; see `redact reference justifications`)."),
                                        ],
                            body: p.body,
                            responses: [.json(200, "The redacted document, its manifest and the log entry", schema: "RedactResult")] + p.errors)) { request, context in
            let who = try context.requirePrincipal()
            guard let area = who.area else { throw ServeProblem(.forbidden, "an operator token without an area cannot disclose", code: "area") }
            guard let recipient = p.query(request, "recipient") else {
                throw ServeProblem(.unprocessableContent, "recipient=TYPE is required: the log records who receives the copy", code: "recipient-required")
            }
            guard let caseReference = p.query(request, "case") else {
                throw ServeProblem(.unprocessableContent, "case=URN is required: the log records the case", code: "case-required")
            }
            let styleName = p.query(request, "style") ?? services.configuration.defaultStyle
            guard let style = RedactionStyle(rawValue: styleName), style != .pseudonym else {
                throw ServeProblem(.unprocessableContent, "style must be label, block or mask", code: "style")
            }
            let documents = services.documents
            let profile = try documents.profile(recipient: recipient, profile: p.query(request, "profile"),
                                                defaultProfile: services.configuration.defaultProfile)
            var context14: (verdict: String?, basis: String?) = (nil, p.query(request, "basis"))
            if let profile {
                let group = documents.reference.entry(area, in: .areas)?.attributes.first
                let verdict = Section14.verdict(sender: group.flatMap(Section14.list(forAreaGroup:)), recipient: profile.section14)
                if verdict == .needsOtherBasis && context14.basis == nil {
                    throw ServeProblem(.unprocessableContent, "section 14 does not authorise this share: give basis=TEXT", code: "basis-required")
                }
                context14.verdict = verdict.rawValue
            }
            let keeps = try keepDecisions(request, documents: documents)
            let doc = try await p.spool(request, services: services)
            defer { doc.remove() }
            let policy = documents.policy(profile, keeps: keeps)
            let valueKey = services.valueKey
            let outcome = try await Blocking.run {
                try documents.redact(doc, style: style, caseReference: caseReference, policy: policy, valueKey: valueKey)
            }
            services.metrics.scanned(bytes: outcome.manifest.bytesOriginal, endpoint: "redact")
            services.metrics.findings(outcome.manifest.counts, endpoint: "redact")

            var logContext = LogContext(area: area, unit: p.query(request, "unit"), caseReference: caseReference, operatorID: who.name,
                                        secondChecker: p.query(request, "second_checker"), recipient: recipient,
                                        packVersion: documents.factory.shared.table.packVersion, toolVersion: services.version)
            logContext.profile = profile?.id
            logContext.profileVersion = profile?.version
            logContext.section14 = context14.verdict
            logContext.basis = context14.basis
            var event = DisclosureEvent(context: logContext, documentName: doc.filename ?? "api-upload",
                                        originalSHA256: outcome.manifest.sha256Original, redactedSHA256: outcome.manifest.sha256Redacted,
                                        redactions: outcome.records)
            event.held = outcome.held
            let logged = event
            let receipt = try await Blocking.run { try LogProblems.map { try services.store.recordDisclosure(logged) } }
            services.metrics.disclosureLogged()

            var manifest = outcome.manifest
            manifest.source = doc.filename ?? "-"
            manifest.output = "-"
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            var body = Data("{\"content_type\":\"text/plain; charset=utf-8\",\"document\":\"".utf8)
            if !outcome.held {
                guard let copy = FileManager.default.contents(atPath: outcome.redactedPath) else {
                    throw ServeProblem(.internalServerError, "cannot read the redacted copy")
                }
                body.append(copy.base64EncodedData())
            }
            body.append(Data("\",\"held\":\(outcome.held),\"log_entry\":\"\(receipt.entryID.uuidString.lowercased())\",\"manifest\":".utf8))
            body.append(try encoder.encode(manifest))
            body.append(Data("}".utf8))
            var r = Response(status: .ok, body: .init(byteBuffer: ByteBuffer(bytes: body)))
            r.headers[.contentType] = "application/json"
            return r
        }
    }

    /// The operator's decisions to keep (`keep`, `reason`, `keep_justification`), as `apply --keep`.
    static func keepDecisions(_ request: Request, documents: DocumentService) throws -> [KeepDecision] {
        let keep = request.uri.queryParameters.getAll("keep")
        let reasons = request.uri.queryParameters.getAll("reason")
        guard !keep.isEmpty else {
            if !reasons.isEmpty { throw ServeProblem(.unprocessableContent, "reason is for keep", code: "keep") }
            return []
        }
        guard !reasons.isEmpty, reasons.count == 1 || reasons.count == keep.count else {
            throw ServeProblem(.unprocessableContent, "give one reason for all keep parameters, or one per keep", code: "keep")
        }
        let justification = request.uri.queryParameters.get("keep_justification") ?? "required-for-case"
        guard documents.reference.isKeepDecision(justification) else {
            throw ServeProblem(.unprocessableContent, "keep_justification is not a keep decision (see `redact reference justifications`)", code: "keep")
        }
        let table = documents.factory.shared.table
        let categories = Set(Category.known.map(\.rawValue) + table.rules.map(\.category.rawValue))
        let rules = Set(table.rules.map(\.id))
        return try keep.enumerated().map { i, text in
            do {
                return try KeepDecision.parse(text, justification: justification, reason: reasons.count == 1 ? reasons[0] : reasons[i],
                                              categories: categories, rules: rules)
            } catch {
                throw ServeProblem(.unprocessableContent, "a keep parameter is not a category, a rule id or START-END", code: "keep")
            }
        }
    }
}
