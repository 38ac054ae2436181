import RedactCore
import Foundation
import GRDB

/// The export formats, shared by every store.
///
/// ## JSON Lines (lossless; what `import` reads)
/// The first line is a header; each further line is one entry with every stored column by its
/// schema name, its chain fields, and one array per child table that has rows:
///
/// ```
/// {"format":"redact-log-export","version":1,"log_id":"…","exported_at":"…","head_seq":2,"head_hash":"…","filter":{"area":null,"since":null,"until":null}}
/// {"seq":1,"entry_id":"…","kind":"disclosure",…,"prev_hash":"…","hash":"…","disclosure":[{…}],"redaction":[{…},…]}
/// ```
///
/// Keys are written in schema order by hand (an encoder promises no order, and people diff
/// exports). Entries keep the hashes of the exporting log so the importer can re-verify them.
///
/// ## CSV (for spreadsheets; not importable)
/// One row per disclosure, per redaction, per breach version and per QA check (column `record`),
/// over the union of their columns (the QA check's own columns come last); a breach's data categories and linked entries are joined with `;`. Text that
/// a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`) is prefixed with `'`.
public enum LogExport {
    public static let formatName = "redact-log-export"
    public static let version = 1

    // MARK: JSON

    static func jsonString(_ s: String, into out: inout String) { JSONText.quote(s, into: &out) }

    static func json(_ v: LogValue, into out: inout String) {
        switch v {
        case .null: out.append("null")
        case .int(let n): out.append(String(n))
        case .text(let s): jsonString(s, into: &out)
        }
    }

    static func jsonObject(_ columns: [Schema.Column], _ values: [LogValue], into out: inout String) {
        out.append("{")
        for (k, c) in columns.enumerated() {
            if k > 0 { out.append(",") }
            jsonString(c.name, into: &out)
            out.append(":")
            json(values[k], into: &out)
        }
        out.append("}")
    }

    static func header(_ head: Checkpoint, filter: ExportFilter, exportedAt: Date) -> String {
        var o = "{\"format\":\"\(formatName)\",\"version\":\(version),\"log_id\":"
        jsonString(head.logID, into: &o)
        o += ",\"exported_at\":\"\(LogTime.format(exportedAt))\",\"head_seq\":\(head.count),\"head_hash\":\"\(head.headHash)\",\"filter\":{\"area\":"
        json(filter.area.map(LogValue.text) ?? .null, into: &o)
        o += ",\"since\":"
        json(filter.since.map { .text(LogTime.format($0)) } ?? .null, into: &o)
        o += ",\"until\":"
        json(filter.until.map { .text(LogTime.format($0)) } ?? .null, into: &o)
        o += "}}\n"
        return o
    }

    static func jsonLine(_ e: StoredEntry) -> String {
        var o = "{\"seq\":\(e.link.seq)"
        for (k, c) in Schema.entryContent.columns.enumerated() {
            o += ","
            jsonString(c.name, into: &o)
            o += ":"
            json(e.content.entry[k], into: &o)
        }
        let l = e.link.values
        for (k, c) in Schema.entryLink.columns.enumerated().dropFirst() {
            o += ","
            jsonString(c.name, into: &o)
            o += ":"
            json(l[k], into: &o)
        }
        o += ",\"hash\":\"\(e.hash)\""
        for (t, rows) in e.content.children.enumerated() where !rows.isEmpty {
            let table = Schema.children[t]
            o += ",\"\(table.name)\":["
            for (r, row) in rows.enumerated() {
                if r > 0 { o += "," }
                jsonObject(table.columns, row, into: &o)
            }
            o += "]"
        }
        o += "}\n"
        return o
    }

    // MARK: CSV

    /// The CSV columns: `record`, the entry's columns, then each child table's columns not seen
    /// yet, then the joined breach lists.
    static let csvColumns: [String] = {
        var cols = ["record"] + SQLiteLogStore.entryColumns
        for t in [Schema.disclosure, Schema.redaction, Schema.breachVersion] {
            for c in t.columns where !cols.contains(c.name) { cols.append(c.name) }
        }
        cols += ["data_categories", "linked_entries"]
        // QA checks (schema v2) last, so the columns of earlier exports keep their places.
        for c in Schema.qaCheck.columns where !cols.contains(c.name) { cols.append(c.name) }
        return cols
    }()

