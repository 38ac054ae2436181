import Foundation
import Hummingbird
import RedactApply
import RedactLog
import RedactProfiles

/// The /v1 API: scan, redact, check, packs, breaches. Each route's spec (parameters, bodies,
/// answers, roles) is written beside its handler, so the OpenAPI document cannot drift from
/// the code. Documents are the raw request body (streamed to disk, limited, see
/// ``SpooledDocument``); every answer is JSON; every error a ``ServeProblem``.
public enum APIRoutes {
    public static func register(on table: RouteTable, services: ServeServices) {
        ScanRoutes.register(on: table, services: services)
        RedactRoute.register(on: table, services: services)
        PackRoute.register(on: table, services: services)
        BreachRoute.register(on: table, services: services)
    }
}

/// Parameters and helpers shared by the document routes.
enum DocumentParameters {
    static let filename = RouteParameter("filename", in: .query, "The document's name; its extension decides the format (else the Content-Type). Never logged.")
    static let recipient = RouteParameter("recipient", in: .query, "Recipient type: use its sharing profile (see `redact reference recipients`).")
    static let profile = RouteParameter("profile", in: .query, "Sharing profile id, instead of the recipient type's own.")
    static let names = RouteParameter("names", in: .query, "Case parties: one full name per `names` parameter (repeatable), or several separated by newlines. Never logged.")
    static let body = RouteBody("The document, as raw bytes (plain text in this build), streamed; larger than the server's limit is a 413.",
                                content: ["text/plain": ["type": "string"], "text/markdown": ["type": "string"]])
    static let errors: [RouteResponse] = [
        .problem(413, "The body is larger than the server's limit"),
        .problem(415, "Not a supported format (plain text only in this build), or binary"),
        .problem(422, "A parameter names no known recipient, profile or code"),
    ]

    static func query(_ request: Request, _ name: String) -> String? {
        guard let v = request.uri.queryParameters.get(name)?.trimmingCharacters(in: .whitespaces), !v.isEmpty else { return nil }
        return v
    }

    static func names(_ request: Request) -> [String] {
        request.uri.queryParameters.getAll("names").flatMap { $0.split(whereSeparator: \.isNewline).map(String.init) }
    }

    /// Detects the format, spools the body, writes the party list. The caller removes it.
    static func spool(_ request: Request, services: ServeServices) async throws -> SpooledDocument {
        let filename = query(request, "filename")
        _ = try DocumentFormat.detect(contentType: request.headers[.contentType], filename: filename)
        let doc = try await SpooledDocument.spool(request, limit: services.configuration.maxBodyBytes,
                                                  workDirectory: services.documents.workDirectory, filename: filename)
        do { try doc.writeParties(names(request)) } catch {
            doc.remove()
            throw error
        }
        return doc
    }

    static func counts(_ c: [String: Int]) -> JSONNode {
        .object(c.mapValues { .int($0) })
    }
}

