import Foundation
import Hummingbird
import NIOCore

/// Health, metrics, the OpenAPI document, and browser sign-in/sign-out.
///
/// Sign-in: `POST /signin` with an `application/x-www-form-urlencoded` body `token=rdt_…`
/// (and optionally `next=/local/path`) opens a server-side session and answers 303 to `next`
/// (default `/`) with the cookie `redact_session` (`HttpOnly; SameSite=Strict; Path=/`, and
/// `Secure` with `secure_cookies`). A wrong token answers 303 to `/signin?failed=1`.
/// `POST /signout` (CSRF-checked) ends it.
public enum SystemRoutes {
    public static func register(on table: RouteTable, services: ServeServices) {
        table.add(RouteSpec(.get, "/healthz", id: "health", summary: "Liveness: the server answers", tags: ["system"],
                            access: .open, responses: [.json(200, "Alive", schema: "Health")])) { _, _ in
            Response.json(["status": "ok", "version": .string(services.version)])
        }
        table.add(RouteSpec(.get, "/metrics", id: "metrics", summary: "Prometheus metrics (counts and latencies only)",
                            tags: ["system"], access: .open,
                            responses: [RouteResponse(200, "Prometheus text format", content: ["text/plain": ["type": "string"]])])) { _, _ in
            var r = Response(status: .ok, body: .init(byteBuffer: ByteBuffer(bytes: services.metrics.exposition())))
            r.headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            return r
        }
        table.add(RouteSpec(.get, "/openapi.json", id: "openapi", summary: "This API's OpenAPI 3.1 document, generated from the route table",
                            tags: ["system"], access: .open,
                            responses: [RouteResponse(200, "OpenAPI 3.1", content: ["application/json": ["type": "object"]])])) { _, _ in
            let doc = OpenAPIDocument.build(table.specs, version: services.version)
            var r = Response(status: .ok, body: .init(byteBuffer: ByteBuffer(bytes: doc.encoded(pretty: true))))
            r.headers[.contentType] = "application/json"
            return r
        }
        table.add(RouteSpec(.get, "/v1/whoami", id: "whoami", summary: "Who the token or session is (and the session's CSRF token)",
                            tags: ["session"], access: .anyRole,
                            responses: [.json(200, "The principal", schema: "Principal")])) { _, context in
            let who = try context.requirePrincipal()
            var o: [String: JSONNode] = ["token_id": .string(who.tokenID), "name": .string(who.name),
                                         "role": .string(who.role.rawValue), "via": .string(who.via.rawValue)]
            if let area = who.area { o["area"] = .string(area) }
            if let csrf = context.csrfToken { o["csrf_token"] = .string(csrf) }
            return Response.json(.object(o))
        }
        table.add(RouteSpec(.post, "/signin", id: "signIn", summary: "Browser sign-in: a token once, then a session cookie",
                            tags: ["session"], access: .open,
                            body: RouteBody("The token", content: ["application/x-www-form-urlencoded": APISchemas.object(
                                ["token": ["type": "string"], "next": ["type": "string"]], required: ["token"])]),
                            responses: [RouteResponse(303, "Signed in (to `next`) or refused (to /signin?failed=1)",
                                                      headers: ["Location": "Where to go", "Set-Cookie": "The session cookie"])])) { request, context in
            var request = request
            let body = try await request.collectBody(upTo: services.configuration.maxFormBytes)
            let form = String(buffer: body)
            guard let token = CSRFMiddleware.field("token", in: form),
                  let who = services.authority.principal(forToken: token.trimmingCharacters(in: .whitespacesAndNewlines), via: .session)
            else { return Response.redirect(to: "/signin?failed=1") }
            let session = await services.sessions.create(tokenID: who.tokenID)
            context.logger.info("signed in", metadata: ["principal": .string(who.tokenID)])
            var r = Response.redirect(to: safeNext(CSRFMiddleware.field("next", in: form)))
            r.setCookie(Cookie(name: SessionStore.cookieName, value: session.id, maxAge: Int(services.configuration.sessionHours * 3600),
                               path: "/", secure: services.configuration.secureCookies, httpOnly: true, sameSite: .strict))
            return r
        }
        table.add(RouteSpec(.post, "/signout", id: "signOut", summary: "Browser sign-out (needs the CSRF token)",
                            tags: ["session"], access: .anyRole,
                            responses: [RouteResponse(303, "Signed out (to /signin)", headers: ["Location": "/signin"])])) { _, context in
            if let s = context.session { await services.sessions.remove(id: s.id) }
            var r = Response.redirect(to: "/signin")
            r.setCookie(Cookie(name: SessionStore.cookieName, value: "", maxAge: 0, path: "/",
                               secure: services.configuration.secureCookies, httpOnly: true, sameSite: .strict))
            return r
        }
    }

    /// Only a local absolute path is followed after sign-in (no `//host`, no scheme).
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"),
              !next.unicodeScalars.contains(where: { $0.value < 0x20 }) else { return "/" }
        return next
    }
}

extension Response {
    /// A JSON answer (sorted keys).
    public static func json(_ node: JSONNode, status: HTTPResponse.Status = .ok) -> Response {
        var r = Response(status: status, body: .init(byteBuffer: ByteBuffer(bytes: node.encoded())))
        r.headers[.contentType] = "application/json"
        return r
    }

    /// An HTML page (UTF-8). The CSP forbids inline script and style: link /static files.
    public static func html(_ page: String, status: HTTPResponse.Status = .ok) -> Response {
        var r = Response(status: status, body: .init(byteBuffer: ByteBuffer(string: page)))
        r.headers[.contentType] = "text/html; charset=utf-8"
        return r
    }

    /// 303 See Other to a local path.
    public static func redirect(to location: String) -> Response {
        var r = Response(status: .seeOther)
        r.headers[.location] = location
        return r
    }
}
