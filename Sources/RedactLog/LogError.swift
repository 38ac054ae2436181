import Foundation
import GRDB

/// Every failure of the log, as one struct with a kind (the style of ripgrep's and GRDB's errors).
///
/// Messages never carry personal data: they name fields, codes and entry numbers, never the
/// values a caller passed in. A value is echoed only when it already has the shape of a
/// reference code (lower case, digits, hyphens), because codes are not personal data and the
/// person who typed a wrong code needs to see it. Statement arguments are never printed (GRDB's
/// `publicStatementArguments` stays `false`).
public struct LogError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What went wrong, coarse enough for a caller to choose an exit code.
    public enum Kind: String, Sendable, Equatable {
        /// A field failed validation (too long, negative, impossible or future date, bad shape).
        case invalidInput = "invalid-input"
        /// A reference code is not in the loaded reference data.
        case unknownCode = "unknown-code"
        /// Free text was given but no redactor is configured, so it cannot be stored safely.
        case redactorRequired = "redactor-required"
        /// The reference data could not be found or read.
        case reference
        /// The log file is read-only (or on a read-only file system).
        case readOnly = "read-only"
        /// The disk (or the database's page limit) is full.
        case storageFull = "storage-full"
        /// Another process held the write lock for longer than the busy timeout.
        case busy
        /// Any other storage failure (I/O error, not a database, corrupt file).
        case storage
        /// The log was written by a newer version of this tool.
        case unsupportedSchema = "unsupported-schema"
        /// The hash chain does not verify.
        case chainBroken = "chain-broken"
        /// An import file is malformed or its chain does not verify; nothing was imported from it.
        case importRejected = "import-rejected"
        /// An entry with the same id but different content already exists.
        case conflict
        /// The named breach or entry does not exist.
        case notFound = "not-found"
    }

    public var kind: Kind
    /// A message safe to print and to store: no personal data.
    public var message: String
    /// For `.unknownCode`: the valid codes, so the caller can list them.
    public var validCodes: [String]

    public init(_ kind: Kind, _ message: String, validCodes: [String] = []) {
        self.kind = kind
        self.message = message
        self.validCodes = validCodes
    }

    public var description: String {
        if validCodes.isEmpty { return message }
        return message + "; valid codes: " + validCodes.joined(separator: ", ")
    }
}

extension LogError {
    /// Echoes `value` only if it looks like a code; otherwise says that it does not.
    static func show(_ value: String) -> String {
        Validation.isCode(value, maxLength: 64) ? "'\(value)'" : "(a value that is not a code)"
    }

    /// Maps an SQLite error to a kind with a message that names no personal data.
    ///
    /// `DatabaseError.description` includes the SQL (which holds no values: every value is bound)
    /// but we do not even print that: the result code and SQLite's message are enough.
    static func storage(_ error: any Error, doing action: String) -> LogError {
        if let e = error as? LogError { return e }
        guard let db = error as? DatabaseError else {
            return LogError(.storage, "\(action) failed: \(type(of: error))")
        }
        let code = db.resultCode
        let detail = "SQLite error \(db.extendedResultCode.rawValue)"
        switch code {
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_AUTH:
            return LogError(.readOnly, "\(action) failed: the log is read-only (\(detail))")
        case .SQLITE_FULL:
            return LogError(.storageFull, "\(action) failed: the disk or the log is full; nothing was written (\(detail))")
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return LogError(.busy, "\(action) failed: the log stayed locked by another process past the timeout (\(detail))")
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return LogError(.storage, "\(action) failed: the file is not a readable redact log (\(detail))")
        case .SQLITE_CANTOPEN:
            return LogError(.storage, "\(action) failed: the log file cannot be opened or created (\(detail))")
        case .SQLITE_IOERR:
            return LogError(.storage, "\(action) failed: I/O error (\(detail))")
        case .SQLITE_CONSTRAINT:
            return LogError(.conflict, "\(action) failed: a constraint of the log refused the entry (\(detail))")
        default:
            return LogError(.storage, "\(action) failed (\(detail))")
        }
    }
}
