import Crypto
import Foundation
import GRDB
import GRDBSQLite

/// `verify`: recompute every entry's hash from its stored rows and check the links.
///
/// This is the hot loop of `redact log verify` (target: a million entries in under ten seconds),
/// so it reads columns straight from SQLite's statements into the canonical encoder, without
/// building Swift strings or `LogValue`s, and compares digests with the stored hex in place. It
/// must produce exactly the bytes that ``CanonicalEncoder/content(_:)`` produces from the values
/// the writer inserted: the append, export and import tests all run `verify` on what they wrote,
/// which holds the two paths together.
///
/// ## In parallel
/// Each entry's hash depends only on its own rows and its *stored* `prev_hash`, so the chain can
/// be checked in seq ranges on separate read connections, one per core; the joins between ranges
/// (the first `prev_hash` of a range against the last hash of the one before) are checked after.
/// The log is append-only, so every connection sees the same rows for seqs up to the head read
/// at the start, whatever is appended meanwhile; the last range also covers anything appended
/// since, so the report is as of the moment it finishes.
extension SQLiteLogStore {
    /// Entries below which `verify` uses one connection (threads cost more than they save).
    static let parallelThreshold: Int64 = 20_000

    public func verify(against checkpoint: Checkpoint? = nil) throws -> VerifyReport {
        do {
            let head = try read(action: "verifying the log") { try Self.head($0).seq }
            let parts = options.verifyParallelism
                ?? (head < Self.parallelThreshold ? 1 : min(8, max(1, ProcessInfo.processInfo.activeProcessorCount)))
            let ranges = Self.split(head: head, parts: parts)
            var results = [RangeResult?](repeating: nil, count: ranges.count)
            if ranges.count == 1 {
                results[0] = try writer.read { try verifyRange($0, ranges[0], checkpointSeq: checkpoint?.count) }
            } else {
                let box = ResultsBox(count: ranges.count)
                let path = self.path
                let cpSeq = checkpoint?.count
                DispatchQueue.concurrentPerform(iterations: ranges.count) { i in
                    do {
                        var config = Configuration()
                        config.readonly = true
                        // Memory-mapped reads: no copy of each page into SQLite's cache.
                        config.prepareDatabase { try $0.execute(sql: "PRAGMA mmap_size = 2147418112") }
                        let queue = try DatabaseQueue(path: path, configuration: config)
                        box.set(i, .success(try queue.read { try self.verifyRange($0, ranges[i], checkpointSeq: cpSeq) }))
                    } catch {
                        box.set(i, .failure(error))
                    }
                }
                for i in 0..<ranges.count { results[i] = try box.get(i).get() }
            }
            return combine(results.map { $0! }, checkpoint: checkpoint)
        } catch {
            throw LogError.storage(error, doing: "verifying the log")
        }
    }

    /// `1...head` in `parts` contiguous ranges; the first is open below and the last open above
    /// (so stray rows outside `1...head` and entries appended meanwhile are seen).
    static func split(head: Int64, parts: Int) -> [ClosedRange<Int64>] {
        guard parts > 1, head >= Int64(parts) else { return [Int64.min...Int64.max] }
        let size = head / Int64(parts)
        return (0..<parts).map { i in
            let lo = i == 0 ? Int64.min : Int64(i) * size + 1
            let hi = i == parts - 1 ? Int64.max : Int64(i + 1) * size
            return lo...hi
        }
    }

    struct RangeResult: Sendable {
        var entries: Int64 = 0
        var firstSeq: Int64 = 0
        var firstPrev: String?
        var lastHash: String?
        var checkpointHash: String?
        var problem: VerifyReport.Problem?
    }

