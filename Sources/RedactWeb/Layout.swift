/// The page shell every screen shares: a skip link, the header with navigation and the signed-in
/// user, one `<main>`, and only served stylesheets and scripts (the CSP allows no inline ones).
public enum Layout {
    public static let cssPath = "/static/app.css"
    public static let packCSSPath = "/static/pack.css"
    public static let reviewJSPath = "/static/review.js"

    public enum Section: String, Sendable { case review, dashboard, breaches, none }

    /// - Parameters:
    ///   - csrf: the session's CSRF token, put into the sign-out form (and every form the body has).
    ///   - stylesheets: extra served stylesheets (the dashboard adds the pack's).
    public static func page(title: String, viewer: Viewer?, csrf: String?, section: Section = .none, body: Markup,
                            stylesheets: [String] = [], scripts: [String] = []) -> Markup {
        let links = ([cssPath] + stylesheets).map { Markup("<link rel=\"stylesheet\" href=\"\($0)\">") }.joined()
        let js = scripts.map { Markup("<script src=\"\($0)\" defer></script>") }.joined()
        return """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title) · redact</title>
        \(links)\(js)
        </head>
        <body>
        <a class="skip" href="#main">Skip to main content</a>
        \(header(viewer: viewer, csrf: csrf, section: section))
        <main id="main" tabindex="-1">
        \(body)
        </main>
        </body>
        </html>

        """
    }

    static func header(viewer: Viewer?, csrf: String?, section: Section) -> Markup {
        guard let viewer else {
            return "<header class=\"top\"><div class=\"wrap\"><p class=\"brand\">redact</p></div></header>"
        }
        func item(_ s: Section, _ href: String, _ label: String) -> Markup {
            s == section ? "<li><a href=\"\(href)\" aria-current=\"page\">\(label)</a></li>" : "<li><a href=\"\(href)\">\(label)</a></li>"
        }
        var nav: [Markup] = []
        if viewer.mayReview { nav.append(item(.review, "/review", "Review a document")) }
        if viewer.mayReadPacks { nav.append(item(.dashboard, "/dashboard", "Dashboard")) }
        nav.append(item(.breaches, "/breaches", "Breach register"))
        let who = viewer.area.map { "\(viewer.name) (\(roleLabel(viewer.role)), \($0))" } ?? "\(viewer.name) (\(roleLabel(viewer.role)))"
        return """
        <header class="top"><div class="wrap">
        <p class="brand">redact</p>
        <nav aria-label="Main"><ul>\(nav)</ul></nav>
        <form class="signout" method="post" action="/signout">\(Forms.csrf(csrf))<span class="who">Signed in as \(who)</span> <button type="submit">Sign out</button></form>
        </div></header>
        """
    }

    public static func roleLabel(_ r: Viewer.Role) -> String {
        switch r {
        case .operator: "operator"
        case .areaManager: "area manager"
        case .national: "national"
        }
    }
}

/// Small form helpers: every form carries the CSRF token in the same hidden field.
public enum Forms {
    /// The form field the server checks against the session's token.
    public static let csrfField = "csrf_token"

    public static func csrf(_ token: String?) -> Markup {
        guard let token else { return .empty }
        return "<input type=\"hidden\" name=\"\(csrfField)\" value=\"\(token)\">"
    }

    /// A `<select>` with a visible label; `options` are (value, label).
    public static func select(name: String, label: String, options: [(String, String)], selected: String?, id: String? = nil,
                              hint: String? = nil) -> Markup {
        let fid = id ?? "f-\(name)"
        let opts = options.map { o -> Markup in
            o.0 == selected ? "<option value=\"\(o.0)\" selected>\(o.1)</option>" : "<option value=\"\(o.0)\">\(o.1)</option>"
        }.joined()
        let hintM: Markup = hint.map { "<span class=\"hint\" id=\"\(fid)-hint\">\($0)</span>" } ?? .empty
        let described: Markup = hint != nil ? " aria-describedby=\"\(fid)-hint\"" : ""
        return "<div class=\"field\"><label for=\"\(fid)\">\(label)</label>\(hintM)<select id=\"\(fid)\" name=\"\(name)\"\(described)>\(opts)</select></div>"
    }

    public static func input(name: String, label: String, value: String = "", type: String = "text", required: Bool = false,
                             hint: String? = nil, id: String? = nil, extra: Markup = .empty) -> Markup {
        let fid = id ?? "f-\(name)"
        let hintM: Markup = hint.map { "<span class=\"hint\" id=\"\(fid)-hint\">\($0)</span>" } ?? .empty
        let described: Markup = hint != nil ? " aria-describedby=\"\(fid)-hint\"" : ""
        let req: Markup = required ? " required" : ""
        return "<div class=\"field\"><label for=\"\(fid)\">\(label)</label>\(hintM)<input id=\"\(fid)\" type=\"\(type)\" name=\"\(name)\" value=\"\(value)\"\(described)\(req)\(extra)></div>"
    }

    public static func textarea(name: String, label: String, value: String = "", rows: Int = 4, hint: String? = nil,
                                required: Bool = false) -> Markup {
        let fid = "f-\(name)"
        let hintM: Markup = hint.map { "<span class=\"hint\" id=\"\(fid)-hint\">\($0)</span>" } ?? .empty
        let described: Markup = hint != nil ? " aria-describedby=\"\(fid)-hint\"" : ""
        let req: Markup = required ? " required" : ""
        return "<div class=\"field\"><label for=\"\(fid)\">\(label)</label>\(hintM)<textarea id=\"\(fid)\" name=\"\(name)\" rows=\"\(rows)\"\(described)\(req)>\(value)</textarea></div>"
    }
}