/// `POST /v1/scan` and `POST /v1/check`.
enum ScanRoutes {
    static func register(on table: RouteTable, services: ServeServices) {
        let p = DocumentParameters.self
        table.add(RouteSpec(.post, "/v1/scan", id: "scan", summary: "Find personal data in a document",
                            description: "Answers the findings in the taxonomy contract (path, start, end, category, rule; UTF-8 byte offsets, end exclusive), never the matched text. With a recipient or profile, only what that recipient's copy would redact.",
                            tags: ["documents"], access: .anyRole,
                            parameters: [p.filename, p.recipient, p.profile, p.names], body: p.body,
                            responses: [.json(200, "The findings", schema: "ScanResult")] + p.errors)) { request, context in
            let profile = try services.documents.profile(recipient: p.query(request, "recipient"), profile: p.query(request, "profile"),
                                                         defaultProfile: services.configuration.defaultProfile)
            let doc = try await p.spool(request, services: services)
            defer { doc.remove() }
            let outcome = try await Blocking.run { try services.documents.scan(doc, policy: profile.map { services.documents.policy($0) }) }
            services.metrics.scanned(bytes: outcome.bytes, endpoint: "scan")
            services.metrics.findings(outcome.counts, endpoint: "scan")
            let path = doc.filename ?? "-"
            var o: [String: JSONNode] = [
                "path": .string(path), "bytes": .int(outcome.bytes), "by_category": p.counts(outcome.counts),
                "findings": .array(outcome.findings.map {
                    ["path": .string(path), "start": .int($0.start), "end": .int($0.end), "category": .string($0.category), "rule": .string($0.rule)]
                }),
            ]
            if let profile { o["profile"] = .string(profile.id) }
            return Response.json(.object(o))
        }

        table.add(RouteSpec(.post, "/v1/check", id: "check", summary: "Pre-screen a document: clean or not, with counts",
                            description: "As `redact check`: `clean` is true when nothing was found. With `source` (incoming material) or `outgoing=true` (our own output), a document with findings is recorded in the log as an incoming failure to redact or a near miss, in the token's area (national tokens name `area`).",
                            tags: ["documents"], access: .anyRole,
                            parameters: [p.filename, p.recipient, p.profile, p.names,
                                         RouteParameter("source", in: .query, "Organisation the material came from (see `redact reference sources`): log an incoming failure to redact."),
                                         RouteParameter("outgoing", in: .query, "true: the material is our own output; log a near miss.", schema: ["type": "boolean"]),
                                         RouteParameter("case", in: .query, "Case URN for the log entry."),
                                         RouteParameter("area", in: .query, "Area for the log entry (national tokens only; others use their token's area)."),
                                        ],
                            body: p.body,
                            responses: [.json(200, "The verdict", schema: "CheckResult")] + p.errors)) { request, context in
            let who = try context.requirePrincipal()
            let profile = try services.documents.profile(recipient: p.query(request, "recipient"), profile: p.query(request, "profile"),
                                                         defaultProfile: services.configuration.defaultProfile)
            let source = p.query(request, "source")
            let outgoing = p.query(request, "outgoing") == "true"
            var logArea: String? = nil
            if source != nil || outgoing {
                logArea = try area(for: who, requested: p.query(request, "area"))
                if let source, !services.documents.reference.contains(source, in: .sources) {
                    throw ServeProblem(.unprocessableContent, "unknown source organisation (see `redact reference sources`)", code: "unknown-source")
                }
            }
            let doc = try await p.spool(request, services: services)
            defer { doc.remove() }
            let outcome = try await Blocking.run {
                try services.documents.scan(doc, policy: profile.map { services.documents.policy($0) }, keepFindings: false)
            }
            services.metrics.scanned(bytes: outcome.bytes, endpoint: "check")
            services.metrics.findings(outcome.counts, endpoint: "check")
            var o: [String: JSONNode] = [
                "path": .string(doc.filename ?? "-"), "bytes": .int(outcome.bytes), "clean": .bool(outcome.total == 0),
                "findings": .int(outcome.total), "by_category": p.counts(outcome.counts),
            ]
            if let profile { o["profile"] = .string(profile.id) }
            if let logArea, outcome.total > 0 {
                let table = services.documents.factory.shared.table
                let gate = GateRecorder(store: services.store, context: GateContext(
                    area: logArea, caseReference: p.query(request, "case"), operatorID: who.name, sourceOrganisation: source,
                    stage: outgoing ? .nearMiss : .incomingFailureToRedact,
                    packVersion: table.packVersion, toolVersion: services.version))
                let counts = outcome.counts
                let receipt = try await Blocking.run {
                    try LogProblems.map {
                        try gate.record(document: doc.filename ?? "api-upload", sha256: try FileDigest.sha256(path: doc.path), counts: counts)
                    }
                }
                if let receipt { o["logged_entry"] = .string(receipt.entryID.uuidString.lowercased()) }
            }
            return Response.json(.object(o))
        }
    }

    /// The area a log entry is written in: the token's own, or for national tokens `area`.
    static func area(for who: Principal, requested: String?) throws -> String {
        if let own = who.area {
            if let requested, requested != own {
                throw ServeProblem(.forbidden, "this token may not write another area's log entries", code: "area")
            }
            return own
        }
        guard let requested else {
            throw ServeProblem(.unprocessableContent, "a national token must name the area of the log entry (area=CODE)", code: "area-required")
        }
        return requested
    }
}
