import Foundation
import PostgresNIO
import RedactCore
import RedactLog

extension JobQueue {
    /// Claims up to `limit` queued jobs, oldest first, leased to `owner` for `lease` seconds.
    ///
    /// First puts the jobs of dead workers back: a running job whose lease has expired returns to
    /// `queued`, or becomes `failed` once it has been claimed `maxAttempts` times. Then one
    /// statement takes the head of the queue: the inner `SELECT ... FOR UPDATE SKIP LOCKED` locks
    /// the rows it picks and steps over rows another worker is locking, so two workers never
    /// claim the same job, and neither waits for the other.
    public func claim(owner: String, limit: Int, lease: TimeInterval, maxAttempts: Int) throws -> [Job] {
        guard limit >= 1 else { return [] }
        try expireLeases(maxAttempts: maxAttempts)
        return try run("claiming jobs") { c in
            try c.query("""
                UPDATE queue_job j
                SET state = 'running', attempts = j.attempts + 1, lease_owner = $1,
                    lease_expires_at = clock_timestamp() + $2::float8 * interval '1 millisecond',
                    started_at = clock_timestamp(), finished_at = NULL
                WHERE j.job_id IN (
                    SELECT job_id FROM queue_job WHERE state = 'queued'
                    ORDER BY job_seq LIMIT $3 FOR UPDATE SKIP LOCKED)
                RETURNING j.job_id, j.batch_id, j.path, j.size_bytes, j.attempts, j.job_seq
                """, [.text(owner), .int(Self.milliseconds(lease)), .int(Int64(limit))])
            .map { row -> (Int64, Job) in
                let (id, batch, path, size, attempts, seq) = try row.decode((UUID, UUID, String, Int64?, Int32, Int64).self)
                return (seq, Job(id: id, batchID: batch, path: path, size: size, attempts: Int(attempts)))
            }
            .sorted { $0.0 < $1.0 }.map(\.1)
        }
    }

    /// Returns expired running jobs to the queue (or fails those out of attempts); how many.
    @discardableResult
    public func expireLeases(maxAttempts: Int) throws -> Int {
        try run("returning expired jobs to the queue") { c in
            try c.query("""
                UPDATE queue_job j
                SET state = CASE WHEN j.attempts >= $1 THEN 'failed' ELSE 'queued' END,
                    error = CASE WHEN j.attempts >= $1
                        THEN 'the lease expired on attempt ' || j.attempts || ' of ' || $1 || ': the worker died or the job outran its lease'
                        ELSE j.error END,
                    finished_at = CASE WHEN j.attempts >= $1 THEN clock_timestamp() END,
                    lease_owner = NULL, lease_expires_at = NULL
                WHERE j.job_id IN (
                    SELECT job_id FROM queue_job WHERE state = 'running' AND lease_expires_at < clock_timestamp()
                    ORDER BY lease_expires_at LIMIT 1000 FOR UPDATE SKIP LOCKED)
                RETURNING j.job_id
                """, [.int(Int64(maxAttempts))]).count
        }
    }

    /// Extends the leases `owner` still holds on `jobs`; returns the ids it still holds (a job
    /// missing from the answer was finished, or taken back after its lease expired).
    @discardableResult
    public func renew(owner: String, jobs: [UUID], lease: TimeInterval) throws -> Set<UUID> {
        guard !jobs.isEmpty else { return [] }
        return try run("renewing leases") { c in
            Set(try c.query("""
                UPDATE queue_job SET lease_expires_at = clock_timestamp() + $3::float8 * interval '1 millisecond'
                WHERE job_id = ANY (string_to_array($1, ',')::uuid[]) AND state = 'running' AND lease_owner = $2
                RETURNING job_id
                """, [.text(Self.idList(jobs)), .text(owner), .int(Self.milliseconds(lease))]).map { try $0.decode(UUID.self) })
        }
    }

