import Crypto
import Foundation
import RedactLog

/// Maps the log's errors to problems, in one place. A log error's message can quote a code the
/// client sent, never free text; still, only fixed sentences by kind are answered.
enum LogProblems {
    static func problem(_ e: LogError) -> ServeProblem {
        switch e.kind {
        case .invalidInput: ServeProblem(.unprocessableContent, "a field failed validation", code: "invalid-input")
        case .unknownCode: ServeProblem(.unprocessableContent, "a code is not in the reference data (see `redact reference`)", code: "unknown-code")
        case .notFound: ServeProblem(.notFound, "no such record", code: "not-found")
        case .conflict: ServeProblem(.conflict, "the record conflicts with one already logged", code: "conflict")
        case .redactorRequired: ServeProblem(.internalServerError, "the log's free-text redactor is missing", code: "log-unavailable")
        case .busy: ServeProblem(.serviceUnavailable, "the log is busy; try again", code: "log-busy")
        default: ServeProblem(.serviceUnavailable, "the log could not be written", code: "log-unavailable")
        }
    }

    /// Runs `body`; a `LogError` becomes its problem.
    static func map<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as LogError { throw problem(e) }
    }
}

/// SHA-256 of a file, read in blocks.
enum FileDigest {
    static func sha256(path: String) throws -> String {
        guard let h = FileHandle(forReadingAtPath: path) else { throw ServeProblem(.internalServerError, "cannot read the work file") }
        defer { try? h.close() }
        var hasher = SHA256()
        while let chunk = try? h.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(data: chunk) }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
