import RedactLog

/// The job queue's schema: migration set `queue` in `redact_migration`, so it can share a
/// database with the log (set `log`) or live in one of its own.
///
/// Why these columns and indexes:
/// - `job_seq` (an identity) orders claiming first in, first out across batches; the partial
///   index `queue_job_queued` holds only queued jobs, so a claim reads the head of a small index
///   however many millions of jobs are done, and `FOR UPDATE SKIP LOCKED` steps over the rows
///   other workers are claiming at that moment instead of waiting for them.
/// - `queue_job_leases` holds only running jobs by lease expiry: finding dead workers' jobs
///   reads just the expired end of it.
/// - `queue_job_batch_state` answers `redact jobs status --batch` by counting one batch's rows.
/// - Times are the database server's (`clock_timestamp()`), never a worker's, so leases hold
///   whatever the clocks of the worker machines say.
/// - `error` holds messages that name a cause, never document content; `counts` is findings by
///   category (JSON object), never text.
enum QueueMigrations {
    static let queue = PGMigrator(set: "queue", migrations: [
        .init(identifier: "v1", sql: v1),
    ])

    static let v1 = """

        CREATE TABLE queue_batch (
            batch_id UUID PRIMARY KEY,
            name TEXT COLLATE "C",
            submitted_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
            jobs BIGINT NOT NULL,
            bytes BIGINT NOT NULL
        );
        CREATE INDEX queue_batch_name ON queue_batch (name, submitted_at);

        CREATE TABLE queue_job (
            job_id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
            job_seq BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
            batch_id UUID NOT NULL REFERENCES queue_batch (batch_id),
            ordinal BIGINT NOT NULL,
            path TEXT COLLATE "C" NOT NULL,
            size_bytes BIGINT,
            state TEXT COLLATE "C" NOT NULL DEFAULT 'queued'
                CHECK (state IN ('queued', 'running', 'done', 'failed')),
            attempts INTEGER NOT NULL DEFAULT 0,
            lease_owner TEXT COLLATE "C",
            lease_expires_at TIMESTAMPTZ,
            queued_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
            started_at TIMESTAMPTZ,
            finished_at TIMESTAMPTZ,
            outcome TEXT COLLATE "C" CHECK (outcome IN ('clean', 'found', 'skipped')),
            findings BIGINT,
            counts JSONB,
            bytes_scanned BIGINT,
            log_entry UUID,
            error TEXT COLLATE "C",
            UNIQUE (batch_id, ordinal)
        );
        CREATE INDEX queue_job_queued ON queue_job (job_seq) WHERE state = 'queued';
        CREATE INDEX queue_job_leases ON queue_job (lease_expires_at) WHERE state = 'running';
        CREATE INDEX queue_job_batch_state ON queue_job (batch_id, state);
        """
}
