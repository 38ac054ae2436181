import Foundation
import GRDB
import PostgresNIO
import RedactTestSupport
@testable import RedactLog

/// One test's log: its store, what keeps its storage alive, and raw SQL on it, for reading rows
/// back and for tampering as someone with the owner's rights would (SQLite through GRDB on the
/// store's writer connection, PostgreSQL through the store's pool).
final class TestLog: @unchecked Sendable {
    enum Storage {
        case file(TempDir)
        case database(PostgresTestDatabase)
    }

    let storage: Storage
    let store: any LogStore
    let clock: TestClock?

    var backend: Backend {
        if case .file = storage { return .sqlite }
        return .postgres
    }

    init(storage: Storage, clock: TestClock?, redactor: (any FreeTextRedactor)?) throws {
        self.storage = storage
        self.clock = clock
        store = try Self.open(storage, readOnly: false, clock: clock, redactor: redactor)
    }

    deinit { (store as? PostgresLogStore)?.close() }

    /// What `--log` takes for this log: the file's path, or the database's URL (password included,
    /// for handing to a child process).
    var location: String {
        switch storage {
        case .file(let dir): dir.path("log.sqlite")
        case .database(let db): db.url.secretURL
        }
    }

    /// The database's URL (PostgreSQL only).
    var postgresURL: PostgresURL? {
        if case .database(let db) = storage { return db.url }
        return nil
    }

    /// Another store on the same log (a second process's view of it).
    func reopen(readOnly: Bool = false, redactor: (any FreeTextRedactor)? = testRedactor) throws -> any LogStore {
        try Self.open(storage, readOnly: readOnly, clock: clock, redactor: redactor)
    }

    private static func open(_ storage: Storage, readOnly: Bool, clock: TestClock?,
                             redactor: (any FreeTextRedactor)?) throws -> any LogStore {
        var now: @Sendable () -> Date = { Date() }
        if let clock { now = { clock.get() } }
        switch storage {
        case .file(let dir):
            return try SQLiteLogStore(path: dir.path("log.sqlite"), redactor: redactor,
                                      options: .init(readOnly: readOnly, clock: now))
        case .database(let db):
            return try PostgresLogStore(url: db.url, redactor: redactor, options: .init(readOnly: readOnly, clock: now))
        }
    }

    // MARK: - Raw SQL

    /// Runs SQL that changes nothing through the log's API (several statements allowed).
    func execute(_ sql: String) throws {
        switch store {
        case let s as SQLiteLogStore: try s.writer.writeWithoutTransaction { try $0.execute(sql: sql) }
        case let s as PostgresLogStore: try s.pool.withConnection { try $0.execute(script: sql) }
        default: preconditionFailure("unknown store")
        }
    }

    /// Every row of a query, by column name.
    func rows(_ sql: String) throws -> [[String: LogValue]] {
        switch store {
        case let s as SQLiteLogStore:
            return try s.writer.read { db in
                try Row.fetchAll(db, sql: sql).map { row in
                    var out: [String: LogValue] = [:]
                    for (name, value) in row { out[name] = try LogValue(value) }
                    return out
                }
            }
        case let s as PostgresLogStore:
            return try s.pool.withConnection { c in
                try c.query(sql).map { row in
                    var out: [String: LogValue] = [:]
                    for cell in row { out[cell.columnName] = try Self.value(cell) }
                    return out
                }
            }
        default: preconditionFailure("unknown store")
        }
    }

    /// The first column of each row.
    func column(_ sql: String) throws -> [LogValue] {
        switch store {
        case let s as SQLiteLogStore:
            return try s.writer.read { db in try Row.fetchAll(db, sql: sql).map { try LogValue($0[0] as DatabaseValue) } }
        case let s as PostgresLogStore:
            return try s.pool.withConnection { c in try c.query(sql).map { try Self.value($0.makeRandomAccess()[0]) } }
        default: preconditionFailure("unknown store")
        }
    }

    func count(_ table: String) throws -> Int64 {
        try column("SELECT COUNT(*) FROM \(table)").first?.int ?? -1
    }

    /// A cell as the log's value type: integers (and booleans, as 0 or 1), text, or NULL.
    private static func value(_ cell: PostgresCell) throws -> LogValue {
        guard cell.bytes != nil else { return .null }
        switch cell.dataType {
        case .int2, .int4, .int8: return .int(try cell.decode(Int64.self))
        case .bool: return .int(try cell.decode(Bool.self) ? 1 : 0)
        default: return .text(try cell.decode(String.self))
        }
    }

    /// Runs `sql` and returns the message the database refused it with (SQLite's, or PostgreSQL's
    /// short message); nil if it ran.
    func refusal(_ sql: String) throws -> String? {
        do {
            try execute(sql)
            return nil
        } catch let e as DatabaseError {
            return e.message
        } catch {
            guard let message = PGError.serverMessage(error) else { throw error }
            return message
        }
    }
}
