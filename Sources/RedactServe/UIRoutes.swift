import Hummingbird

/// The browser screens: review, dashboard, sign-in page, breach forms, static JS/CSS.
///
/// **Owned by the UI (branch `serve-ui`).** This file is the one place UI routes are
/// registered; each group lives in its own file (`UIRoutes+Session.swift`, `+Review`,
/// `+Dashboard`, `+Breaches`), the pages themselves in `RedactWeb` and the review logic in
/// `RedactReview`.
///
/// Every UI route is `.open` in the route table and checks the principal itself, so a browser
/// gets an HTML 401/403 page (or, for a page, a redirect to sign in) instead of a problem object;
/// the roles each route allows are in its description and in docs/serve-ui.md. CSRF is the
/// core's ``CSRFMiddleware`` (every form carries `csrf_token`).
public enum UIRoutes {
    public static func register(on table: RouteTable, services: ServeServices) {
        let ui = UIServices(services: services)
        UISessionRoutes.register(on: table, ui: ui)
        UIReviewRoutes.register(on: table, ui: ui)
        UIDashboardRoutes.register(on: table, ui: ui)
        UIBreachRoutes.register(on: table, ui: ui)
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
