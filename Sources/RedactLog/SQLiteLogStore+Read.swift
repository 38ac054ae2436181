import Foundation
import GRDB

/// An entry as a log holds it: its place in that log's chain, its hash, and its content.
public struct StoredEntry: Sendable, Equatable {
    public var link: EntryLink
    public var hash: String
    public var content: EntryContent
}

extension SQLiteLogStore {
    /// Streams the entries selected by `clause` (SQL over `entry`'s columns), in chain order, with
    /// all their child rows.
    ///
    /// Why a merge instead of a query per entry: one cursor per table, each in `seq` order (the
    /// tables are clustered that way), read side by side; 1 + 5 statements for any number of
    /// entries instead of 5 per entry.
    func forEachEntry(_ db: Database, where clause: String = "1", arguments: StatementArguments = [],
                      _ body: (StoredEntry) throws -> Void) throws {
        let entries = try Row.fetchCursor(db, sql: """
            SELECT \(Self.entryColumns.joined(separator: ", ")) FROM entry WHERE \(clause) ORDER BY seq
            """, arguments: arguments)
        var children: [ChildCursor] = []
        for t in Schema.children {
            let order = t.multiRow ? "seq, ordinal" : "seq"
            let sql = """
                SELECT seq, \(t.columns.map(\.name).joined(separator: ", ")) FROM \(t.name)
                WHERE seq IN (SELECT seq FROM entry WHERE \(clause)) ORDER BY \(order)
                """
            children.append(try ChildCursor(try Row.fetchCursor(db, sql: sql, arguments: arguments)))
        }
        let nContent = Schema.entryContent.columns.count
        while let row = try entries.next() {
            var values: [LogValue] = []
            values.reserveCapacity(Self.entryColumns.count)
            for i in 0..<Self.entryColumns.count { values.append(try LogValue(row[i] as DatabaseValue)) }
            guard let seq = values[0].int, let prev = values[nContent + 5].text, let hash = values.last?.text else {
                throw LogError(.chainBroken, "an entry row is missing its chain fields")
            }
            let link = EntryLink(seq: seq, originLog: values[nContent + 1].text, originSeq: values[nContent + 2].int,
                                 originPrevHash: values[nContent + 3].text, originHash: values[nContent + 4].text,
                                 prevHash: prev)
            var content = EntryContent(entry: Array(values[1...nContent]))
            for t in 0..<children.count {
                content.children[t] = try children[t].take(seq: seq)
            }
            try body(StoredEntry(link: link, hash: hash, content: content))
        }
    }

    /// A cursor over one child table that hands out the rows of one `seq` at a time.
    final class ChildCursor {
        let cursor: RowCursor
        var pending: (seq: Int64, values: [LogValue])?

        init(_ cursor: RowCursor) throws {
            self.cursor = cursor
            try advance()
        }

        func advance() throws {
            guard let row = try cursor.next() else { pending = nil; return }
            var values: [LogValue] = []
            values.reserveCapacity(row.count - 1)
            for i in 1..<row.count { values.append(try LogValue(row[i] as DatabaseValue)) }
            pending = (row[0], values)
        }

        func take(seq: Int64) throws -> [[LogValue]] {
            var out: [[LogValue]] = []
            while let p = pending, p.seq <= seq {
                if p.seq == seq { out.append(p.values) }
                try advance()
            }
            return out
        }
    }

    func read<T>(action: String, _ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.read(body)
        } catch {
            throw LogError.storage(error, doing: action)
        }
    }

    // MARK: - Breach register

    func breachVersions(_ db: Database, id: UUID) throws -> [BreachRecord] {
        var out: [BreachRecord] = []
        try forEachEntry(db, where: "seq IN (SELECT seq FROM breach_version WHERE breach_id = ?)",
                         arguments: [id.uuidString.lowercased()]) { out.append(try EntryBuilder.breachRecord($0.content)) }
        return out.sorted { $0.version < $1.version }
    }

    public func breachHistory(id: UUID) throws -> [BreachRecord] {
        try read(action: "reading the breach") { try breachVersions($0, id: id) }
    }

    public func breaches(_ filter: BreachFilter) throws -> [BreachRecord] {
        var conditions = ["1"]
        var args: [any DatabaseValueConvertible] = []
        if let a = filter.area { conditions.append("area = ?"); args.append(a) }
        var inner = ["1"]
        if let s = filter.stage { inner.append("stage = ?"); args.append(s.rawValue) }
        if let s = filter.status { inner.append("status = ?"); args.append(s.rawValue) }
        if let v = filter.recordedVia { inner.append("recorded_via = ?"); args.append(v.rawValue) }
        let clause = conditions.joined(separator: " AND ")
            + " AND seq IN (SELECT seq FROM breach_latest WHERE \(inner.joined(separator: " AND ")))"
        return try read(action: "listing breaches") { db in
            var out: [BreachRecord] = []
            try forEachEntry(db, where: clause, arguments: StatementArguments(args)) {
                out.append(try EntryBuilder.breachRecord($0.content))
            }
            return out
        }
    }

    public func overdueBreaches(warningHours: Double = 24) throws -> [OverdueBreach] {
        OverdueBreach.select(from: try breaches(BreachFilter(stage: .breach, status: .open)), now: options.clock(),
                             warningHours: warningHours)
    }

    // MARK: - Head

    public func checkpoint() throws -> Checkpoint {
        try read(action: "reading the head of the log") { db in
            let head = try Self.head(db)
            return Checkpoint(logID: logID, count: head.seq, headHash: head.hash ?? HashChain.genesis(logID: logID))
        }
    }
}
