import Foundation
import PostgresNIO
import RedactLog

/// The bulk pre-screening queue in a PostgreSQL database: batches of jobs (one file or object
/// path each) that any number of workers on any number of machines claim, process and finish.
///
/// The database is the only shared state. A claim takes the oldest queued jobs with
/// `FOR UPDATE SKIP LOCKED` and leases them to the worker until a time on the server's clock;
/// the worker renews its leases while it works. A worker that dies stops renewing, its jobs'
/// leases expire, and the next claim puts them back in the queue (``claim(owner:limit:lease:maxAttempts:)``).
/// Completion is idempotent by job id: finishing a job that is already done changes nothing, so
/// a job run twice (a lease that expired under a slow worker) is recorded once.
///
/// ```swift
/// let queue = try JobQueue(url: url)
/// let batch = try queue.submit([SubmitItem(path: "in/a.txt", size: 120)], name: "incoming")
/// for job in try queue.claim(owner: "host/123", limit: 8, lease: 60, maxAttempts: 3) {
///     try queue.complete(job.id, JobResult(outcome: .clean, bytesScanned: 120))
/// }
/// ```
///
/// Every call retries transient failures (a server restart, a dropped connection) with backoff
/// until the retry deadline, then throws ``QueueError``.
public final class JobQueue: @unchecked Sendable {
    public let url: PostgresURL
    let pool: PGPool
    let retry: PGRetry

    /// Connects and brings the queue's schema up to date (many processes may start at once).
    /// - Parameter connections: connections this process may hold at once (one per worker
    ///   thread, plus one for lease renewal).
    public init(url: PostgresURL, connections: Int = 4, retryDeadline: TimeInterval = 120) throws {
        self.url = url
        pool = PGPool(url: url, maxConnections: connections, settings: Self.sessionSettings)
        retry = PGRetry(deadline: retryDeadline)
        do {
            try run("opening the job queue at \(url)") { c in try QueueMigrations.queue.migrate(c) }
        } catch {
            pool.close()
            throw error
        }
    }

    /// The workers' commits do not wait for the disk. A server crash can lose the last fraction
    /// of a second of them: a claim (the job is claimed again) or a completion (the job runs again
    /// and finds its log entry written), both of which at-least-once processing, idempotent by
    /// job id, already covers; in return a worker stops waiting for a disk flush on every job.
    /// A submission commits synchronously (the submitter must not be told of a batch that a crash
    /// then loses), and so do the log's appends, which cannot be redone (their own connections).
    static let sessionSettings = [("synchronous_commit", "off")]

    deinit { pool.close() }

    public func close() { pool.close() }

    /// Runs `body` on a pooled connection, retrying transient failures; errors become ``QueueError``.
    func run<T>(_ action: String, _ body: (PGConnection, _ attempt: Int) throws -> T) throws -> T {
        do {
            return try retry.run { attempt in try pool.withConnection { try body($0, attempt) } }
        } catch {
            throw QueueError.map(error, doing: action)
        }
    }

    func run<T>(_ action: String, _ body: (PGConnection) throws -> T) throws -> T {
        try run(action) { c, _ in try body(c) }
    }

    // MARK: - Submitting

    /// Rows per INSERT statement: three parameters a row, far below PostgreSQL's 65,535.
    static let insertChunk = 1000

    /// Enqueues one batch of jobs, all or none, in the order given.
    public func submit(_ items: [SubmitItem], name: String? = nil) throws -> BatchReceipt {
        guard !items.isEmpty else { throw QueueError(.invalidInput, "nothing to submit: no files were given or found") }
        let batch = UUID()
        let bytes = items.reduce(Int64(0)) { $0 + ($1.size ?? 0) }
        let receipt = BatchReceipt(id: batch, name: name, jobs: items.count, bytes: bytes)
        return try run("submitting the batch") { c, attempt in
            // A retry after a lost COMMIT reply must not enqueue the batch twice.
            if attempt > 0, try !c.query("SELECT 1 FROM queue_batch WHERE batch_id = $1::uuid", [.text(batch.uuidString)]).isEmpty {
                return receipt
            }
            try c.transaction {
                try c.query("SET LOCAL synchronous_commit = on")
                try c.query("INSERT INTO queue_batch (batch_id, name, jobs, bytes) VALUES ($1::uuid, $2, $3, $4)",
                            [.text(batch.uuidString), name.map(LogValue.text) ?? .null, .int(Int64(items.count)), .int(bytes)])
                var start = 0
                while start < items.count {
                    let end = min(items.count, start + Self.insertChunk)
                    var values: [String] = []
                    var binds: [LogValue] = [.text(batch.uuidString)]
                    for k in start..<end {
                        let n = binds.count
                        values.append("($1::uuid, $\(n + 1), $\(n + 2), $\(n + 3))")
                        binds += [.int(Int64(k)), .text(items[k].path), items[k].size.map(LogValue.int) ?? .null]
                    }
                    try c.query("INSERT INTO queue_job (batch_id, ordinal, path, size_bytes) VALUES " + values.joined(separator: ", "), binds)
                    start = end
                }
            }
            return receipt
        }
    }
}

/// One job to submit: a path the workers can open, and its size if known.
public struct SubmitItem: Sendable, Equatable {
    public var path: String
    public var size: Int64?

    public init(path: String, size: Int64? = nil) {
        self.path = path
        self.size = size
    }
}

public struct BatchReceipt: Sendable, Equatable {
    public var id: UUID
    public var name: String?
    public var jobs: Int
    /// The total of the known sizes.
    public var bytes: Int64
}
