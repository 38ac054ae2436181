import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import RedactServe

@Suite struct SkeletonTests {
    @Test func healthAnswersWithoutAToken() async throws {
        let server = try TestServer()
        try await server.application().test(.router) { client in
            let r = try await client.execute(uri: "/healthz", method: .get)
            #expect(r.status == .ok)
            #expect(r.json["status"] as? String == "ok")
            #expect(r.headers[.contentSecurityPolicy]?.contains("default-src 'self'") == true)
            #expect(r.headers[.xContentTypeOptions] == "nosniff")
        }
    }

    @Test func noOrBadOrRevokedTokenIs401() async throws {
        let server = try TestServer()
        try await server.application().test(.router) { client in
            for label in [nil, "rdt_not-a-real-token", "revoked"] as [String?] {
                let r = try await client.execute(uri: "/v1/whoami", method: .get, headers: server.headers(label))
                #expect(r.status == .unauthorized, "\(label ?? "none")")
                #expect(r.headers[.contentType] == "application/problem+json")
            }
            let ok = try await client.execute(uri: "/v1/whoami", method: .get, headers: server.headers("am-ne"))
            #expect(ok.status == .ok)
            #expect(ok.json["role"] as? String == "area-manager")
            #expect(ok.json["area"] as? String == "cps-north-east")
        }
    }
}
