/// Sign-in and the error pages. None of them says anything about a document, a case or a person.
public enum StatusPages {
    public static func signIn(csrf: String?, error: String? = nil, next: String? = nil) -> Markup {
        let err: Markup = error.map { "<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\"><h2>Not signed in</h2><p>\($0)</p></div>" } ?? .empty
        let nextField: Markup = next.map { "<input type=\"hidden\" name=\"next\" value=\"\($0)\">" } ?? .empty
        let body: Markup = """
        <div class="wrap narrow">
        <h1>Sign in</h1>
        \(err)
        <p>Paste the access token you were given (<code>redact token create</code> prints it once). The token is checked and forgotten: the browser keeps only a session cookie.</p>
        <form method="post" action="/signin" class="card">
        \(Forms.csrf(csrf))\(nextField)
        \(Forms.input(name: "token", label: "Access token", type: "password", required: true, extra: " autocomplete=\"off\" spellcheck=\"false\""))
        <button type="submit" class="primary">Sign in</button>
        </form>
        </div>
        """
        return Layout.page(title: "Sign in", viewer: nil, csrf: nil, body: body)
    }

    /// A page for an HTTP error: 401 offers sign-in, 403 says the role or area does not allow it.
    public static func error(status: Int, viewer: Viewer?, csrf: String?, detail: String? = nil) -> Markup {
        let (title, text): (String, String)
        switch status {
        case 401: (title, text) = ("Sign in to continue", "This page needs you to be signed in.")
        case 403: (title, text) = ("Not allowed", "Your role or area does not give access to this page or this area's data.")
        case 404: (title, text) = ("Not found", "There is nothing at this address (a review is kept only while you work on it).")
        case 413: (title, text) = ("Too large", "The document is larger than this server accepts.")
        case 400, 422: (title, text) = ("That did not work", "The form could not be used as sent.")
        default: (title, text) = ("Something went wrong", "The server could not complete the request.")
        }
        let more: Markup = detail.map { "<p>\($0)</p>" } ?? .empty
        let action: Markup = status == 401 ? "<p><a class=\"button primary\" href=\"/signin\">Sign in</a></p>" : "<p><a href=\"/\">Back to the start</a></p>"
        let body: Markup = "<div class=\"wrap narrow\"><h1>\(title)</h1><p class=\"status-code\">Error \(status)</p><p>\(text)</p>\(more)\(action)</div>"
        return Layout.page(title: title, viewer: viewer, csrf: csrf, body: body)
    }
}
