import Foundation
import GRDB

/// The indexes the pack queries rely on, and how they get onto a log.
///
/// Why they are needed (measured on a log of 10 million redaction rows, 2 cores):
/// - `pack_redaction_group` on `redaction (category, justification, style)`: SQLite aggregates
///   by sorting, and sorting 10 million rows on three text columns takes 15-35 s. Walking this
///   index instead hands the rows over already grouped, and because a WITHOUT ROWID index ends
///   with the table's key (`seq`), each group's rows for a range of entries are one seek and a
///   short scan (about 80 ns a row).
/// - `pack_entry_time` on `entry (recorded_at, kind)`: a period is a range of `recorded_at`, so
///   the pack reads only that period's entries rather than the whole log.
/// - `pack_entry_corrects` on `entry (corrects)`, partial (`WHERE corrects IS NOT NULL`): the
///   corrections, without reading every entry to find them; it holds corrections only, so it
///   costs appends nothing else.
///
/// Why the pack creates them rather than the log's migrations: the log keeps the fewest
/// indexes it can so appends stay fast, and only a log that packs are made from needs these.
/// ``ensure(path:busyTimeout:)`` adds them the first time a pack is made from a writable log
/// (`CREATE INDEX IF NOT EXISTS`, so it is idempotent and safe against a concurrent pack). The
/// append-only triggers do not object: an index is not a change to any row, and the hash chain
/// covers rows only. On a log the pack cannot write, the figures are identical, only slower.
public enum PackIndexes {
    public static let redactionIndex = "pack_redaction_group"
    public static let entryIndex = "pack_entry_time"
    public static let correctsIndex = "pack_entry_corrects"

    /// The statements, idempotent.
    public static let sql = """
        CREATE INDEX IF NOT EXISTS \(redactionIndex) ON redaction (category, justification, style);
        CREATE INDEX IF NOT EXISTS \(entryIndex) ON entry (recorded_at, kind);
        CREATE INDEX IF NOT EXISTS \(correctsIndex) ON entry (corrects) WHERE corrects IS NOT NULL;
        """

    /// Which of the indexes a log has.
    struct Present: Sendable, Equatable {
        var redaction: Bool
        var entry: Bool
        var corrects: Bool
        var all: Bool { redaction && entry && corrects }
    }

    static func present(_ db: Database) throws -> Present {
        let names = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index'"))
        return Present(redaction: names.contains(redactionIndex), entry: names.contains(entryIndex),
                       corrects: names.contains(correctsIndex))
    }

    /// Creates the indexes if they are missing and the file is writable. Returns a line for the
    /// person running the command when it did something (it takes a while on a big log), nil
    /// when there was nothing to do or no way to do it.
    public static func ensure(path: String, busyTimeout: TimeInterval = 30) throws -> String? {
        var readConfig = Configuration()
        readConfig.readonly = true
        let present = try SQLitePackSource.retryingBusy(timeout: busyTimeout) {
            try DatabaseQueue(path: path, configuration: readConfig).inDatabase { db -> Present? in
                guard try db.tableExists("redaction"), try db.tableExists("entry") else { return nil }
                return try Self.present(db)
            }
        }
        guard let present, !present.all else { return nil }
        let dir = (path as NSString).deletingLastPathComponent
        guard FileManager.default.isWritableFile(atPath: path),
              FileManager.default.isWritableFile(atPath: dir.isEmpty ? "." : dir) else { return nil }
        var config = Configuration()
        config.busyMode = .timeout(busyTimeout)
        config.label = "redact-pack-index"
        let started = Date()
        do {
            try DatabaseQueue(path: path, configuration: config).inDatabase { db in
                try db.execute(sql: "BEGIN IMMEDIATE TRANSACTION")
                do {
                    try db.execute(sql: sql)
                    try db.execute(sql: "COMMIT")
                } catch {
                    try? db.execute(sql: "ROLLBACK")
                    throw error
                }
            }
        } catch {
            // A read-only file system or a lock held past the timeout: carry on without them.
            return nil
        }
        return String(format: "created the pack indexes on the log (once per log) in %.1f s", Date().timeIntervalSince(started))
    }
}