    static let csvIndex: [String: Int] = Dictionary(uniqueKeysWithValues: csvColumns.enumerated().map { ($1, $0) })

    static func csvField(_ v: LogValue) -> String {
        switch v {
        case .null: return ""
        case .int(let n): return String(n)
        case .text(var s):
            if let f = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(f) { s = "'" + s }
            if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
                return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            return s
        }
    }

    static func csvHeader() -> String { csvColumns.joined(separator: ",") + "\n" }

    static func csvLines(_ e: StoredEntry) -> String {
        var base = [LogValue](repeating: .null, count: csvColumns.count)
        let l = e.link.values
        base[csvIndex["seq"]!] = l[0]
        for (k, c) in Schema.entryContent.columns.enumerated() { base[csvIndex[c.name]!] = e.content.entry[k] }
        for (k, c) in Schema.entryLink.columns.enumerated().dropFirst() { base[csvIndex[c.name]!] = l[k] }
        base[csvIndex["hash"]!] = .text(e.hash)
        var out = ""
        func emit(_ record: String, _ row: [LogValue]) {
            var r = row
            r[0] = .text(record)
            out += r.map(csvField).joined(separator: ",") + "\n"
        }
        func fill(_ table: Schema.Table, _ values: [LogValue], into row: inout [LogValue]) {
            for (k, c) in table.columns.enumerated() { row[csvIndex[c.name]!] = values[k] }
        }
        if let d = e.content.children[Schema.disclosureIndex].first {
            var row = base
            fill(Schema.disclosure, d, into: &row)
            emit("disclosure", row)
            for r in e.content.children[Schema.redactionIndex] {
                var rr = [LogValue](repeating: .null, count: csvColumns.count)
                rr[csvIndex["seq"]!] = l[0]
                rr[csvIndex["entry_id"]!] = e.content.entry[0]
                rr[csvIndex["area"]!] = e.content.entry[3]
                fill(Schema.redaction, r, into: &rr)
                emit("redaction", rr)
            }
        }
        if let b = e.content.children[Schema.breachVersionIndex].first {
            var row = base
            fill(Schema.breachVersion, b, into: &row)
            let cats = e.content.children[Schema.breachCategoryIndex].map { r -> String in
                (r[1].text ?? "") + (r[2].int.map { ":\($0)" } ?? "")
            }
            row[csvIndex["data_categories"]!] = cats.isEmpty ? .null : .text(cats.joined(separator: ";"))
            let links = e.content.children[Schema.breachLinkIndex].compactMap { $0[1].text }
            row[csvIndex["linked_entries"]!] = links.isEmpty ? .null : .text(links.joined(separator: ";"))
            emit("breach", row)
        }
        if let q = e.content.children[Schema.qaCheckIndex].first {
            var row = base
            fill(Schema.qaCheck, q, into: &row)
            emit("qa_check", row)
        }
        return out
    }
}

extension SQLiteLogStore {
    @discardableResult
    public func export(format: ExportFormat, filter: ExportFilter, to output: any LogOutput) throws -> ExportSummary {
        if let a = filter.area { _ = try reference.validate(a, .areas) }
        var clause = ["1"]
        var args: [any DatabaseValueConvertible] = []
        if let a = filter.area { clause.append("area = ?"); args.append(a) }
        if let s = filter.since { clause.append("recorded_at >= ?"); args.append(LogTime.format(s)) }
        if let u = filter.until { clause.append("recorded_at < ?"); args.append(LogTime.format(u)) }
        let now = options.clock()
        do {
            return try writer.read { db in
                let head = try Self.head(db)
                let cp = Checkpoint(logID: logID, count: head.seq, headHash: head.hash ?? HashChain.genesis(logID: logID))
                switch format {
                case .jsonl: try output.write(LogExport.header(cp, filter: filter, exportedAt: now))
                case .csv: try output.write(LogExport.csvHeader())
                }
                var n: Int64 = 0
                try forEachEntry(db, where: clause.joined(separator: " AND "), arguments: StatementArguments(args)) { e in
                    try output.write(format == .jsonl ? LogExport.jsonLine(e) : LogExport.csvLines(e))
                    n += 1
                }
                try output.flush()
                return ExportSummary(entries: n, head: cp)
            }
        } catch {
            throw LogError.storage(error, doing: "exporting the log")
        }
    }
}
