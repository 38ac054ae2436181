/// The access table of `redact serve` (issue 8): API tokens, stored as hashes only.
///
/// It lives in the log's SQLite file so one file holds everything a server needs, but it is
/// **outside** the tamper-evident chain: it is not in ``Schema/children``, no entry hashes it,
/// and it has no append-only triggers, because revoking a token is an update. Who did what is
/// still chained: every disclosure or breach names its operator in the log itself.
extension Migrations {
    static let v3AccessSQL = """
        CREATE TABLE access_token (
            token_id TEXT NOT NULL PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            role TEXT NOT NULL,
            area TEXT,
            token_sha256 TEXT NOT NULL UNIQUE,
            created_at TEXT NOT NULL,
            revoked_at TEXT
        ) STRICT;
        """
}
