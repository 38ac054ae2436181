import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import RedactServe

/// The 401/403 matrix: every route, every role, and no/bad/revoked tokens.
@Suite struct AccessMatrixTests {
    static let ne = TestServer.areas.0
    static let lon = TestServer.areas.1

    struct Case: Sendable, CustomStringConvertible {
        var method: HTTPRequest.Method
        var uri: String
        var body: String?
        var contentType: String?
        /// Expected status by token label (nil label: no token).
        var expected: [String: HTTPResponse.Status]
        var description: String { "\(method) \(uri)" }
    }

    static let breachNE = "{\"stage\":\"near-miss\",\"type\":\"failure-to-redact\",\"became_aware\":\"2026-04-02\",\"area\":\"\(ne)\"}"
    static let breachOwn = "{\"stage\":\"near-miss\",\"type\":\"failure-to-redact\",\"became_aware\":\"2026-04-02\"}"

    static let cases: [Case] = [
        Case(method: .get, uri: "/v1/whoami", expected: ["op-ne": .ok, "am-ne": .ok, "nat": .ok]),
        Case(method: .post, uri: "/v1/scan", body: Sample.text, contentType: "text/plain",
             expected: ["op-ne": .ok, "am-ne": .ok, "nat": .ok]),
        Case(method: .post, uri: "/v1/check", body: Sample.text, contentType: "text/plain",
             expected: ["op-ne": .ok, "am-ne": .ok, "nat": .ok]),
        Case(method: .post, uri: "/v1/redact?recipient=defence&case=URN1", body: Sample.text, contentType: "text/plain",
             expected: ["op-ne": .ok, "op-lon": .ok, "am-ne": .forbidden, "nat": .forbidden]),
        Case(method: .get, uri: "/v1/packs/\(ne)/2026-04",
             expected: ["op-ne": .forbidden, "am-ne": .ok, "am-lon": .forbidden, "nat": .ok]),
        Case(method: .get, uri: "/v1/packs/national/2026-04",
             expected: ["op-ne": .forbidden, "am-ne": .forbidden, "nat": .ok]),
        Case(method: .post, uri: "/v1/breaches", body: breachNE, contentType: "application/json",
             expected: ["op-ne": .created, "op-lon": .forbidden, "am-ne": .created, "am-lon": .forbidden, "nat": .created]),
        Case(method: .post, uri: "/v1/breaches", body: breachOwn, contentType: "application/json",
             expected: ["op-lon": .created, "am-lon": .created, "nat": .unprocessableContent]),
    ]

    @Test(arguments: cases)
    func matrix(_ c: Case) async throws {
        let server = try TestServer()
        try await server.application().test(.router) { client in
            // Nobody, a malformed token, an unknown well-formed one, a revoked one: 401.
            for label in [nil, "garbage", "rdt_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "revoked"] as [String?] {
                let r = try await client.execute(uri: c.uri, method: c.method, headers: server.headers(label, contentType: c.contentType),
                                                 body: c.body.map { ByteBuffer(string: $0) })
                #expect(r.status == .unauthorized, "\(c) with \(label ?? "no token"): \(r.text)")
                #expect(r.headers[.wwwAuthenticate] != nil)
            }
            for (label, status) in c.expected.sorted(by: { $0.key < $1.key }) {
                let r = try await client.execute(uri: c.uri, method: c.method, headers: server.headers(label, contentType: c.contentType),
                                                 body: c.body.map { ByteBuffer(string: $0) })
                #expect(r.status == status, "\(c) as \(label): \(r.text)")
            }
        }
    }

    @Test func openRoutesNeedNoToken() async throws {
        let server = try TestServer()
        try await server.application().test(.router) { client in
            for uri in ["/healthz", "/metrics", "/openapi.json", "/"] {
                let r = try await client.execute(uri: uri, method: .get)
                #expect(r.status == .ok, "\(uri)")
            }
        }
    }
}
