import Foundation

/// Progress of the queue, or of one batch: what `redact jobs status` prints.
public struct QueueStatus: Sendable, Equatable {
    public struct StateCount: Sendable, Equatable {
        public var jobs: Int64 = 0
        /// The total of the sizes known at submission.
        public var bytes: Int64 = 0
    }

    public struct FailedJob: Sendable, Equatable {
        public var id: UUID
        public var path: String
        public var attempts: Int
        public var reason: String
    }

    public struct RunningJob: Sendable, Equatable {
        public var id: UUID
        public var path: String
        public var owner: String
        public var attempts: Int
        public var startedAt: Date
        public var leaseExpiresAt: Date
    }

    /// The batch this status is about; nil for the whole queue.
    public var batch: BatchInfo?
    /// Jobs in each state (every state present, zero when empty).
    public var states: [JobState: StateCount]
    /// Done jobs by outcome.
    public var outcomes: [JobResult.Outcome: Int64]
    /// Findings in done jobs, in all and by category.
    public var findings: Int64
    public var byCategory: [String: Int64]
    /// Bytes the done jobs scanned.
    public var bytesDone: Int64
    /// The earliest start of any job and the latest finish of a done one (server clock).
    public var firstStarted: Date?
    public var lastFinished: Date?
    /// Jobs and bytes done within the last ``recentWindow`` seconds: the current rate.
    public var recentJobs: Int64
    public var recentBytes: Int64
    public static let recentWindow: TimeInterval = 60
    /// Failed jobs with their reasons, oldest first (at most the number asked for).
    public var failed: [FailedJob]
    /// The running job that started longest ago.
    public var oldestRunning: RunningJob?
    /// The database server's time when the status was read.
    public var serverTime: Date

    public func count(_ state: JobState) -> Int64 { states[state]?.jobs ?? 0 }
    public var totalJobs: Int64 { states.values.reduce(0) { $0 + $1.jobs } }
    /// Nothing queued or running: every job is done or failed.
    public var isFinished: Bool { count(.queued) == 0 && count(.running) == 0 }

    /// Seconds from the first start to the last finish (to now while jobs are running).
    public var elapsed: TimeInterval? {
        guard let start = firstStarted else { return nil }
        let end = isFinished ? (lastFinished ?? serverTime) : serverTime
        return max(0, end.timeIntervalSince(start))
    }

    /// Bytes and jobs per second over ``elapsed``.
    public var bytesPerSecond: Double? { elapsed.flatMap { $0 > 0 ? Double(bytesDone) / $0 : nil } }
    public var jobsPerSecond: Double? { elapsed.flatMap { $0 > 0 ? Double(count(.done)) / $0 : nil } }
}

/// One submitted batch.
public struct BatchInfo: Sendable, Equatable {
    public var id: UUID
    public var name: String?
    public var submittedAt: Date
    public var jobs: Int64
    public var bytes: Int64
}
