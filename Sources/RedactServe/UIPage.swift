import Foundation
import Hummingbird
import NIOCore
import RedactLog
import RedactReport
import RedactReview
import RedactScan
import RedactWeb

/// What the UI routes share: the server's services, the review service and the labels.
struct UIServices: Sendable {
    let services: ServeServices
    /// Nil when the review's packs could not be loaded (the review routes answer 503).
    let review: ReviewService?
    let labels: Labels
    var reference: Reference { services.documents.reference }

    init(services: ServeServices) {
        self.services = services
        var setup = ScanSetup()
        setup.patternDirectories = services.configuration.patternDirectories
        review = try? ReviewService(reference: services.documents.reference, toolVersion: services.version, setup: setup,
                                    profileDirectories: services.configuration.profileDirectories)
        labels = Labels(reference: services.documents.reference)
    }

    var areas: [(String, String)] { reference.entries(.areas).map { ($0.code, $0.label) } }
}

/// Helpers for HTML answers: who is signed in, error pages, forms.
enum UIPage {
    static func viewer(_ p: Principal) -> Viewer {
        let role: Viewer.Role
        switch p.role {
        case .operator: role = .operator
        case .areaManager: role = .areaManager
        case .national: role = .national
        }
        return Viewer(name: p.name, role: role, area: p.area)
    }

    static func send(_ page: Markup, status: HTTPResponse.Status = .ok) -> Response {
        Response.html(page.html, status: status)
    }

    /// An HTML error page (never personal data: fixed sentences by status, optional fixed detail).
    static func error(_ status: HTTPResponse.Status, _ context: RedactRequestContext, detail: String? = nil) -> Response {
        send(StatusPages.error(status: status.code, viewer: context.principal.map(viewer), csrf: context.csrfToken, detail: detail),
             status: status)
    }

    /// A page route: the viewer, or a redirect to sign in (GET) / a 401 page (other methods).
    /// Errors thrown by `body` become HTML pages too (a problem object means nothing to a person).
    static func page(_ request: Request, _ context: RedactRequestContext,
                     _ body: (Viewer) async throws -> Response) async -> Response {
        guard let principal = context.principal else {
            if request.method == .get {
                let next = request.uri.path
                return Response.redirect(to: "/signin?next=" + (next.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(.init(charactersIn: "/-_"))) ?? "/"))
            }
            return error(.unauthorized, context)
        }
        do {
            return try await body(viewer(principal))
        } catch let p as ServeProblem {
            return error(p.status, context)
        } catch let e as HTTPResponseError {
            return error(e.status, context)
        } catch {
            return UIPage.error(.internalServerError, context)
        }
    }

    /// The form of a post (URL-encoded or multipart), read up to `limit` bytes.
    static func form(_ request: Request, limit: Int) async throws -> FormData {
        var request = request
        let body = try await request.collectBody(upTo: limit)
        do {
            return try FormData.parse(body: Array(body.readableBytesView), contentType: request.headers[.contentType])
        } catch {
            throw ServeProblem(.badRequest, "the form could not be read")
        }
    }

    /// A file name safe for `Content-Disposition` (ASCII letters, digits, `.`, `-`, `_`).
    static func safeFileName(_ name: String) -> String {
        let base = (name as NSString).lastPathComponent
        let cleaned = String(base.unicodeScalars.map { c -> Character in
            (c.isASCII && (CharacterSet.alphanumerics.contains(c) || c == "." || c == "-" || c == "_")) ? Character(c) : "_"
        })
        return cleaned.isEmpty || cleaned.hasPrefix(".") ? "document" + cleaned : cleaned
    }

    static func download(_ bytes: [UInt8], type: String, filename: String) -> Response {
        var r = Response(status: .ok, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        r.headers[.contentType] = type
        r.headers[.contentDisposition] = "attachment; filename=\"\(safeFileName(filename))\""
        return r
    }
}
