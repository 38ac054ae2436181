import Foundation
import RedactTestSupport
import Testing
@testable import RedactLog

/// Faults of the national tier against real PostgreSQL servers: the server restarting under
/// load, and writers racing on one area.
///
/// The restart test runs its own server (scripts/pg-server.sh in a private folder and port),
/// because restarting the shared test server would break the other suites running in parallel.
@Suite(.enabled(if: !PostgresTestDatabase.skipped)) struct PostgresFaultTests {
    /// The repository's root, from this file's path (Tests/RedactLogTests/<file>).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A PostgreSQL server of this test's own; `shutdown()` stops it and deletes it.
    final class PrivateServer: @unchecked Sendable {
        let dir: String
        let port: Int
        var url: PostgresURL { PostgresURL("postgres://redact:redact@127.0.0.1:\(port)/postgres")! }

        init() throws {
            dir = "/tmp/redact-pg-fault-" + UUID().uuidString.prefix(8).lowercased()
            port = Int.random(in: 55_000...59_999)
            try run("start")
        }

        func run(_ command: String) throws {
            var env = ProcessInfo.processInfo.environment
            env["REDACT_PG_DIR"] = dir
            env["REDACT_PG_PORT"] = String(port)
            let status = try spawnAndWait(PostgresFaultTests.root.appendingPathComponent("scripts/pg-server.sh").path, [command],
                                          environment: env)
            guard status == 0 else { throw LogError(.storage, "pg-server.sh \(command) exited \(status)") }
        }

        /// Stops the server and deletes its files.
        func shutdown() {
            try? run("stop")
            try? FileManager.default.removeItem(atPath: dir)
        }
    }

    final class Outcomes: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var receipts: [EntryReceipt] = []
        private(set) var errors: [String] = []
        func add(_ r: EntryReceipt) { lock.withLock { receipts.append(r) } }
        func fail(_ e: any Error) { lock.withLock { errors.append("\(e)") } }
        var count: Int { lock.withLock { receipts.count } }
    }

    @Test(.timeLimit(.minutes(5))) func writersRideOutAServerRestartAndLoseNothing() throws {
        let server = try PrivateServer()
        defer { server.shutdown() }
        try PostgresAdmin.createDatabase("fault_log", on: server.url)
        let url = server.url.with(database: "fault_log")
        let first = try PostgresLogStore(url: url, redactor: testRedactor)   // migrates before the writers start
        let writers = 4, each = 120
        let outcomes = Outcomes()
        let group = DispatchGroup()
        for _ in 0..<writers {
            DispatchQueue.global().async(group: group) {
                do {
                    let store = try PostgresLogStore(url: url, redactor: testRedactor)
                    for _ in 0..<each { outcomes.add(try store.recordDisclosure(event(redactions: 5))) }
                } catch {
                    outcomes.fail(error)
                }
            }
        }
        // Restart the server twice while the writers are appending.
        var restarts = 0
        for target in [writers * each / 4, writers * each / 2] {
            let deadline = Date().addingTimeInterval(60)
            while outcomes.count < target && Date() < deadline && outcomes.errors.isEmpty { usleep(5_000) }
            try server.run("restart")
            restarts += 1
        }
        group.wait()
        #expect(restarts == 2)
        #expect(outcomes.errors.isEmpty, "\(outcomes.errors.first ?? "")")
        #expect(outcomes.receipts.count == writers * each)
        // Nothing lost, nothing written twice: every receipt a distinct entry, the chain whole.
        #expect(Set(outcomes.receipts.map(\.entryID)).count == writers * each)
        #expect(Set(outcomes.receipts.map(\.seq)) == Set(1...Int64(writers * each)))
        let report = try first.verify(against: nil)
        #expect(report.isValid)
        #expect(report.entries == Int64(writers * each))
    }

    @Test func twoWritersRacingOnOneAreaKeepTheChainLinear() throws {
        let db = try PostgresTestDatabase()
        let a = try PostgresLogStore(url: db.url, redactor: testRedactor)
        let b = try PostgresLogStore(url: db.url, redactor: testRedactor)
        let outcomes = Outcomes()
        DispatchQueue.concurrentPerform(iterations: 2) { w in
            let store = w == 0 ? a : b
            do {
                for _ in 0..<150 { outcomes.add(try store.recordDisclosure(event(redactions: 2))) }
            } catch {
                outcomes.fail(error)
            }
        }
        #expect(outcomes.errors.isEmpty)
        #expect(Set(outcomes.receipts.map(\.seq)) == Set(1...300))
        // Linear: each entry links to the one before it, whichever writer wrote it.
        let byseq = Dictionary(uniqueKeysWithValues: outcomes.receipts.map { ($0.seq, $0.hash) })
        var entries: [StoredEntry] = []
        try a.read(action: "reading") { c in try a.forEachEntry(c) { entries.append($0) } }
        #expect(entries.count == 300)
        for e in entries {
            #expect(e.hash == byseq[e.link.seq])
            #expect(e.link.prevHash == (e.link.seq == 1 ? HashChain.genesis(logID: a.logID) : byseq[e.link.seq - 1]))
        }
        #expect(try a.verify(against: nil).isValid)
    }
}
