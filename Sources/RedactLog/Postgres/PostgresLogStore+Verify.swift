import Foundation

/// `verify`, `export` and `import` over the PostgreSQL log: the same checks, the same export
/// format and the same merge rules as the SQLite store, on rows streamed in batches.
///
/// Every reader runs inside one `REPEATABLE READ, READ ONLY` transaction, so a long export or
/// verify sees one state of the log while writers go on appending (the counterpart of SQLite's
/// WAL snapshot).
extension PostgresLogStore {
    public func verify(against checkpoint: Checkpoint? = nil) throws -> VerifyReport {
        try snapshot(action: "verifying the log") { c in
            let genesis = HashChain.genesis(logID: logID)
            var count: Int64 = 0
            var prev = genesis
            var problem: VerifyReport.Problem?
            var checkpointHash: String? = checkpoint?.count == 0 ? genesis : nil
            struct Stop: Error {}
            do {
                // Child rows are read per batch of entries, by the batch's seq range, so rows below
                // or above every entry's seq are never seen by the walk: look for them apart, where
                // the SQLite store's merge meets them (before the first entry, after the last).
                if let orphans = try Self.orphanRows(c, where: "seq < 1") { problem = orphans; throw Stop() }
                try forEachEntry(c) { e in
                    let seq = e.link.seq
                    func fail(_ reason: String) throws -> Never {
                        problem = .init(seq: seq, entryID: e.content.entryID, reason: reason)
                        throw Stop()
                    }
                    guard seq == count + 1 else {
                        problem = .init(seq: count + 1, entryID: nil, reason: seq > count + 1 ? "missing (the next entry is \(seq))" : "out of order")
                        throw Stop()
                    }
                    if e.link.prevHash != prev {
                        try fail(seq == 1 ? "does not start from this log's genesis value" : "does not link to the entry before it (prev_hash differs)")
                    }
                    let bytes = HashChain.contentBytes(e.content)
                    guard HashChain.hash(link: e.link, contentBytes: bytes) == e.hash else {
                        try fail("its stored rows do not match its hash (changed after it was written)")
                    }
                    let l = e.link
                    if l.originLog != nil || l.originSeq != nil || l.originPrevHash != nil || l.originHash != nil {
                        guard l.originPrevHash != nil, l.originSeq != nil, let ohash = l.originHash else {
                            try fail("its origin fields are incomplete")
                        }
                        guard HashChain.originHash(link: l, contentBytes: bytes) == ohash else {
                            try fail("its content does not match the hash it had in its origin log")
                        }
                    }
                    if seq == checkpoint?.count { checkpointHash = e.hash }
                    prev = e.hash
                    count += 1
                }
                problem = try Self.orphanRows(c, where: "seq > $1", [.int(count)])
            } catch is Stop {}
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
            return VerifyReport(entries: count, head: Checkpoint(logID: logID, count: count, headHash: prev), problem: problem)
        }
    }

    /// The first child table (in ``Schema/children`` order) with rows matching `condition` on
    /// `seq`, as the problem ``verify(against:)`` reports: rows that belong to no entry.
    static func orphanRows(_ c: PGConnection, where condition: String, _ arguments: [LogValue] = []) throws -> VerifyReport.Problem? {
        for t in Schema.children {
            if let seq = try c.query("SELECT MIN(seq) FROM \(t.name) WHERE \(condition)", arguments).first?.decode(Int64?.self) {
                return .init(seq: seq, entryID: nil, reason: "rows in \(t.name) belong to no entry")
            }
        }
        return nil
    }

