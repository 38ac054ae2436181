import Foundation
import GRDB
import RedactLog

/// The pack's queries over a SQLite log file (``PackDataSource`` through GRDB).
///
/// ## Read-only, one state, in parallel
/// The log is opened read-only (a GRDB `DatabasePool` of reader connections on the WAL file, so
/// writers are never blocked). At open the source reads the head of the chain; every query then
/// counts only entries with `seq <= head`. The log is append-only, so those rows are the same on
/// every connection at any later moment: the pack describes exactly the log state its
/// checkpoint names, and the builder can run the queries on two cores at once.
///
/// ## Indexes
/// The queries need three indexes to meet the target (a national pack over 10 million
/// redaction rows in under 5 seconds): see ``PackIndexes``. When they are missing and the file
/// is writable, they are created first (once; ``Options/createIndexes``); otherwise the figures
/// are the same, only slower, and the pack says so in its notes.
///
/// All SQL of the packs lives in this type and its extensions.
public final class SQLitePackSource: PackDataSource, @unchecked Sendable {
    public struct Options: Sendable {
        /// Create the pack indexes when missing (needs write access once; about 25 s per 10
        /// million redaction rows). Without them the figures are the same, only slower.
        public var createIndexes: Bool
        /// How long to wait for a writer's lock while creating the indexes.
        public var busyTimeout: TimeInterval

        public init(createIndexes: Bool = true, busyTimeout: TimeInterval = 30) {
            self.createIndexes = createIndexes
            self.busyTimeout = busyTimeout
        }
    }

    public let path: String
    let pool: DatabasePool
    /// Which pack indexes the file has (decides between the fast and the fallback queries).
    let indexes: PackIndexes.Present
    /// The last entry counted: every query has `seq <= head`.
    let head: Int64
    let headHash: String
    let logID: String
    /// Disclosure entries some entry up to `head` corrects (left out of every count), as a JSON
    /// array for `json_each`, so no connection needs a temporary table.
    let superseded: String
    /// Set when opening created the pack indexes: a line for the person running the command.
    public let indexNote: String?
    private let notes: [String]
    private let lock = NSLock()
    private var groupsCache: [GroupKey]?

    /// Opens the log at `path` for reading and fixes the state the pack will describe.
    public init(path: String, options: Options = Options()) throws {
        self.path = path
        guard FileManager.default.fileExists(atPath: path) else {
            throw ReportError(.storage, "no log at the given path")
        }
        var notes: [String] = []
        var indexNote: String?
        do {
            if options.createIndexes {
                indexNote = try PackIndexes.ensure(path: path, busyTimeout: options.busyTimeout)
            }
            var config = Configuration()
            config.readonly = true
            config.label = "redact-pack"
            config.busyMode = .timeout(options.busyTimeout)
            config.prepareDatabase { db in
                // Temporary b-trees (GROUP BY, DISTINCT) stay in memory, and the log is read
                // through a memory map rather than copied page by page into each connection.
                try db.execute(sql: "PRAGMA temp_store = MEMORY; PRAGMA mmap_size = 2147418112")
            }
            let pool = try Self.retryingBusy(timeout: options.busyTimeout) { try DatabasePool(path: path, configuration: config) }
            let state = try Self.retryingBusy(timeout: options.busyTimeout) { try pool.read(Self.readState) }
            self.pool = pool
            (indexes, head, headHash, logID, superseded) = state
        } catch let e as ReportError {
            throw e
        } catch {
            throw ReportError(.storage, "opening the log failed: \(Self.describe(error))")
        }
        if !indexes.all {
            notes.append("The log has no pack indexes (it is read-only here), so this pack was computed with slower queries; the figures are the same.")
        }
        self.notes = notes
        self.indexNote = indexNote
    }

    /// Checks the file is a log and reads what fixes the pack's state.
    static func readState(_ db: Database) throws -> (PackIndexes.Present, Int64, String, String, String) {
        guard try db.tableExists("entry"), try db.tableExists("redaction"), try db.tableExists("log_meta") else {
            throw ReportError(.storage, "the file is not a redact log")
        }
        let present = try PackIndexes.present(db)
        let headRow = try Row.fetchOne(db, sql: "SELECT seq, hash FROM entry ORDER BY seq DESC LIMIT 1")
        let head: Int64 = headRow?[0] ?? 0
        let logID = try String.fetchOne(db, sql: "SELECT value FROM log_meta WHERE key = 'log_id'") ?? "unknown"
        let replaced = try Int64.fetchAll(db, sql: """
            SELECT DISTINCT o.seq FROM entry c JOIN entry o ON o.entry_id = c.corrects
            WHERE c.corrects IS NOT NULL AND c.seq <= ? ORDER BY o.seq
            """, arguments: [head])
        return (present, head, headRow?[1] ?? "", logID, "[" + replaced.map(String.init).joined(separator: ",") + "]")
    }

