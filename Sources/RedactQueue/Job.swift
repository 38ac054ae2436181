import Foundation

/// Where a job is in its life: `queued` → `running` (leased to a worker) → `done` or `failed`.
/// A running job whose lease expires goes back to `queued` (or to `failed` once it has used up
/// its attempts).
public enum JobState: String, Sendable, CaseIterable, Comparable {
    case queued, running, done, failed

    public static func < (a: JobState, b: JobState) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// One file (or object path) to pre-screen, as a worker holds it after a claim.
public struct Job: Sendable, Equatable {
    public var id: UUID
    public var batchID: UUID
    public var path: String
    /// The size when it was submitted, if known (a manifest may not say).
    public var size: Int64?
    /// Claims so far, this one included.
    public var attempts: Int

    public init(id: UUID, batchID: UUID, path: String, size: Int64?, attempts: Int) {
        self.id = id
        self.batchID = batchID
        self.path = path
        self.size = size
        self.attempts = attempts
    }

    /// The id of the log entry this job writes (its gate finding's breach id): the same for
    /// every attempt, so an attempt that finds it already logged knows an earlier one got there.
    public var logEntryID: UUID { JobIdentity.logEntryID(forJob: id) }
}

/// What a finished job found, as the queue records it (counts only, never text).
public struct JobResult: Sendable, Equatable {
    public enum Outcome: String, Sendable, CaseIterable {
        /// Scanned, nothing found.
        case clean
        /// Scanned, personal data found (logged when the worker has a log).
        case found
        /// Not scanned: binary, or a party list the worker reads rather than scans.
        case skipped
    }

    public var outcome: Outcome
    /// Findings per taxonomy category.
    public var counts: [String: Int]
    public var bytesScanned: Int64
    /// The log entry (breach id) written for this job, if any.
    public var logEntry: UUID?

    public var findings: Int { counts.values.reduce(0, +) }

    public init(outcome: Outcome, counts: [String: Int] = [:], bytesScanned: Int64, logEntry: UUID? = nil) {
        self.outcome = outcome
        self.counts = counts.filter { $0.value > 0 }
        self.bytesScanned = bytesScanned
        self.logEntry = logEntry
    }
}

/// What processing a job came to, as the worker's job function reports it.
public enum JobOutcome: Sendable, Equatable {
    /// Finished: record the result.
    case done(JobResult)
    /// Cannot succeed however often it is tried (a corrupt document): `failed` now, with the
    /// reason (no document content in it).
    case failed(reason: String)
    /// Might succeed on another try or another machine (unreadable here, the log busy): back to
    /// the queue, or `failed` once the job has used up its attempts.
    case retry(reason: String)
    /// As `retry`, and this worker stops: it cannot do any job (the log is unreachable).
    case stop(reason: String)
}
