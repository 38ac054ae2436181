import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import RedactServe

@Suite struct SessionTests {
    /// Signs in with a token through the form post; returns the cookie header value.
    static func signIn(_ client: some TestClientProtocol, token: String, next: String = "/") async throws -> (String, TestResponse) {
        let r = try await client.execute(uri: "/signin", method: .post,
                                         headers: [.contentType: "application/x-www-form-urlencoded"],
                                         body: ByteBuffer(string: "token=\(token)&next=\(next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"))
        let setCookie = r.headers[.setCookie] ?? ""
        let pair = setCookie.split(separator: ";").first.map(String.init) ?? ""
        return (pair, r)
    }

    @Test func signInSetsAStrictHttpOnlyCookieAndRedirects() async throws {
        let server = try TestServer()
        try await server.application().test(.router) { client in
            let (cookie, r) = try await Self.signIn(client, token: server.tokens["op-ne"]!, next: "/review")
            #expect(r.status == .seeOther)
            #expect(r.headers[.location] == "/review")
            let set = r.headers[.setCookie] ?? ""
            #expect(set.contains("HttpOnly"))
            #expect(set.contains("SameSite=Strict"))
            #expect(set.contains("Path=/"))
            #expect(!set.contains("Secure"))   // no TLS, no secure_cookies
            #expect(cookie.hasPrefix("\(SessionStore.cookieName)="))
            let who = try await client.execute(uri: "/v1/whoami", method: .get, headers: [.cookie: cookie])
            #expect(who.status == .ok)
            #expect(who.json["via"] as? String == "session")
            #expect((who.json["csrf_token"] as? String)?.isEmpty == false)
        }
    }

    @Test func aWrongTokenOrAnOffsiteNextIsNotFollowed() async throws {
        let server = try TestServer()
        try await server.application().test(.router) { client in
            let (cookie, bad) = try await Self.signIn(client, token: "rdt_wrong")
            #expect(bad.status == .seeOther)
            #expect(bad.headers[.location] == "/signin?failed=1")
            #expect(cookie.isEmpty)
            let (_, offsite) = try await Self.signIn(client, token: server.tokens["am-ne"]!, next: "//evil.example/x")
            #expect(offsite.headers[.location] == "/")
        }
    }

    @Test func sessionPostsNeedTheCSRFToken() async throws {
        let server = try TestServer()
        try await server.application().test(.router) { client in
            let (cookie, _) = try await Self.signIn(client, token: server.tokens["op-ne"]!)
            let who = try await client.execute(uri: "/v1/whoami", method: .get, headers: [.cookie: cookie])
            let csrf = try #require(who.json["csrf_token"] as? String)
            let body = ByteBuffer(string: Sample.text)
            let without = try await client.execute(uri: "/v1/scan", method: .post, headers: [.cookie: cookie, .contentType: "text/plain"], body: body)
            #expect(without.status == .forbidden)
            #expect(without.json["code"] as? String == "csrf")
            let wrong = try await client.execute(uri: "/v1/scan", method: .post,
                                                 headers: [.cookie: cookie, .contentType: "text/plain", CSRFMiddleware.headerName: "nope"], body: body)
            #expect(wrong.status == .forbidden)
            let right = try await client.execute(uri: "/v1/scan", method: .post,
                                                 headers: [.cookie: cookie, .contentType: "text/plain", CSRFMiddleware.headerName: csrf], body: body)
            #expect(right.status == .ok)
            // A form post carries it as a field; sign-out with it ends the session.
            let signout = try await client.execute(uri: "/signout", method: .post,
                                                   headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"],
                                                   body: ByteBuffer(string: "csrf_token=\(csrf)"))
            #expect(signout.status == .seeOther)
            let after = try await client.execute(uri: "/v1/whoami", method: .get, headers: [.cookie: cookie])
            #expect(after.status == .unauthorized)
        }
    }

    @Test func revokingTheTokenEndsItsSessions() async throws {
        let server = try TestServer()
        try await server.application().test(.router) { client in
            let (cookie, _) = try await Self.signIn(client, token: server.tokens["am-ne"]!)
            #expect(try await client.execute(uri: "/v1/whoami", method: .get, headers: [.cookie: cookie]).status == .ok)
            try server.services.store.revokeAccessToken("am-ne")
            #expect(try await client.execute(uri: "/v1/whoami", method: .get, headers: [.cookie: cookie]).status == .unauthorized)
            #expect(try await client.execute(uri: "/v1/whoami", method: .get, headers: server.headers("am-ne")).status == .unauthorized)
        }
    }
}
