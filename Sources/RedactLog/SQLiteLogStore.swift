import Foundation
import GRDB
import GRDBSQLite

/// The log in one SQLite file, through GRDB: the first ``LogStore``.
///
/// ## Concurrency and crashes
/// The file is in WAL mode, so readers (`verify`, `export`, the packs) never block writers.
/// Each append runs in one `BEGIN IMMEDIATE` transaction: the write lock is taken before the
/// head of the chain is read, so two processes cannot both link to the same head (a DEFERRED
/// transaction would read first and then fail with `SQLITE_BUSY` on upgrade), and a busy timeout
/// makes the second writer wait instead of failing. A process killed at any moment leaves either
/// the whole entry or nothing, because SQLite rolls back the unfinished transaction on the
/// next open.
///
/// ## Durability
/// ``Options/Durability/normal`` (the default) uses `synchronous=NORMAL`: a `kill -9` never
/// loses a committed entry, a power cut may lose the last few commits but never corrupts the
/// file or the chain. ``Options/Durability/full`` fsyncs every commit (`synchronous=FULL`),
/// at a large cost in appends per second on most disks.
///
/// All SQL lives in this type and its extensions: a PostgreSQL store would be another type
/// conforming to ``LogStore`` that reuses ``EntryBuilder``, ``HashChain`` and ``LogExport``.
public final class SQLiteLogStore: LogStore {
    public struct Options: Sendable {
        public enum Durability: Sendable { case normal, full }
        /// Open without write access (verify, export, list). The file must exist.
        public var readOnly = false
        /// How long to wait for another process's write lock before giving up.
        public var busyTimeout: TimeInterval = 60
        public var durability: Durability = .normal
        /// The clock (tests set it to check the 72-hour logic and future-date refusal).
        public var clock: @Sendable () -> Date = { Date() }
        /// How many connections `verify` uses; nil: one per core for logs of 20,000 entries or more.
        public var verifyParallelism: Int?

        public init(readOnly: Bool = false, busyTimeout: TimeInterval = 60, durability: Durability = .normal,
                    clock: @escaping @Sendable () -> Date = { Date() }, verifyParallelism: Int? = nil) {
            self.readOnly = readOnly
            self.busyTimeout = busyTimeout
            self.durability = durability
            self.clock = clock
            self.verifyParallelism = verifyParallelism
        }
    }

    public let path: String
    public let logID: String
    public let reference: Reference
    public let redactor: (any FreeTextRedactor)?
    public let options: Options
    let writer: any DatabaseWriter

    /// Opens (creating and migrating if needed) the log at `path`.
    ///
    /// - Parameters:
    ///   - reference: the codes to validate against (``Reference/locate(explicitDirectory:environment:)``).
    ///   - redactor: scans free text (document names, breach prose) before it is stored; without
    ///     one, entries with free text are refused.
    public init(path: String, reference: Reference = .builtIn, redactor: (any FreeTextRedactor)? = nil,
                options: Options = Options()) throws {
        self.path = path
        self.reference = reference
        self.redactor = redactor
        self.options = options
        var config = Configuration()
        config.busyMode = .timeout(options.busyTimeout)
        config.readonly = options.readOnly
        config.label = "redact-log"
        let sync = options.durability == .full ? "FULL" : "NORMAL"
        config.prepareDatabase { db in
            if !db.configuration.readonly {
                // Checkpoint the WAL every 8,192 pages (32 MiB) rather than SQLite's 1,000: the
                // pages appends touch are the same right-edge pages, written back once per
                // checkpoint, and each checkpoint costs an fsync.
                try db.execute(sql: "PRAGMA synchronous = \(sync); PRAGMA wal_autocheckpoint = 8192")
            }
        }
        do {
            if options.readOnly {
                guard FileManager.default.fileExists(atPath: path) else {
                    throw LogError(.notFound, "no log at the given path")
                }
                let queue = try DatabaseQueue(path: path, configuration: config)
                writer = queue
                let migrator = Migrations.migrator
                try queue.read { db in
                    if try migrator.hasBeenSuperseded(db) {
                        throw LogError(.unsupportedSchema, "the log was written by a newer version of redact")
                    }
                    guard try migrator.hasCompletedMigrations(db) else {
                        throw LogError(.storage, "the file is not a redact log, or is an older one: open it once for writing to migrate it")
                    }
                }
            } else {
                let pool = try DatabasePool(path: path, configuration: config)
                writer = pool
                try Self.migrate(pool)
            }
            logID = try writer.read { db in
                guard let id = try String.fetchOne(db, sql: "SELECT value FROM log_meta WHERE key = 'log_id'") else {
                    throw LogError(.storage, "the log has no id")
                }
                return id
            }
        } catch {
            throw LogError.storage(error, doing: "opening the log")
        }
    }

