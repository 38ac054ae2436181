import Foundation
import Hummingbird
import Logging

/// The request context of every `redact serve` route: Hummingbird's core storage plus who is
/// asking. ``AuthMiddleware`` fills ``principal`` (and ``session`` for a browser); routes and
/// the UI read them, never the raw token or cookie.
///
/// ```swift
/// router.get("/whoami") { _, context in
///     let who = try context.requirePrincipal()      // 401 without one
///     return who.name
/// }
/// ```
public struct RedactRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The authenticated principal, or nil (anonymous).
    public var principal: Principal?
    /// The browser session, when the request carried a valid session cookie.
    public var session: Session?
    /// The largest JSON or form body a route decodes (documents have their own, larger limit).
    public var maxUploadSize: Int
    /// Shared by every copy of this context: what inner middleware learnt, for the request log.
    let notes = RequestNotes()

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.principal = nil
        self.session = nil
        self.maxUploadSize = 256 * 1024
    }

    /// The principal, or a 401 problem.
    public func requirePrincipal() throws -> Principal {
        guard let principal else { throw ServeProblem.unauthenticated }
        return principal
    }

    /// The CSRF token a form must echo (nil without a session): what the UI puts in
    /// `<input type="hidden" name="csrf_token">` or the `X-CSRF-Token` header.
    public var csrfToken: String? { session?.csrfToken }
}

/// Facts an inner middleware learns and the outer request log reads afterwards (a context is a
/// value, copied on the way in, so the log needs a shared box).
final class RequestNotes: @unchecked Sendable {
    private let lock = NSLock()
    private var _principalID: String?
    var principalID: String? {
        get { lock.withLock { _principalID } }
        set { lock.withLock { _principalID = newValue } }
    }
}
