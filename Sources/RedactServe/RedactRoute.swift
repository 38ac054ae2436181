import Foundation
import Hummingbird
import RedactApply
import RedactLog
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
            try ScanRoutes.refuseOffencePack(profile)
            var context14: (verdict: String?, basis: String?) = (nil, p.query(request, "basis"))
            if let profile {
                let group = documents.reference.entry(area, in: .areas)?.attributes.first
                let verdict = Section14.verdict(sender: group.flatMap(Section14.list(forAreaGroup:)), recipient: profile.section14)
                if verdict == .needsOtherBasis && context14.basis == nil {
                    throw ServeProblem(.unprocessableContent, "section 14 does not authorise this share: give basis=TEXT", code: "basis-required")
                }
                context14.verdict = verdict.rawValue
            }
            let doc = try await p.spool(request, services: services)
            defer { doc.remove() }
            let outcome = try documents.redact(doc, style: style, caseReference: caseReference, policy: documents.policy(profile),
                                               valueKey: services.valueKey)
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
            let receipt = try LogProblems.map { try services.store.recordDisclosure(event) }
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
}
