import Hummingbird
import RedactWeb

/// Browsers get HTML error pages, API clients problem objects. Placed just outside
/// ``CSRFMiddleware``, it turns a problem thrown further in (a refused CSRF token on a form post,
/// an over-long form) into the UI's HTML page with the same status when the request is a
/// browser's: outside `/v1/` and asking for `text/html`. The page is fixed text by status.
public struct UIErrorPagesMiddleware: RouterMiddleware {
    public typealias Context = RedactRequestContext
    public init() {}

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let problem as ServeProblem {
            guard Self.wantsHTML(request) else { throw problem }
            let detail = problem.code == "csrf"
                ? "The form was sent without this session's security token (or with an old one). Go back, reload the page and try again."
                : nil
            var r = UIPage.error(problem.status, context, detail: detail)
            for field in problem.headers { r.headers.append(field) }
            return r
        }
    }

    static func wantsHTML(_ request: Request) -> Bool {
        !request.uri.path.hasPrefix("/v1/") && (request.headers[.accept]?.contains("text/html") ?? false)
    }
}
