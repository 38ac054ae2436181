import Foundation
import RedactTestSupport
import Testing
@testable import RedactLog

/// The PostgreSQL store against a real server (a throwaway database per test).
@Suite(.enabled(if: !PostgresTestDatabase.skipped)) struct PostgresStoreTests {
    func open(_ db: PostgresTestDatabase) throws -> PostgresLogStore {
        try PostgresLogStore(url: db.url, redactor: testRedactor)
    }

    @Test func appendsVerifyAndMatchSQLiteHashes() throws {
        let db = try PostgresTestDatabase()
        let store = try open(db)
        var receipts: [EntryReceipt] = []
        for k in 0..<10 { receipts.append(try store.recordDisclosure(event(redactions: k))) }
        #expect(receipts.map(\.seq) == Array(1...10))
        let report = try store.verify(against: nil)
        #expect(report.isValid)
        #expect(report.entries == 10)
        #expect(report.head.headHash == receipts.last!.hash)

        // The export moves into an SQLite log and verifies there: the same chain, the same hashes.
        let out = MemoryOutput()
        try store.export(format: .jsonl, filter: ExportFilter(), to: out)
        let dir = TempDir()
        let sqlite = try makeStore(dir)
        let summary = try sqlite.importExport(StringInput(out.text))
        #expect(summary.added == 10 && summary.complete)
        #expect(try sqlite.verify(against: nil).isValid)
    }

    @Test func concurrentWritersKeepOneLinearChain() throws {
        let db = try PostgresTestDatabase()
        let store = try open(db)
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            let mine = try! PostgresLogStore(url: db.url, redactor: testRedactor)
            for _ in 0..<25 { try! mine.recordDisclosure(event(redactions: 2)) }
        }
        let report = try store.verify(against: nil)
        #expect(report.isValid)
        #expect(report.entries == 200)
    }
}
