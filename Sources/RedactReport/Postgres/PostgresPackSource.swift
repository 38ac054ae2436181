import Foundation
import PostgresNIO
import RedactLog

/// The pack's queries over the national log in PostgreSQL (``PackDataSource``): the same figures
/// as ``SQLitePackSource`` gives for the same entries, aggregated by the server.
///
/// ## The same answers as SQLite
/// The schema is the SQLite log's (``PostgresMigrations``), every text column `COLLATE "C"`, and
/// timestamps are `LogTime` text, so a window `[start, end)` selects the same entries byte for
/// byte and `substr(recorded_at, 1, 7)` is the same month. The queries follow the SQLite
/// source's clause by clause (corrections left out, register records once per breach id in the
/// window of their first version with their latest attributes); where PostgreSQL has a better
/// tool the formulation differs, never the meaning: an anti-join for "no earlier version", a
/// `LATERAL` step down an index for "the latest version", `FILTER` for "how many passed", counts
/// per index range for the redaction groups. The differential test
/// (`PostgresPackSourceTests`) builds the same packs from both backends over random logs and
/// requires them identical.
///
/// ## One state, in parallel, without a transaction
/// At open the source reads the head (`seq`, `hash`) and the entries corrected up to it; every
/// statement then counts only `seq <= head`. Appends are serialised under the log's append lock and commit an entry with all
/// its rows, so every entry up to the head was committed before the head could be read: each
/// statement, on whichever pooled connection, sees exactly those rows, and the builder's queries
/// run side by side. No snapshot is held open, so a long pack never holds back vacuum.
///
/// ## Indexes
/// The log's migrations give what the packs need (see `PostgresMigrations`): periods are ranges
/// of `entry (recorded_at)` or `entry (area, recorded_at)`, and migration `pg-pack-indexes` adds
/// `entry_corrects` (the corrections, without reading every entry) and `redaction_group` (see
/// the redaction counts). A database not yet migrated to it gives the same figures, slower, and
/// the pack says so.
public final class PostgresPackSource: PackDataSource, @unchecked Sendable {
    public struct Options: Sendable {
        /// Connections the pack may use at once (the builder runs a query per core).
        public var maxConnections: Int
        /// How long a query keeps retrying transient failures (a server restarting); short, since
        /// a pack is run by a person waiting for it, not by a writer that must not lose an entry.
        public var retryDeadline: TimeInterval

        public init(maxConnections: Int = max(2, ProcessInfo.processInfo.activeProcessorCount), retryDeadline: TimeInterval = 10) {
            self.maxConnections = maxConnections
            self.retryDeadline = retryDeadline
        }
    }

    public let url: PostgresURL
    let pool: PGPool
    let retry: PGRetry
    /// Whether this source opened the pool (and closes it) or borrows a store's.
    private let ownsPool: Bool
    /// The last entry counted: every query has `seq <= head`.
    let head: Int64
    let headHash: String
    let logID: String
    /// Disclosure entries some entry up to `head` corrects (left out of every count), as a
    /// PostgreSQL array literal bound to every query: read once, so no statement re-derives them.
    let superseded: String
    let supersededSeqs: Set<Int64>
    /// Whether the log has the pack indexes of migration `pg-pack-indexes` (else slower queries).
    let indexed: Bool
    private let notes: [String]
    private let lock = NSLock()
    private var spans: [TimeWindow: ClosedRange<Int64>?] = [:]
    private var groupsCache: [GroupKey]?
    private var minutesCache: [TimeWindow: [AreaMonthValue]] = [:]

    /// Connects to the log at `url` and fixes the state the pack will describe. Never migrates:
    /// a pack is a reader (the role it runs as may be read-only).
    public convenience init(url: PostgresURL, options: Options = Options()) throws {
        let pool = PGPool(url: url, maxConnections: options.maxConnections)
        do {
            try self.init(url: url, pool: pool, retry: PGRetry(deadline: options.retryDeadline), ownsPool: true)
        } catch {
            pool.close()
            throw error
        }
    }

    /// Reads the log of an open store through the store's own connections (`redact serve`).
    public convenience init(store: PostgresLogStore) throws {
        try self.init(url: store.url, pool: store.pool, retry: store.retry, ownsPool: false)
    }

    private init(url: PostgresURL, pool: PGPool, retry: PGRetry, ownsPool: Bool) throws {
        self.url = url
        self.pool = pool
        self.retry = retry
        self.ownsPool = ownsPool
        let state = try Self.run(pool, retry, "opening the log at \(url)") { c in try Self.readState(c) }
        (head, headHash, logID, indexed) = (state.head, state.hash, state.logID, state.indexed)
        supersededSeqs = Set(state.superseded)
        superseded = "{" + state.superseded.map(String.init).joined(separator: ",") + "}"
        notes = indexed ? [] : [
            "The log has not been migrated to its pack indexes yet (a writer of this version migrates it on start), "
                + "so this pack was computed with slower queries; the figures are the same.",
        ]
    }

