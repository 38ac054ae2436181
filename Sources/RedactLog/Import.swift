import Foundation
import GRDB

/// Reading and checking an export (JSON Lines) before any of it is merged, shared by every store.
///
/// An import proves, per source file, that what it merges is what the source log held:
/// - every entry's hash is recomputed from its rows and link fields;
/// - consecutive entries must link (`prev_hash` = the previous entry's `hash`), and entry 1 must
///   start from the genesis value of the source's log id;
/// - an unfiltered export must be the whole chain, `1...head_seq`, ending at `head_hash`;
///   a filtered one (`--area`, `--since`, `--until`) may have gaps, and each entry is still
///   checked on its own;
/// - an entry that was itself imported carries its origin (`origin_log`, `origin_seq`,
///   `origin_prev_hash`, `origin_hash`), and its content must hash to the origin hash.
///
/// Merging is idempotent: an entry whose id is already present with the same origin is skipped;
/// the same id with a different origin is a conflict and rejects the file.
enum LogImport {
    struct Header {
        var logID: String
        var headSeq: Int64
        var headHash: String
        var filtered: Bool
    }

    static func object(_ line: String, _ where_: String) throws -> [String: Any] {
        guard let obj = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
            throw LogError(.importRejected, "\(where_): not a JSON object")
        }
        return obj
    }

    static func header(_ line: String?, name: String) throws -> Header {
        guard let line else { throw LogError(.importRejected, "\(name): empty file") }
        let o = try object(line, "\(name) line 1")
        guard o["format"] as? String == LogExport.formatName else {
            throw LogError(.importRejected, "\(name): not a redact log export (JSON Lines)")
        }
        guard (o["version"] as? NSNumber)?.intValue == LogExport.version else {
            throw LogError(.importRejected, "\(name): export format version not supported")
        }
        guard let id = o["log_id"] as? String, Validation.isUUID(id),
              let seq = (o["head_seq"] as? NSNumber).flatMap({ Int64($0.stringValue) }), seq >= 0,
              let hash = o["head_hash"] as? String, Validation.isHex(hash, length: 64),
              let filter = o["filter"] as? [String: Any]
        else { throw LogError(.importRejected, "\(name): malformed header") }
        let filtered = filter.values.contains { !($0 is NSNull) }
        return Header(logID: id, headSeq: seq, headHash: hash, filtered: filtered)
    }

    static func value(_ any: Any?, _ column: Schema.Column, _ where_: String) throws -> LogValue {
        switch any {
        case nil, is NSNull:
            guard column.nullable else { throw LogError(.importRejected, "\(where_): \(column.name) is missing") }
            return .null
        case let s as String:
            guard column.kind == .text else { throw LogError(.importRejected, "\(where_): \(column.name) must be a number") }
            guard s.utf8.count <= Validation.freeTextMax * 4 else { throw LogError(.importRejected, "\(where_): \(column.name) is too long") }
            return .text(s)
        case let n as NSNumber:
            guard column.kind == .integer, let x = Int64(n.stringValue) else {
                throw LogError(.importRejected, "\(where_): \(column.name) must be \(column.kind == .text ? "text" : "an integer")")
            }
            return .int(x)
        default:
            throw LogError(.importRejected, "\(where_): \(column.name) has an unexpected type")
        }
    }

    static func entry(_ line: String, _ where_: String, reference: Reference) throws -> StoredEntry {
        let o = try object(line, where_)
        let known = Set(Schema.entryContent.columns.map(\.name) + Schema.entryLink.columns.map(\.name)
            + ["hash"] + Schema.children.map(\.name))
        if let unknown = o.keys.first(where: { !known.contains($0) }) {
            throw LogError(.importRejected, "\(where_): unknown field \(LogError.show(unknown.replacingOccurrences(of: "_", with: "-"))) (exported by a newer version?)")
        }
        let entry = try Schema.entryContent.columns.map { try value(o[$0.name], $0, where_) }
        let link = try Schema.entryLink.columns.map { try value(o[$0.name], $0, where_) }
        guard case .text(let hash) = try value(o["hash"], Schema.Column(name: "hash", kind: .text, nullable: false), where_),
              Validation.isHex(hash, length: 64) else { throw LogError(.importRejected, "\(where_): malformed hash") }
        var content = EntryContent(entry: entry)
        for (t, table) in Schema.children.enumerated() {
            guard let raw = o[table.name] else { continue }
            guard let rows = raw as? [[String: Any]], !rows.isEmpty else {
                throw LogError(.importRejected, "\(where_): \(table.name) must be a non-empty array of objects")
            }
            let names = Set(table.columns.map(\.name))
            for r in rows {
                if r.keys.contains(where: { !names.contains($0) }) {
                    throw LogError(.importRejected, "\(where_): \(table.name) has an unknown column (exported by a newer version?)")
                }
                content.children[t].append(try table.columns.map { try value(r[$0.name], $0, where_) })
            }
        }
        // Shape: a known kind with exactly its own tables, a UUID id, a known area.
        guard Validation.isUUID(content.entryID) else { throw LogError(.importRejected, "\(where_): entry_id is not a UUID") }
        guard reference.contains(content.area, in: .areas) else {
            throw LogError(.importRejected, "\(where_): unknown area \(LogError.show(content.area))", validCodes: reference.codes(.areas))
        }
        let present = Set(content.children.indices.filter { !content.children[$0].isEmpty })
        switch Schema.EntryKind(rawValue: content.kind) {
        case .disclosure, .hold:
            guard content.children[Schema.disclosureIndex].count == 1,
                  present.isSubset(of: [Schema.disclosureIndex, Schema.redactionIndex])
            else { throw LogError(.importRejected, "\(where_): a disclosure entry must have one disclosure row and only redaction rows besides") }
        case .breach:
            guard content.children[Schema.breachVersionIndex].count == 1,
                  present.isSubset(of: [Schema.breachVersionIndex, Schema.breachCategoryIndex, Schema.breachLinkIndex])
            else { throw LogError(.importRejected, "\(where_): a breach entry must have one breach_version row") }
        case .qaCheck:
            guard content.children[Schema.qaCheckIndex].count == 1, present == [Schema.qaCheckIndex]
            else { throw LogError(.importRejected, "\(where_): a qa-check entry must have one qa_check row and nothing else") }
        case nil:
            throw LogError(.importRejected, "\(where_): unknown entry kind")
        }
        guard case .int(let seq) = link[0], seq >= 1, case .text(let prev) = link[5], Validation.isHex(prev, length: 64) else {
            throw LogError(.importRejected, "\(where_): malformed chain fields")
        }
        let l = EntryLink(seq: seq, originLog: link[1].text, originSeq: link[2].int, originPrevHash: link[3].text,
                          originHash: link[4].text, prevHash: prev)
        return StoredEntry(link: l, hash: hash, content: content)
    }

    /// Checks one source's entries in file order (see the type's documentation).
    struct SourceVerifier {
        let header: Header
        let name: String
        var lastSeq: Int64 = 0
        var lastHash: String?

        init(header: Header, name: String) {
            self.header = header
            self.name = name
        }

        /// Verifies `e` and returns its origin: where it was first written.
        mutating func check(_ e: StoredEntry, line: Int) throws -> (log: String, seq: Int64, prevHash: String, hash: String) {
            let at = "\(name) line \(line) (entry \(e.link.seq))"
            let bytes = HashChain.contentBytes(e.content)
            guard HashChain.hash(link: e.link, contentBytes: bytes) == e.hash else {
                throw LogError(.importRejected, "\(at): does not match its hash")
            }
            guard e.link.seq > lastSeq, e.link.seq <= header.headSeq else {
                throw LogError(.importRejected, "\(at): out of order or beyond the export's head")
            }
            if !header.filtered && e.link.seq != lastSeq + 1 {
                throw LogError(.importRejected, "\(at): entries \(lastSeq + 1)...\(e.link.seq - 1) are missing from an unfiltered export")
            }
            if e.link.seq == 1 && e.link.prevHash != HashChain.genesis(logID: header.logID) {
                throw LogError(.importRejected, "\(at): does not start the chain of log \(header.logID)")
            }
            if e.link.seq == lastSeq + 1, let lastHash, e.link.prevHash != lastHash {
                throw LogError(.importRejected, "\(at): does not link to the entry before it")
            }
            lastSeq = e.link.seq
            lastHash = e.hash
            let l = e.link
            if l.originLog == nil && l.originSeq == nil && l.originPrevHash == nil && l.originHash == nil {
                return (header.logID, l.seq, l.prevHash, e.hash)
            }
            guard let olog = l.originLog, Validation.isUUID(olog), let oseq = l.originSeq, let oprev = l.originPrevHash,
                  let ohash = l.originHash, HashChain.originHash(link: l, contentBytes: bytes) == ohash else {
                throw LogError(.importRejected, "\(at): does not match the hash it had in its origin log")
            }
            return (olog, oseq, oprev, ohash)
        }

        func finish() throws -> Bool {
            if header.filtered { return false }
            guard lastSeq == header.headSeq, lastHash == (header.headSeq == 0 ? nil : header.headHash) else {
                throw LogError(.importRejected, "\(name): the export ends before its stated head (truncated?)")
            }
            return true
        }
    }
}