    /// Runs the migrations. Two processes creating the same new log at once can race inside
    /// GRDB's migrator (both see no migration applied, one loses on "table exists"); the loser's
    /// transaction rolls back, so it re-checks and carries on if the winner finished the job.
    static func migrate(_ pool: DatabasePool) throws {
        let migrator = Migrations.migrator
        var attempt = 0
        while true {
            do {
                let superseded = try pool.read { try migrator.hasBeenSuperseded($0) }
                if superseded { throw LogError(.unsupportedSchema, "the log was written by a newer version of redact") }
                try migrator.migrate(pool)
                return
            } catch let error as LogError {
                throw error
            } catch {
                attempt += 1
                let done = (try? pool.read { try migrator.hasCompletedMigrations($0) }) ?? false
                if done { return }
                if attempt >= 5 { throw error }
                usleep(50_000)
            }
        }
    }

    var builder: EntryBuilder { EntryBuilder(reference: reference, redactor: redactor, now: options.clock()) }

    // MARK: - Appending

    @discardableResult
    public func recordDisclosure(_ event: DisclosureEvent) throws -> EntryReceipt {
        let content = try builder.disclosure(event)
        return try append(action: "recording the disclosure") { db in
            if let old = event.corrects {
                try Self.requireEntry(db, old, kind: .disclosure, field: "corrects")
            }
            return content
        }
    }

    @discardableResult
    public func recordGateFinding(_ finding: GateFinding) throws -> EntryReceipt {
        let b = builder
        let record = try b.gateRecord(finding)
        let entryID = UUID.timeOrdered()
        let (content, _) = try b.breach(record, version: 1, entryID: entryID, lenientCategories: true)
        return try append(action: "recording the gate finding") { db in
            try Self.requireNewBreach(db, record.id)
            return content
        }
    }

    @discardableResult
    public func recordBreach(_ record: BreachRecord) throws -> EntryReceipt {
        let (content, _) = try builder.breach(record, version: 1, entryID: UUID.timeOrdered())
        return try append(action: "recording the breach") { db in
            try Self.requireNewBreach(db, record.id)
            for e in record.linkedEntries { try Self.requireEntry(db, e, kind: nil, field: "linked entry") }
            return content
        }
    }

    @discardableResult
    public func updateBreach(id: UUID, recordedBy: String, _ change: (inout BreachRecord) throws -> Void) throws -> EntryReceipt {
        let b = builder
        return try append(action: "updating the breach") { db in
            guard let latest = try self.breachVersions(db, id: id).last else {
                throw LogError(.notFound, "no breach with that id")
            }
            var next = latest
            try change(&next)
            next.id = id
            next.recordedBy = recordedBy
            next.recordedVia = .manual
            for e in next.linkedEntries where !latest.linkedEntries.contains(e) {
                try Self.requireEntry(db, e, kind: nil, field: "linked entry")
            }
            return try b.breach(next, version: latest.version + 1, entryID: UUID.timeOrdered()).0
        }
    }

    /// The one write path: takes the write lock, builds the entry (the closure may read the log
    /// under the lock), links it to the head and inserts every row, or nothing.
    func append(action: String, _ build: (Database) throws -> EntryContent) throws -> EntryReceipt {
        do {
            return try writer.writeWithoutTransaction { db in
                var receipt: EntryReceipt?
                try db.inTransaction(.immediate) {
                    let content = try build(db)
                    let head = try Self.head(db)
                    let link = EntryLink(seq: head.seq + 1, prevHash: head.hash ?? HashChain.genesis(logID: logID))
                    receipt = try Self.insert(db, link: link, content: content)
                    return .commit
                }
                return receipt!
            }
        } catch {
            throw LogError.storage(error, doing: action)
        }
    }