    deinit { if ownsPool { pool.close() } }

    struct State {
        var head: Int64
        var hash: String
        var logID: String
        var superseded: [Int64]
        var indexed: Bool
    }

    /// Checks the database holds a log and reads what fixes the pack's state.
    static func readState(_ c: PGConnection) throws -> State {
        let tables = ["log_meta", "entry", "disclosure", "redaction", "breach_version", "breach_link", "qa_check"]
        let missing = try c.query("""
            SELECT t FROM unnest(string_to_array($1, ',')) AS t WHERE to_regclass(t) IS NULL
            """, [.text(tables.joined(separator: ","))])
        if !missing.isEmpty {
            throw ReportError(.storage, "the database holds no redact log, or one too old for packs: open it once for writing to migrate it")
        }
        let headRow = try c.query("SELECT seq, hash FROM entry ORDER BY seq DESC LIMIT 1").first
        let (seq, hash) = try headRow?.decode((Int64, String).self) ?? (Int64(0), "")
        let logID = try c.query("SELECT value FROM log_meta WHERE key = 'log_id'").first?.decode(String.self) ?? "unknown"
        let indexed = try c.query("""
            SELECT to_regclass('entry_corrects') IS NOT NULL AND to_regclass('redaction_group') IS NOT NULL
            """).first?.decode(Bool.self) ?? false
        let replaced = try c.query("""
            SELECT DISTINCT o.seq FROM entry c JOIN entry o ON o.entry_id = c.corrects
            WHERE c.corrects IS NOT NULL AND c.seq <= $1 ORDER BY o.seq
            """, [.int(seq)]).map { try $0.decode(Int64.self) }
        return State(head: seq, hash: hash, logID: logID, superseded: replaced, indexed: indexed)
    }

    /// Runs `body` on a pooled connection, retrying transient failures (a restarting server),
    /// and maps failures to ``ReportError`` naming `action`, never a value.
    static func run<T>(_ pool: PGPool, _ retry: PGRetry, _ action: String, _ body: (PGConnection) throws -> T) throws -> T {
        do {
            return try retry.run { _ in try pool.withConnection(body) }
        } catch let e as ReportError {
            throw e
        } catch {
            throw ReportError(.storage, PGError.map(error, doing: action).message)
        }
    }

    /// Runs one statement and returns its rows, each ready for reading by column position.
    func rows(_ action: String, _ sql: String, _ binds: [LogValue]) throws -> [PostgresRandomAccessRow] {
        try Self.run(pool, retry, action) { c in try Self.readOnly(c) { try c.query(sql, binds).map { $0.makeRandomAccess() } } }
    }

    /// Settings for the pack's statements only (`SET LOCAL`, so a borrowed connection goes back
    /// to its store unchanged): no JIT compilation, which costs 50 to 120 ms a statement and
    /// gains nothing on aggregates of a few hundred thousand rows; room to sort a period's rows
    /// in memory rather than on disk.
    static let settings = "SELECT set_config('jit', 'off', true), set_config('work_mem', '64MB', true)"

    /// Runs `body` in a read-only transaction with ``settings``: the pack cannot write, whatever
    /// the role it connects as may do.
    static func readOnly<T>(_ c: PGConnection, _ body: () throws -> T) throws -> T {
        try c.query("BEGIN READ ONLY")
        do {
            try c.query(settings)
            let value = try body()
            try c.query("COMMIT")
            return value
        } catch {
            if !c.isBroken { _ = try? c.query("ROLLBACK") }
            throw error
        }
    }

    public func describe() throws -> SourceDescription {
        try Self.run(pool, retry, "reading the span of the log") { c in
            // Two statements, not MIN and MAX in one: each alone is one end of the time index.
            let first = try c.query("SELECT MIN(recorded_at) FROM entry WHERE seq <= $1", [.int(head)]).first?.decode(String?.self)
            let last = try c.query("SELECT MAX(recorded_at) FROM entry WHERE seq <= $1", [.int(head)]).first?.decode(String?.self)
            return SourceDescription(
                kind: "postgresql", logID: logID, entries: head, headHash: headHash,
                firstRecordedAt: first.flatMap { $0 }.flatMap(LogTime.parse),
                lastRecordedAt: last.flatMap { $0 }.flatMap(LogTime.parse), notes: notes)
        }
    }

    // MARK: - Disclosures

    /// The disclosure entries that count: in the window (`$1`, `$2`), within the window's span of
    /// `seq`s (`$3`, `$4`, up to the head), and not replaced by a correction (`$5`). `NOT IN` a
    /// subquery, not `<> ALL` the array: PostgreSQL hashes the subquery once, whatever the number
    /// of corrections, where it would compare each entry with every element of a bound array.
    ///
    /// The span is redundant for the answer and decisive for the plan: entries are appended in
    /// time order and an entry's rows share its `seq`, so bounding `seq` on both sides of a join
    /// lets PostgreSQL read the period as two ordered index ranges and merge them, instead of
    /// reading a whole child table (which its estimates otherwise prefer).
    static let eligible = """
        e.kind = 'disclosure' AND e.recorded_at >= $1 AND e.recorded_at < $2 AND e.seq BETWEEN $3 AND $4
        AND e.seq NOT IN (SELECT unnest($5::bigint[]))
        """

