import Foundation
import RedactTestSupport
import Testing
@testable import RedactLog

@Suite struct ChainTests {
    @Test(arguments: Backend.allCases) func appendedEventsVerify(backend: Backend) throws {
        let log = try backend.makeLog()
        #expect(try log.verify(against: nil) == VerifyReport(
            entries: 0, head: Checkpoint(logID: log.logID, count: 0, headHash: HashChain.genesis(logID: log.logID)), problem: nil))
        var receipts: [EntryReceipt] = []
        for k in 0..<25 { receipts.append(try log.recordDisclosure(event(redactions: k))) }
        #expect(receipts.map(\.seq) == Array(1...25))
        let report = try log.verify(against: nil)
        #expect(report.isValid)
        #expect(report.entries == 25)
        #expect(report.head.headHash == receipts.last!.hash)
        #expect(try log.count("redaction") == Int64((0..<25).reduce(0, +)))
        #expect(try log.checkpoint() == report.head)
    }

    @Test(arguments: Backend.allCases) func theStoredRowsAreWhatWasRecorded(backend: Backend) throws {
        let log = try backend.makeLog()
        var e = event(redactions: 2)
        e.redactions[0].justification = "disproportionate-to-redact"
        e.redactions[0].style = "keep"
        e.redactions[1].valueHMAC = try ValueHMAC(key: Array(repeating: 7, count: 32)).hex(of: Array("x".utf8))
        try log.recordDisclosure(e)
        let d = try #require(try log.rows("SELECT * FROM disclosure").first)
        #expect(d["case_ref"]?.text == "52AB1234567")
        #expect(d["recipient"]?.text == "defence")
        #expect(d["redaction_count"]?.int == 2)
        #expect(d["text_scanner"]?.text == "test-redactor 1")
        let r = try log.rows("SELECT * FROM redaction ORDER BY ordinal")
        #expect(r.map { $0["justification"]?.text } == ["disproportionate-to-redact", "contact-details"])
        #expect(r[1]["value_hmac"]?.text?.count == 64)
        let counts = try log.rows("SELECT category, redactions FROM disclosure_category_count ORDER BY category")
        #expect(counts.map { $0["category"]?.text } == ["nhs_number", "postcode"])
        #expect(counts.map { $0["redactions"]?.int } == [1, 1])
    }

    static let tamperings: [(sql: String, broken: Int64)] = [
        ("UPDATE redaction SET byte_end = byte_end + 1 WHERE seq = 3 AND ordinal = 1", 3),
        ("UPDATE disclosure SET recipient = 'court' WHERE seq = 4", 4),
        ("UPDATE entry SET recorded_at = '2020-01-01T00:00:00.000Z' WHERE seq = 2", 2),
        ("DELETE FROM redaction WHERE seq = 5 AND ordinal = 0", 5),
        ("INSERT INTO redaction (seq, ordinal, category, rule, byte_start, byte_end, style, justification) VALUES (2, 99, 'nino', 'nino.x', 0, 1, 'black-box', 'privacy')", 2),
        ("UPDATE entry SET origin_log = 'x' WHERE seq = 6", 6),
        ("UPDATE redaction SET value_hmac = 'ab' WHERE seq = 3 AND ordinal = 2", 3),
    ]

    @Test(arguments: Backend.allCases, tamperings.indices)
    func tamperingIsFoundAndTheFirstBrokenEntryNamed(backend: Backend, tampering: Int) throws {
        let (sql, broken) = Self.tamperings[tampering]
        let log = try backend.makeLog()
        var ids: [Int64: UUID] = [:]
        for _ in 0..<8 { let r = try log.recordDisclosure(event(redactions: 4)); ids[r.seq] = r.entryID }
        // A deliberate tamperer lifts the append-only guard first.
        try log.allowTampering()
        try log.execute(sql)
        let report = try log.verify(against: nil)
        let problem = try #require(report.problem)
        #expect(problem.seq == broken)
        #expect(problem.entryID == ids[broken]!.uuidString.lowercased())
        #expect(report.entries == broken - 1)
    }

    /// `verify` splits big logs into seq ranges checked in parallel; it must name the same first
    /// broken entry as a walk from the start, including at the joins between ranges.
    static let tamperingsAcrossRanges: [(sql: String, broken: Int64, reason: String)] = [
        ("UPDATE redaction SET style = 'x' WHERE seq = 17 AND ordinal = 0", 17, "do not match"),
        ("DELETE FROM entry WHERE seq = 14", 14, "missing"),        // last of the second range
        ("DELETE FROM entry WHERE seq = 15", 15, "missing"),        // first of the third range
        ("DELETE FROM redaction WHERE seq = 30; DELETE FROM disclosure WHERE seq = 30; DELETE FROM entry WHERE seq = 30", 30, ""),
        // (the head, removed with its rows: only a checkpoint shows it)
        ("UPDATE entry SET prev_hash = hash WHERE seq = 22", 22, "link"),
        ("INSERT INTO redaction (seq, ordinal, category, rule, byte_start, byte_end, style, justification) VALUES (99, 0, 'nino', 'nino.x', 0, 1, 'black-box', 'privacy')", 99, "no entry"),
        // Always a different first digit (a fixed 'a' left a hash that began with 'a' unchanged).
        ("UPDATE entry SET hash = (CASE WHEN substr(hash, 1, 1) = 'a' THEN 'b' ELSE 'a' END) || substr(hash, 2) WHERE seq = 7", 7, "do not match"),
        // Below the first entry: only a look outside the entries' seq range finds them.
        ("INSERT INTO redaction (seq, ordinal, category, rule, byte_start, byte_end, style, justification) VALUES (0, 0, 'nino', 'nino.x', 0, 1, 'black-box', 'privacy')", 0, "no entry"),
    ]

    @Test(arguments: tamperingsAcrossRanges.indices)
    func parallelVerifyNamesTheSameEntry(tampering: Int) throws {
        let (sql, broken, reason) = Self.tamperingsAcrossRanges[tampering]
        let dir = TempDir()
        let writer = try makeStore(dir)
        for _ in 0..<30 { try writer.recordDisclosure(event(redactions: 2)) }
        let cp = try writer.checkpoint()
        try writer.tamper("PRAGMA foreign_keys = OFF")
        for t in ["entry", "redaction", "disclosure"] { try writer.tamper("DROP TRIGGER \(t)_no_update; DROP TRIGGER \(t)_no_delete") }
        try writer.tamper(sql)
        for parts in [1, 2, 3, 4] {
            let store = try SQLiteLogStore(path: dir.path("log.sqlite"), options: .init(readOnly: true, verifyParallelism: parts))
            if reason.isEmpty {
                #expect(try store.verify(against: nil).isValid, "\(parts)")
                #expect(try store.verify(against: cp).problem?.seq == 30, "\(parts)")
            } else {
                let p = try #require(try store.verify(against: nil).problem, "\(parts)")
                #expect(p.seq == broken, "\(parts) ranges: \(p)")
                #expect(p.reason.contains(reason), "\(parts) ranges: \(p)")
            }
        }
    }

    /// PostgreSQL's `verify` reads the log in batches of entries; the same tamperings must be
    /// named the same whatever the batch size, including at the joins between batches.
    @Test(.enabled(if: !PostgresTestDatabase.skipped), arguments: tamperingsAcrossRanges.indices)
    func batchedVerifyNamesTheSameEntry(tampering: Int) throws {
        let (sql, broken, reason) = Self.tamperingsAcrossRanges[tampering]
        let log = try Backend.postgres.makeLog()
        for _ in 0..<30 { try log.recordDisclosure(event(redactions: 2)) }
        let cp = try log.checkpoint()
        try log.allowTampering()
        try log.execute(sql)
        for batch in [1, 7, 14, 15, 2_000] {
            var options = PostgresLogStore.Options(readOnly: true)
            options.readBatchSize = batch
            let store = try PostgresLogStore(url: try #require(log.postgresURL), options: options)
            if reason.isEmpty {
                #expect(try store.verify(against: nil).isValid, "\(batch)")
                #expect(try store.verify(against: cp).problem?.seq == 30, "\(batch)")
            } else {
                let p = try #require(try store.verify(against: nil).problem, "\(batch)")
                #expect(p.seq == broken, "batches of \(batch): \(p)")
                #expect(p.reason.contains(reason), "batches of \(batch): \(p)")
            }
        }
    }

    @Test(arguments: Backend.allCases) func aRemovedEntryOrOrphanRowsAreFound(backend: Backend) throws {
        let log = try backend.makeLog()
        for _ in 0..<5 { try log.recordDisclosure(event(redactions: 2)) }
        try log.allowTampering()
        try log.execute("DELETE FROM entry WHERE seq = 3")
        var p = try #require(try log.verify(against: nil).problem)
        #expect(p.seq == 3)
        #expect(p.reason.contains("missing"))

        let log2 = try backend.makeLog()
        for _ in 0..<3 { try log2.recordDisclosure(event(redactions: 2)) }
        try log2.allowTampering()
        try log2.execute("INSERT INTO redaction (seq, ordinal, category, rule, byte_start, byte_end, style, justification) VALUES (9, 0, 'nino', 'nino.x', 0, 1, 'black-box', 'privacy')")
        p = try #require(try log2.verify(against: nil).problem)
        #expect(p.seq == 9)
        #expect(p.reason.contains("redaction belong to no entry"))
    }

    @Test(arguments: Backend.allCases) func checkpointsProveTheLogWasOnlyAppendedTo(backend: Backend) throws {
        let log = try backend.makeLog()
        for _ in 0..<6 { try log.recordDisclosure(event()) }
        let cp = try log.checkpoint()
        #expect(cp.count == 6)
        #expect(Checkpoint(cp.description, logID: log.logID) == cp)
        for _ in 0..<3 { try log.recordDisclosure(event()) }
        #expect(try log.verify(against: cp).isValid)
        #expect(try log.verify(against: Checkpoint(logID: log.logID, count: 0, headHash: HashChain.genesis(logID: log.logID))).isValid)

        // A log rewritten from entry 4 on, with every later hash recomputed, still verifies on its
        // own; only the checkpoint shows the rewrite.
        let forged = Checkpoint(logID: log.logID, count: 6, headHash: String(repeating: "a", count: 64))
        #expect(try log.verify(against: forged).problem?.seq == 6)
        let future = Checkpoint(logID: log.logID, count: 20, headHash: cp.headHash)
        #expect(try log.verify(against: future).problem?.reason.contains("shorter") == true)
        let other = Checkpoint(logID: UUID().uuidString.lowercased(), count: 6, headHash: cp.headHash)
        #expect(try log.verify(against: other).problem != nil)
    }

    @Test(arguments: Backend.allCases) func aCorrectionIsANewEntryNamingTheOld(backend: Backend) throws {
        let log = try backend.makeLog()
        let first = try log.recordDisclosure(event())
        var fix = event(redactions: 5)
        fix.corrects = first.entryID
        let second = try log.recordDisclosure(fix)
        #expect(second.seq == 2)
        let corrects = try log.column("SELECT corrects FROM entry WHERE seq = 2")
        #expect(corrects == [.text(first.entryID.uuidString.lowercased())])
        let count = try log.column("SELECT redaction_count FROM disclosure WHERE seq = 1")
        #expect(count == [.int(3)])
        var bad = event()
        bad.corrects = UUID()
        #expect(throws: LogError.self) { try log.recordDisclosure(bad) }
        // The same entry id twice is refused, not silently duplicated.
        var dup = event()
        dup.id = first.entryID
        #expect((#expect(throws: LogError.self) { try log.recordDisclosure(dup) })?.kind == .conflict)
        #expect(try log.verify(against: nil).entries == 2)
    }

    @Test func theEncodingIsStable() throws {
        // A fixed content and link always hash to the same value: a change here breaks every
        // existing log, so it must be deliberate (a new encoding version). The pinned value was
        // also computed by an independent implementation of the documented encoding (a short
        // Python script following CanonicalEncoder's comment), not only by this code.
        var content = EntryContent(entry: [.text("00000000-0000-0000-0000-000000000001"), .text("disclosure"),
                                           .text("2025-01-01T00:00:00.000Z"), .text("cps-wessex"), .null])
        content.children[Schema.redactionIndex] = [[.int(0), .text("nino"), .text("nino.x"), .int(1), .int(10),
                                                    .text("black-box"), .text("privacy"), .null]]
        let link = EntryLink(seq: 1, prevHash: HashChain.genesis(logID: "00000000-0000-0000-0000-000000000000"))
        let bytes = HashChain.contentBytes(content)
        #expect(bytes.prefix(10) == [0x52, 0, 0, 0, 5, 0x65, 0x6E, 0x74, 0x72, 0x79])
        #expect(HashChain.hash(link: link, contentBytes: bytes)
            == "47686b4f7a7f4bb49cfca8890a03b5b2c131b8b2efc064c37a7f4830931233b7")
        // Omitting NULLs: the same content with an extra NULL column hashes the same.
        var withNull = content
        withNull.children[Schema.redactionIndex][0].append(.null)
        #expect(HashChain.contentBytes(withNull) == bytes)
    }
}
