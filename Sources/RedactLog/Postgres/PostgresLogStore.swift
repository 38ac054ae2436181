import Foundation
import PostgresNIO

/// The log in a PostgreSQL database: the national tier's ``LogStore``, for any number of
/// `redact` processes on any number of machines appending at once.
///
/// ## One chain, appended to one entry at a time
/// The national log keeps the same single chain as an area's SQLite file (the same `seq`, the
/// same genesis, the same hashes), so `verify`, `export` and `import` behave identically and an
/// export moves between the backends unchanged. Each append is one transaction that first takes
/// a transaction-scoped advisory lock (`pg_advisory_xact_lock`), then reads the head, links to
/// it and inserts the entry's rows; the lock is released by `COMMIT` or `ROLLBACK`. Because the
/// head is read by a statement that starts *after* the lock is granted (READ COMMITTED takes a
/// new snapshot per statement), no two writers can link to the same head; the primary key on
/// `seq` would refuse a fork even if a writer skipped the lock. DESIGN.md explains why this
/// beats a chain per area here (throughput is far above a national year's need, and one chain
/// keeps one `verify`).
///
/// ## Failures
/// Transient failures (the server restarting, a dropped connection, a deadlock) are retried
/// with backoff until ``Options/retryDeadline``. A retry cannot duplicate an entry: its id is
/// fixed before the first try, and a retry first looks for that id (the first try may have
/// committed before its reply was lost).
public final class PostgresLogStore: LogStore, @unchecked Sendable {
    public struct Options: Sendable {
        /// Open without migrating (verify, export, packs): the schema must be complete, and the
        /// server refuses every write of this store (its sessions are read-only), as SQLite does
        /// for a read-only file.
        public var readOnly = false
        public var clock: @Sendable () -> Date = { Date() }
        /// Connections this process may hold (`redact serve` uses several at once).
        public var maxConnections = 8
        /// How long a call keeps retrying transient failures before it gives up.
        public var retryDeadline: TimeInterval = 120
        /// Entries per batch when streaming (export, verify): bounded memory for a log of any
        /// size. Tests set it small so that a few entries cross batch boundaries.
        var readBatchSize = 2_000

        public init(readOnly: Bool = false, clock: @escaping @Sendable () -> Date = { Date() }, maxConnections: Int = 8,
                    retryDeadline: TimeInterval = 120) {
            self.readOnly = readOnly
            self.clock = clock
            self.maxConnections = maxConnections
            self.retryDeadline = retryDeadline
        }
    }

    public let url: PostgresURL
    public let logID: String
    public let reference: Reference
    public let redactor: (any FreeTextRedactor)?
    public let options: Options
    package let pool: PGPool
    package let retry: PGRetry

    /// The advisory lock every append takes (one log per database).
    static let appendLockKey: Int64 = 0x7265_6461_6374_00A1

    /// Connects, creating and migrating the schema if needed (unless read-only).
    public init(url: PostgresURL, reference: Reference = .builtIn, redactor: (any FreeTextRedactor)? = nil,
                options: Options = Options()) throws {
        self.url = url
        self.reference = reference
        self.redactor = redactor
        self.options = options
        pool = PGPool(url: url, maxConnections: options.maxConnections, readOnly: options.readOnly)
        retry = PGRetry(deadline: options.retryDeadline)
        let pool = self.pool
        // Opening waits at most 30 s for the server: long enough to ride out a restart, short
        // enough that a wrong host or port on the command line fails while the user waits.
        let opening = PGRetry(deadline: min(30, options.retryDeadline))
        do {
            logID = try opening.run { _ in
                try pool.withConnection { c in
                    if options.readOnly {
                        guard try PostgresMigrations.log.isComplete(c) else {
                            throw LogError(.storage, "the database holds no redact log, or an older one: open it once for writing to migrate it")
                        }
                    } else {
                        try PostgresMigrations.log.migrate(c)
                    }
                    guard let id = try c.query("SELECT value FROM log_meta WHERE key = 'log_id'").first?.decode(String.self) else {
                        throw LogError(.storage, "the log has no id")
                    }
                    return id
                }
            }
        } catch {
            pool.close()
            throw PGError.map(error, doing: "opening the log at \(url)")
        }
    }

