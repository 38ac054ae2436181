import Foundation
import RedactLog
import RedactTestSupport
@testable import RedactQueue

/// A queue in a throwaway database (the database lives as long as the value).
struct TestQueue {
    let db: PostgresTestDatabase
    let queue: JobQueue

    init() throws {
        db = try PostgresTestDatabase(prefix: "redact_queue")
        queue = try JobQueue(url: db.url, connections: 4, retryDeadline: 20)
    }

    /// Another process's view of the same queue (its own connections).
    func another() throws -> JobQueue { try JobQueue(url: db.url, connections: 4, retryDeadline: 20) }

    /// `n` jobs named `doc-0.txt`... in one batch.
    @discardableResult
    func submit(_ n: Int, name: String? = nil) throws -> BatchReceipt {
        try queue.submit((0..<n).map { SubmitItem(path: "/in/doc-\($0).txt", size: 100) }, name: name)
    }
}

/// The log's free text (document names) must pass a redactor; names in these tests hold nothing.
let identityRedactor = ClosureRedactor(identifier: "test-identity 1") { ($0, 0) }

/// A gate recorder on `store` as `redact check --log --area cps-wessex --source dorset-police` makes it.
func gateRecorder(_ store: any LogStore) -> GateRecorder {
    GateRecorder(store: store, context: GateContext(
        area: "cps-wessex", operatorID: "queue-test", sourceOrganisation: "dorset-police",
        packVersion: "test-pack-1", toolVersion: "test"))
}

/// Thread-safe counters for what the job functions did.
final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [UUID: Int] = [:]

    func add(_ id: UUID) { lock.withLock { counts[id, default: 0] += 1 } }
    var all: [UUID: Int] { lock.withLock { counts } }
}

/// Waits until `condition` holds or `seconds` pass; returns whether it held.
func eventually(_ seconds: TimeInterval = 20, _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if try condition() { return true }
        usleep(20_000)
    }
    return try condition()
}
