import Foundation
import PostgresNIO
import RedactLog

extension JobQueue {
    /// The batch a `--batch` value names: its id, or its name (the latest batch of that name).
    public func batch(_ idOrName: String) throws -> BatchInfo {
        try run("reading the batch") { c in
            let select = "SELECT batch_id, name, submitted_at, jobs, bytes FROM queue_batch"
            let rows: [PostgresRow]
            if let id = UUID(uuidString: idOrName) {
                rows = try c.query(select + " WHERE batch_id = $1::uuid", [.text(id.uuidString)])
            } else {
                rows = try c.query(select + " WHERE name = $1 ORDER BY submitted_at DESC LIMIT 1", [.text(idOrName)])
            }
            guard let row = rows.first else { throw QueueError(.notFound, "no batch with that id or name") }
            let (id, name, at, jobs, bytes) = try row.decode((UUID, String?, Date, Int64, Int64).self)
            return BatchInfo(id: id, name: name, submittedAt: at, jobs: jobs, bytes: bytes)
        }
    }

    /// Progress of one batch, or of the whole queue; `failedLimit` bounds the failed jobs listed.
    public func status(batch: BatchInfo? = nil, failedLimit: Int = 20) throws -> QueueStatus {
        try run("reading the queue's status") { c in
            // Every query is about the same jobs: one batch's ($1), or all.
            let scope = batch == nil ? "TRUE" : "batch_id = $1::uuid"
            let binds: [LogValue] = batch.map { [.text($0.id.uuidString)] } ?? []
            func rows(_ sql: String, _ extra: [LogValue] = []) throws -> [PostgresRow] {
                try c.query(sql.replacingOccurrences(of: "{scope}", with: scope), binds + extra)
            }
            var status = QueueStatus(batch: batch, states: [:], outcomes: [:], findings: 0, byCategory: [:], bytesDone: 0,
                                     recentJobs: 0, recentBytes: 0, failed: [], serverTime: Date())
            for s in JobState.allCases { status.states[s] = .init() }
            for row in try rows("SELECT state, count(*), coalesce(sum(size_bytes), 0)::bigint FROM queue_job WHERE {scope} GROUP BY state") {
                let (state, jobs, bytes) = try row.decode((String, Int64, Int64).self)
                if let s = JobState(rawValue: state) { status.states[s] = .init(jobs: jobs, bytes: bytes) }
            }
            let p = binds.count + 1
            let summary = try rows("""
                SELECT clock_timestamp(),
                    (SELECT min(started_at) FROM queue_job WHERE {scope}),
                    (SELECT max(finished_at) FROM queue_job WHERE {scope} AND state = 'done'),
                    (SELECT coalesce(sum(bytes_scanned), 0)::bigint FROM queue_job WHERE {scope} AND state = 'done'),
                    (SELECT coalesce(sum(findings), 0)::bigint FROM queue_job WHERE {scope} AND state = 'done'),
                    (SELECT count(*) FROM queue_job WHERE {scope} AND state = 'done' AND finished_at > clock_timestamp() - $\(p)::float8 * interval '1 second'),
                    (SELECT coalesce(sum(bytes_scanned), 0)::bigint FROM queue_job WHERE {scope} AND state = 'done' AND finished_at > clock_timestamp() - $\(p)::float8 * interval '1 second')
                """, [.int(Int64(QueueStatus.recentWindow))])
            if let row = summary.first {
                let (now, first, last, bytes, findings, recentJobs, recentBytes) = try row.decode((Date, Date?, Date?, Int64, Int64, Int64, Int64).self)
                status.serverTime = now
                status.firstStarted = first
                status.lastFinished = last
                status.bytesDone = bytes
                status.findings = findings
                status.recentJobs = recentJobs
                status.recentBytes = recentBytes
            }
            for row in try rows("SELECT outcome, count(*) FROM queue_job WHERE {scope} AND state = 'done' GROUP BY outcome") {
                let (outcome, n) = try row.decode((String?, Int64).self)
                if let o = outcome.flatMap(JobResult.Outcome.init(rawValue:)) { status.outcomes[o] = n }
            }
            for row in try rows("""
                SELECT key, sum(value::bigint)::bigint FROM queue_job, jsonb_each_text(counts)
                WHERE {scope} AND state = 'done' GROUP BY key
                """) {
                let (category, n) = try row.decode((String, Int64).self)
                status.byCategory[category] = n
            }
            for row in try rows("""
                SELECT job_id, path, attempts, coalesce(error, '') FROM queue_job
                WHERE {scope} AND state = 'failed' ORDER BY job_seq LIMIT $\(p)
                """, [.int(Int64(failedLimit))]) {
                let (id, path, attempts, reason) = try row.decode((UUID, String, Int32, String).self)
                status.failed.append(.init(id: id, path: path, attempts: Int(attempts), reason: reason))
            }
            if let row = try rows("""
                SELECT job_id, path, coalesce(lease_owner, ''), attempts, started_at, lease_expires_at FROM queue_job
                WHERE {scope} AND state = 'running' ORDER BY started_at LIMIT 1
                """).first {
                let (id, path, owner, attempts, started, expires) = try row.decode((UUID, String, String, Int32, Date, Date).self)
                status.oldestRunning = .init(id: id, path: path, owner: owner, attempts: Int(attempts), startedAt: started, leaseExpiresAt: expires)
            }
            return status
        }
    }

    /// One job as the queue holds it.
    public func job(_ id: UUID) throws -> JobRecord? {
        try run("reading a job") { c in
            try c.query("SELECT \(Self.jobColumns) FROM queue_job WHERE job_id = $1::uuid", [.text(id.uuidString)])
                .first.map(Self.jobRecord)
        }
    }

    /// Every job of a batch, in submission order.
    public func jobs(batch: UUID) throws -> [JobRecord] {
        try run("reading a batch's jobs") { c in
            try c.query("SELECT \(Self.jobColumns) FROM queue_job WHERE batch_id = $1::uuid ORDER BY ordinal", [.text(batch.uuidString)])
                .map(Self.jobRecord)
        }
    }

    static let jobColumns = """
        job_id, batch_id, path, state, attempts, outcome, coalesce(findings, 0), coalesce(counts::text, '{}'),
        coalesce(bytes_scanned, 0), log_entry, error, lease_owner
        """

    static func jobRecord(_ row: PostgresRow) throws -> JobRecord {
        let (id, batch, path, state, attempts, outcome, findings, counts, bytes, logEntry, error, owner) =
            try row.decode((UUID, UUID, String, String, Int32, String?, Int64, String, Int64, UUID?, String?, String?).self)
        return JobRecord(id: id, batchID: batch, path: path, state: JobState(rawValue: state) ?? .queued, attempts: Int(attempts),
                         outcome: outcome.flatMap(JobResult.Outcome.init(rawValue:)), findings: findings, countsJSON: counts,
                         bytesScanned: bytes, logEntry: logEntry, error: error, leaseOwner: owner)
    }
}

/// A job's row, for inspection.
public struct JobRecord: Sendable, Equatable {
    public var id: UUID
    public var batchID: UUID
    public var path: String
    public var state: JobState
    public var attempts: Int
    public var outcome: JobResult.Outcome?
    public var findings: Int64
    /// Findings by category as stored (a JSON object).
    public var countsJSON: String
    public var bytesScanned: Int64
    public var logEntry: UUID?
    public var error: String?
    public var leaseOwner: String?
}
