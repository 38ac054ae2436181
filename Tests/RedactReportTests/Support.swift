import Foundation
import GRDB
import RedactLog
import RedactTestSupport
@testable import RedactReport

/// A temporary directory removed when the value is released (or, for one held in a static,
/// when the test process exits).
final class TempDir: @unchecked Sendable {
    let url: URL
    init() {
        url = try! TestDirectories.make("redactreport")
    }
    deinit { try? FileManager.default.removeItem(at: url) }
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}

/// The store's clock, set by the test before each append.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Date
    init(_ d: Date) { value = d }
    var now: Date {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
    }
}

func date(_ s: String) -> Date { LogTime.parse(s)! }

/// Test text holds no personal data; stored as is.
let plainRedactor = ClosureRedactor(identifier: "test (no scan)") { ($0, 0) }

func makeStore(_ path: String, clock: TestClock) throws -> SQLiteLogStore {
    try SQLiteLogStore(path: path, redactor: plainRedactor, options: .init(clock: { clock.now }))
}

func hex(_ n: Int) -> String {
    let h = String(n, radix: 16)
    return String(repeating: "0", count: 64 - h.count) + h
}

func context(area: String, recipient: String = "defence", unit: String? = "team-1", operatorID: String = "op-1") -> LogContext {
    LogContext(area: area, unit: unit, caseReference: "DEMO-1", operatorID: operatorID, recipient: recipient,
               packVersion: "t1", toolVersion: "t1")
}

/// Builds a pack straight from a log file.
func pack(_ path: String, _ scope: PackScope, _ period: String, settings: PackSettings = PackSettings(),
          createIndexes: Bool = true) throws -> Pack {
    let source = try SQLitePackSource(path: path, options: .init(createIndexes: createIndexes))
    return try PackBuilder(reference: .builtIn).build(
        PackRequest(scope: scope, period: try PackPeriod(parsing: period), settings: settings,
                    generatedAt: date("2026-11-21T12:00:00Z")), from: source)
}

/// Counts straight from the log's tables with SQL written here, independently of the pack code
/// (different joins and formulations), to check the pack against.
struct DirectCounts {
    let db: DatabaseQueue

    init(_ path: String) throws {
        var c = Configuration()
        c.readonly = true
        db = try DatabaseQueue(path: path, configuration: c)
    }

    /// The disclosure entries of the window (and area) that no entry corrects.
    static func disclosures(_ area: String?) -> String {
        """
        FROM entry e JOIN disclosure d ON d.seq = e.seq
        WHERE e.kind = 'disclosure' AND e.recorded_at >= :start AND e.recorded_at < :end
          \(area == nil ? "" : "AND e.area = :area")
          AND e.entry_id NOT IN (SELECT c.corrects FROM entry c WHERE c.corrects IS NOT NULL)
        """
    }

    func args(_ w: TimeWindow, _ area: String?) -> StatementArguments {
        var a: [String: (any DatabaseValueConvertible)?] = ["start": w.startText, "end": w.endText]
        if let area { a["area"] = area }
        return StatementArguments(a)
    }

    func shared(_ w: TimeWindow, _ area: String?) throws -> Int {
        try db.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) \(Self.disclosures(area))", arguments: args(w, area))! }
    }

    func processed(_ w: TimeWindow, _ area: String?) throws -> Int {
        try db.read {
            try Int.fetchOne($0, sql: "SELECT COUNT(DISTINCT e.area || '/' || d.original_sha256) \(Self.disclosures(area))",
                             arguments: args(w, area))!
        }
    }

    /// Redaction rows counted as rows (the pack sums `redaction_count`).
    func redactions(_ w: TimeWindow, _ area: String?, by column: String? = nil) throws -> [String: Int] {
        try db.read { db in
            let key = column.map { "r.\($0)" } ?? "'total'"
            let rows = try Row.fetchAll(db, sql: """
                SELECT \(key), COUNT(*) FROM redaction r WHERE r.seq IN (SELECT e.seq \(Self.disclosures(area))) GROUP BY 1
                """, arguments: args(w, area))
            return Dictionary(uniqueKeysWithValues: rows.map { ($0[0] as String, $0[1] as Int) })
        }
    }

    func recipients(_ w: TimeWindow, _ area: String?) throws -> [String: Int] {
        try db.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT d.recipient, COUNT(*) \(Self.disclosures(area)) GROUP BY 1", arguments: args(w, area))
            return Dictionary(uniqueKeysWithValues: rows.map { ($0[0] as String, $0[1] as Int) })
        }
    }

    /// Latest versions of the breaches whose lowest version was recorded in the window.
    static func latestBreaches(_ area: String?) -> String {
        """
        FROM breach_version l JOIN entry le ON le.seq = l.seq
        WHERE NOT EXISTS (SELECT 1 FROM breach_version n WHERE n.breach_id = l.breach_id AND n.version > l.version)
          AND (SELECT fe.recorded_at FROM breach_version f JOIN entry fe ON fe.seq = f.seq
               WHERE f.breach_id = l.breach_id ORDER BY f.version LIMIT 1) >= :start
          AND (SELECT fe.recorded_at FROM breach_version f JOIN entry fe ON fe.seq = f.seq
               WHERE f.breach_id = l.breach_id ORDER BY f.version LIMIT 1) < :end
          \(area == nil ? "" : "AND le.area = :area")
        """
    }

    func register(_ w: TimeWindow, _ area: String?, by column: String, where extra: String = "1") throws -> [String: Int] {
        try db.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT COALESCE(l.\(column), '\(Figures.unassessed)'), COUNT(*) \(Self.latestBreaches(area)) AND \(extra) GROUP BY 1
                """, arguments: args(w, area))
            return Dictionary(uniqueKeysWithValues: rows.map { ($0[0] as String, $0[1] as Int) })
        }
    }

    func minutes(_ w: TimeWindow, _ area: String?) throws -> [Int] {
        try db.read { db in
            try Int.fetchAll(db, sql: """
                SELECT l.minutes_to_report \(Self.latestBreaches(area))
                  AND l.stage = 'breach' AND l.ico_reported_at IS NOT NULL ORDER BY 1
                """, arguments: args(w, area))
        }
    }
}

/// Parses a JSON Lines export into its entry objects (the header dropped).
func exportedEntries(_ store: SQLiteLogStore, _ filter: ExportFilter) throws -> [[String: Any]] {
    let out = MemoryOutput()
    try store.export(format: .jsonl, filter: filter, to: out)
    return out.text.split(separator: "\n").dropFirst().map {
        try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
    }
}
