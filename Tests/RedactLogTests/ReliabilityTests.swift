import Foundation
import GRDB
import GRDBSQLite
import Testing
@testable import RedactLog

@Suite struct ReliabilityTests {
    /// Several writers, each with its own connection to the same file (as separate processes
    /// have), append at once: nothing is lost and the chain stays one line.
    @Test(arguments: Backend.allCases) func concurrentAppendersLeaveOneValidChain(backend: Backend) async throws {
        let first = try backend.makeLog()
        let writers = 6, perWriter = 40
        try await withThrowingTaskGroup(of: [Int64].self) { group in
            for _ in 0..<writers {
                group.addTask {
                    let store = try first.reopen()       // a separate connection (pool) per writer
                    var seqs: [Int64] = []
                    for k in 0..<perWriter { seqs.append(try store.recordDisclosure(event(redactions: k % 7)).seq) }
                    return seqs
                }
            }
            var all: [Int64] = []
            for try await seqs in group { all += seqs }
            #expect(all.sorted() == Array(1...Int64(writers * perWriter)))
        }
        let report = try first.verify(against: nil)
        #expect(report.isValid)
        #expect(report.entries == Int64(writers * perWriter))
    }

    /// A failure part-way through an append leaves nothing of that entry, and the error says what
    /// happened. SQLite: the disk fills (its page limit) while the redaction rows are written.
    /// PostgreSQL: a constraint refuses the redaction rows after the entry's own row went in.
    @Test(arguments: Backend.allCases) func aFailedAppendLeavesNothing(backend: Backend) throws {
        let store = try backend.makeLog()
        try store.recordDisclosure(event(redactions: 2))
        switch backend {
        case .sqlite:
            let pages = try #require(try store.column("PRAGMA page_count").first?.int)
            try store.execute("PRAGMA max_page_count = \(pages + 2)")
        case .postgres:
            try store.execute("ALTER TABLE redaction ADD CONSTRAINT few_redactions CHECK (ordinal < 1000)")
        }
        var failure: LogError?
        for _ in 0..<50 {
            do { try store.recordDisclosure(event(redactions: 2000)) } catch let e as LogError { failure = e; break }
        }
        let e = try #require(failure)
        switch backend {
        case .sqlite:
            #expect(e.kind == .storageFull)
            #expect(e.message.contains("nothing was written"))
        case .postgres:
            #expect(e.kind == .storage)
            #expect(e.message.contains("few_redactions"))
        }
        // Every entry has all its rows: the counts agree entry by entry.
        let mismatched = try store.column("""
            SELECT COUNT(*) FROM disclosure d
            WHERE d.redaction_count <> (SELECT COUNT(*) FROM redaction r WHERE r.seq = d.seq)
            """)
        #expect(mismatched == [.int(0)])
        #expect(try store.count("entry") == (try store.count("disclosure")))
        #expect(try store.verify(against: nil).isValid)
        switch backend {
        case .sqlite: try store.execute("PRAGMA max_page_count = 1073741823")
        case .postgres: try store.execute("ALTER TABLE redaction DROP CONSTRAINT few_redactions")
        }
        try store.recordDisclosure(event())
        #expect(try store.verify(against: nil).isValid)
    }

    @Test(arguments: Backend.allCases) func aReadOnlyLogGivesAClearErrorAndNoHalfEntry(backend: Backend) throws {
        let log = try backend.makeLog()
        try log.recordDisclosure(event())
        let ro = try log.reopen(readOnly: true)
        let e = #expect(throws: LogError.self) { try ro.recordDisclosure(event()) }
        #expect(e?.kind == .readOnly)
        #expect((#expect(throws: LogError.self) { try ro.createAccessToken(name: "a", role: "national", area: nil, sha256: zeroHash) })?.kind == .readOnly)
        #expect(try ro.verify(against: nil).entries == 1)
        let out = MemoryOutput()
        #expect(try ro.export(format: .jsonl, filter: .init(), to: out).entries == 1)
        #expect(try log.count("entry") == 1 && log.count("access_token") == 0)
    }

    @Test func aLogInAMissingDirectoryCannotBeCreated() throws {
        let e = #expect(throws: LogError.self) { try SQLiteLogStore(path: "/nonexistent-dir-\(UUID())/log.sqlite") }
        #expect(e?.kind == .storage)
    }

    /// A writer that dies mid-transaction (simulated: the transaction is left open and the
    /// connection closed without commit) leaves the log as it was.
    @Test func anUncommittedTransactionIsRolledBack() throws {
        let dir = TempDir()
        let store = try makeStore(dir)
        try store.recordDisclosure(event())
        var raw: OpaquePointer?
        #expect(sqlite3_open(dir.path("log.sqlite"), &raw) == SQLITE_OK)
        #expect(sqlite3_exec(raw, "BEGIN IMMEDIATE", nil, nil, nil) == SQLITE_OK)
        #expect(sqlite3_exec(raw, """
            INSERT INTO entry (seq, entry_id, kind, recorded_at, area, prev_hash, hash)
            VALUES (2, 'x', 'disclosure', 'x', 'cps-wessex', 'x', 'x')
            """, nil, nil, nil) == SQLITE_OK)
        // No COMMIT: closing the connection rolls the transaction back, as a crash would.
        sqlite3_close_v2(raw)
        #expect(try store.verify(against: nil).entries == 1)
        #expect(try store.verify(against: nil).isValid)
    }
}
