import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import RedactServe

@Suite struct OpenAPITests {
    /// Every route in the table is in the document (or its hidden list) and answers on the
    /// router (not 404), and every operation in the document is a route in the table.
    @Test func theDocumentAndTheRoutesAgree() async throws {
        let server = try TestServer()
        let (router, table) = ServeApplication.router(services: server.services)
        let doc = OpenAPIDocument.build(table.specs, version: "test")
        guard case .object(let paths) = doc["paths"] ?? nil, case .array(let hidden) = doc["x-hidden-routes"] ?? nil else {
            Issue.record("no paths")
            return
        }
        var documented = Set<String>()
        for (path, item) in paths {
            guard case .object(let ops) = item else { continue }
            for method in ops.keys { documented.insert("\(method.uppercased()) \(path)") }
        }
        for h in hidden {
            if case .string(let m) = h["method"] ?? nil, case .string(let p) = h["path"] ?? nil { documented.insert("\(m) \(p)") }
        }
        let registered = Set(table.specs.map { "\($0.method.rawValue) \($0.path)" })
        #expect(documented == registered)
        for want in ["POST /v1/scan", "POST /v1/redact", "POST /v1/check", "GET /v1/packs/{area}/{period}", "POST /v1/breaches",
                     "GET /healthz", "GET /metrics", "GET /openapi.json"] {
            #expect(registered.contains(want), "\(want)")
        }
        let app = Application(router: router)
        try await app.test(.router) { client in
            for spec in table.specs {
                let uri = spec.path.replacingOccurrences(of: "{area}", with: "cps-wessex")
                    .replacingOccurrences(of: "{period}", with: "2026-04")
                let r = try await client.execute(uri: uri, method: spec.method)
                #expect(r.status != .notFound && r.status != .methodNotAllowed, "\(spec.method) \(spec.path): \(r.status)")
            }
            #expect(try await client.execute(uri: "/v1/nothing-here", method: .get).status == .notFound)
            // The served document is the generated one.
            let served = try await client.execute(uri: "/openapi.json", method: .get)
            let json = try JSONSerialization.jsonObject(with: Data(served.body.readableBytesView)) as? [String: Any]
            #expect(json?["openapi"] as? String == "3.1.0")
            #expect(Set((json?["paths"] as? [String: Any])?.keys.map { $0 } ?? []) == Set(paths.keys))
        }
    }

    @Test func securityAndRolesAreDocumented() throws {
        let server = try TestServer()
        let (_, table) = ServeApplication.router(services: server.services)
        let doc = OpenAPIDocument.build(table.specs, version: "test")
        let redact = doc["paths"]?["/v1/redact"]?["post"]
        #expect(redact?["x-roles"] == ["operator"])
        #expect(redact?["security"] == [["bearerToken": []], ["sessionCookie": []]])
        #expect(redact?["responses"]?["401"] != nil)
        #expect(redact?["responses"]?["403"] != nil)
        #expect(doc["paths"]?["/healthz"]?["get"]?["security"] == [])
        #expect(doc["components"]?["securitySchemes"]?["bearerToken"] != nil)
    }
}
