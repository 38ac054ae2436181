import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Resolves who is asking, for every route: `Authorization: Bearer rdt_…` (API clients), else
/// the `redact_session` cookie (browsers). It never rejects: an anonymous request goes on with
/// `context.principal == nil`, and each route's access rule (``RouteAccess``) answers 401 or 403.
///
/// A bearer header that is present but wrong is a 401 at once (a client that sent a token
/// expects it to count, and must not silently fall back to a cookie).
public struct AuthMiddleware: RouterMiddleware {
    public typealias Context = RedactRequestContext
    let authority: TokenAuthority
    let sessions: SessionStore

    public init(authority: TokenAuthority, sessions: SessionStore) {
        self.authority = authority
        self.sessions = sessions
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let header = request.headers[.authorization] {
            let parts = header.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "bearer",
                  let who = authority.principal(forToken: String(parts[1]).trimmingCharacters(in: .whitespaces), via: .bearerToken)
            else { throw ServeProblem.unauthenticated }
            context.principal = who
        } else if let cookie = request.cookies[SessionStore.cookieName]?.value, !cookie.isEmpty,
                  let session = await sessions.session(id: cookie) {
            if let who = authority.principal(forTokenID: session.tokenID, via: .session) {
                context.principal = who
                context.session = session
            } else {
                await sessions.remove(id: session.id)   // its token was revoked
            }
        }
        context.notes.principalID = context.principal?.tokenID
        return try await next(request, context)
    }
}

/// CSRF protection for browsers (synchronizer token): a request that is authenticated by the
/// session cookie and is not GET/HEAD/OPTIONS must carry the session's token, in the
/// `X-CSRF-Token` header (scripts) or a `csrf_token` field of an
/// `application/x-www-form-urlencoded` body (forms). Otherwise 403. Bearer-token requests carry
/// no ambient credential and are not checked. `POST /signin` is exempt (it has no session yet;
/// SameSite=Strict and the token itself protect it).
///
/// Forms are read up to `maxFormBytes` to find the field and handed on unchanged.
public struct CSRFMiddleware: RouterMiddleware {
    public typealias Context = RedactRequestContext
    public static let headerName = HTTPField.Name("X-CSRF-Token")!
    public static let formField = "csrf_token"
    let maxFormBytes: Int
    /// The largest multipart form read for its token (a document upload).
    let maxMultipartBytes: Int
    let exemptPaths: Set<String>

    public init(maxFormBytes: Int, maxMultipartBytes: Int? = nil, exemptPaths: Set<String> = ["/signin"]) {
        self.maxFormBytes = maxFormBytes
        self.maxMultipartBytes = maxMultipartBytes ?? maxFormBytes
        self.exemptPaths = exemptPaths
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard ![.get, .head, .options].contains(request.method), let session = context.session,
              context.principal?.via == .session, !exemptPaths.contains(request.uri.path)
        else { return try await next(request, context) }
        if let sent = request.headers[Self.headerName] {
            guard AccessTokens.equal(sent, session.csrfToken) else { throw Self.refused }
            return try await next(request, context)
        }
        let type = request.headers[.contentType]?.lowercased() ?? ""
        if type.hasPrefix("multipart/form-data") {
            // A form with a file (the review screen's upload): its csrf_token part (CSRFMiddleware+Multipart.swift).
            return try await Self.checkMultipart(request, context: context, session: session, limit: maxMultipartBytes, next: next)
        }
        guard type.hasPrefix("application/x-www-form-urlencoded") else { throw Self.refused }
        var request = request
        let body = try await request.collectBody(upTo: maxFormBytes)
        let form = String(buffer: body)
        let sent = Self.field(Self.formField, in: form)
        guard let sent, AccessTokens.equal(sent, session.csrfToken) else { throw Self.refused }
        return try await next(request, context)
    }

    static let refused = ServeProblem(.forbidden, "missing or wrong CSRF token for this session", code: "csrf")

    /// The first value of `name` in a URL-encoded form.
    static func field(_ name: String, in form: String) -> String? {
        for pair in form.split(separator: "&") {
            let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard kv.count == 2, kv[0] == name[...] else { continue }
            return String(kv[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
        }
        return nil
    }
}

/// Security headers on every response, errors included. The CSP allows only same-origin
/// scripts, styles, images, forms and connections, and no inline script or style (so the UI
/// ships its JS and CSS as files under /static).
public struct SecurityHeadersMiddleware: RouterMiddleware {
    public typealias Context = RedactRequestContext
    public static let contentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
        + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    let hsts: Bool

    public init(hsts: Bool = false) { self.hsts = hsts }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        Self.apply(to: &response.headers, hsts: hsts)
        return response
    }

    public static func apply(to headers: inout HTTPFields, hsts: Bool = false) {
        headers[.contentSecurityPolicy] = contentSecurityPolicy
        headers[.xContentTypeOptions] = "nosniff"
        headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        headers[HTTPField.Name("Cross-Origin-Opener-Policy")!] = "same-origin"
        headers[HTTPField.Name("Cross-Origin-Resource-Policy")!] = "same-origin"
        headers[HTTPField.Name("Permissions-Policy")!] = "camera=(), microphone=(), geolocation=()"
        if headers[.cacheControl] == nil { headers[.cacheControl] = "no-store" }
        if hsts { headers[.strictTransportSecurity] = "max-age=31536000" }
    }
}
