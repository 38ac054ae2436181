import Hummingbird

/// The browser screens: review, dashboard, sign-in page, breach forms, static JS/CSS.
///
/// **Owned by the UI (branch `serve-ui`).** This file is the one place UI routes are
/// registered. Add each route to `table` with a ``RouteSpec`` (tag `ui`, `.html(...)`
/// answers; `hidden: true` for form posts that only redirect): the table registers it on the
/// router behind its access rule and lists it in /openapi.json.
///
/// What the server core already gives every UI route:
/// - `context.principal` (role, area, token name) from the session cookie; `.anyRole` access
///   answers 401 without one (a page may prefer to redirect to /signin: use `.open` and check
///   `context.principal` itself);
/// - `context.csrfToken`: put it in every form as `<input type="hidden" name="csrf_token">`
///   or send it as `X-CSRF-Token` from scripts; ``CSRFMiddleware`` refuses unsafe requests of a
///   session without it (403);
/// - `POST /signin` (form field `token`, optional `next`) and `POST /signout` (``SystemRoutes``);
///   the sign-in *page* (`GET /signin`, showing `?failed=1`) is the UI's;
/// - security headers on every answer: CSP `default-src 'self'` with no inline script or
///   style, so JS and CSS are files (serve them under `/static/`);
/// - `services.documents` (scan/redact a body), `services.store` (the log), the pack builder
///   behind `GET /v1/packs/{area}/{period}`, `Response.html(_:)`, `Response.redirect(to:)`.
public enum UIRoutes {
    public static func register(on table: RouteTable, services: ServeServices) {
        table.add(RouteSpec(.get, "/", id: "home", summary: "Start page (placeholder until the UI lands)", tags: ["ui"],
                            access: .open, responses: [.html("The start page")])) { _, context in
            let who = context.principal.map { "Signed in as \(HTMLText.escape($0.name)) (\($0.role.rawValue))." } ?? "Not signed in."
            return Response.html("""
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>redact</title></head>
                <body><main><h1>redact serve</h1><p>\(who)</p><p>The API is described at <a href="/openapi.json">/openapi.json</a>.</p></main></body></html>
                """)
        }
    }
}

/// Escaping for text placed in HTML.
public enum HTMLText {
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.count)
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}
