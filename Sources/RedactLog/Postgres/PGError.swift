import Foundation
import NIOCore
import PostgresNIO

/// PostgreSQL failures as ``LogError``s, and which of them are worth retrying.
///
/// Messages name the SQLSTATE and the server's short message, never the `DETAIL` (which quotes
/// the values of a violated key) nor the statement's parameters: no personal data reaches a
/// message. PostgresNIO's own `PSQLError.description` is deliberately generic for the same reason.
package enum PGError {
    /// A statement outlived ``PGConnection/statementDeadline``: the connection is treated as lost.
    package struct Timeout: Error {}

    /// SQLSTATE of a server error, if the error is one.
    package static func sqlState(_ error: any Error) -> String? {
        if case .server(let e)? = error as? PostgresError { return e.fields[.sqlState] }
        return (error as? PSQLError)?.serverInfo?[.sqlState]
    }

    /// The constraint a server error names, if any.
    package static func constraintName(_ error: any Error) -> String? {
        if case .server(let e)? = error as? PostgresError { return e.fields[.constraintName] }
        return (error as? PSQLError)?.serverInfo?[.constraintName]
    }

    /// The server's short message (never its DETAIL, which can quote values).
    package static func serverMessage(_ error: any Error) -> String? {
        if case .server(let e)? = error as? PostgresError { return e.fields[.message] }
        return (error as? PSQLError)?.serverInfo?[.message]
    }

    /// The connection is gone (server restarted, network dropped, connection refused): reconnect
    /// and retry.
    package static func isConnectionLoss(_ error: any Error) -> Bool {
        if error is ChannelError || error is IOError || error is NIOConnectionError { return true }
        if case .connectionClosed? = error as? PostgresError { return true }
        if error is Timeout { return true }
        if let e = error as? PSQLError {
            switch e.code {
            case .serverClosedConnection, .clientClosedConnection, .connectionError, .uncleanShutdown: return true
            case .server:
                // 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now (starting up),
                // 08xxx connection exceptions.
                guard let s = sqlState(e) else { return false }
                return s.hasPrefix("08") || s == "57P01" || s == "57P02" || s == "57P03"
            default: return false
            }
        }
        return false
    }

    /// Worth another try on a fresh or the same connection: connection loss, serialization
    /// failure, deadlock, too many connections, lock timeout.
    package static func isTransient(_ error: any Error) -> Bool {
        if isConnectionLoss(error) { return true }
        guard let s = sqlState(error) else { return false }
        // A clash on the chain's seq: a writer linked without the append lock; retry under it.
        if s == "23505" && constraintName(error) == "entry_pkey" { return true }
        return ["40001", "40P01", "53300", "55P03", "53400"].contains(s)
    }

    package static func isUniqueViolation(_ error: any Error) -> Bool { sqlState(error) == "23505" }

    package static func map(_ error: any Error, doing action: String) -> LogError {
        if let e = error as? LogError { return e }
        if isConnectionLoss(error) {
            return LogError(.busy, "\(action) failed: the PostgreSQL server could not be reached or closed the connection")
        }
        guard let state = sqlState(error) else {
            let code = (error as? PSQLError).map { "\($0.code)" } ?? "\(type(of: error))"
            return LogError(.storage, "\(action) failed: \(code)")
        }
        let message = serverMessage(error) ?? ""
        let detail = "PostgreSQL \(state): \(message)"
        switch state {
        case "23505": return LogError(.conflict, "\(action) failed: a constraint of the log refused the entry (\(detail))")
        case "25006": return LogError(.readOnly, "\(action) failed: the log was opened read-only (\(detail))")
        case "42501": return LogError(.readOnly, "\(action) failed: the log is read-only for this user (\(detail))")
        case "53100", "53200": return LogError(.storageFull, "\(action) failed: the database server is out of space; nothing was written (\(detail))")
        case "40001", "40P01", "55P03", "53300": return LogError(.busy, "\(action) failed: the log stayed busy past the retry limit (\(detail))")
        case "28P01", "28000": return LogError(.storage, "\(action) failed: the server refused the user name or password (\(detail))")
        case "3D000": return LogError(.notFound, "\(action) failed: the database does not exist (\(detail))")
        default: return LogError(.storage, "\(action) failed (\(detail))")
        }
    }
}

/// Retries with exponential backoff and jitter, for as long as the errors are transient and the
/// deadline has not passed: a writer rides out a server restart instead of losing its entry.
package struct PGRetry: Sendable {
    /// How long to keep trying in all.
    package var deadline: TimeInterval = 120
    package var initialDelay: TimeInterval = 0.05
    package var maxDelay: TimeInterval = 2

    package init(deadline: TimeInterval = 120, initialDelay: TimeInterval = 0.05, maxDelay: TimeInterval = 2) {
        self.deadline = deadline
        self.initialDelay = initialDelay
        self.maxDelay = maxDelay
    }

    package static let standard = PGRetry()

    /// Runs `body` until it succeeds, throws a non-transient error, or the deadline passes.
    /// `attempt` counts from 0, so the body can tell a first try from a retry.
    package func run<T>(_ body: (_ attempt: Int) throws -> T) throws -> T {
        let start = Date()
        var delay = initialDelay
        var attempt = 0
        while true {
            do {
                return try body(attempt)
            } catch {
                guard PGError.isTransient(error), Date().timeIntervalSince(start) + delay < deadline else { throw error }
                Thread.sleep(forTimeInterval: delay * Double.random(in: 0.5...1.5))
                delay = min(maxDelay, delay * 2)
                attempt += 1
            }
        }
    }
}