    @discardableResult
    public func export(format: ExportFormat, filter: ExportFilter, to output: any LogOutput) throws -> ExportSummary {
        if let a = filter.area { _ = try reference.validate(a, .areas) }
        var args: [LogValue] = []
        var clause = ["TRUE"]
        if let a = filter.area { args.append(.text(a)); clause.append("area = $\(args.count)") }
        if let s = filter.since { args.append(.text(LogTime.format(s))); clause.append("recorded_at >= $\(args.count)") }
        if let u = filter.until { args.append(.text(LogTime.format(u))); clause.append("recorded_at < $\(args.count)") }
        let now = options.clock()
        // Not retried: what was already written to `output` cannot be taken back.
        return try snapshot(action: "exporting the log", retrying: false) { c in
            let head = try Self.head(c)
            let cp = Checkpoint(logID: logID, count: head.seq, headHash: head.hash ?? HashChain.genesis(logID: logID))
            switch format {
            case .jsonl: try output.write(LogExport.header(cp, filter: filter, exportedAt: now))
            case .csv: try output.write(LogExport.csvHeader())
            }
            var n: Int64 = 0
            try forEachEntry(c, where: clause.joined(separator: " AND "), arguments: args) { e in
                try output.write(format == .jsonl ? LogExport.jsonLine(e) : LogExport.csvLines(e))
                n += 1
            }
            try output.flush()
            return ExportSummary(entries: n, head: cp)
        }
    }

    /// Merges one export file in one transaction under the append lock: either every new entry of
    /// the file is added, or, if any line fails its checks, none is. Not retried: the input is a
    /// stream that cannot be read twice; a failed import changes nothing and can be run again.
    @discardableResult
    public func importExport(_ input: any LogInput) throws -> ImportSummary {
        let header = try LogImport.header(try input.readLine(), name: input.name)
        var verifier = LogImport.SourceVerifier(header: header, name: input.name)
        var read: Int64 = 0, added: Int64 = 0, skipped: Int64 = 0
        var complete = false
        do {
            try pool.withConnection { c in
                try c.transaction {
                    try c.query("SELECT pg_advisory_xact_lock($1)", [.int(Self.appendLockKey)])
                    var head = try Self.head(c)
                    var line = 1
                    while let text = try input.readLine() {
                        line += 1
                        if text.isEmpty { continue }
                        let e = try LogImport.entry(text, "\(input.name) line \(line)", reference: reference)
                        let origin = try verifier.check(e, line: line)
                        read += 1
                        if let row = try c.query("""
                            SELECT seq, origin_log, origin_seq, origin_prev_hash, origin_hash, prev_hash, hash
                            FROM entry WHERE entry_id = $1
                            """, [.text(e.content.entryID)]).first {
                            let (seq, oLog, oSeq, oPrev, oHash, prev, hash) =
                                try row.decode((Int64, String?, Int64?, String?, String?, String, String).self)
                            let mine: (String, Int64, String, String) = oLog == nil
                                ? (logID, seq, prev, hash) : (oLog ?? "", oSeq ?? 0, oPrev ?? "", oHash ?? "")
                            guard mine == (origin.log, origin.seq, origin.prevHash, origin.hash) else {
                                throw LogError(.conflict, "\(input.name) line \(line): entry \(e.content.entryID) is already in this log with different content")
                            }
                            skipped += 1
                            continue
                        }
                        guard origin.log != logID else {
                            throw LogError(.importRejected, "\(input.name) line \(line): claims to come from this log but is not in it")
                        }
                        let link = EntryLink(seq: head.seq + 1, originLog: origin.log, originSeq: origin.seq,
                                             originPrevHash: origin.prevHash, originHash: origin.hash,
                                             prevHash: head.hash ?? HashChain.genesis(logID: logID))
                        let receipt = try Self.insert(c, link: link, content: e.content)
                        head = (receipt.seq, receipt.hash)
                        added += 1
                    }
                    complete = try verifier.finish()
                }
            }
        } catch {
            throw PGError.map(error, doing: "importing \(input.name)")
        }
        return ImportSummary(sourceLogID: header.logID, read: read, added: added, skipped: skipped, complete: complete)
    }

    /// Runs `body` in a read-only transaction that sees one snapshot of the log throughout.
    func snapshot<T>(action: String, retrying: Bool = true, _ body: (PGConnection) throws -> T) throws -> T {
        let run = { (c: PGConnection) throws -> T in
            try c.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            do {
                let value = try body(c)
                try c.query("COMMIT")
                return value
            } catch {
                if !c.isBroken { _ = try? c.query("ROLLBACK") }
                throw error
            }
        }
        if retrying { return try read(action: action, run) }
        do {
            return try pool.withConnection(run)
        } catch {
            throw PGError.map(error, doing: action)
        }
    }
}