    deinit { pool.close() }

    /// Closes every connection (a store is also closed when released).
    public func close() { pool.close() }

    var builder: EntryBuilder { EntryBuilder(reference: reference, redactor: redactor, now: options.clock()) }

    // MARK: - Appending

    @discardableResult
    public func recordDisclosure(_ event: DisclosureEvent) throws -> EntryReceipt {
        let content = try builder.disclosure(event)
        return try append(action: "recording the disclosure", entryID: content.entryID) { c in
            if let old = event.corrects { try Self.requireEntry(c, old, kind: .disclosure, field: "corrects") }
            return content
        }
    }

    @discardableResult
    public func recordGateFinding(_ finding: GateFinding) throws -> EntryReceipt {
        let b = builder
        let record = try b.gateRecord(finding)
        let (content, _) = try b.breach(record, version: 1, entryID: UUID.timeOrdered(), lenientCategories: true)
        return try append(action: "recording the gate finding", entryID: content.entryID) { c in
            try Self.requireNewBreach(c, record.id)
            return content
        }
    }

    @discardableResult
    public func recordBreach(_ record: BreachRecord) throws -> EntryReceipt {
        let (content, _) = try builder.breach(record, version: 1, entryID: UUID.timeOrdered())
        return try append(action: "recording the breach", entryID: content.entryID) { c in
            try Self.requireNewBreach(c, record.id)
            for e in record.linkedEntries { try Self.requireEntry(c, e, kind: nil, field: "linked entry") }
            return content
        }
    }

    @discardableResult
    public func updateBreach(id: UUID, recordedBy: String, _ change: (inout BreachRecord) throws -> Void) throws -> EntryReceipt {
        let b = builder
        let entryID = UUID.timeOrdered()
        return try append(action: "updating the breach", entryID: entryID.uuidString.lowercased()) { c in
            guard let latest = try self.breachVersions(c, id: id).last else {
                throw LogError(.notFound, "no breach with that id")
            }
            var next = latest
            try change(&next)
            next.id = id
            next.recordedBy = recordedBy
            next.recordedVia = .manual
            for e in next.linkedEntries where !latest.linkedEntries.contains(e) {
                try Self.requireEntry(c, e, kind: nil, field: "linked entry")
            }
            return try b.breach(next, version: latest.version + 1, entryID: entryID).0
        }
    }

    /// The one write path: under the append lock, builds the entry (the closure may read the log),
    /// links it to the head and inserts every row, or nothing. Retries transient failures; a retry
    /// whose entry is already in the log (the first try committed, its reply was lost) returns it.
    func append(action: String, entryID: String, _ build: (PGConnection) throws -> EntryContent) throws -> EntryReceipt {
        do {
            return try retry.run { attempt in
                try pool.withConnection { c in
                    if attempt > 0, let landed = try Self.receipt(c, entryID: entryID) { return landed }
                    let receipt = try c.transaction {
                        // Commit without waiting for the WAL flush, so the lock is released at
                        // once instead of after an fsync (the next writer's wait)...
                        try c.query("SELECT set_config('synchronous_commit', 'off', true), pg_advisory_xact_lock($1)",
                                    [.int(Self.appendLockKey)])
                        let content = try build(c)
                        let head = try Self.head(c)
                        let link = EntryLink(seq: head.seq + 1, prevHash: head.hash ?? HashChain.genesis(logID: logID))
                        return try Self.insert(c, link: link, content: content)
                    }
                    // ...then wait for durability outside the lock: a transaction with an xid
                    // commits synchronously, flushing the WAL up to its own commit record, which
                    // is after ours. Concurrent writers' flushes coalesce (group commit). A crash
                    // before this returns may lose the entry; the caller gets an error and the
                    // retry finds it missing and appends it again.
                    try c.query("SELECT txid_current()")
                    return receipt
                }
            }
        } catch {
            throw PGError.map(error, doing: action)
        }
    }

