import Hummingbird
import NIOCore
import RedactWeb

/// CSRF for `multipart/form-data` posts (the review screen uploads a file with its form): the
/// `csrf_token` part must equal the session's token. The body is collected (up to the document
/// limit) and handed on unchanged, as for URL-encoded forms.
extension CSRFMiddleware {
    static func checkMultipart(_ request: Request, context: Context, session: Session, limit: Int,
                               next: (Request, Context) async throws -> Response) async throws -> Response {
        var request = request
        let body = try await request.collectBody(upTo: limit)
        let form = try? FormData.parse(body: Array(body.readableBytesView), contentType: request.headers[.contentType])
        guard let sent = form?[formField], AccessTokens.equal(sent, session.csrfToken) else { throw refused }
        return try await next(request, context)
    }
}