    /// The last entry's seq and hash (seq 0 and nil for an empty log).
    static func head(_ db: Database) throws -> (seq: Int64, hash: String?) {
        let stmt = try db.cachedStatement(sql: "SELECT seq, hash FROM entry ORDER BY seq DESC LIMIT 1")
        let h = stmt.sqliteStatement
        defer { sqlite3_reset(h) }
        switch sqlite3_step(h) {
        case SQLITE_ROW:
            guard let text = sqlite3_column_text(h, 1) else { throw LogError(.storage, "the last entry has no hash") }
            return (sqlite3_column_int64(h, 0), String(cString: text))
        case SQLITE_DONE:
            return (0, nil)
        default:
            throw DatabaseError(resultCode: ResultCode(rawValue: sqlite3_extended_errcode(db.sqliteConnection)),
                                message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
    }

    /// Inserts an entry and its rows, computing its hash from `link` and the content.
    static func insert(_ db: Database, link: EntryLink, content: EntryContent) throws -> EntryReceipt {
        let bytes = HashChain.contentBytes(content)
        let hash = HashChain.hash(link: link, contentBytes: bytes)
        let entryID = content.entryID
        let l = link.values
        // entry: seq, content columns, link columns after seq, hash.
        let entryStatement = try db.cachedStatement(sql: insertEntrySQL)
        let eh = entryStatement.sqliteStatement
        var i: Int32 = 1
        SQLiteRaw.bind(eh, i, l[0]); i += 1
        for v in content.entry { SQLiteRaw.bind(eh, i, v); i += 1 }
        for v in l.dropFirst() { SQLiteRaw.bind(eh, i, v); i += 1 }
        SQLiteRaw.bind(eh, i, .text(hash))
        do {
            try SQLiteRaw.run(db, entryStatement)
        } catch let e as DatabaseError where e.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            // The UNIQUE index on entry_id answers this instead of a lookup before every insert.
            throw LogError(.conflict, "an entry with this id is already in the log")
        }
        for (t, rows) in content.children.enumerated() where !rows.isEmpty {
            let statement = try db.cachedStatement(sql: insertChildSQL[t])
            let h = statement.sqliteStatement
            let width = Schema.children[t].columns.count
            for row in rows {
                guard row.count == width else {
                    throw LogError(.invalidInput, "\(Schema.children[t].name): wrong number of columns")
                }
                sqlite3_bind_int64(h, 1, link.seq)
                for (k, v) in row.enumerated() { SQLiteRaw.bind(h, Int32(k + 2), v) }
                try SQLiteRaw.run(db, statement)
            }
        }
        return EntryReceipt(entryID: UUID(uuidString: entryID) ?? UUID(), seq: link.seq, hash: hash)
    }

    static let entryColumns: [String] = ["seq"] + Schema.entryContent.columns.map(\.name)
        + Schema.entryLink.columns.dropFirst().map(\.name) + ["hash"]

    static let insertEntrySQL: String =
        "INSERT INTO entry (\(entryColumns.joined(separator: ", "))) VALUES (\(Array(repeating: "?", count: entryColumns.count).joined(separator: ", ")))"

    static let insertChildSQL: [String] = Schema.children.map { t in
        let cols = ["seq"] + t.columns.map(\.name)
        return "INSERT INTO \(t.name) (\(cols.joined(separator: ", "))) VALUES (\(Array(repeating: "?", count: cols.count).joined(separator: ", ")))"
    }

    static func requireEntry(_ db: Database, _ id: UUID, kind: Schema.EntryKind?, field: String) throws {
        let k = try String.fetchOne(db, sql: "SELECT kind FROM entry WHERE entry_id = ?", arguments: [id.uuidString.lowercased()])
        guard let k else { throw LogError(.notFound, "\(field): no entry with that id in this log") }
        if let kind, k != kind.rawValue { throw LogError(.invalidInput, "\(field): the entry is a \(k), not a \(kind.rawValue)") }
    }

    static func requireNewBreach(_ db: Database, _ id: UUID) throws {
        if try Bool.fetchOne(db, sql: "SELECT 1 FROM breach_version WHERE breach_id = ?", arguments: [id.uuidString.lowercased()]) == true {
            throw LogError(.conflict, "a breach with this id is already recorded: update it instead")
        }
    }
}

extension LogValue {
    var databaseValue: DatabaseValue {
        switch self {
        case .null: .null
        case .int(let x): x.databaseValue
        case .text(let s): s.databaseValue
        }
    }

    init(_ dbValue: DatabaseValue) throws {
        switch dbValue.storage {
        case .null: self = .null
        case .int64(let x): self = .int(x)
        case .string(let s): self = .text(s)
        default: throw LogError(.chainBroken, "a stored value has a type the log never writes")
        }
    }
}
