import Foundation
import RedactLog

/// Every failure of the job queue. Messages name the action and the cause (a SQLSTATE and the
/// server's short message at most), never a path or any document content.
public struct QueueError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// A value the queue refuses (an empty submission, a bad lease).
        case invalidInput = "invalid-input"
        /// No such batch.
        case notFound = "not-found"
        /// The server could not be reached, or stayed busy past the retry deadline.
        case unavailable
        /// Any other database failure (permissions, a newer schema, a full disk).
        case storage
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }

    /// A database failure as a queue error: PostgreSQL's errors go through the log's mapping
    /// (`PGError`), which already keeps DETAIL and parameters out of messages.
    static func map(_ error: any Error, doing action: String) -> QueueError {
        if let e = error as? QueueError { return e }
        let log = (error as? LogError) ?? PGError.map(error, doing: action)
        switch log.kind {
        case .busy: return QueueError(.unavailable, log.message)
        case .invalidInput: return QueueError(.invalidInput, log.message)
        // Everything else, a missing database included, is the database's side.
        default: return QueueError(.storage, log.message)
        }
    }
}
