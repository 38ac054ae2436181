import Hummingbird
import NIOCore
import RedactReport
import RedactReview
import RedactWeb

/// The start page, the sign-in page and the static files. (`POST /signin` and `POST /signout`
/// are the core's, in ``SystemRoutes``.)
enum UISessionRoutes {
    static func register(on table: RouteTable, ui: UIServices) {
        table.add(RouteSpec(.get, "/", id: "home", summary: "Start: the sign-in form, or the signed-in role's first page", tags: ["ui"],
                            access: .open, responses: [.html("The sign-in form (not signed in)"),
                                                       RouteResponse(303, "To /review (operators) or /dashboard (others)")])) { _, context in
            guard let who = context.principal else { return UIPage.send(StatusPages.signIn(csrf: nil)) }
            switch who.role {
            case .operator: return Response.redirect(to: "/review")
            case .areaManager, .national: return Response.redirect(to: "/dashboard")
            }
        }

        table.add(RouteSpec(.get, "/signin", id: "signInPage", summary: "The sign-in page (paste a token)", tags: ["ui"],
                            access: .open,
                            parameters: [RouteParameter("failed", in: .query, "Set after a refused token"),
                                         RouteParameter("next", in: .query, "Where to go after signing in (a local path)")],
                            responses: [.html("The sign-in form")])) { request, _ in
            let failed = request.uri.queryParameters.get("failed") != nil
            var next = request.uri.queryParameters.get("next")
            // Only local paths: never an open redirect.
            if let n = next, !(n.hasPrefix("/") && !n.hasPrefix("//")) { next = nil }
            return UIPage.send(StatusPages.signIn(csrf: nil, error: failed ? "That token was not accepted (unknown, revoked or mistyped)." : nil,
                                                  next: next))
        }

        let assets: [(String, String, String, String)] = [
            (Layout.cssPath, "appCSS", "text/css; charset=utf-8", AppStyle.css),
            (Layout.packCSSPath, "packCSS", "text/css; charset=utf-8", PackHTML.stylesheet),
            (Layout.reviewJSPath, "reviewJS", "text/javascript; charset=utf-8", ReviewScript.source),
        ]
        for (path, id, type, text) in assets {
            table.add(RouteSpec(.get, path, id: id, summary: "A static file of the browser screens", tags: ["ui"], access: .open,
                                responses: [RouteResponse(200, "The file", content: [String(type.prefix { $0 != ";" }): ["type": "string"]])])) { _, _ in
                var r = Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: text)))
                r.headers[.contentType] = type
                r.headers[.cacheControl] = "public, max-age=3600"
                return r
            }
        }
    }
}