    /// Retries `body` while SQLite reports the file busy: a writer creating the log or the pack
    /// indexes, or recovering the WAL, can make opening fail before the busy timeout applies.
    static func retryingBusy<T>(timeout: TimeInterval, _ body: () throws -> T) throws -> T {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            do {
                return try body()
            } catch let e as DatabaseError where e.resultCode == .SQLITE_BUSY || e.resultCode == .SQLITE_LOCKED {
                if Date() > deadline { throw e }
                usleep(50_000)
            }
        }
    }

    /// Runs `body` on a reader connection, mapping SQLite errors to ``ReportError``.
    func read<T>(_ action: String, _ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.read(body)
        } catch let e as ReportError {
            throw e
        } catch {
            throw ReportError(.storage, "\(action) failed: \(Self.describe(error))")
        }
    }

    /// An SQLite error without its SQL or arguments (no log contents in messages).
    static func describe(_ error: any Error) -> String {
        if let db = error as? DatabaseError {
            return "SQLite error \(db.extendedResultCode.rawValue)" + (db.message.map { " (\($0))" } ?? "")
        }
        return "\(type(of: error))"
    }

    public func describe() throws -> SourceDescription {
        try read("reading the span of the log") { db in
            // Two queries, not MIN and MAX in one: each alone is a single seek on the time index.
            let first = try String.fetchOne(db, sql: "SELECT MIN(recorded_at) FROM entry WHERE seq <= ?", arguments: [head])
            let last = try String.fetchOne(db, sql: "SELECT MAX(recorded_at) FROM entry WHERE seq <= ?", arguments: [head])
            return SourceDescription(
                kind: "sqlite", logID: logID, entries: head, headHash: headHash,
                firstRecordedAt: first.flatMap(LogTime.parse), lastRecordedAt: last.flatMap(LogTime.parse), notes: notes)
        }
    }

    // MARK: - Disclosures

    /// The disclosure entries that count: in the window (`:start`, `:end`), up to the head, and
    /// not replaced by a correction.
    static let eligible = """
        e.kind = 'disclosure' AND e.recorded_at >= :start AND e.recorded_at < :end AND e.seq <= :head
        AND e.seq NOT IN (SELECT value FROM json_each(:superseded))
        """

    func arguments(_ w: TimeWindow, _ extra: [String: (any DatabaseValueConvertible)?] = [:]) -> StatementArguments {
        StatementArguments(["start": w.startText, "end": w.endText, "head": head, "superseded": superseded]
            .merging(extra) { $1 })
    }

    public func disclosureCells(in window: TimeWindow, by grouping: DisclosureGrouping, area: String?) throws -> [DisclosureCell] {
        let (select, group) = grouping.sql
        return try read("counting disclosures") { db in
            try Row.fetchAll(db, sql: """
                SELECT \(select)COUNT(*), SUM(d.redaction_count)
                FROM entry e JOIN disclosure d ON d.seq = e.seq
                WHERE \(Self.eligible) \(area == nil ? "" : "AND e.area = :area")
                \(group)
                """, arguments: arguments(window, area.map { ["area": $0] } ?? [:])).compactMap { row in
                var i = 0
                var cell = DisclosureCell(shared: 0, redactions: 0)
                if grouping.contains(.area) { cell.area = row[i]; i += 1 }
                if grouping.contains(.month) {
                    guard let m = Month(code: row[i]) else { return nil }
                    cell.month = m
                    i += 1
                }
                if grouping.contains(.recipient) { cell.recipient = row[i]; i += 1 }
                cell.shared = row[i]
                cell.redactions = row[i + 1] ?? 0
                return cell.shared > 0 ? cell : nil
            }
        }
    }

    public func documentTotals(in window: TimeWindow, area: String?) throws -> [AreaDocuments] {
        try read("counting documents") { db in
            try Row.fetchAll(db, sql: """
                SELECT e.area, COUNT(*), COUNT(DISTINCT d.original_sha256), SUM(d.redaction_count)
                FROM entry e JOIN disclosure d ON d.seq = e.seq
                WHERE \(Self.eligible) \(area == nil ? "" : "AND e.area = :area")
                GROUP BY e.area
                """, arguments: arguments(window, area.map { ["area": $0] } ?? [:])).map {
                AreaDocuments(area: $0[0], shared: $0[1], processed: $0[2], redactions: $0[3] ?? 0)
            }
        }
    }

    // MARK: - Shared state

    /// The (category, justification, style) groups, found once per source.
    func groups(_ db: Database) throws -> [GroupKey] {
        if let cached = lock.withLock({ groupsCache }) { return cached }
        let found = try loadGroups(db)
        lock.withLock { groupsCache = found }
        return found
    }
}