    final class ResultsBox: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [Result<RangeResult, any Error>?]
        init(count: Int) { values = Array(repeating: nil, count: count) }
        func set(_ i: Int, _ r: Result<RangeResult, any Error>) { lock.withLock { values[i] = r } }
        func get(_ i: Int) -> Result<RangeResult, any Error> { lock.withLock { values[i]! } }
    }

    /// Joins the ranges' results: the first problem wins; ranges must link to each other.
    func combine(_ results: [RangeResult], checkpoint: Checkpoint?) -> VerifyReport {
        let genesis = HashChain.genesis(logID: logID)
        var count: Int64 = 0
        var prevHash = genesis
        var problem: VerifyReport.Problem?
        var checkpointHash: String? = checkpoint?.count == 0 ? genesis : nil
        for r in results {
            if let first = r.firstPrev, first != prevHash {
                problem = .init(seq: r.firstSeq, entryID: nil, reason: "does not link to the entry before it (prev_hash differs)")
                break
            }
            count += r.entries
            if let h = r.lastHash { prevHash = h }
            if let h = r.checkpointHash { checkpointHash = h }
            if let p = r.problem { problem = p; break }
        }
        if problem == nil, let cp = checkpoint {
            if !cp.logID.isEmpty && cp.logID != logID {
                problem = .init(seq: 0, entryID: nil, reason: "the checkpoint is of another log")
            } else if cp.count > count {
                problem = .init(seq: count + 1, entryID: nil,
                                reason: "the log is shorter than the checkpoint (\(cp.count) entries): entries were removed")
            } else if checkpointHash != cp.headHash {
                problem = .init(seq: cp.count, entryID: nil, reason: "differs from the checkpoint: the log was rewritten, not only appended to")
            }
        }
        return VerifyReport(entries: count, head: Checkpoint(logID: logID, count: count, headHash: count == 0 ? genesis : prevHash),
                            problem: problem)
    }

    /// A statement over one table, stepped by hand.
    final class RawCursor {
        let statement: Statement
        let handle: OpaquePointer
        var hasRow = false
        init(_ db: Database, sql: String, range: ClosedRange<Int64>) throws {
            statement = try db.makeStatement(sql: sql)
            handle = statement.sqliteStatement
            sqlite3_bind_int64(handle, 1, range.lowerBound)
            sqlite3_bind_int64(handle, 2, range.upperBound)
        }
        func step() throws {
            let rc = sqlite3_step(handle)
            if rc == SQLITE_ROW { hasRow = true; return }
            hasRow = false
            if rc != SQLITE_DONE { throw LogError(.storage, "reading the log failed (SQLite error \(rc))") }
        }
        var seq: Int64 { sqlite3_column_int64(handle, 0) }
        deinit { sqlite3_reset(handle) }
    }

    @inline(__always) static func textBytes(_ h: OpaquePointer, _ index: Int32) -> UnsafeRawBufferPointer? {
        guard sqlite3_column_type(h, index) == SQLITE_TEXT, let p = sqlite3_column_text(h, index) else { return nil }
        return UnsafeRawBufferPointer(start: p, count: Int(sqlite3_column_bytes(h, index)))
    }

    static func text(_ h: OpaquePointer, _ index: Int32) -> String? {
        textBytes(h, index).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Appends column `index` as a field named by `name`; false if its type is not the declared
    /// one. NULL is omitted (and not counted) as in ``CanonicalEncoder``.
    ///
    /// A NOT NULL column is read without asking its type first (a third of the SQLite calls of
    /// the loop): the tables are `STRICT`, so SQLite itself guarantees a NOT NULL INTEGER column
    /// holds an integer and a TEXT column text.
    @inline(__always)
    static func encodeColumn(_ enc: CanonicalEncoder, _ h: OpaquePointer, _ index: Int32,
                             name: StaticBytes, column: ColumnShape, count: inout Int) -> Bool {
        if column.nullable {
            let type = sqlite3_column_type(h, index)
            if type == SQLITE_NULL { return true }
            guard type == (column.integer ? SQLITE_INTEGER : SQLITE_TEXT) else { return false }
        }
        if column.integer {
            enc.raw(name.bytes); enc.byte(0x49); enc.i64(sqlite3_column_int64(h, index))
        } else {
            guard let p = sqlite3_column_text(h, index) else { return false }
            let n = Int(sqlite3_column_bytes(h, index))
            enc.raw(name.bytes); enc.byte(0x54)
            enc.str(UnsafeRawBufferPointer(start: p, count: n))
        }
        count += 1
        return true
    }

    /// A column's type and nullability without its name (a plain value: no reference counting
    /// in the loop).
    struct ColumnShape {
        let integer: Bool
        let nullable: Bool
        init(_ c: Schema.Column) { integer = c.kind == .integer; nullable = c.nullable }
    }

    /// Verifies the entries with seq in `range`, as if the chain started there.
    func verifyRange(_ db: Database, _ range: ClosedRange<Int64>, checkpointSeq: Int64?) throws -> RangeResult {
        let entries = try RawCursor(db, sql: """
            SELECT \(Self.entryColumns.joined(separator: ", ")) FROM entry WHERE seq BETWEEN ?1 AND ?2 ORDER BY seq
            """, range: range)
        var children: [RawCursor] = []
        for t in Schema.children {
            let cols = t.columns.map(\.name).joined(separator: ", ")
            children.append(try RawCursor(db, sql: """
                SELECT seq, \(cols) FROM \(t.name) WHERE seq BETWEEN ?1 AND ?2 ORDER BY seq\(t.multiRow ? ", ordinal" : "")
                """, range: range))
            try children.last!.step()
        }
        let genesis = HashChain.genesis(logID: logID)
        var result = RangeResult()
        var expectedSeq: Int64 = range.lowerBound == Int64.min ? 1 : range.lowerBound
        result.firstSeq = expectedSeq
        var prevDigest: SHA256.Digest?
        let enc = CanonicalEncoder(capacity: 1 << 16)
        let originEnc = CanonicalEncoder(capacity: 512)
        let nContent = Schema.entryContent.columns.count
        let entryNames = EncodedNames.entry, linkNames = EncodedNames.link
        let childNames = EncodedNames.children
        let childColumns = Schema.children.map { $0.columns.map(ColumnShape.init) }
        let contentColumns = Schema.entryContent.columns.map(ColumnShape.init)
        let linkColumns = Schema.entryLink.columns.map(ColumnShape.init)
        let iOriginLog = Int32(nContent + 1), iOriginSeq = Int32(nContent + 2), iOriginPrev = Int32(nContent + 3)
        let iOriginHash = Int32(nContent + 4), iPrev = Int32(nContent + 5), iHash = Int32(nContent + 6)
        let linkIndices = [iOriginLog, iOriginSeq, iOriginPrev, iOriginHash, iPrev]

        func fail(_ seq: Int64, _ h: OpaquePointer?, _ reason: String) {
            result.problem = .init(seq: seq, entryID: h.flatMap { Self.text($0, 1) }, reason: reason)
        }

        loop: while true {
            try entries.step()
            guard entries.hasRow else { break }
            let h = entries.handle
            let seq = entries.seq
            guard seq == expectedSeq else {
                fail(expectedSeq, nil, seq > expectedSeq ? "missing (the next entry is \(seq))" : "out of order")
                break
            }
            for (t, c) in children.enumerated() where c.hasRow && c.seq < seq {
                fail(c.seq, nil, "rows in \(Schema.children[t].name) belong to no entry")
                break loop
            }
            // The link to the entry before: the stored prev_hash must be that entry's hash.
            guard let prev = Self.textBytes(h, iPrev) else { fail(seq, h, "has no prev_hash"); break }
            if let prevDigest {
                guard HashChain.hexEquals(prevDigest, prev) else {
                    fail(seq, h, "does not link to the entry before it (prev_hash differs)"); break
                }
            } else if seq == 1 {
                guard String(decoding: prev, as: UTF8.self) == genesis else {
                    fail(seq, h, "does not start from this log's genesis value"); break
                }
            }
            if result.entries == 0 { result.firstPrev = String(decoding: prev, as: UTF8.self) }

            // domain || row(link) || content, in one buffer.
            enc.reset()
            enc.raw(HashChain.domain.bytes)
            var n = 0
            var at = enc.begin(linkNames.rowHeader)
            enc.raw(linkNames.columns[0].bytes); enc.byte(0x49); enc.i64(seq); n += 1
            for (k, i) in linkIndices.enumerated() {
                guard Self.encodeColumn(enc, h, i, name: linkNames.columns[k + 1], column: linkColumns[k + 1], count: &n) else {
                    fail(seq, h, "a chain field has the wrong type"); break loop
                }
            }
            enc.patch(at: at, count: n)
            let contentStart = enc.count
            n = 0
            at = enc.begin(entryNames.rowHeader)
            for k in 0..<nContent {
                guard Self.encodeColumn(enc, h, Int32(k + 1), name: entryNames.columns[k], column: contentColumns[k], count: &n) else {
                    fail(seq, h, "a value has the wrong type"); break loop
                }
            }
            enc.patch(at: at, count: n)
            for (t, c) in children.enumerated() {
                guard c.hasRow && c.seq == seq else { continue }
                let names = childNames[t]
                let columns = childColumns[t]
                let groupAt = enc.begin(names.groupHeader)
                var rows = 0
                while c.hasRow && c.seq == seq {
                    var fields = 0
                    let rowAt = enc.begin(names.rowHeader)
                    for k in 0..<columns.count {
                        guard Self.encodeColumn(enc, c.handle, Int32(k + 1), name: names.columns[k], column: columns[k], count: &fields) else {
                            fail(seq, h, "a value in \(Schema.children[t].name) has the wrong type"); break loop
                        }
                    }
                    enc.patch(at: rowAt, count: fields)
                    rows += 1
                    try c.step()
                }
                enc.patch(at: groupAt, count: rows)
            }
            var hasher = SHA256()
            hasher.update(bufferPointer: enc.bytes)
            let digest = hasher.finalize()
            guard let stored = Self.textBytes(h, iHash), HashChain.hexEquals(digest, stored) else {
                fail(seq, h, "its stored rows do not match its hash (changed after it was written)"); break
            }
            // An imported entry must also match the hash it had in its origin log.
            if sqlite3_column_type(h, iOriginLog) != SQLITE_NULL || sqlite3_column_type(h, iOriginSeq) != SQLITE_NULL
                || sqlite3_column_type(h, iOriginPrev) != SQLITE_NULL || sqlite3_column_type(h, iOriginHash) != SQLITE_NULL {
                guard let oprev = Self.text(h, iOriginPrev), sqlite3_column_type(h, iOriginSeq) == SQLITE_INTEGER,
                      let ohash = Self.textBytes(h, iOriginHash) else {
                    fail(seq, h, "its origin fields are incomplete"); break
                }
                originEnc.reset()
                originEnc.raw(HashChain.domain.bytes)
                originEnc.row(linkNames, EntryLink(seq: sqlite3_column_int64(h, iOriginSeq), prevHash: oprev).values)
                var originHasher = SHA256()
                originHasher.update(bufferPointer: originEnc.bytes)
                originHasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: enc.bytes[contentStart...]))
                guard HashChain.hexEquals(originHasher.finalize(), ohash) else {
                    fail(seq, h, "its content does not match the hash it had in its origin log"); break
                }
            }
            if seq == checkpointSeq { result.checkpointHash = HashChain.hex(digest) }
            prevDigest = digest
            result.entries += 1
            expectedSeq += 1
        }
        if result.problem == nil && range.upperBound != Int64.max && expectedSeq <= range.upperBound {
            fail(expectedSeq, nil, "missing")
        }
        if result.problem == nil {
            for (t, c) in children.enumerated() where c.hasRow {
                fail(c.seq, nil, "rows in \(Schema.children[t].name) belong to no entry")
                break
            }
        }
        result.lastHash = prevDigest.map { HashChain.hex($0) }
        return result
    }
}
