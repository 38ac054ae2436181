import Foundation
import RedactTestSupport
import Testing
@testable import RedactLog

/// The PostgreSQL counterparts of SQLite's file-level failures (a read-only file, a missing
/// directory, a file that is no log), and the server going away under a writer.
@Suite(.enabled(if: !PostgresTestDatabase.skipped)) struct PostgresReliabilityTests {
    /// A user who may only read the log's tables gets `.readOnly`, with nothing written: opening
    /// for writing (the migrator cannot check its table), appending, and storing a token.
    @Test func aReadOnlyDatabaseUserGetsReadOnly() throws {
        let log = try Backend.postgres.makeLog()
        try log.recordDisclosure(event())
        let url = try #require(log.postgresURL)
        let reader = try TemporaryRole(on: url, grants: ["GRANT SELECT ON ALL TABLES IN SCHEMA public TO %@"])

        let opening = #expect(throws: LogError.self) { try PostgresLogStore(url: reader.url, redactor: testRedactor) }
        #expect(opening?.kind == .readOnly)
        let store = try PostgresLogStore(url: reader.url, redactor: testRedactor, options: .init(readOnly: true))
        defer { store.close() }
        #expect(try store.verify(against: nil).entries == 1)
        #expect((#expect(throws: LogError.self) { try store.recordDisclosure(event()) })?.kind == .readOnly)
        let token = #expect(throws: LogError.self) { try store.createAccessToken(name: "a", role: "national", area: nil, sha256: zeroHash) }
        #expect(token?.kind == .readOnly)
        #expect(try log.count("entry") == 1 && log.count("access_token") == 0)
    }

    @Test func aWrongPasswordIsAClearStorageErrorThatNamesNoPassword() throws {
        let log = try Backend.postgres.makeLog()
        var url = try #require(log.postgresURL)
        let wrong = "not-the-password-" + UUID().uuidString.prefix(8)
        url.password = wrong
        let e = #expect(throws: LogError.self) { try PostgresLogStore(url: url) }
        #expect(e?.kind == .storage)
        #expect(e?.message.contains("user name or password") == true)
        #expect(e?.description.contains(wrong) == false)
        #expect(e?.description.contains(url.secretURL) == false)
    }

    @Test func aDatabaseThatDoesNotExistIsNotFound() throws {
        let log = try Backend.postgres.makeLog()
        let url = try #require(log.postgresURL).with(database: "redact_test_missing_" + UUID().uuidString.prefix(8).lowercased())
        let e = #expect(throws: LogError.self) { try PostgresLogStore(url: url) }
        #expect(e?.kind == .notFound)
        #expect(e?.message.contains(url.database) == true)
    }

    /// The counterpart of opening a file that is not a log: read-only, an empty database is
    /// refused and left empty.
    @Test func readOnlyOnAnEmptyDatabaseIsRefused() throws {
        let db = try PostgresTestDatabase()
        let e = #expect(throws: LogError.self) { try PostgresLogStore(url: db.url, options: .init(readOnly: true)) }
        #expect(e?.kind == .storage)
        #expect(e?.message.contains("holds no redact log") == true)
        let c = try PGConnection(url: db.url)
        defer { c.close() }
        #expect(try c.query("SELECT to_regclass('redact_migration') IS NULL").first?.decode(Bool.self) == true)
    }

    /// A writer that dies mid-append (its connection closes with the transaction open and the
    /// append lock held) leaves the log as it was, and the next writer is not kept waiting.
    @Test func anUncommittedTransactionIsRolledBackAndItsLockReleased() throws {
        let log = try Backend.postgres.makeLog()
        try log.recordDisclosure(event())
        let raw = try PGConnection(url: try #require(log.postgresURL))
        try raw.query("BEGIN")
        try raw.query("SELECT pg_advisory_xact_lock($1)", [.int(PostgresLogStore.appendLockKey)])
        try raw.query("""
            INSERT INTO entry (seq, entry_id, kind, recorded_at, area, prev_hash, hash)
            VALUES (2, 'x', 'disclosure', 'x', 'cps-wessex', 'x', 'x')
            """)
        raw.close()     // no COMMIT
        #expect(try log.verify(against: nil).entries == 1)
        #expect(try log.recordDisclosure(event()).seq == 2)
        #expect(try log.verify(against: nil).isValid)
    }

    /// The server keeps terminating the writer's sessions, just before an append and while the
    /// connection sits idle in the pool: every append lands, once, within moments. (PostgresNIO
    /// drops a query written to a connection the server has just closed and never answers it;
    /// the store must notice the closed connection instead of waiting forever.)
    @Test func appendsLandWhileTheServerKeepsDroppingTheConnection() throws {
        let log = try Backend.postgres.makeLog()
        let store = try log.reopen()
        try store.recordDisclosure(event())
        try returnsWithin(seconds: 60) {
            for round in 0..<10 {
                try log.execute("""
                    SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                    WHERE datname = current_database() AND pid <> pg_backend_pid()
                    """)
                if round % 2 == 1 { usleep(100_000) }    // the client has seen the close by now
                try store.recordDisclosure(event())
            }
        }
        let report = try log.verify(against: nil)
        #expect(report.isValid && report.entries == 11)
    }

    /// The server drops the writer's connection and then refuses new ones for a while (as while it
    /// restarts): the append waits and lands once, instead of failing.
    @Test func anAppendRidesOutADroppedConnectionAndRefusedConnects() throws {
        let log = try Backend.postgres.makeLog()
        let url = try #require(log.postgresURL)
        let writer = try TemporaryRole(on: url, grants: [
            "GRANT CREATE ON SCHEMA public TO %@", "GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA public TO %@",
        ])
        let store = try PostgresLogStore(url: writer.url, redactor: testRedactor, options: .init(retryDeadline: 30))
        defer { store.close() }
        try store.recordDisclosure(event())

        try log.execute("ALTER ROLE \(writer.name) CONNECTION LIMIT 0")
        try log.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '\(writer.name)'")
        let reopened = DispatchSemaphore(value: 0)
        let name = writer.name
        DispatchQueue.global().asyncAfter(deadline: .now() + 1.5) {
            try? log.execute("ALTER ROLE \(name) CONNECTION LIMIT -1")
            reopened.signal()
        }
        let started = Date()
        let receipt = try returnsWithin(seconds: 60) { try store.recordDisclosure(event()) }
        #expect(Date().timeIntervalSince(started) >= 1)
        reopened.wait()
        #expect(receipt?.seq == 2)
        let report = try log.verify(against: nil)
        #expect(report.isValid && report.entries == 2)
    }
}

/// Runs `body` on a thread of its own and waits at most `seconds` for it: an append that never
/// returns fails the test instead of holding up the suite (the thread is left behind). Nil when
/// it timed out.
@discardableResult
private func returnsWithin<T: Sendable>(seconds: Double, _ body: @escaping @Sendable () throws -> T) throws -> T? {
    let outcome = Outcome<T>()
    Thread.detachNewThread {
        outcome.result = Result { try body() }
        outcome.done.signal()
    }
    guard outcome.done.wait(timeout: .now() + seconds) == .success, let result = outcome.result else {
        Issue.record("did not return within \(seconds) seconds")
        return nil
    }
    return try result.get()
}

/// A result handed from the thread that computes it to the one that waits for it.
private final class Outcome<T: Sendable>: @unchecked Sendable {
    let done = DispatchSemaphore(value: 0)
    var result: Result<T, any Error>?      // written before `done` is signalled, read after
}

/// A login role for one test, with only the privileges granted (`%@` stands for its name), on
/// the database of `url`; dropped with its privileges when released.
private final class TemporaryRole {
    let name = "redact_test_role_" + UUID().uuidString.prefix(8).lowercased()
    let password = UUID().uuidString
    let url: PostgresURL
    private let admin: PostgresURL

    init(on admin: PostgresURL, grants: [String]) throws {
        self.admin = admin
        var url = admin
        url.user = name
        url.password = password
        self.url = url
        let c = try PGConnection(url: admin)
        defer { c.close() }
        try c.query("CREATE ROLE \(name) LOGIN PASSWORD '\(password)'")
        for g in grants { try c.query(g.replacingOccurrences(of: "%@", with: name)) }
    }

    deinit {
        guard let c = try? PGConnection(url: admin) else { return }
        defer { c.close() }
        _ = try? c.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '\(name)'")
        _ = try? c.query("DROP OWNED BY \(name)")
        _ = try? c.query("DROP ROLE \(name)")
    }
}