extension SQLiteLogStore {
    /// Merges one export file in one transaction: either every new entry of the file is added, or,
    /// if any line fails its checks, none is.
    @discardableResult
    public func importExport(_ input: any LogInput) throws -> ImportSummary {
        let header = try LogImport.header(try input.readLine(), name: input.name)
        var verifier = LogImport.SourceVerifier(header: header, name: input.name)
        var read: Int64 = 0, added: Int64 = 0, skipped: Int64 = 0
        var complete = false
        do {
            try writer.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    var head = try Self.head(db)
                    var line = 1
                    let existing = try db.makeStatement(sql: """
                        SELECT seq, origin_log, origin_seq, origin_prev_hash, origin_hash, prev_hash, hash
                        FROM entry WHERE entry_id = ?
                        """)
                    while let text = try input.readLine() {
                        line += 1
                        if text.isEmpty { continue }
                        let e = try LogImport.entry(text, "\(input.name) line \(line)", reference: reference)
                        let origin = try verifier.check(e, line: line)
                        read += 1
                        if let row = try Row.fetchOne(existing, arguments: [e.content.entryID]) {
                            let mine: (String, Int64, String, String) = (row[1] as String?) == nil
                                ? (logID, row[0], row[5], row[6])
                                : (row[1], row[2], row[3], row[4])
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
                        let receipt = try Self.insert(db, link: link, content: e.content)
                        head = (receipt.seq, receipt.hash)
                        added += 1
                    }
                    complete = try verifier.finish()
                    return .commit
                }
            }
        } catch {
            throw LogError.storage(error, doing: "importing \(input.name)")
        }
        return ImportSummary(sourceLogID: header.logID, read: read, added: added, skipped: skipped, complete: complete)
    }
}
