import Foundation
import Hummingbird
import RedactReport

/// `GET /v1/packs/{area}/{period}`: an area's performance pack as the JSON `redact pack
/// --format json` writes (docs/pack-format.md). `national` is the national pack.
enum PackRoute {
    static func register(on table: RouteTable, services: ServeServices) {
        table.add(RouteSpec(.get, "/v1/packs/{area}/{period}", id: "pack", summary: "An area's performance pack (JSON)",
                            description: "Area managers read their own area's pack; national users every area's, and `national`. Operators, and area managers asking for another area: 403.",
                            tags: ["packs"], access: .roles([.areaManager, .national]),
                            parameters: [RouteParameter("area", in: .path, "Area code (see `redact reference areas`), or `national`."),
                                         RouteParameter("period", in: .path, "A month (2026-04), quarter (2026-Q1) or financial year (FY2026-27)."),
                                         RouteParameter("suppress_small", in: .query, "Show counts from 1 to N-1 as <N (N at least 2).", schema: ["type": "integer"]),
                                        ],
                            responses: [.json(200, "The pack", schema: "Pack"), .problem(404, "No such area"),
                                        .problem(422, "The period does not parse")])) { request, context in
            let who = try context.requirePrincipal()
            let area = try context.parameters.require("area")
            guard area == "national" ? who.role == .national : who.mayReadPack(of: area) else {
                throw ServeProblem(.forbidden, "this token may not read another area's pack", code: "area")
            }
            var suppress: Int? = nil
            if let s = request.uri.queryParameters.get("suppress_small") {
                guard let n = Int(s), n >= 2 else {
                    throw ServeProblem(.unprocessableContent, "suppress_small must be a number of at least 2", code: "invalid-option")
                }
                suppress = n
            }
            let text = try PackProblems.map {
                let builder = PackBuilder(reference: services.documents.reference)
                let period = try PackPeriod(parsing: try context.parameters.require("period"))
                let scope: PackScope = area == "national" ? .national : .area(try builder.validate(area: area))
                let source = try services.packSource()
                let pack = try builder.build(PackRequest(scope: scope, period: period, settings: PackSettings(suppressBelow: suppress)),
                                             from: source)
                return PackRenderer.render(pack, as: .json, reference: services.documents.reference)
            }
            var r = Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: text)))
            r.headers[.contentType] = "application/json"
            return r
        }
    }
}

/// Maps the report's errors to problems (fixed sentences by kind).
enum PackProblems {
    static func map<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as ReportError {
            switch e.kind {
            case .invalidPeriod: throw ServeProblem(.unprocessableContent, "the period must be a month (2026-04), a quarter (2026-Q1) or a financial year (FY2026-27)", code: "invalid-period")
            case .unknownArea: throw ServeProblem(.notFound, "no such area (see `redact reference areas`)", code: "unknown-area")
            case .invalidOption: throw ServeProblem(.unprocessableContent, "an option is not valid", code: "invalid-option")
            case .storage, .output: throw ServeProblem(.serviceUnavailable, "the log could not be read", code: "log-unavailable")
            }
        }
    }
}