    /// The last entry's seq and hash (seq 0 and nil for an empty log).
    static func head(_ c: PGConnection) throws -> (seq: Int64, hash: String?) {
        guard let row = try c.query("SELECT seq, hash FROM entry ORDER BY seq DESC LIMIT 1").first else { return (0, nil) }
        let (seq, hash) = try row.decode((Int64, String).self)
        return (seq, hash)
    }

    static func receipt(_ c: PGConnection, entryID: String) throws -> EntryReceipt? {
        guard let row = try c.query("SELECT seq, hash FROM entry WHERE entry_id = $1", [.text(entryID)]).first else { return nil }
        let (seq, hash) = try row.decode((Int64, String).self)
        return EntryReceipt(entryID: UUID(uuidString: entryID) ?? UUID(), seq: seq, hash: hash)
    }

    /// Inserts an entry and its rows, computing its hash from `link` and the content: one
    /// statement for the entry and one multi-row statement per child table that has rows.
    static func insert(_ c: PGConnection, link: EntryLink, content: EntryContent) throws -> EntryReceipt {
        let hash = HashChain.hash(link: link, contentBytes: HashChain.contentBytes(content))
        let l = link.values
        var values: [LogValue] = [l[0]]
        values += content.entry
        values += l.dropFirst()
        values.append(.text(hash))
        // One statement for the entry and all its rows (a data-modifying CTE per child table):
        // one round trip while holding the append lock instead of one per table. The foreign
        // keys are checked at the end of the statement, when every row is in.
        var sql = "WITH e AS (" + insertEntrySQL + " RETURNING seq)"
        for (t, rows) in content.children.enumerated() where !rows.isEmpty {
            let table = Schema.children[t]
            let width = table.columns.count
            var tuples: [String] = []
            tuples.reserveCapacity(rows.count)
            for row in rows {
                guard row.count == width else { throw LogError(.invalidInput, "\(table.name): wrong number of columns") }
                let base = values.count
                values.append(.int(link.seq))
                values += row
                tuples.append("(" + (1...(width + 1)).map { "$\(base + $0)" }.joined(separator: ", ") + ")")
            }
            sql += ", c\(t) AS (INSERT INTO \(table.name) (\((["seq"] + table.columns.map(\.name)).joined(separator: ", "))) VALUES "
                + tuples.joined(separator: ", ") + ")"
        }
        sql += " SELECT seq FROM e"
        do {
            try c.query(sql, values)
        } catch where PGError.isUniqueViolation(error) {
            // entry_id is UNIQUE: this answers "already logged" without a lookup before every insert.
            // A clash on seq means a writer skipped the append lock: retry under it.
            if PGError.constraintName(error) == "entry_pkey" { throw error }
            throw LogError(.conflict, "an entry with this id is already in the log")
        }
        return EntryReceipt(entryID: UUID(uuidString: content.entryID) ?? UUID(), seq: link.seq, hash: hash)
    }

    static let insertEntrySQL: String = {
        let cols = SQLiteLogStore.entryColumns
        return "INSERT INTO entry (\(cols.joined(separator: ", "))) VALUES (\((1...cols.count).map { "$\($0)" }.joined(separator: ", ")))"
    }()

    static func requireEntry(_ c: PGConnection, _ id: UUID, kind: Schema.EntryKind?, field: String) throws {
        let k = try c.query("SELECT kind FROM entry WHERE entry_id = $1", [.text(id.uuidString.lowercased())]).first?.decode(String.self)
        guard let k else { throw LogError(.notFound, "\(field): no entry with that id in this log") }
        if let kind, k != kind.rawValue { throw LogError(.invalidInput, "\(field): the entry is a \(k), not a \(kind.rawValue)") }
    }

    static func requireNewBreach(_ c: PGConnection, _ id: UUID) throws {
        if try !c.query("SELECT 1 FROM breach_version WHERE breach_id = $1", [.text(id.uuidString.lowercased())]).isEmpty {
            throw LogError(.conflict, "a breach with this id is already recorded: update it instead")
        }
    }

    /// Runs a read on a pooled connection, retrying transient failures.
    func read<T>(action: String, _ body: (PGConnection) throws -> T) throws -> T {
        do {
            return try retry.run { _ in try pool.withConnection(body) }
        } catch {
            throw PGError.map(error, doing: action)
        }
    }
}
