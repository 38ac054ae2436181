import Foundation

/// Applies a named set of migrations to a PostgreSQL database, once, however many processes
/// start at the same moment on an empty database.
///
/// Each set (the log's, the job queue's) records what it applied in `redact_migration`. The
/// whole check-and-apply runs under a session advisory lock (`pg_advisory_lock`), so a second
/// process starting at the same time waits for the first, then finds nothing left to do. Each
/// migration runs in its own transaction with its bookkeeping row (PostgreSQL's DDL is
/// transactional): a process killed mid-migration leaves the database at the migration before.
package struct PGMigrator: Sendable {
    package struct Migration: Sendable {
        package let identifier: String
        package let sql: String
        /// Runs after the SQL, in the same transaction (rows that need values from Swift).
        package var then: (@Sendable (PGConnection) throws -> Void)? = nil

        package init(identifier: String, sql: String, then: (@Sendable (PGConnection) throws -> Void)? = nil) {
            self.identifier = identifier
            self.sql = sql
            self.then = then
        }
    }

    /// The set's name in `redact_migration` (`log`, `queue`).
    package let set: String
    package let migrations: [Migration]

    package init(set: String, migrations: [Migration]) {
        self.set = set
        self.migrations = migrations
    }

    /// One advisory lock key for all sets: migrations of different sets may touch shared objects
    /// (`redact_migration` itself), and start-up is rare enough that one lock costs nothing.
    static let lockKey: Int64 = 0x7265_6461_6374_0001  // "redact" + 1

    /// Brings the database up to date. Throws `.unsupportedSchema` when it holds migrations of
    /// this set that this binary does not know (it was written by a newer redact).
    package func migrate(_ c: PGConnection) throws {
        try c.query("SELECT pg_advisory_lock($1)", [.int(Self.lockKey)])
        defer { _ = try? c.query("SELECT pg_advisory_unlock($1)", [.int(Self.lockKey)]) }
        try c.execute(script: """
            CREATE TABLE IF NOT EXISTS redact_migration (
                set_name TEXT NOT NULL,
                identifier TEXT NOT NULL,
                applied_at TEXT NOT NULL,
                PRIMARY KEY (set_name, identifier)
            )
            """)
        let applied = Set(try appliedIdentifiers(c))
        let known = Set(migrations.map(\.identifier))
        if !applied.subtracting(known).isEmpty {
            throw LogError(.unsupportedSchema, "the database was written by a newer version of redact")
        }
        for m in migrations where !applied.contains(m.identifier) {
            try c.transaction {
                try c.execute(script: m.sql)
                try m.then?(c)
                try c.query("INSERT INTO redact_migration (set_name, identifier, applied_at) VALUES ($1, $2, $3)",
                            [.text(set), .text(m.identifier), .text(LogTime.format(Date()))])
            }
        }
    }

    /// Whether every migration of the set has been applied (a read-only opener checks this).
    package func isComplete(_ c: PGConnection) throws -> Bool {
        let exists = try c.query("SELECT to_regclass('redact_migration') IS NOT NULL").first?.decode(Bool.self) ?? false
        guard exists else { return false }
        let applied = Set(try appliedIdentifiers(c))
        if !applied.subtracting(migrations.map(\.identifier)).isEmpty {
            throw LogError(.unsupportedSchema, "the database was written by a newer version of redact")
        }
        return migrations.allSatisfy { applied.contains($0.identifier) }
    }

    private func appliedIdentifiers(_ c: PGConnection) throws -> [String] {
        try c.query("SELECT identifier FROM redact_migration WHERE set_name = $1", [.text(set)]).map { try $0.decode(String.self) }
    }
}