    /// Records a finished job. Idempotent by job id: a job already `done` is left as it is and
    /// the call returns false. A job that another worker holds, or that was failed or requeued
    /// after its lease expired, is still marked done: the work is done, and redoing it would give
    /// the same result (and find its log entry already written).
    @discardableResult
    public func complete(_ job: UUID, _ result: JobResult) throws -> Bool {
        try run("recording a finished job") { c in
            !(try c.query("""
                UPDATE queue_job
                SET state = 'done', outcome = $2, findings = $3, counts = $4::jsonb, bytes_scanned = $5,
                    log_entry = $6::uuid, error = NULL, finished_at = clock_timestamp(),
                    lease_owner = NULL, lease_expires_at = NULL
                WHERE job_id = $1::uuid AND state <> 'done'
                RETURNING job_id
                """, [.text(job.uuidString), .text(result.outcome.rawValue), .int(Int64(result.findings)),
                      .text(Self.countsJSON(result.counts)), .int(result.bytesScanned),
                      result.logEntry.map { .text($0.uuidString) } ?? .null]).isEmpty)
        }
    }

    /// Fails a job for good, with a reason that holds no document content. Never overrides `done`.
    @discardableResult
    public func fail(_ job: UUID, reason: String) throws -> Bool {
        try run("recording a failed job") { c in
            !(try c.query("""
                UPDATE queue_job SET state = 'failed', error = $2, finished_at = clock_timestamp(),
                    lease_owner = NULL, lease_expires_at = NULL
                WHERE job_id = $1::uuid AND state <> 'done'
                RETURNING job_id
                """, [.text(job.uuidString), .text(reason)]).isEmpty)
        }
    }

    /// Gives a job `owner` holds back to the queue: after a transient error (`reason` is kept,
    /// and a job out of attempts becomes `failed`), or unstarted at shutdown (`reason` nil: the
    /// claim is not counted as an attempt).
    @discardableResult
    public func release(_ job: UUID, owner: String, reason: String?, maxAttempts: Int) throws -> JobState? {
        try run("returning a job to the queue") { c in
            try c.query("""
                UPDATE queue_job
                SET attempts = CASE WHEN $3::text IS NULL THEN attempts - 1 ELSE attempts END,
                    state = CASE WHEN $3::text IS NOT NULL AND attempts >= $4 THEN 'failed' ELSE 'queued' END,
                    error = COALESCE($3::text, error),
                    finished_at = CASE WHEN $3::text IS NOT NULL AND attempts >= $4 THEN clock_timestamp() END,
                    lease_owner = NULL, lease_expires_at = NULL
                WHERE job_id = $1::uuid AND state = 'running' AND lease_owner = $2
                RETURNING state
                """, [.text(job.uuidString), .text(owner), reason.map(LogValue.text) ?? .null, .int(Int64(maxAttempts))])
            .first.flatMap { JobState(rawValue: try $0.decode(String.self)) }
        }
    }

    /// Whether any job is queued or running (in any batch): a worker told to exit when the
    /// queue is empty also waits for running jobs, which come back if their worker dies.
    public func hasUnfinishedWork() throws -> Bool {
        try run("reading the queue") { c in
            try c.query("""
                SELECT EXISTS (SELECT 1 FROM queue_job WHERE state = 'queued')
                    OR EXISTS (SELECT 1 FROM queue_job WHERE state = 'running')
                """).first?.decode(Bool.self) ?? false
        }
    }

    static func milliseconds(_ t: TimeInterval) -> Int64 { Int64((t * 1000).rounded()) }

    static func idList(_ ids: [UUID]) -> String { ids.map(\.uuidString).joined(separator: ",") }

    /// `{"nhs_number":2,"postcode":1}`, keys sorted (category ids are plain ASCII codes).
    static func countsJSON(_ counts: [String: Int]) -> String {
        var out = "{"
        for (k, key) in counts.keys.sorted().enumerated() {
            if k > 0 { out += "," }
            JSONText.quote(key, into: &out)
            out += ":\(counts[key]!)"
        }
        return out + "}"
    }
}
