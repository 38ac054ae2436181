import Foundation

/// A signed-in browser: created by `POST /signin` with a token, kept in server memory only
/// (a restart signs everyone out), named by a random cookie value.
public struct Session: Sendable, Equatable {
    /// The cookie value (256 random bits). Never logged.
    public var id: String
    /// The synchronizer token every form post of this session must echo (CSRF).
    public var csrfToken: String
    /// The token the session was opened with (re-checked on each request, so revocation ends it).
    public var tokenID: String
    public var expires: Date
}

/// The server-side session table: an actor, so any request may use it.
///
/// ```swift
/// let session = await sessions.create(tokenID: principal.tokenID)
/// let again = await sessions.session(id: cookieValue)   // nil: unknown or expired
/// await sessions.remove(id: session.id)                  // sign out
/// ```
public actor SessionStore {
    public static let cookieName = "redact_session"
    private var sessions: [String: Session] = [:]
    public let lifetime: TimeInterval
    /// The most sessions held at once; the oldest are dropped beyond it (bounded memory).
    public let capacity: Int

    public init(lifetime: TimeInterval = 8 * 3600, capacity: Int = 10_000) {
        self.lifetime = lifetime
        self.capacity = capacity
    }

    public func create(tokenID: String, now: Date = Date()) -> Session {
        if sessions.count >= capacity { evict(now: now) }
        let s = Session(id: AccessTokens.randomText(), csrfToken: AccessTokens.randomText(), tokenID: tokenID,
                        expires: now.addingTimeInterval(lifetime))
        sessions[s.id] = s
        return s
    }

    public func session(id: String, now: Date = Date()) -> Session? {
        guard let s = sessions[id] else { return nil }
        if s.expires <= now {
            sessions[id] = nil
            return nil
        }
        return s
    }

    public func remove(id: String) {
        sessions[id] = nil
    }

    public var count: Int { sessions.count }

    private func evict(now: Date) {
        sessions = sessions.filter { $0.value.expires > now }
        while sessions.count >= capacity, let oldest = sessions.min(by: { $0.value.expires < $1.value.expires }) {
            sessions[oldest.key] = nil
        }
    }
}
