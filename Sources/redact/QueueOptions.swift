import ArgumentParser
import Foundation
import RedactLog
import RedactQueue

/// `--queue URL` (or `REDACT_QUEUE`): the PostgreSQL database holding the job queue. It may be
/// the log's database or another one.
struct QueueOptions: ParsableArguments {
    @Option(name: .customLong("queue"),
            help: ArgumentHelp("The job queue: postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE (default: $REDACT_QUEUE; the password may come from PGPASSWORD).",
                               valueName: "url"))
    var location: String?

    var resolved: String? {
        if let location { return location }
        if let env = ProcessInfo.processInfo.environment["REDACT_QUEUE"], !env.isEmpty { return env }
        return nil
    }

    func validate() throws {
        guard let text = resolved else { throw ValidationError("no queue given: use --queue postgres://... or set REDACT_QUEUE") }
        guard PostgresURL(text) != nil else {
            throw ValidationError("--queue: not a postgres:// URL (postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE)")
        }
    }

    /// Connects (creating the queue's tables on first use).
    func open(connections: Int = 2) throws -> JobQueue {
        guard let text = resolved, let url = PostgresURL(text) else { throw ValidationError("no queue given") }
        return try QueueFailure.map { try JobQueue(url: url, connections: connections) }
    }
}

/// Queue errors as messages and exit codes, in one place: 2 for a refused value or an unknown
/// batch, 3 when the database cannot be used (unreachable, refused, newer schema).
enum QueueFailure {
    static let storage: Int32 = 3

    static func code(for kind: QueueError.Kind) -> Int32 {
        switch kind {
        case .invalidInput, .notFound: ExitStatus.error
        case .unavailable, .storage: storage
        }
    }

    @discardableResult
    static func map<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let e as QueueError {
            Stderr.line("redact: \(e)")
            throw ExitCode(code(for: e.kind))
        }
    }
}
