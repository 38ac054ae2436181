import Foundation
import GRDB
import Testing
@testable import RedactLog

/// Separate processes against one log file: concurrent appenders, and appenders killed with
/// SIGKILL mid-write. The test binary re-runs itself as the child (only `childAppender` runs in
/// the child, selected with `--filter` and told what to do through the environment).
@Suite(.serialized) struct ProcessTests {
    static let env = ProcessInfo.processInfo.environment

    /// In the child: append events until told count is reached. In a normal run: does nothing.
    @Test func childAppender() throws {
        guard let path = Self.env["REDACTLOG_CHILD_LOG"], let n = Int(Self.env["REDACTLOG_CHILD_COUNT"] ?? "") else { return }
        let store = try SQLiteLogStore(path: path, redactor: testRedactor)
        for _ in 0..<n { try store.recordDisclosure(event(redactions: 20)) }
    }

    static func spawn(log: String, count: Int) throws -> Process {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        p.arguments = ["--testing-library", "swift-testing", "--filter", "childAppender"]
        var env = ProcessInfo.processInfo.environment
        env["REDACTLOG_CHILD_LOG"] = log
        env["REDACTLOG_CHILD_COUNT"] = String(count)
        p.environment = env
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        return p
    }

    @Test func severalProcessesAppendingLoseNothing() throws {
        let dir = TempDir()
        let log = dir.path("log.sqlite")
        let store = try makeStore(dir)     // creates the log before the children race for it
        let children = try (0..<4).map { _ in try Self.spawn(log: log, count: 60) }
        for c in children { c.waitUntilExit() }
        #expect(children.allSatisfy { $0.terminationStatus == 0 })
        let report = try store.verify(against: nil)
        #expect(report.isValid)
        #expect(report.entries == 240)
        #expect(try store.count("redaction") == 240 * 20)
    }

    @Test func killingAnAppenderAtAnyMomentLeavesAWholeLog() throws {
        let dir = TempDir()
        let log = dir.path("log.sqlite")
        let store = try makeStore(dir)
        var killed = 0
        for round in 0..<6 {
            let child = try Self.spawn(log: log, count: 1_000_000)
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
        #expect(report.entries > 0)
        let partial = try store.writer.read { db in
            try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM entry e LEFT JOIN disclosure d ON d.seq = e.seq
                WHERE d.seq IS NULL OR d.redaction_count <> (SELECT COUNT(*) FROM redaction r WHERE r.seq = e.seq)
                """)
        }
        #expect(partial == 0)
        // And the log takes new entries after the crashes.
        try store.recordDisclosure(event())
        #expect(try store.verify(against: nil).isValid)
    }
}