    /// `$1`...`$5` of ``eligible``, then `extra` as `$6...`.
    func binds(_ w: TimeWindow, _ span: ClosedRange<Int64>, _ extra: [LogValue] = []) -> [LogValue] {
        [.text(w.startText), .text(w.endText), .int(span.lowerBound), .int(span.upperBound), .text(superseded)] + extra
    }

    /// `$1` and `$2` the window, `$3` the head, then `extra` as `$4...` (queries of other entries
    /// than disclosures: the register and QA checks, a few thousand rows a year).
    func headBinds(_ w: TimeWindow, _ extra: [LogValue] = []) -> [LogValue] {
        [.text(w.startText), .text(w.endText), .int(head)] + extra
    }

    /// The smallest and largest `seq` of the disclosures recorded in the window (up to the head),
    /// nil when there are none (then every disclosure figure of the window is zero, asked or not).
    func span(_ w: TimeWindow) throws -> ClosedRange<Int64>? {
        if let hit = lock.withLock({ spans[w] }) { return hit }
        // COUNT(*) alongside keeps PostgreSQL from answering MIN and MAX by walking the primary
        // key from either end, which passes every entry outside the window first.
        let row = try rows("finding the period's entries", """
            SELECT MIN(e.seq), MAX(e.seq), COUNT(*) FROM entry e
            WHERE e.kind = 'disclosure' AND e.recorded_at >= $1 AND e.recorded_at < $2 AND e.seq <= $3
            """, [.text(w.startText), .text(w.endText), .int(head)]).first
        var found: ClosedRange<Int64>?
        if let row, let lo = try row[0].decode(Int64?.self), let hi = try row[1].decode(Int64?.self) { found = lo...hi }
        lock.withLock { spans[w] = found }
        return found
    }

    public func disclosureCells(in window: TimeWindow, by grouping: DisclosureGrouping, area: String?) throws -> [DisclosureCell] {
        guard let span = try span(window) else { return [] }
        let (select, group) = grouping.sql
        let rows = try rows("counting disclosures", """
            SELECT \(select)COUNT(*), SUM(d.redaction_count)::bigint
            FROM entry e JOIN disclosure d ON d.seq = e.seq AND d.seq BETWEEN $3 AND $4
            WHERE \(Self.eligible) \(area == nil ? "" : "AND e.area = $6")
            \(group)
            """, binds(window, span, area.map { [.text($0)] } ?? []))
        return try rows.compactMap { row in
            var i = 0
            var cell = DisclosureCell(shared: 0, redactions: 0)
            if grouping.contains(.area) { cell.area = try row[i].decode(String.self); i += 1 }
            if grouping.contains(.month) {
                guard let m = Month(code: try row[i].decode(String.self)) else { return nil }
                cell.month = m
                i += 1
            }
            if grouping.contains(.recipient) { cell.recipient = try row[i].decode(String.self); i += 1 }
            cell.shared = try row[i].decode(Int.self)
            cell.redactions = try row[i + 1].decode(Int?.self) ?? 0
            return cell.shared > 0 ? cell : nil
        }
    }

    public func documentTotals(in window: TimeWindow, area: String?) throws -> [AreaDocuments] {
        guard let span = try span(window) else { return [] }
        return try rows("counting documents", """
            SELECT e.area, COUNT(*), COUNT(DISTINCT d.original_sha256), SUM(d.redaction_count)::bigint
            FROM entry e JOIN disclosure d ON d.seq = e.seq AND d.seq BETWEEN $3 AND $4
            WHERE \(Self.eligible) \(area == nil ? "" : "AND e.area = $6")
            GROUP BY e.area
            """, binds(window, span, area.map { [.text($0)] } ?? [])).map {
            AreaDocuments(area: try $0[0].decode(String.self), shared: try $0[1].decode(Int.self),
                          processed: try $0[2].decode(Int.self), redactions: try $0[3].decode(Int?.self) ?? 0)
        }
    }

    // MARK: - Shared state

    /// Reporting times found while counting the register of `window`.
    func remember(minutes: [AreaMonthValue], for window: TimeWindow) {
        lock.withLock { minutesCache[window] = minutes }
    }

    func rememberedMinutes(for window: TimeWindow) -> [AreaMonthValue]? {
        lock.withLock { minutesCache[window] }
    }

    /// The (category, justification, style) groups, found once per source.
    func groups() throws -> [GroupKey] {
        if let cached = lock.withLock({ groupsCache }) { return cached }
        let found = try loadGroups()
        lock.withLock { groupsCache = found }
        return found
    }
}
