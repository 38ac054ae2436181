import Foundation
import PostgresNIO

extension PostgresLogStore {
    /// Streams the entries selected by `clause` (SQL over `entry`'s columns with `$1...` bound to
    /// `arguments`), in chain order, with all their child rows, in batches of
    /// ``Options/readBatchSize`` entries: 1 + 6 statements per batch, merged by `seq` as the
    /// SQLite store does.
    func forEachEntry(_ c: PGConnection, where clause: String = "TRUE", arguments: [LogValue] = [],
                      _ body: (StoredEntry) throws -> Void) throws {
        let n = arguments.count
        let batchSize = max(1, options.readBatchSize)
        var after = Int64.min
        let columns = SQLiteLogStore.entryColumns
        let kinds: [Schema.Kind] = [.integer] + Schema.entryContent.columns.map(\.kind)
            + Schema.entryLink.columns.dropFirst().map(\.kind) + [.text]
        let nContent = Schema.entryContent.columns.count
        while true {
            let rows = try c.query("""
                SELECT \(columns.joined(separator: ", ")) FROM entry WHERE (\(clause)) AND seq > $\(n + 1)
                ORDER BY seq LIMIT \(batchSize)
                """, arguments + [.int(after)])
            guard let firstRow = rows.first, let lastRow = rows.last else { return }
            let lo = try firstRow.makeRandomAccess()[0].decode(Int64.self)
            let hi = try lastRow.makeRandomAccess()[0].decode(Int64.self)
            var children: [[Int64: [[LogValue]]]] = []
            for t in Schema.children {
                let order = t.multiRow ? "seq, ordinal" : "seq"
                let childRows = try c.query("""
                    SELECT seq, \(t.columns.map(\.name).joined(separator: ", ")) FROM \(t.name)
                    WHERE seq >= $1 AND seq <= $2 ORDER BY \(order)
                    """, [.int(lo), .int(hi)])
                var bySeq: [Int64: [[LogValue]]] = [:]
                let childKinds = t.columns.map(\.kind)
                for r in childRows {
                    let ra = r.makeRandomAccess()
                    let seq = try ra[0].decode(Int64.self)
                    var values: [LogValue] = []
                    values.reserveCapacity(childKinds.count)
                    for (k, kind) in childKinds.enumerated() { values.append(try Self.value(ra[k + 1], kind)) }
                    bySeq[seq, default: []].append(values)
                }
                children.append(bySeq)
            }
            for r in rows {
                let ra = r.makeRandomAccess()
                var values: [LogValue] = []
                values.reserveCapacity(columns.count)
                for (k, kind) in kinds.enumerated() { values.append(try Self.value(ra[k], kind)) }
                guard let seq = values[0].int, let prev = values[nContent + 5].text, let hash = values.last?.text else {
                    throw LogError(.chainBroken, "an entry row is missing its chain fields")
                }
                let link = EntryLink(seq: seq, originLog: values[nContent + 1].text, originSeq: values[nContent + 2].int,
                                     originPrevHash: values[nContent + 3].text, originHash: values[nContent + 4].text,
                                     prevHash: prev)
                var content = EntryContent(entry: Array(values[1...nContent]))
                for t in 0..<children.count { content.children[t] = children[t][seq] ?? [] }
                try body(StoredEntry(link: link, hash: hash, content: content))
                after = seq
            }
            if rows.count < batchSize { return }
        }
    }

    /// A stored value as the log's value type, by the column's declared kind.
    static func value(_ cell: PostgresCell, _ kind: Schema.Kind) throws -> LogValue {
        switch kind {
        case .integer: return try cell.decode(Int64?.self).map(LogValue.int) ?? .null
        case .text: return try cell.decode(String?.self).map(LogValue.text) ?? .null
        }
    }

    // MARK: - Breach register

    func breachVersions(_ c: PGConnection, id: UUID) throws -> [BreachRecord] {
        var out: [BreachRecord] = []
        try forEachEntry(c, where: "seq IN (SELECT seq FROM breach_version WHERE breach_id = $1)",
                         arguments: [.text(id.uuidString.lowercased())]) { out.append(try EntryBuilder.breachRecord($0.content)) }
        return out.sorted { $0.version < $1.version }
    }

    public func breachHistory(id: UUID) throws -> [BreachRecord] {
        try read(action: "reading the breach") { try breachVersions($0, id: id) }
    }

    public func breaches(_ filter: BreachFilter) throws -> [BreachRecord] {
        var args: [LogValue] = []
        func bind(_ v: String) -> String { args.append(.text(v)); return "$\(args.count)" }
        var conditions = ["TRUE"]
        if let a = filter.area { conditions.append("area = \(bind(a))") }
        var inner = ["TRUE"]
        if let s = filter.stage { inner.append("stage = \(bind(s.rawValue))") }
        if let s = filter.status { inner.append("status = \(bind(s.rawValue))") }
        if let v = filter.recordedVia { inner.append("recorded_via = \(bind(v.rawValue))") }
        let clause = conditions.joined(separator: " AND ")
            + " AND seq IN (SELECT seq FROM breach_latest WHERE \(inner.joined(separator: " AND ")))"
        return try read(action: "listing breaches") { c in
            var out: [BreachRecord] = []
            try forEachEntry(c, where: clause, arguments: args) { out.append(try EntryBuilder.breachRecord($0.content)) }
            return out
        }
    }

    public func overdueBreaches(warningHours: Double = 24) throws -> [OverdueBreach] {
        OverdueBreach.select(from: try breaches(BreachFilter(stage: .breach, status: .open)), now: options.clock(),
                                 warningHours: warningHours)
    }

    // MARK: - Head

    public func checkpoint() throws -> Checkpoint {
        try read(action: "reading the head of the log") { c in
            let head = try Self.head(c)
            return Checkpoint(logID: logID, count: head.seq, headHash: head.hash ?? HashChain.genesis(logID: logID))
        }
    }
}
