import Foundation
import PostgresNIO
import RedactTestSupport
import Testing
@testable import RedactLog

/// Separate processes against one log (an SQLite file or a PostgreSQL database): concurrent
/// appenders, appenders killed with SIGKILL mid-write, and (PostgreSQL) many processes creating
/// the schema of an empty database at once. The test binary re-runs itself as the child (only
/// `childAppender` runs in the child, selected with `--filter` and told what to do through the
/// environment).
@Suite(.serialized) struct ProcessTests {
    static let env = ProcessInfo.processInfo.environment

    /// In the child: opens the log named by `REDACTLOG_CHILD_LOG` (a path or a postgres:// URL),
    /// at the moment `REDACTLOG_CHILD_START` (seconds since 1970) if given, and appends events
    /// until the count is reached. In a normal run: does nothing.
    @Test func childAppender() throws {
        guard let location = Self.env["REDACTLOG_CHILD_LOG"], let n = Int(Self.env["REDACTLOG_CHILD_COUNT"] ?? "") else { return }
        if let start = Self.env["REDACTLOG_CHILD_START"].flatMap(Double.init) {
            Thread.sleep(until: Date(timeIntervalSince1970: start))
        }
        let store = try LogLocation.open(location, redactor: testRedactor)
        for _ in 0..<n { try store.recordDisclosure(event(redactions: 20)) }
    }

    static func spawn(log: String, count: Int, startAt: Date? = nil) throws -> Process {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        p.arguments = ["--testing-library", "swift-testing", "--filter", "childAppender"]
        var env = ProcessInfo.processInfo.environment
        env["REDACTLOG_CHILD_LOG"] = log
        env["REDACTLOG_CHILD_COUNT"] = String(count)
        env["REDACTLOG_CHILD_START"] = startAt.map { String($0.timeIntervalSince1970) }
        p.environment = env
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        return p
    }

    @Test(arguments: Backend.allCases) func severalProcessesAppendingLoseNothing(backend: Backend) throws {
        let store = try backend.makeLog()     // creates the log before the children race for it
        let children = try (0..<4).map { _ in try Self.spawn(log: store.location, count: 60) }
        for c in children { c.waitUntilExit() }
        #expect(children.allSatisfy { $0.terminationStatus == 0 })
        let report = try store.verify(against: nil)
        #expect(report.isValid)
        #expect(report.entries == 240)
        #expect(try store.count("redaction") == 240 * 20)
    }

    @Test(arguments: Backend.allCases) func killingAnAppenderAtAnyMomentLeavesAWholeLog(backend: Backend) throws {
        let store = try backend.makeLog()
        var killed = 0
        for round in 0..<6 {
            let child = try Self.spawn(log: store.location, count: 1_000_000)
            // Let it get going (start-up takes a moment), then kill it mid-stream.
            let deadline = Date().addingTimeInterval(10)
            let before = try store.checkpoint().count
            while try store.checkpoint().count < before + Int64(20 + round * 15), Date() < deadline { usleep(2_000) }
            usleep(UInt32.random(in: 0..<20_000))
            kill(child.processIdentifier, SIGKILL)
            child.waitUntilExit()
            if child.terminationReason == .uncaughtSignal { killed += 1 }
        }
        #expect(killed == 6)
        let report = try store.verify(against: nil)
        #expect(report.isValid)
        #expect(report.entries > 6 * 20)
        let partial = try store.column("""
            SELECT COUNT(*) FROM entry e LEFT JOIN disclosure d ON d.seq = e.seq
            WHERE d.seq IS NULL OR d.redaction_count <> (SELECT COUNT(*) FROM redaction r WHERE r.seq = e.seq)
            """)
        #expect(partial == [.int(0)])
        // And the log takes new entries after the crashes (a killed writer's lock is released).
        try store.recordDisclosure(event())
        #expect(try store.verify(against: nil).isValid)
    }

    /// Eight processes open the same empty database at the same moment, so all of them find no
    /// schema: the migrations run once (under the migrator's lock), every process appends, and
    /// the log is one chain.
    @Test(.enabled(if: !PostgresTestDatabase.skipped)) func manyProcessesMigratingAnEmptyDatabaseAtOnce() throws {
        let db = try PostgresTestDatabase()
        let startAt = Date().addingTimeInterval(1.5)     // after every child has started up
        let children = try (0..<8).map { _ in try Self.spawn(log: db.url.secretURL, count: 5, startAt: startAt) }
        for c in children { c.waitUntilExit() }
        #expect(children.map(\.terminationStatus) == Array(repeating: 0, count: 8))
        let store = try PostgresLogStore(url: db.url)
        defer { store.close() }
        let report = try store.verify(against: nil)
        #expect(report.isValid)
        #expect(report.entries == 40)
        let applied = try store.pool.withConnection { c in
            try c.query("SELECT identifier FROM redact_migration WHERE set_name = 'log' ORDER BY identifier").map { try $0.decode(String.self) }
        }
        #expect(applied == PostgresMigrations.log.migrations.map(\.identifier).sorted())
        let ids = try store.pool.withConnection { c in
            try c.query("SELECT COUNT(*) FROM log_meta WHERE key = 'log_id'").first?.decode(Int64.self)
        }
        #expect(ids == 1)
    }
}
